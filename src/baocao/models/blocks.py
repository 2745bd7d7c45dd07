"""The unit's own outline: sections in the order written, each a list of typed blocks.

A section is a title, its blocks and its sub-sections. A block is one entry of
``content``: plain text, or a mapping with one key naming its type
(``figure:``, ``indicator:``, ``table:``…). The types are listed once, in
:class:`Block`; :mod:`baocao.blocktypes` says how each one is checked, printed,
compared and rolled up.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from baocao.model.fields import DEFERRED, Count, Model, Text, _parse_decimal, field
from baocao.models.budget import Budget
from baocao.models.document import Citation
from baocao.models.figures import Team
from baocao.models.radio import Radio
from baocao.models.services import PublicServices

# --- values as reports state them: "trên 98%", "hơn 8.130", "khoảng 40" ----------------------

QUALIFIERS = ("tối thiểu", "ít nhất", "tối đa", "khoảng", "trên", "hơn", "gần", "dưới")
QUALIFIED = re.compile(r"^(" + "|".join(QUALIFIERS) + r")\s+(.+)$", re.IGNORECASE)
INF = Decimal("Infinity")


@dataclass(frozen=True)
class Qualified:
    """A number as a report states it: exact, or with a word that makes it a bound."""

    value: Decimal
    word: str = ""

    @property
    def exact(self) -> bool:
        """True when no word qualifies the number."""
        return not self.word

    def bounds(self) -> tuple[Decimal, Decimal, bool, bool]:
        """(low, high, low open, high open) of the values the statement allows; "khoảng" allows any."""
        x, word = self.value, self.word
        if word in ("trên", "hơn"):
            return x, INF, True, False
        if word in ("tối thiểu", "ít nhất"):
            return x, INF, False, False
        if word == "dưới":
            return -INF, x, False, True
        if word in ("tối đa", "gần"):
            return -INF, x, False, False
        if word == "khoảng":
            return -INF, INF, False, False
        return x, x, False, False

    def allows(self, actual: Decimal | int) -> bool:
        """True when ``actual`` agrees with the statement."""
        low, high, low_open, high_open = self.bounds()
        above = actual > low if low_open else actual >= low
        below = actual < high if high_open else actual <= high
        return above and below

    def __str__(self) -> str:
        number = format(self.value, "f").replace(".", ",")
        return f"{self.word} {number}" if self.word else number


def _parse_qualified(value: Any) -> Qualified:
    if isinstance(value, Qualified):
        return value
    text = value.strip() if isinstance(value, str) else value
    word = ""
    if isinstance(text, str) and (match := QUALIFIED.match(text)):
        word, text = match.group(1).lower(), match.group(2)
    number = _parse_decimal(text)
    if not isinstance(number, Decimal):
        raise PydanticCustomError(
            "not_a_number",
            "not a number",
            {"expected": "một số", "expected_en": "a number", "decimal_vi": "", "decimal_en": ""},
        )
    if number >= 10**15:
        raise PydanticCustomError("out_of_range", "too large", {"limit": "≤ 15 chữ số", "limit_en": "≤ 15 digits"})
    return Qualified(number, word)


QValue = Annotated[
    Qualified,
    PlainValidator(_parse_qualified),
    PlainSerializer(lambda q: q.value if q.exact else str(q)),
    WithJsonSchema(
        {
            "type": ["string", "number"],
            "description": "Một số, có thể kèm chữ: trên, hơn, gần, khoảng, dưới, tối thiểu, ít nhất, tối đa.",
        }
    ),
]
"""A number that may carry a qualifier: 98, "trên 98", "hơn 8130"."""


# --- the blocks -------------------------------------------------------------------------------


class FigurePart(Model):
    """One part of a figure: "25 dịch vụ mức độ 3"."""

    label: Text = field("Tên phần")
    value: QValue | None = field("Giá trị", "Bỏ trống khi chưa có số liệu (chưa được in).", default=None)
    unit: Text | None = field("Đơn vị", "Khi khác đơn vị của số liệu.", default=None)


class FigureBlock(Model):
    """A stated quantity, optionally with parts: "28 dịch vụ, trong đó 25 một phần, 03 toàn trình"."""

    key: Text | None = field("Mã", "Tên ngắn, để so sánh giữa các kỳ và tổng hợp.", default=None)
    label: Text = field("Tên số liệu")
    value: QValue | None = field("Giá trị", "Bỏ trống để tính bằng tổng các phần.", default=None)
    unit: Text | None = field("Đơn vị", default=None)
    parts: list[FigurePart] = field("Các phần", default=[])
    parts_are: Literal["whole", "of_which", "overlap"] = field(
        "Quan hệ các phần với tổng",
        "whole: cộng lại bằng tổng; of_which: 'trong đó', không đủ; overlap: các phần chồng lên nhau.",
        default="whole",
    )
    note: Text | None = field("Ghi chú", default=None)
    previous: QValue | None = field(
        "Số liệu kỳ trước",
        "Giá trị kỳ trước (baocao next ghi), để in 'tăng/giảm … so với kỳ trước'.",
        default=None,
    )

    @property
    def blank(self) -> bool:
        """True when neither the value nor the value of a part is written yet."""
        return self.value is None and all(p.value is None for p in self.parts)

    @property
    def total(self) -> Qualified | None:
        """The stated value, or the exact sum of whole parts."""
        if self.value is not None:
            return self.value
        values = [p.value for p in self.parts]
        if values and self.parts_are == "whole" and all(v is not None and v.exact for v in values):
            return Qualified(sum((v.value for v in values if v is not None), Decimal(0)))
        return None


class Rate(Model):
    """A count out of a total, or a percentage stated alone."""

    label: Text = field("Tên")
    count: Count | None = field("Số đạt được", default=None)
    total: Count | None = field("Tổng số", default=None)
    percent: QValue | None = field("Tỷ lệ đã ghi (%)", "Có thể ghi 'trên 98'.", default=None)

    @model_validator(mode="after")
    def _count_total_or_percent(self) -> Self:
        if (self.count is None) != (self.total is None):
            raise ValueError("ghi cả count và total (số đạt được/tổng số), hoặc chỉ ghi percent")
        return self

    @property
    def blank(self) -> bool:
        """True when neither count and total nor a percentage is written yet."""
        return self.count is None and self.percent is None

    @property
    def decimals(self) -> int:
        """Digits after the comma the percentage is shown with: as written, else 1."""
        return decimals(self.percent)


def decimals(percent: Qualified | None) -> int:
    """Digits after the comma a percentage is shown with: as written, else 1."""
    if percent is None:
        return 1
    exponent = percent.value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 1


class PreviousRate(Model):
    """Last period's rate of an indicator: count and total, or a percentage stated alone."""

    count: Count | None = field("Số đạt được kỳ trước", default=None)
    total: Count | None = field("Tổng số kỳ trước", default=None)
    percent: QValue | None = field("Tỷ lệ kỳ trước (%)", default=None)

    @model_validator(mode="after")
    def _count_total_or_percent(self) -> Self:
        if (self.count is None) != (self.total is None):
            raise ValueError("ghi cả count và total (số đạt được/tổng số), hoặc chỉ ghi percent")
        if self.count is None and self.percent is None:
            raise ValueError("ghi count và total, hoặc percent, của kỳ trước")
        return self

    @property
    def decimals(self) -> int:
        """Digits after the comma the percentage is shown with: as written, else 1."""
        return decimals(self.percent)


