"""The form of the document: number line, cited numbers and dates, place, recipients."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from baocao.checks.issue import Issue
from baocao.core import vietnamese as vn
from baocao.core.findings import Loc
from baocao.models import Report
from baocao.models.document import Citation, is_archive_line

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


def _type_key(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.lower().split()))


def report_symbol(report: Report) -> Iterator[Issue]:
    """The ký hiệu of a báo cáo starts with BC and has no spaces: BC-UBND, BC-STTTT."""
    symbol = report.document.symbol
    if not SYMBOL.match(symbol.translate(AS_ASCII)) or symbol.split("-")[0] != "BC":
        yield Issue("BC301", ("document", "symbol"), {"stated": symbol})


def citation_numbers(report: Report) -> Iterator[Issue]:
    """Cited numbers have a known form, a zero below ten, and the type code of their type.

    Forms: 90/KH-UBND (Decree 30), 19-CT/TU (Party), 43/2011/NĐ-CP (legal).
    A công văn has no type code ("CV" is not one): 458/UBND-CNTT.
    """
    for loc, citation in _citations(report):
        yield from _citation_number((*loc, "number"), citation)


def _citation_number(loc: Loc, citation: Citation) -> Iterator[Issue]:
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


def _citations(report: Report) -> Iterator[tuple[Loc, Citation]]:
    if report.document.requested_by:
        yield ("document", "requested_by"), report.document.requested_by
    for index, citation in enumerate(report.citations):
        yield ("citations", index), citation
    for loc, block in report.blocks():
        if block.citation is not None:
            yield loc, block.citation


def dates(report: Report) -> Iterator[Issue]:
    """Cited documents are not dated after the report; early and late reports are warnings.

    A report is early when it is dated before the last day of its figures: the 14th of
    the period's last month by Decree 09/2019, or the day stated in ``cutoff``. It is
    late when dated after the deadline of the document that requests it.
    """
    doc = report.document
    if doc.date is None:
        return
    report_date = vn.date_short(doc.date)
    for loc, citation in _citations(report):
        if citation.date and citation.date > doc.date:
            yield Issue("BC305", (*loc, "date"), {"cited": vn.date_short(citation.date), "report": report_date})
    calendar = doc.calendar
    window = calendar.window
    if doc.date < window.end:
        basis = ("theo thời gian chốt số liệu đã ghi", "as stated") if calendar.stated else DECREE_09
        params = {"report": report_date, "period": doc.period.label, "window": window.label}
        params |= {"window_en": window.label_en, "basis": basis[0], "basis_en": basis[1]}
        yield Issue("BC306", ("document", "date"), params)
    due = calendar.deadline
    if due and doc.date > due.date:
        params = {"report": report_date, "deadline": vn.date_short(due.date), "set_by": due.set_by}
        yield Issue("BC310", ("document", "date"), params)


DECREE_09 = ("theo Nghị định 09/2019/NĐ-CP", "by Decree 09/2019/NĐ-CP")


def cutoff(report: Report) -> Iterator[Issue]:
    """A stated window ends inside the calendar days of its period."""
    doc = report.document
    stated = doc.cutoff.window if doc.cutoff else None
    period = doc.period
    if stated is not None and not period.start <= stated.end <= period.end:
        rule = period.window
        params = {"window": stated.label, "window_en": stated.label_en, "period": period.label}
        params |= {"low": vn.date_short(period.start), "end": vn.date_short(period.end)}
        params |= {"rule": rule.label, "rule_en": rule.label_en}
        yield Issue("BC311", ("document", "cutoff", "end"), params)


def place(report: Report) -> Iterator[Issue]:
    """The place name of the date line is a proper name: capitalised, no date, no punctuation at the end."""
    name = report.document.place
    if not name[:1].isupper() or any(c.isdigit() for c in name) or "ngày" in name.lower() or name[-1] in ",.;:":
        yield Issue("BC307", ("document", "place"), {"stated": name})


def recipients(report: Report) -> Iterator[Issue]:
    """The "Lưu: VT" line is written from ``archive``; a "Lưu" line among the recipients is left out."""
    for index, entry in enumerate(report.document.recipients):
        if is_archive_line(entry):
            yield Issue("BC308", ("document", "recipients", index), {"stated": entry})


def signer(report: Report) -> Iterator[Issue]:
    """The signer's name carries no academic title or honorific (Decree 30), and is not a stand-in."""
    name = report.document.signer.name or ""
    first = name.split()[0].lower().rstrip(".") if name.split() else ""
    if first in {"ts", "ths", "pgs", "gs", "ông", "bà", "đ/c", "đồng", "kts", "ks", "bs", "cn"}:
        yield Issue("BC309", ("document", "signer", "name"), {"stated": name})
    if report.document.signer.placeholder:
        yield Issue("BC312", ("document", "signer", "name"), {"stated": name})


HEADER_TEXTS = ("parent_body", "issuing_body", "short_name", "area", "subject")
SIGNER_TEXTS = ("on_behalf_of", "head_title", "title")


def placeholders(report: Report) -> Iterator[Issue]:
    """A header field still holding "…" (as ``baocao new`` leaves what it was not told) is not a report yet.

    The symbol and the place have checks of their own (BC301, BC307).
    """
    document = report.document
    named: list[tuple[Loc, str | None]] = [(("document", name), getattr(document, name)) for name in HEADER_TEXTS]
    named += [(("document", "signer", name), getattr(document.signer, name)) for name in SIGNER_TEXTS]
    named += [(("document", "recipients", index), text) for index, text in enumerate(document.recipients)]
    for loc, text in named:
        if text and ("…" in text or "..." in text):
            yield Issue("BC630", loc, {"stated": text, "field": ".".join(map(str, loc[1:]))})


CHECKS = (report_symbol, citation_numbers, dates, cutoff, place, recipients, signer, placeholders)
