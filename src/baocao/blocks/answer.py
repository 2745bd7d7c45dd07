"""An answer: yes/no or a small fixed choice, "Cổng thông tin tích hợp với Cổng DVC quốc gia: Có".

``choices`` is a named set — ``yes_no`` (Có/Không), ``done`` (Đã/Chưa thực hiện), ``posted``
(Có đăng/Không đăng/Không có dữ liệu) — or a list. Rolled up by the keys of a đề cương, the
units' answers become a sentence: how many units gave each choice, of how many
("…: 95/120 đơn vị (79,2%) có; 25 đơn vị (20,8%) không").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from baocao.blocks.base import Data, Expected, as_is, declare, first_written, note_entry, start_comment
from baocao.blocks.cells import Line, Piece, Slot
from baocao.blocks.printing import item, with_note
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.core.messages import either
from baocao.core.yamlout import flow, scalar
from baocao.model.fields import Model, Text, field

ANSWER_SETS: dict[str, tuple[str, ...]] = {
    "yes_no": ("Có", "Không"),
    "done": ("Đã thực hiện", "Chưa thực hiện"),
    "posted": ("Có đăng", "Không đăng", "Không có dữ liệu"),
}
YES_NO_WORDS = {"true": "Có", "yes": "Có", "co": "Có", "false": "Không", "no": "Không", "khong": "Không"}
ANSWER_WORDS: tuple[tuple[str, str], ...] = (
    *((word, "Có") for word in ("có", "đã có", "rồi", "x")),
    *((word, "Không") for word in ("không", "chưa", "chưa có", "không có")),
    *((word, "Đã thực hiện") for word in ("đã", "xong", "đã xong", "hoàn thành", "đã hoàn thành", "có", "rồi", "x")),
    *((word, "Chưa thực hiện") for word in ("chưa", "chưa xong", "chưa hoàn thành", "không")),
    *((word, "Có đăng") for word in ("đã đăng", "có", "x")),
    *((word, "Không đăng") for word in ("chưa đăng", "không")),
)
"""A clerk's short answers and what they answer: "chưa" is "Không" where the choices are Có and Không,
"Chưa thực hiện" where they are the done set; each is taken only where its answer is a choice."""


def answer_choices(choices: str | list[str]) -> tuple[str, ...]:
    """The allowed answers: a named set or the list written."""
    return ANSWER_SETS.get(choices, ()) if isinstance(choices, str) else tuple(choices)


def offered(allowed: list[str]) -> dict[str, str]:
    """The params of BC108 for these choices: "Có hoặc Không" ("'Có' or 'Không'" in English)."""
    return {"expected": either(allowed, "vi"), "expected_en": either([f"'{a}'" for a in allowed], "en")}


def match_answer(value: str, choices: tuple[str, ...]) -> str | None:
    """The choice ``value`` names, ignoring case; yes/no words map to Có/Không."""
    lowered = value.strip().lower()
    for choice in choices:
        if choice.lower() == lowered:
            return choice
    alias = YES_NO_WORDS.get(lowered)
    if alias in choices:
        return alias
    return next((answer for word, answer in ANSWER_WORDS if word == lowered and answer in choices), None)


class AnswerBlock(Model):
    """A yes/no or small fixed answer: "Cổng thông tin tích hợp với Cổng DVC quốc gia: Có"."""

    key: Text | None = field("Mã", default=None)
    label: Text = field("Câu hỏi, nội dung")
    choices: Text | list[Text] = field(
        "Các câu trả lời", "yes_no (Có/Không), done (Đã/Chưa thực hiện), posted, hoặc một danh sách.", default="yes_no"
    )
    value: Text | None = field("Trả lời", default=None)
    note: Text | None = field("Ghi chú", default=None)

    @field_validator("choices")
    @classmethod
    def _known_set(cls, choices: str | list[str]) -> str | list[str]:
        if not answer_choices(choices):
            raise PydanticCustomError("choice", "unknown set", offered(list(ANSWER_SETS)))
        return choices

    @field_validator("value")
    @classmethod
    def _value_is_a_choice(cls, value: str | None, info: ValidationInfo) -> str | None:
        allowed = answer_choices(info.data.get("choices", ()))
        if value is not None and allowed and match_answer(value, allowed) is None:
            raise PydanticCustomError("choice", "not a choice", offered(list(allowed)))
        return value

    @property
    def answer(self) -> str:
        """The answer as the choice is spelled ("" while blank)."""
        if self.value is None:
            return ""
        return match_answer(self.value, answer_choices(self.choices)) or self.value


class ExpectedAnswer(Expected):
    """A yes/no or small fixed answer."""

    choices: Text | list[Text] = field("Các câu trả lời", "yes_no, done, posted hoặc một danh sách.", default="yes_no")

    @field_validator("choices")
    @classmethod
    def _known_set(cls, choices: str | list[str]) -> str | list[str]:
        if not answer_choices(choices):
            raise PydanticCustomError("choice", "unknown set", offered(list(ANSWER_SETS)))
        return choices


def conform(answer: AnswerBlock, expected: ExpectedAnswer, loc: Loc) -> Iterator[Issue]:
    """The đề cương's choices."""
    asked, given = answer_choices(expected.choices), answer_choices(answer.choices)
    if asked != given:
        params = {"variant": "choices", "key": expected.key, "stated": " / ".join(given), "expected": " / ".join(asked)}
        yield Issue("BC606", (*loc, "choices"), params)