class IndicatorBlock(Rate):
    """A rate: "42.694/42.829 công dân, đạt 99,7%", or "đạt trên 98%"; sub-rates by level are not summed."""

    key: Text | None = field("Mã", default=None)
    unit: Text | None = field("Đơn vị", "công dân, hồ sơ, văn bản…", default=None)
    levels: list[Rate] = field("Tỷ lệ theo cấp", "Trong đó: cấp huyện …, cấp xã …", default=[])
    note: Text | None = field("Ghi chú", default=None)
    previous: PreviousRate | None = field(
        "Tỷ lệ kỳ trước", "Số đạt được/tổng số hoặc tỷ lệ kỳ trước (baocao next ghi), để so sánh.", default=None
    )


class TargetBlock(Model):
    """A target: "Trên 80% dân số trưởng thành có điện thoại thông minh"."""

    key: Text | None = field("Mã", default=None)
    label: Text = field("Nội dung chỉ tiêu")
    value: QValue | None = field("Giá trị mục tiêu", "Ví dụ: trên 80", default=None)
    unit: Text = field("Đơn vị", default="%")
    note: Text | None = field("Ghi chú", default=None)

    @property
    def blank(self) -> bool:
        """True when the target's value is not written yet."""
        return self.value is None


ANSWER_SETS: dict[str, tuple[str, ...]] = {
    "yes_no": ("Có", "Không"),
    "done": ("Đã thực hiện", "Chưa thực hiện"),
    "posted": ("Có đăng", "Không đăng", "Không có dữ liệu"),
}
YES_NO_WORDS = {"true": "Có", "yes": "Có", "co": "Có", "false": "Không", "no": "Không", "khong": "Không"}


