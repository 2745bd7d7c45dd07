"""A unit's file to fill in, written from a đề cương (``baocao new``).

The file holds the document header (as given; "…" where nothing was), the
outline's numbering, and every section in order with its key and title; under
each, every expected item as a block with the outline's key, label and unit and
its value left blank, with a comment in Vietnamese saying what goes there. Free
text is a "…" to replace. The comments at the top state the regime: the period,
the days its figures cover and the deadline.

The file loads as it is: ``validate`` reports each required blank (BC604) and
nothing else, and once they are filled it validates and builds.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from baocao.blocks import REGISTRY
from baocao.blocks.citation import Citation
from baocao.blocks.text import PLACEHOLDER
from baocao.core import vietnamese as vn
from baocao.core.errors import UserError
from baocao.core.messages import Words, either, named
from baocao.core.yamlout import scalar
from baocao.model.period import (
    PERIOD_COUNT,
    ROMAN,
    Period,
    PeriodType,
    UnitLevel,
    level_name,
    period_name,
    read_level,
    read_period,
    read_period_kind,
)
from baocao.outline import SUFFIXES
from baocao.outline import find as outlines
from baocao.outline.model import Outline, OutlineSection
from baocao.report import signing

LEVEL_CODES = "commune: cấp xã; district: cấp huyện; department: sở, ngành; province: cấp tỉnh; ministry: bộ"
"""The codes of levels, said in the comment beside ``level:`` of a new file."""
LEVEL_RANK = {UnitLevel.COMMUNE: 0, UnitLevel.DISTRICT: 1, UnitLevel.DEPARTMENT: 2, UnitLevel.PROVINCE: 2}
"""How high a level stands: a level above every reporter of a regime compiles their reports."""
COMMITTEE = re.compile(r"^\s*(?:Ủy|Uỷ) ban nhân dân\s+(.+)$", re.IGNORECASE)
AREA = re.compile(r"^(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+(.+)$", re.IGNORECASE)


@dataclass
class Header:
    """The document header as given by options or answers; None where nothing was given."""

    level: str | None = None
    parent_body: str | None = None
    issuing_body: str | None = None
    short_name: str | None = None
    area: str | None = None
    place: str | None = None
    symbol: str | None = None
    period: Period | None = None
    subject: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    recipients: list[str] = field(default_factory=list)
    period_chosen: bool = False
    """True when the period was not given but taken as the current one."""

    def compiles(self, outline: Outline) -> bool:
        """True when the level is above every level the regime asks to report: the office that compiles them."""
        reporters = outline.regime.reporters
        if not self.level or not reporters or self.level not in {level.value for level in UnitLevel}:
            return False
        return LEVEL_RANK[UnitLevel(self.level)] > max(LEVEL_RANK[r] for r in reporters)


TEXT_FIELDS = (
    "level", "parent_body", "issuing_body", "short_name", "area", "place", "symbol", "subject", "signer_title",
    "signer_name",
)  # fmt: skip
"""The header fields an option gives as text."""


# --- the header: what options give, what can be told from it -----------------------------------


def parse_period(text: str, year: int) -> Period:
    """A period of ``year`` in words ("6 tháng đầu", "quý I", "tháng 3", "9 tháng", "năm") or as a code.

    The codes: ``half_year:2``, ``quarter:1``, ``month:3``, ``nine_months`` or ``year``; words that
    name their year ("quý I/2026", "6 tháng đầu năm 2026") give that year.
    """
    said = text.strip()
    found = read_period(said) or read_period(f"{said} năm {year}")
    if found is not None:
        kind, number = str(found["type"]), str(found.get("number") or "")
    elif ":" in said or read_period_kind(said):
        kind, _, number = said.partition(":")
        kind = read_period_kind(kind) or kind.strip()
    else:  # "quý 5": the kind in words and a number it does not have
        kind, _, number = said.rpartition(" ")
        kind = read_period_kind(kind) or said
        number = str(ROMAN.get(number.lower(), number))
    try:
        period_type = PeriodType(kind)
    except ValueError as exc:
        raise UserError("new_bad_period", value=text, known=", ".join(t.value for t in PeriodType)) from exc
    year = int(found["year"]) if found is not None else year
    first = Period.model_construct(type=period_type, number=1, year=year)
    words = {
        "kind": named(period_name(period_type), period_type.value),
        "example": named(period_option(first), f"{period_type.value}:1"),
    }
    if period_type in PERIOD_COUNT:
        limit = PERIOD_COUNT[period_type]
        if not number.strip().isdigit() or not 1 <= int(number) <= limit:
            raise UserError("new_period_number", value=text, limit=limit, **words)
        return Period(type=period_type, number=int(number), year=year)
    if number.strip() not in ("", "1"):
        raise UserError("new_period_number", value=text, limit=1, **words)
    return Period(type=period_type, year=year)


def period_option(period: Period) -> str:
    """A period without its year, as the --period option and the question of ``new`` write it: "6 tháng cuối"."""
    label = re.sub(r"(?:/| năm )\d{4}$", "", period.label).removeprefix("0")
    return label or "năm"


def file_stem(header: Header, outline: Outline) -> str:
    """The unit's part of the file's name: its area in ASCII ("xã Tân An" → "xa-tan-an"), else the outline's id."""
    folded = unicodedata.normalize("NFD", (header.area or "").replace("đ", "d").replace("Đ", "D"))
    plain = "".join(char for char in folded if not unicodedata.combining(char)).lower()
    stem = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return stem or outline.outline.id


