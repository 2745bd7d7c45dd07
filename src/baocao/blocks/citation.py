"""A cited document: "Căn cứ Kế hoạch số 90/KH-UBND ngày 27/6/2022 của UBND huyện về …;".

Its number has one of the forms of Decree 30 (90/KH-UBND), of the Party (19-CT/TU) or of
a legal document (43/2011/NĐ-CP), a zero below ten, and the type code of its type; it is
not dated after the report. The document that requests a report (``requested_by``) is a
cited document too, checked the same way (:mod:`baocao.check.document`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from baocao.blocks.base import CheckContext, Data, ViewContext, as_is, declare
from baocao.blocks.cells import Line, Piece, fields_lines
from baocao.blocks.printing import item, para
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Date, Model, Text, field


class Citation(Model):
    """A document cited in the report: "Kế hoạch số 90/KH-UBND ngày 27/6/2022 của UBND huyện về …"."""

    key: Text | None = field("Mã tham chiếu", "Tên ngắn, duy nhất, để so sánh giữa các kỳ.", default=None)
    type: Text = field("Loại văn bản", "Kế hoạch, Quyết định, Chỉ thị, Công văn, Nghị định…")
    number: Text = field("Số, ký hiệu", "90/KH-UBND, 19-CT/TU, 43/2011/NĐ-CP.")
    date: Date | None = field("Ngày ban hành", default=None)
    issuer: Text | None = field("Cơ quan ban hành", "Ví dụ: UBND tỉnh Quảng Ngãi.", default=None)
    subject: Text | None = field(
        "Trích yếu nội dung", "Viết như sau chữ 'về': 'ứng dụng công nghệ thông tin…'.", default=None
    )
    action: Text | None = field(
        "Động từ dẫn", "Thực hiện, Ban hành, Triển khai… (đứng trước tên văn bản).", default=None
    )
    result: Text | None = field(
        "Kết quả, phần tiếp của câu",
        "Việc đã làm theo văn bản này, hoặc phần câu viết tiếp: 'UBND xã báo cáo như sau:'.",
        default=None,
    )
    paragraph: bool | None = field(
        "In thành đoạn văn",
        "true: một đoạn văn trong thân báo cáo; false: một dòng gạch đầu dòng; bỏ trống: đoạn văn ở phần mở đầu "
        "và khi dẫn bằng 'Căn cứ', còn lại gạch đầu dòng.",
        default=None,
    )

    @property
    def citation(self) -> str:
        """The full first citation."""
        parts = [f"{self.type} số {self.number}"]
        if self.date:
            parts.append(f"ngày {vn.date_short(self.date)}")
        if self.issuer:
            parts.append(f"của {self.issuer}")
        if self.subject:
            lowered = self.subject.lower()
            parts.append(self.subject if lowered.startswith(("về ", "v/v")) else f"về {self.subject}")
        return " ".join(parts)


# --- the number of a cited document ------------------------------------------------------------

TYPE_CODES = {  # Decree 30, Điều 7 and Phụ lục III; with the legal and Party types reports cite
    "nghị quyết": "NQ", "quyết định": "QĐ", "chỉ thị": "CT", "quy chế": "QC", "quy định": "QyĐ",
    "thông cáo": "TC", "thông báo": "TB", "hướng dẫn": "HD", "chương trình": "CTr", "kế hoạch": "KH",
    "phương án": "PA", "đề án": "ĐA", "dự án": "DA", "báo cáo": "BC", "biên bản": "BB", "tờ trình": "TTr",
    "hợp đồng": "HĐ", "công điện": "CĐ", "bản ghi nhớ": "BGN", "bản thỏa thuận": "BTT",
    "giấy ủy quyền": "GUQ", "giấy mời": "GM", "giấy giới thiệu": "GGT", "giấy nghỉ phép": "GNP",
    "phiếu gửi": "PG", "phiếu chuyển": "PC", "phiếu báo": "PB", "nghị định": "NĐ", "thông tư": "TT",
    "thông tư liên tịch": "TTLT", "kết luận": "KL", "lệnh": "L",
}  # fmt: skip
PARTY_CODES = {"quy định": "QĐ"}  # Party rules are numbered "…-QĐ/TW"
ALL_CODES = frozenset(TYPE_CODES.values()) | {"CV"}
# Matched on the text with Đ and đ read as D and d, one letter for one so that places stay:
# a class of ASCII letters compiles in a twentieth of the time of one that holds Đ (4 ms a run).
GROUP = r"[A-Z0-9][A-Za-z0-9&.]*"
AS_ASCII = str.maketrans("Đđ", "Dd")
FORMS = {
    "legal": re.compile(rf"^(\d+)/(\d{{4}})/({GROUP})-({GROUP})(-{GROUP})*$"),
    "party": re.compile(rf"^(\d+)-({GROUP})/({GROUP})(-{GROUP})*$"),
    "decree30": re.compile(rf"^(\d+)/({GROUP})(-{GROUP})*$"),
}
SYMBOL = re.compile(rf"^{GROUP}(-{GROUP})*$")
"""A ký hiệu: groups of letters and digits joined by '-' (the report's own: BC-UBND)."""


def _type_key(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.lower().split()))