def answer_choices(choices: str | list[str]) -> tuple[str, ...]:
    """The allowed answers: a named set or the list written."""
    return ANSWER_SETS.get(choices, ()) if isinstance(choices, str) else tuple(choices)


def match_answer(value: str, choices: tuple[str, ...]) -> str | None:
    """The choice ``value`` names, ignoring case; yes/no words map to Có/Không."""
    lowered = value.strip().lower()
    for choice in choices:
        if choice.lower() == lowered:
            return choice
    alias = YES_NO_WORDS.get(lowered)
    return alias if alias in choices else None


class AnswerBlock(Model):
    """A yes/no or small fixed answer: "Cổng thông tin tích hợp với Cổng DVC quốc gia: Có"."""

    key: Text | None = field("Mã", default=None)
    label: Text = field("Câu hỏi, nội dung")
    choices: Text | list[Text] = field(
        "Các câu trả lời", "yes_no (Có/Không), done (Đã/Chưa thực hiện), posted, hoặc một danh sách.", default="yes_no"
    )
    value: Text | None = field("Trả lời", default=None)
    note: Text | None = field("Ghi chú", default=None)

    @property
    def blank(self) -> bool:
        """True when the answer is not written yet."""
        return self.value is None

    @field_validator("choices")
    @classmethod
    def _known_set(cls, choices: str | list[str]) -> str | list[str]:
        if not answer_choices(choices):
            names = ", ".join(ANSWER_SETS)
            raise PydanticCustomError("choice", "unknown set", {"expected": names, "expected_en": names})
        return choices

    @field_validator("value")
    @classmethod
    def _value_is_a_choice(cls, value: str | None, info: ValidationInfo) -> str | None:
        allowed = answer_choices(info.data.get("choices", ()))
        if value is not None and allowed and match_answer(value, allowed) is None:
            raise PydanticCustomError(
                "choice", "not a choice", {"expected": ", ".join(allowed), "expected_en": ", ".join(allowed)}
            )
        return value

    @property
    def answer(self) -> str:
        """The answer as the choice is spelled ("" while blank)."""
        if self.value is None:
            return ""
        return match_answer(self.value, answer_choices(self.choices)) or self.value


class Column(Model):
    """A column of a table, with the kind of value its cells hold."""

    key: Annotated[str, Field(pattern=r"^[A-Za-z0-9_]+$")] = field("Mã cột", "Dùng làm khóa trong các dòng.")
    title: Text = field("Tiêu đề cột")
    type: Literal["text", "integer", "count_of_total", "quantity", "money", "percent", "date", "yes_no", "choice"] = (
        field(
            "Kiểu giá trị",
            "Kiểu ô: text (chữ), integer (số đếm), count_of_total (đạt/tổng số, 3/5), quantity (số lượng), "
            "money (tiền), percent (tỷ lệ), date (ngày), yes_no (có/không), choice (một lựa chọn).",
            default="text",
        )
    )
    unit: Text | None = field("Đơn vị", "In trong tiêu đề cột: (km).", default=None)
    choices: list[Text] = field("Các lựa chọn (kiểu choice)", default=[])
    group: Text | None = field("Nhóm cột", "Các cột liền nhau cùng nhóm có chung một ô tiêu đề.", default=None)

    @model_validator(mode="after")
    def _choices_for_choice(self) -> Self:
        if self.type == "choice" and not self.choices:
            raise ValueError("cột kiểu choice cần danh sách choices")
        return self