def current_period(outline: Outline, today: dt.date) -> Period:
    """The period of the regime's first kind (half a year when it names none) whose figures run over ``today``."""
    kind = outline.regime.periods[0] if outline.regime.periods else PeriodType.HALF_YEAR
    for year in (today.year, today.year + 1):
        numbers = range(1, PERIOD_COUNT[kind] + 1) if kind in PERIOD_COUNT else [None]
        for number in numbers:
            period = Period.model_construct(type=kind, number=number, year=year)
            if today <= outline.schedule(period)[1].end:
                return period
    return Period.model_construct(type=kind, number=None if kind not in PERIOD_COUNT else 1, year=today.year + 1)


def told_by_name(issuing_body: str) -> dict[str, str]:
    """What the name of a People's Committee tells: the short name, the area and the place.

    "Ủy ban nhân dân xã Minh Tân" gives "UBND xã Minh Tân", "xã Minh Tân", "Minh Tân";
    other names tell nothing.
    """
    committee = COMMITTEE.match(issuing_body)
    if not committee:
        return {}
    area = committee.group(1).strip()
    named = AREA.match(area)
    told = {"short_name": f"UBND {area}", "area": area, "symbol": "BC-UBND", "signer_title": "Chủ tịch"}
    if named:
        told["place"] = named.group(2).strip()
    return told


def default_level(outline: Outline) -> str | None:
    """The level the regime names when it names one only."""
    return outline.regime.reporters[0].value if len(outline.regime.reporters) == 1 else None


def default_subject(outline: Outline, period: Period, whole: bool = False) -> str:
    """The trích yếu from the outline's title: "Đề cương báo cáo kết quả … cấp xã" → "kết quả … 06 tháng cuối năm 2026".

    The words that name who reports, and a closing remark in brackets, are left out; ``whole``
    (the office that compiles the reports) keeps who reports: "kết quả … cấp xã 06 tháng …".
    """
    title = re.sub(r"^\s*(đề cương\s+)?(báo cáo\s+)?", "", _line(outline.outline.title), flags=re.IGNORECASE)
    title = re.sub(r"\s*\([^()]*\)$", "", title)
    if not whole:
        title = re.sub(r"\s+(của\s+)?(các\s+)?(cấp xã|cấp huyện|cấp tỉnh|sở, ngành)$", "", title, flags=re.IGNORECASE)
    return f"{title[:1].lower()}{title[1:]} {period.label}".strip()