def number_issues(loc: Loc, citation: Citation) -> Iterator[Issue]:
    """A cited number has a known form, a zero below ten, and the type code of its type.

    Forms: 90/KH-UBND (Decree 30), 19-CT/TU (Party), 43/2011/NĐ-CP (legal).
    A công văn has no type code ("CV" is not one): 458/UBND-CNTT.
    """
    number = citation.number
    form, groups = _form(number)
    if not groups:
        yield Issue("BC302", loc, {"stated": number})
        return
    if len(groups[1]) == 1 and groups[1] != "0":
        yield Issue("BC303", loc, {"stated": number, "padded": "0" + number})
    kind = _type_key(citation.type)
    code = {"legal": groups[3], "party": groups[2]}.get(form, groups[2])
    if kind == "công văn":
        if form == "decree30" and code in ALL_CODES:
            yield Issue("BC304", loc, {"stated": number, "type": citation.type, "code": code, "expected": "—"})
        return
    expected = (PARTY_CODES.get(kind) if form == "party" else None) or TYPE_CODES.get(kind)
    if expected and code != expected and not (form == "party" and code == TYPE_CODES.get(kind)):
        yield Issue("BC304", loc, {"stated": number, "type": citation.type, "code": code, "expected": expected})


def _form(number: str) -> tuple[str, list[str]]:
    """The form a cited number has and its groups as written (the whole first), or ("", [])."""
    plain = number.translate(AS_ASCII)
    for name, pattern in FORMS.items():
        if match := pattern.match(plain):
            return name, [number[slice(*match.span(index))] for index in range(pattern.groups + 1)]
    return "", []


def date_issues(loc: Loc, citation: Citation, context: CheckContext) -> Iterator[Issue]:
    """A cited document is not dated after the report."""
    if context.date is not None and citation.date and citation.date > context.date:
        params = {"cited": vn.date_short(citation.date), "report": vn.date_short(context.date)}
        yield Issue("BC305", (*loc, "date"), params)


def check(citation: Citation, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """The cited number's form and type code; a date not after the report's."""
    yield from number_issues((*loc, "number"), citation)
    yield from date_issues(loc, citation, context)


def stated(citation: Citation) -> tuple[Any, ...]:
    """What a key names: one document, with one number, date and subject.

    The subject is compared in any letter case and spacing, with or without its leading "về": one plan cited
    twice under one key cannot carry two subjects.
    """
    subject = " ".join((citation.subject or "").lower().split())
    return citation.number, citation.date, subject.removeprefix("về ")


# --- how it reads -------------------------------------------------------------------------------


def sentence(citation: Citation) -> str:
    """Written as "Thực hiện Kế hoạch số 90/KH-UBND ngày 27/6/2022 của UBND huyện về …; kết quả"."""
    text = f"{citation.action} {citation.citation}" if citation.action else citation.citation
    if citation.result:
        text += f", {citation.result}"
    return vn.capitalize(text)


def view(citation: Citation, context: ViewContext) -> list[dict[str, Any]]:
    """A cited document in full: "Căn cứ Kế hoạch số … về …;" as a paragraph; "- Thực hiện …" as an item.

    In the opening every cited document is a paragraph of its own, as the "Căn cứ" lines are; ``paragraph`` says
    otherwise (a sentence of the body that cites a document, or a "Căn cứ" line as an item).
    """
    text = sentence(citation)
    alone = context.opening or (citation.action or "").lower().startswith("căn cứ")
    if citation.paragraph if citation.paragraph is not None else alone:
        end = ";" if alone else "."  # a "Căn cứ" line ends with ";", a sentence of the body with "."
        return [para(text if text.endswith((".", ";", ":")) else text + end)]
    return item(text)


def carry(body: Data, citation: Citation, carrier: Any) -> list[Any]:
    """As it is (check it), but the old request, which a new request replaces, as a comment."""
    if carrier.request and citation.number == carrier.request:
        lines = ["Văn bản yêu cầu của kỳ trước (kỳ này dẫn văn bản yêu cầu mới):", *carrier.said({"citation": body})]
        return [carrier.mark(lines)]
    return as_is("citation")(body, citation, carrier)


FIELDS = (
    ("action", "Căn cứ, thực hiện (lời dẫn)", "text"),
    ("type", "Loại văn bản", "text"),
    ("number", "Số, ký hiệu", "text"),
    ("date", "Ngày ban hành", "date"),
    ("issuer", "Cơ quan ban hành", "text"),
    ("subject", "Trích yếu", "long_text"),
    ("result", "Kết quả", "long_text"),
)


def cells(data: Any, expected: Any) -> list[Piece]:
    """The document cited, one line a field: its kind, number, date, issuer, subject, and what was done."""
    del expected
    key = data.get("key")
    return [Line(f"Văn bản được dẫn ({key})" if key else "Văn bản được dẫn"), *fields_lines((), FIELDS)]


KIND = declare(
    name="citation",
    model=Citation,
    title="Văn bản được dẫn",
    description="Căn cứ, thực hiện… một văn bản.",
    definitions={
        "Citation": (
            "Văn bản được dẫn",
            "Văn bản dẫn trong báo cáo: Kế hoạch số 90/KH-UBND ngày 27/6/2022 của UBND huyện về …",
        ),
    },
    expected=None,  # a đề cương asks for results, not for the documents a unit cites
    start=None,
    conform=None,
    by_unit=None,
    blank=lambda citation: False,  # its type and number are required by the schema
    fill_at=lambda citation, loc: loc,
    blanks_inside=None,
    check=check,
    stated=stated,
    view=view,
    measure=None,
    computed=None,
    label=lambda c: f"{c['type']} {c['number']}",
    lists={},
    path_names={},
    carry=carry,
    rollup=None,  # the level above cites its own documents
    rollup_keyed=None,
    summary=None,
    annex=None,
    annex_keeps=(),
    annex_total=None,
    annex_table=None,
    cells=cells,
)