Cell = str | None
KEPT_COLUMNS = ("text", "choice", "yes_no")
"""Columns whose cells describe a row rather than count it: carried to the next period as they are."""


class TableBlock(Model):
    """A table with typed columns, header groups and an optional computed total row."""

    key: Text | None = field("Mã bảng", default=None)
    title: Text | None = field("Tên bảng", default=None)
    unit: Text | None = field("Đơn vị tính", "In trên bảng: 'Đơn vị tính: …'; là đơn vị của cột money.", default=None)
    numbered: bool = field("Có cột TT", default=True)
    columns: Annotated[list[Column], Field(min_length=1)] = field("Các cột")
    rows: list[dict[str, Cell]] = field(
        "Các dòng", "Mỗi dòng: danh sách theo thứ tự cột, hoặc bảng mã cột: giá trị.", default=[]
    )
    total: bool | dict[str, Cell] = field(
        "Dòng tổng cộng", "true: tự tính; hoặc ghi tổng từng cột để đối chiếu.", default=False
    )
    note: Text | None = field("Ghi chú dưới bảng", default=None)
    previous: dict[str, Cell] | None = field(
        "Tổng cộng kỳ trước",
        "Tổng từng cột số của kỳ trước, theo mã cột (baocao next ghi), để so sánh với dòng tổng cộng.",
        default=None,
    )

    @model_validator(mode="before")
    @classmethod
    def _positional_rows(cls, data: Any) -> Any:
        """A row written as a list gives its cells in column order."""
        if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
            return data
        columns: list[Any] = data["columns"] if isinstance(data.get("columns"), list) else []
        keys = [c.get("key") if isinstance(c, dict) else None for c in columns]
        rows = [
            {str(keys[i]) if i < len(keys) and keys[i] else f"({i + 1})": v for i, v in enumerate(row)}
            if isinstance(row, list)
            else row
            for row in data["rows"]
        ]
        return {**data, "rows": rows}

    @property
    def blank(self) -> bool:
        """True for a data form not filled in: no number written, or, without numeric columns, no cell but the first.

        The choices and text a form carries over to the next period do not fill it.
        """
        numeric = [c.key for c in self.columns if c.type not in KEPT_COLUMNS]
        keys = numeric or ([c.key for c in self.columns[1:]] if len(self.columns) > 1 else [self.columns[0].key])
        stated = isinstance(self.total, dict) and any(str(self.total.get(k) or "").strip() for k in keys)
        filled = any(str(row.get(k) or "").strip() for row in self.rows for k in keys)
        return not filled and not stated and not (self.total is True and not numeric)

    @model_validator(mode="after")
    def _unique_column_keys(self) -> Self:
        keys = [c.key for c in self.columns]
        duplicate = next((k for k in keys if keys.count(k) > 1), None)
        if duplicate:
            raise ValueError(f"cột '{duplicate}' ghi hai lần")
        return self


class Task(Model):
    """One line of a task table."""

    task: Text = field("Nội dung, nhiệm vụ, dự án")
    result: Text | None = field("Kết quả, tiến độ thực hiện", default=None)
    funding: Text | None = field("Kinh phí", "Bao nhiêu, đã cấp theo văn bản nào, hoặc đề xuất.", default=None)
    note: Text | None = field("Ghi chú", default=None)


class TaskTitles(Model):
    """Column titles of a task table, when the request words them otherwise."""

    task: Text = field("Cột nội dung", default="Nội dung, nhiệm vụ, dự án")
    result: Text = field("Cột kết quả", default="Kết quả, tiến độ thực hiện")
    funding: Text = field("Cột kinh phí", default="Kinh phí")
    note: Text = field("Cột ghi chú", default="Ghi chú")


class TasksBlock(Model):
    """The task and progress table: TT, nội dung, kết quả/tiến độ, kinh phí, ghi chú."""

    key: Text | None = field("Mã bảng", default=None)
    title: Text | None = field("Tên bảng", default=None)
    columns: TaskTitles = field("Tiêu đề cột", default_factory=TaskTitles)
    rows: list[Task] = field("Các nhiệm vụ", "Bỏ trống (rows: []) khi chưa điền.", default=[])

    @property
    def blank(self) -> bool:
        """True when no task is written yet."""
        return not self.rows