def check_fits(outline: Outline, header: Header) -> None:
    """Refuse a level or a period the regime does not ask for."""
    regime = outline.regime
    if (
        header.level
        and regime.reporters
        and not Header(**{**vars(header), "level": level_code(header.level)}).compiles(outline)
    ):
        check_level(outline, header.level)
    if header.level is not None:
        header.level = level_code(header.level)
    if header.period and regime.periods and header.period.type not in regime.periods:
        kind = header.period.type
        raise UserError(
            "new_period_not_asked",
            kind=named(period_name(kind), kind.value),
            id=outline.outline.id,
            known=named(either([period_name(p) for p in regime.periods]), ", ".join(p.value for p in regime.periods)),
        )


def level_code(text: str) -> str:
    """A level as the file writes it: its code, from the clerk's words ("cấp xã", "phường") or the code itself."""
    found = read_level(text)
    return found.value if found is not None else text.strip()


Check = Callable[[str], object]
Ask = Callable[[str, str | None, Check | None], str]
"""Asks the user for one field: the key of its question in USAGE, a default, and a check that raises
:class:`UserError` on an answer to ask again for; returns the answer."""


def parse_year(text: str) -> int:
    """A year of a period: 1990 to 2100."""
    value = text.strip()
    if not value.isdigit() or not 1990 <= int(value) <= 2100:
        raise UserError("new_bad_year", value=text)
    return int(value)


def check_level(outline: Outline, text: str) -> None:
    """A level the regime asks for (any level when it names none), in words ("cấp xã", "xã") or as a code."""
    found = read_level(text)
    if found is None or found not in (list(outline.regime.reporters) or list(UnitLevel)):
        raise UserError("new_level_not_asked", level=text, id=outline.outline.id, known=_levels_known(outline))


def need_level(outline: Outline, header: Header) -> None:
    """A unit's file says its level: when the đề cương names several and none was given, the option to give.

    (A form leaves it to the clerk's drop-down.)
    """
    if header.level is None:
        raise UserError("new_level_needed", id=outline.outline.id, known=_levels_known(outline))


def _levels_known(outline: Outline) -> Words:
    """The levels the regime asks for, in words and as codes: "sở, ngành hoặc cấp xã"."""
    reporters = list(outline.regime.reporters) or list(UnitLevel)
    return named(either([level_name(r) for r in reporters]), ", ".join(r.value for r in reporters))


def _told(_key: str, default: str | None, _check: Check | None) -> str:
    """The answer when nothing is asked: what the default tells, else nothing."""
    return default or ""


def complete(outline: Outline, given: Header, year: int | None, today: dt.date, ask: Ask | None) -> Header:
    """The header with what options did not give: asked for when ``ask`` is given, else told or left as None.

    ``given.period`` may be None with ``year`` set; the period is then the current one of that year.
    """
    header = Header(**vars(given))
    check_fits(outline, header)
    fill: Ask = ask or _told

    def fits_period(text: str) -> None:
        check_fits(outline, Header(period=parse_period(text, 2000)))

    def fits_level(text: str) -> None:
        check_level(outline, text)

    header.level = header.level or default_level(outline) or (fill("ask_level", None, fits_level).strip() or None)
    header.issuing_body = header.issuing_body or fill("ask_issuing_body", None, None).strip() or None
    told = told_by_name(header.issuing_body or "")
    if header.parent_body is None and ask is not None:
        header.parent_body = ask("ask_parent_body", "", None).strip() or None
    for name in ("short_name", "area", "place"):
        if getattr(header, name) is None:
            setattr(header, name, fill(f"ask_{name}", told.get(name), None).strip() or None)
    if header.period is None:
        current = current_period(outline, today)
        if year is not None:
            current = Period.model_construct(type=current.type, number=current.number, year=year)
        if ask is None:
            header.period, header.period_chosen = current, True
        else:
            kind = ask("ask_period", period_option(current), fits_period)
            chosen = parse_year(ask("ask_year", str(current.year), parse_year)) if year is None else year
            header.period = parse_period(kind, chosen)
    header.symbol = header.symbol or fill("ask_symbol", told.get("symbol"), None).strip() or None
    subject = default_subject(outline, header.period, whole=header.compiles(outline))
    header.subject = header.subject or fill("ask_subject", subject, None).strip() or None
    header.signer_title = (
        header.signer_title or fill("ask_signer_title", told.get("signer_title"), None).strip() or None
    )
    if header.signer_name is None and ask is not None:
        header.signer_name = ask("ask_signer_name", "", None).strip() or None
    if not header.recipients and outline.regime.recipient and not header.compiles(outline):
        header.recipients = [outline.regime.recipient]
    check_fits(outline, header)
    return header


