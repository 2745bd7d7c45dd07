"""The form of the document: the number line, the requesting document, dates, place, recipients, signer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from baocao.blocks import citation
from baocao.blocks.base import CheckContext
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.report import Report, signing
from baocao.report.document import Form, is_archive_line


def report_symbol(report: Report) -> Iterator[Issue]:
    """The ký hiệu as the document's form has it.

    A báo cáo's starts with BC and has no spaces (BC-UBND, BC-STTTT); a Party body's is its type over
    the body (BC/HU, a công văn's CV/TU); a công văn of a State body has no type code (UBND-VHTT), and
    "CV", which Decree 30 does not list, is a warning.
    """
    document = report.document
    symbol = document.symbol.translate(citation.AS_ASCII)
    dispatch = document.form == Form.DISPATCH
    at: Loc = ("document", "symbol")
    if document.party:
        wanted = "CV" if dispatch else "BC"
        if not PARTY_SYMBOL.match(symbol) or symbol.split("/")[0] != wanted:
            yield Issue("BC301", at, {"stated": document.symbol, "wanted": wanted, "variant": "party"})
    elif dispatch:
        first = symbol.split("-")[0]
        if not citation.SYMBOL.match(symbol) or (first in citation.ALL_CODES and first != "CV"):
            yield Issue("BC301", at, {"stated": document.symbol, "variant": "dispatch"})
        elif first == "CV":
            yield Issue("BC301", at, {"stated": document.symbol, "variant": "dispatch_cv"})
    elif not citation.SYMBOL.match(symbol) or symbol.split("-")[0] != "BC":
        yield Issue("BC301", at, {"stated": document.symbol})


PARTY_SYMBOL = re.compile(rf"^{citation.GROUP}/{citation.GROUP}(-{citation.GROUP})*$")
"""A Party document's ký hiệu after its number: its type over the issuing body, "BC/HU", "CV/TU", "BC/ĐU-VP"."""


def requested_by(report: Report) -> Iterator[Issue]:
    """The number of the requesting document has a known form and type code, as any cited document's."""
    if report.document.requested_by:
        yield from citation.number_issues(("document", "requested_by", "number"), report.document.requested_by)


def dates(report: Report) -> Iterator[Issue]:
    """The requesting document is not dated after the report; early and late reports are warnings.

    A report is early when it is dated before the last day of its figures: the 14th of
    the period's last month by Decree 09/2019, or the day stated in ``cutoff``. It is
    late when dated after the deadline of the document that requests it.
    """
    doc = report.document
    if doc.date is None:
        return
    report_date = vn.date_short(doc.date)
    if doc.requested_by:
        yield from citation.date_issues(("document", "requested_by"), doc.requested_by, CheckContext(doc.date))
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


def signer_authority(report: Report) -> Iterator[Issue]:
    """Who signs for whom (Decree 30): KT. for a deputy signing for the head, TM. for a collective body only.

    A Party body signs by its own rules: a Phó Bí thư signs "T/M BAN THƯỜNG VỤ" with no K/T.
    """
    if report.document.party:
        return
    for found in signing.advice(report.document.signer.signing, report.document.issuing_body):
        code, _, variant = found.code.partition("/")
        params = {**found.params, "variant": variant} if variant else found.params
        yield Issue(code, ("document", "signer", found.field), params)


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


CHECKS = (report_symbol, requested_by, dates, cutoff, place, recipients, signer, signer_authority, placeholders)