def start(expected: ExpectedAnswer, pad: str, alone: bool) -> list[str]:
    """An answer block with the đề cương's key, label and choices, its value blank."""
    del alone
    inner = pad + "    "
    head = [f"{pad}- answer:", f"{inner}key: {scalar(expected.key)}", f"{inner}label: {scalar(expected.label)}"]
    choices = answer_choices(expected.choices)
    how = f"Trả lời vào value một trong: {', '.join(choices)}."
    chosen = [] if expected.choices == "yes_no" else [f"{inner}choices: {flow(expected.choices)}"]
    return [*start_comment(pad, "Trả lời", expected, how), *head, *chosen, f"{inner}value:"]


def keyed(values: list[Data], names: list[str], annexed: bool) -> list[Data]:
    """The units' answers as a sentence of the level above: how many units gave each choice, of how many.

    "- Bộ phận một cửa kết nối …: 95/120 đơn vị (79,2%) có; 25 đơn vị (20,8%) không." A choice
    no unit gave is left out; an answer outside the outline's choices is counted under its own words.
    """
    del names
    first = values[0]
    choices = answer_choices(first.get("choices", "yes_no"))
    counts = dict.fromkeys(choices, 0)
    for value in values:
        choice = match_answer(str(value["value"]), choices) or str(value["value"])
        counts[choice] = counts.get(choice, 0) + 1
    total = sum(counts.values())
    given = [(choice, count) for choice, count in counts.items() if count]
    parts = [
        f"{vn.count(count)}{'/' + vn.count(total) if index == 0 else ''} đơn vị "
        f"({vn.percent(vn.ratio_percent(count, total))}) {choice[0].lower() + choice[1:]}"
        for index, (choice, count) in enumerate(given)
    ]
    where = " (chi tiết tại Phụ lục)" if annexed else ""
    return [note_entry(f"- {first['label']}: {'; '.join(parts)}{where}.")]


def annex_total(item: Data, columns: list[tuple[str, str]], rows: list[list[Any] | None]) -> tuple[str, ...]:
    """The units that gave the first choice, out of those that answered: "Có: 95/120"."""
    given = [row for row in rows if row is not None]
    if not given:
        return ("",) * len(columns)
    choices = item.get("choices") or []
    first = choices[0] if choices else "Có"
    chosen = sum(str(row[0]).casefold() == first.casefold() for row in given if row[0] is not None)
    return (f"{first}: {vn.count(chosen)}/{vn.count(len(given))}",)


def cells(data: Any, expected: Any) -> list[Piece]:
    """The answer from its list of choices, and a note."""
    choices = answer_choices(data.get("choices", "yes_no"))
    value = Slot(("value",), "choice", choices)
    guide = getattr(expected, "guide", None)
    return [Line(data.get("label") or "", None, value=value, note=Slot(("note",), "text"), guide=guide)]


KIND = declare(
    name="answer",
    model=AnswerBlock,
    title="Trả lời có/không, lựa chọn",
    description=None,
    definitions={
        "AnswerBlock": (
            "Trả lời",
            "Có/Không, Đã/Chưa thực hiện, Có đăng/Không đăng/Không có dữ liệu, hoặc một danh sách.",
        ),
        "ExpectedAnswer": ("Câu hỏi yêu cầu", "Một câu trả lời có/không hoặc chọn trong một danh sách."),
    },
    expected=ExpectedAnswer,
    start=start,
    conform=conform,
    by_unit=lambda expected: {"choices": list(answer_choices(expected.choices))},
    blank=lambda answer: answer.value is None,
    fill_at=lambda answer, loc: first_written(answer, loc, ("value",), "label"),
    blanks_inside=None,
    check=None,  # its value is checked against its choices by the schema
    stated=lambda a: (a.answer,),
    view=lambda answer, context: item(with_note(f"{answer.label}: {answer.answer}", answer.note)),
    measure=None,
    computed=None,
    label=lambda a: a["label"],
    lists={},
    path_names={},
    carry=as_is("answer"),
    rollup=None,  # answers in a unit's own sections are its own; by the keys of a đề cương they are counted
    rollup_keyed=keyed,
    summary=None,
    annex=lambda answer: [(answer.label, "choice", answer.answer)],
    annex_keeps=("value", "choices"),
    annex_total=annex_total,
    annex_table=None,
    cells=cells,
)