# --- the file ----------------------------------------------------------------------------------


def text(outline: Outline, name: str, header: Header, schema: str) -> str:
    """The unit's file to fill in."""
    lines = [f"# yaml-language-server: $schema={schema}", "#"]
    if header.compiles(outline):  # the office that compiles the units' reports: its own file
        lines += [f"# {line}" if line else "#" for line in _compiler(outline, header)]
        lines += ["", "document:", f"  compiles: {scalar(name)}  # đề cương các đơn vị báo cáo theo"]
        lines += _header(header, None, None, compiler=True)
    else:
        lines += [f"# {line}" if line else "#" for line in _about(outline, header)]
        lines += ["", "document:", f"  outline: {scalar(name)}"]
        lines += _header(header, outline.outline.set_by, outline.outline.issuer)
    lines += ["", f"numbering: {scalar(' '.join(outline.numbering))}", "", "sections:"]
    for section in outline.sections:
        lines += _section(section, 1, header.compiles(outline))
    return "\n".join(lines) + "\n"


def about(outline: Outline, header: Header) -> list[str]:
    """What a unit must know before it fills in: the đề cương, who reports to whom, the window and the deadline."""
    lines = list(_about(outline, header))
    return lines[: lines.index("")] if "" in lines else lines


def _compiler(outline: Outline, header: Header) -> Iterator[str]:
    """The head comment of the compiling office's file: what it compiles, the units' deadline and its own."""
    about, regime = outline.outline, outline.regime
    who = ", ".join(level_name(r) for r in regime.reporters)
    yield f"Báo cáo tổng hợp của {level_name(str(header.level))}: báo cáo của các đơn vị {who}"
    yield f"theo đề cương {about.id} ({_line(about.title)}), tổng hợp bằng baocao rollup."
    if header.period is not None:
        _, window, deadline = outline.schedule(header.period)
        yield f"Kỳ này: {header.period.label}. {window.sentence}."
        if deadline is not None:
            yield f"Hạn các đơn vị gửi: ngày {vn.date_short(deadline.date)} ({deadline.set_by}); hạn của tệp này là"
            yield "hạn của văn bản yêu cầu cơ quan báo cáo: ghi ở requested_by, deadline:."
    yield ""
    yield "Cách dùng: các mục theo thứ tự đề cương; các chỗ số liệu để trống (count:, value:…) do"
    yield "`baocao rollup THƯ-MỤC-ĐƠN-VỊ --unit TỆP-NÀY -o tong-hop.yaml` điền bằng số liệu cộng từ các đơn vị;"
    yield "phần lời (…) là của cơ quan tổng hợp: viết, thêm mục riêng ở chỗ muốn in, hoặc xóa."
    yield "Rồi `baocao build tong-hop.yaml` tạo báo cáo DOCX."