def one_of(entry: Model) -> str:
    """The one field an entry sets, naming its type; the one_block error when it sets none or several."""
    named = [name for name in type(entry).model_fields if getattr(entry, name) is not None]
    if len(named) != 1:
        raise PydanticCustomError("one_block", "one block per entry", {"found": ", ".join(named) or "—"})
    return named[0]


PLACEHOLDERS = ("…", "...")
"""Text that stands where the unit has still to write (``baocao new`` writes it for free text)."""


def _text_block(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Block(Model):
    """One entry of a section: text, or one typed block named by its key."""

    text: Text | None = field(
        "Đoạn văn",
        "Mỗi dòng một đoạn; '- ' và '+ ' gạch đầu dòng, '* ' nhóm; **đậm**, *nghiêng*; \\* là dấu *.",
        default=None,
    )
    citation: Annotated[Citation, DEFERRED] | None = field(
        "Văn bản được dẫn", "Căn cứ, thực hiện… một văn bản.", default=None
    )
    figure: Annotated[FigureBlock, DEFERRED] | None = field("Số liệu", default=None)
    indicator: Annotated[IndicatorBlock, DEFERRED] | None = field("Tỷ lệ", default=None)
    target: Annotated[TargetBlock, DEFERRED] | None = field("Chỉ tiêu", default=None)
    answer: Annotated[AnswerBlock, DEFERRED] | None = field("Trả lời có/không, lựa chọn", default=None)
    table: Annotated[TableBlock, DEFERRED] | None = field("Bảng", default=None)
    tasks: Annotated[TasksBlock, DEFERRED] | None = field("Bảng nhiệm vụ, tiến độ", default=None)
    budget: Annotated[Budget, DEFERRED] | None = field("Bảng kinh phí", default=None)
    radio: Annotated[Radio, DEFERRED] | None = field("Truyền thanh cơ sở", default=None)
    public_services: Annotated[PublicServices, DEFERRED] | None = field(
        "Dịch vụ công, hồ sơ thủ tục hành chính", default=None
    )
    teams: list[Annotated[Team, DEFERRED]] | None = field("Tổ công nghệ số cộng đồng", default=None)

    @model_validator(mode="after")
    def _one_type(self) -> Self:
        one_of(self)
        return self

    @cached_property
    def kind(self) -> str:
        """The block's type, its one key."""
        return one_of(self)

    @property
    def value(self) -> Any:
        """The block's content."""
        return getattr(self, self.kind)

    @property
    def blank(self) -> bool:
        """True for a figure, rate, target, answer or table whose values are not written yet, or text still "…"."""
        if self.text is not None:
            return self.text.strip() in PLACEHOLDERS
        return bool(getattr(self.value, "blank", False))


def text_or_block(schema: dict[str, Any]) -> None:
    """JSON Schema of a list of entries: each a line of text or a block (the loader reads text as a text block)."""
    schema["items"] = {"anyOf": [{"type": "string"}, schema["items"]]}


Entry = Annotated[Block, BeforeValidator(_text_block)]


class Section(Model):
    """A heading of the report, what stands under it, then its sub-sections."""

    title: Text = field("Tiêu đề", "Viết như trong báo cáo, không ghi số thứ tự: baocao tự đánh số.")
    key: Text | None = field("Mã mục", "Tên ngắn, để so sánh giữa các kỳ và theo đề cương.", default=None)
    content: list[Entry] = field(
        "Nội dung", "Các đoạn văn và khối số liệu, theo thứ tự in.", default=[], json_schema_extra=text_or_block
    )
    sections: list["Section"] = field("Các mục con", default=[])


HEADING_STYLES = ("I.", "1.", "1.1.", "a)")


def _numbering(value: Any) -> Any:
    styles = value.split() if isinstance(value, str) else value
    if isinstance(styles, list) and all(s in HEADING_STYLES for s in styles):
        order = [HEADING_STYLES.index(s) for s in styles]
        if order != sorted(set(order)):
            raise ValueError("các cấp đánh số phải theo thứ tự I. 1. 1.1. a), mỗi kiểu một lần")
    return styles


def _styles_or_list(schema: dict[str, Any]) -> None:
    """JSON Schema of the numbering: a list of styles, or the same written on one line."""
    listed = {key: schema.pop(key) for key in ("type", "items", "minItems", "maxItems") if key in schema}
    schema["anyOf"] = [{"type": "string", "pattern": r"^\s*((I\.|1\.|1\.1\.|a\))\s*){1,4}$"}, listed]


Numbering = Annotated[
    list[Literal["I.", "1.", "1.1.", "a)"]],
    BeforeValidator(_numbering),
    Field(min_length=1, max_length=4, json_schema_extra=_styles_or_list),
]


# --- the cells of a typed table -----------------------------------------------------------------

COUNT_OF_TOTAL = re.compile(r"^\s*([^/\s]+)\s*/\s*([^/\s]+)\s*$")


def cell_value(column: Column, text: str) -> Any:
    """A cell's text typed by its column; raises PydanticCustomError as the schema would."""
    from baocao.model.fields import _parse_count, _parse_date, _parse_percent

    kind = column.type
    if kind == "text":
        return text
    if kind == "integer":
        return _parse_count(text)
    if kind == "count_of_total":
        match = COUNT_OF_TOTAL.match(text)
        if not match:
            raise PydanticCustomError(
                "not_a_number",
                "not a count of total",
                {
                    "expected": "số đạt/tổng số, ví dụ 3/5",
                    "expected_en": "count/total, e.g. 3/5",
                    "decimal_vi": "",
                    "decimal_en": "",
                },
            )
        return (_parse_count(match.group(1)), _parse_count(match.group(2)))
    if kind in ("quantity", "money"):
        return _parse_decimal(text)
    if kind == "percent":
        value = _parse_percent(text)
        if value > 100:
            raise PydanticCustomError("out_of_range", "over 100", {"limit": "≤ 100", "limit_en": "≤ 100"})
        return value
    if kind == "date":
        return _parse_date(text)
    allowed = ANSWER_SETS["yes_no"] if kind == "yes_no" else tuple(column.choices)
    answer = match_answer(text, allowed)
    if answer is None:
        raise PydanticCustomError("choice", "not a choice", {"expected": ", ".join(allowed)})
    return answer


SUMMED_COLUMNS = ("integer", "count_of_total", "quantity", "money")


def walk(sections: list[Section], base: tuple[str | int, ...] = ("sections",), depth: int = 1) -> Any:
    """Every section with its place in the file and its depth, in the order written."""
    for index, section in enumerate(sections):
        loc = (*base, index)
        yield loc, section, depth
        yield from walk(section.sections, (*loc, "sections"), depth + 1)


def blocks_of(opening: list[Block], sections: list[Section], closing: list[Block]) -> Any:
    """Every block with its place in the file: (loc of the block's value, block)."""
    for index, block in enumerate(opening):
        yield ("opening", index, block.kind), block
    for loc, section, _ in walk(sections):
        for index, block in enumerate(section.content):
            yield (*loc, "content", index, block.kind), block
    for index, block in enumerate(closing):
        yield ("closing", index, block.kind), block


def typed_cell(column: Column, text: str | None) -> Any:
    """A cell's typed value, or None when it is blank or does not read as its column's type."""
    if text is None or not str(text).strip():
        return None
    try:
        return cell_value(column, str(text))
    except PydanticCustomError:
        return None


def column_totals(block: TableBlock) -> dict[str, Any]:
    """Sums of the columns that add up, over the rows that give a value."""
    totals: dict[str, Any] = {}
    for column in block.columns:
        if column.type not in SUMMED_COLUMNS:
            continue
        values = [typed_cell(column, row.get(column.key)) for row in block.rows]
        present = [v for v in values if v is not None]
        if not present:
            continue
        if column.type == "count_of_total":
            totals[column.key] = (sum(v[0] for v in present), sum(v[1] for v in present))
        else:
            totals[column.key] = sum(present, Decimal(0) if column.type != "integer" else 0)
    return totals