def _about(outline: Outline, header: Header) -> Iterator[str]:
    about, regime = outline.outline, outline.regime
    yield f"Báo cáo theo đề cương {about.id}: {_line(about.title)}."
    if about.issuer or about.set_by:
        by = about.set_by.citation if about.set_by else ""
        yield f"Ban hành: {_line(', '.join(filter(None, [about.issuer, by])))}."
    if about.illustrative:
        yield "(Đề cương minh họa, không phải văn bản thật.)"
    if regime.reporters or regime.recipient:
        who = ", ".join(level_name(r) for r in regime.reporters) or "mọi cấp"
        yield f"Đơn vị báo cáo: {who}" + (f"; gửi {_line(regime.recipient)}." if regime.recipient else ".")
    if regime.periods:
        yield f"Kỳ báo cáo theo đề cương: {', '.join(period_name(p) for p in regime.periods)}."
    if header.period is not None:
        period = header.period
        cutoff, window, deadline = outline.schedule(period)
        basis = f"theo đề cương {about.id}" if cutoff else "theo Nghị định 09/2019/NĐ-CP"
        yield f"Kỳ này: {period.label}. {window.sentence} ({basis})."
        if deadline is not None:
            yield f"Hạn gửi báo cáo: ngày {vn.date_short(deadline.date)} ({deadline.set_by})."
    yield ""
    yield "Cách điền: thay mỗi dấu … bằng nội dung; ghi số vào các chỗ để trống (value:, count:,"
    yield "total:…); mục, mã (key) và tên giữ đúng như đề cương. `baocao validate TỆP` chỉ ra"
    yield "những chỗ còn trống; `baocao build TỆP` tạo báo cáo DOCX."


def _given(value: str | None) -> str:
    """A header value as written, or the placeholder with a mark to fill it."""
    return scalar(value) if value else f"{PLACEHOLDER}  # ← điền"


def _requested_by(set_by: Citation | None, issuer: str | None) -> list[str]:
    """The document asking for the report: the one the đề cương came with, else a line to write it on."""
    if set_by is None:
        return ["  # requested_by: {type: Công văn, number: …, date: …, issuer: …, subject: …}  # văn bản yêu cầu"]
    fields = {
        "type": set_by.type,
        "number": set_by.number,
        "date": vn.date_short(set_by.date) if set_by.date else None,
        "issuer": set_by.issuer or issuer,
        "subject": set_by.subject,
    }
    lines = ["  requested_by:  # văn bản kèm đề cương; thêm deadline: nếu văn bản đặt hạn gửi"]
    return lines + [f"    {name}: {scalar(value)}" for name, value in fields.items() if value]


def _header(
    header: Header, set_by: Citation | None = None, issuer: str | None = None, compiler: bool = False
) -> list[str]:
    value = _given
    period = header.period
    lines = [f"  level: {value(header.level)}  # {LEVEL_CODES}"]
    if header.parent_body:
        lines.append(f"  parent_body: {scalar(header.parent_body)}")
    lines += [
        f"  issuing_body: {value(header.issuing_body)}",
        f"  short_name: {value(header.short_name)}",
        f"  area: {value(header.area)}",
        "  number:  # số văn bản: bỏ trống để văn thư điền",
        f"  symbol: {value(header.symbol)}",
        f"  place: {value(header.place)}",
        "  date:  # ngày ban hành, ví dụ 05/01/2026: bỏ trống để văn thư điền",
    ]
    assert period is not None, "complete() sets the period"
    if period.number is not None:
        lines.append(f"  period: {{type: {period.type.value}, number: {period.number}, year: {period.year}}}")
    else:
        lines.append(f"  period: {{type: {period.type.value}, year: {period.year}}}")
    if header.period_chosen:
        lines[-1] += "  # ← chọn sẵn; sửa nếu báo cáo kỳ khác"
    lines.append(f"  subject: {value(header.subject)}")
    if compiler:
        lines.append(
            "  # requested_by: {type: Công văn, number: …, date: …, issuer: …, deadline: …}  # văn bản yêu cầu, hạn gửi"
        )
    else:
        lines += _requested_by(set_by, issuer)
    if compiler and not header.recipients:
        lines.append("  recipients: []  # nơi nhận: cơ quan cấp trên, …")
    if header.recipients:
        lines.append("  recipients:")
        lines += [f"    - {scalar(r)}" for r in header.recipients]
    lines += _signer(header)
    return lines


def _signer(header: Header) -> list[str]:
    lines = ["  signer:"]
    title = header.signer_title
    body = signing.collective(header.issuing_body) if header.issuing_body else None
    head = signing.head_of(title) if title else None
    if body is not None and (not title or (head or title).strip().lower() == body[1].lower()):
        lines.append(f"    on_behalf_of: {body[0]}")  # TM. ỦY BAN NHÂN DÂN: the head or a deputy signs for it
    if head is not None:
        lines += ["    authority: KT", f"    head_title: {scalar(head)}"]  # KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC
    lines.append(f"    title: {_given(title)}")
    if header.signer_name:
        lines.append(f"    name: {scalar(header.signer_name)}")
    else:
        lines.append("    # name: …  # họ và tên người ký; bỏ trống thì chừa chỗ ký tay")
    return lines


def _section(section: OutlineSection, depth: int, compiler: bool = False) -> list[str]:
    """A section of the đề cương to fill in; for the compiling office, the slots the roll-up fills and its own text.

    An item the roll-up does not fill (a unit's target, its table of problems) is the units' own:
    the compiling office's file leaves it out, and its own text stays to write.
    """
    pad = "  " * depth
    notes = [f"Mục {'bắt buộc' if section.required else 'không bắt buộc'}: {_line(section.title)}."]
    if section.guide:
        notes.append(f"Hướng dẫn: {_line(section.guide)}")
    lines = [""] + [f"{pad}# {note}" for note in notes]
    lines += [f"{pad}- key: {scalar(section.key)}", f"{pad}  title: {scalar(section.title)}"]
    content: list[str] = []
    alone = not section.sections and all(REGISTRY.keyless(e.kind) for e in section.expects)
    expects = [e for e in section.expects if not compiler or REGISTRY.keyless(e.kind) or REGISTRY[e.kind].rollup_keyed]
    for expect in expects:
        start = REGISTRY[expect.kind].start
        assert start is not None  # a type a đề cương may expect says how it starts (baocao.blocks.base)
        content += start(expect.item, pad + "    ", alone)
    if not expects and not section.sections:
        content += [f"{pad}    # Đoạn văn: viết nội dung của mục này thay cho dấu ….", f"{pad}    - {PLACEHOLDER}"]
    if content:
        lines += [f"{pad}  content:", *content]
    if section.sections:
        lines.append(f"{pad}  sections:")
        for sub in section.sections:
            lines += _section(sub, depth + 2, compiler)
    return lines


def _line(text: str) -> str:
    """Text for a comment: on one line, whatever breaks it held (a break would end the comment)."""
    return " ".join(text.split())


# --- the outlines a clerk can pick from ----------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """An outline file found: its id, its title (or why it cannot be read) and where it is."""

    id: str
    title: str
    path: Path
    built_in: bool


def catalogue() -> list[Listed]:
    """Every outline of every folder searched, in the order an id is looked for (the first of an id wins)."""
    found: list[Listed] = []
    seen: set[str] = set()
    for folder in outlines.folders():
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES):
            if path.stem in seen or not path.is_file():
                continue
            seen.add(path.stem)
            try:
                read = outlines.read(path)
            except OSError:
                read = None
            outline = read.outline if read else None
            title = outline.outline.title if outline else "(không đọc được: chạy baocao validate tệp này)"
            found.append(Listed(path.stem, title, path, folder == outlines.BUILT_IN))
    return found
