"""A report carried to the next period: ``baocao next``.

The file's plain data (values as the unit wrote them) goes in, the next period's
file comes out, to be filled in:

- the period advances and ``previous_period`` names the one left; the number and
  the date go (the văn thư fills them), and so do ``requested_by`` and ``cutoff``
  (a new request comes); the period words of the subject and of section titles
  follow the period;
- figures, indicators and typed tables keep their structure: their values are
  blank, last period's stand in ``previous`` (a table's, its column totals), and
  build prints "tăng … so với …" from them;
- what a person rewrites each period (paragraphs, a figure's or indicator's note,
  task results, budget, radio, public services and teams) is kept as a YAML
  comment at its place, never as content that would print unchanged;
- targets, answers, citations and a table's text and choice cells stay as they are,
  but the citation of the old request, which a new request replaces, is a comment.

Nothing of the old file is dropped: what is not carried as data is in a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from baocao.blocks import REGISTRY, Block
from baocao.core import yamlout
from baocao.model.period import Period, slug
from baocao.report.model import Report
from baocao.report.sections import Annex, Section

Data = dict[str, Any]
DROPPED = ("number", "date", "month", "requested_by", "cutoff", "signed")
"""Document fields of the period left: the văn thư numbers and dates the new report; a new request comes;
the new report is not signed yet."""
_MARK = "\x00"
_ITEM = re.compile(r'^( *)- "\\0(\d+)\\0"$')
_EMPTY = re.compile(r'^( *(?:- )?)([A-Za-z_]+): "\\0(\d+)\\0"$')


@dataclass
class _Notes:
    """The comments of the carried file, by number; a sentinel text stands for each in the data until written."""

    texts: list[list[str]] = field(default_factory=list)

    def mark(self, lines: list[str]) -> str:
        """A sentinel for these comment lines."""
        self.texts.append(lines)
        return f"{_MARK}{len(self.texts) - 1}{_MARK}"


def next_name(stem: str, old: Period, new: Period) -> str:
    """The carried file's name: the old period (or its year) at the end of the name replaced, else the new one added.

    "xa-2025-h2" → "xa-2026-h1", "huu-lung-2023" (May) → "huu-lung-2023-m06", "bao-cao" → "bao-cao-2026-h1".
    """
    for written in (slug(old), str(old.year)):
        if stem.endswith(written) and (len(stem) == len(written) or not stem[-len(written) - 1].isalnum()):
            return stem[: -len(written)] + slug(new) + ".yaml"
    return f"{stem}-{slug(new)}.yaml"


def _spellings(label: str) -> list[str]:
    """A period's label as reports write it: "06 tháng …" also as "6 tháng …", "quý I/2025" also "Quý I/2025"."""
    out = [label, re.sub(r"^0(\d) tháng", r"\1 tháng", label)]
    return list(dict.fromkeys(out))


def relabel(text: str, old: Period) -> tuple[str, bool]:
    """``text`` with the old period's words for the next one's, and the next one's for the one after.

    "Kết quả 06 tháng cuối năm 2025, nhiệm vụ 06 tháng đầu năm 2026" becomes
    "Kết quả 06 tháng đầu năm 2026, nhiệm vụ 06 tháng cuối năm 2026". Returns
    whether the old period's words were found.
    """
    new = old.following()
    after = new.following()
    words = {spelling: new.label for spelling in _spellings(old.label)}
    words |= {spelling: after.label for spelling in _spellings(new.label)}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    found = False

    olds = {spelling.lower() for spelling in _spellings(old.label)}

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        found = found or match.group().lower() in olds
        written = match.group()
        label = next(label for spelling, label in words.items() if spelling.lower() == written.lower())
        if written[0] != "0" and label.startswith("0"):  # "6 tháng" stays without its zero
            label = label[1:]
        return label[0].upper() + label[1:] if written[0].isupper() else label

    return pattern.sub(replace, text), found


def _period_data(period: Period) -> Data:
    out: Data = {"type": str(period.type)}
    if period.number is not None:
        out["number"] = str(period.number)
    out["year"] = str(period.year)
    return out


class Carrier:
    """Carries one report's data to the next period; collects the comments it leaves."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.notes = _Notes()
        document = report.document
        self.old = document.period
        self.new = document.period.following()
        self.reference = self.old.label
        self.request = document.requested_by.number if document.requested_by else None
        self.opening_kept = False

    def header(self, name: str, subject_changed: bool) -> list[str]:
        """What ``baocao next`` did, said at the top of the written file."""
        lines = [
            f"baocao next: báo cáo {self.new.label}, lập từ {name} ({self.old.label}).",
            "- Số và ngày văn bản đã xóa để văn thư điền;",
            "  requested_by và cutoff đã bỏ (kỳ mới có văn bản yêu cầu mới).",
            f"- Số liệu {self.old.label} ghi ở 'previous' (in 'tăng/giảm … so với {self.old.label}');",
            "  điền giá trị kỳ này vào chỗ trống (validate báo BC604 ở mỗi chỗ còn trống).",
            "- Đoạn văn, ghi chú, kết quả nhiệm vụ, kinh phí… của kỳ trước ghi thành chú thích (#) tại chỗ:",
            "  viết lại cho kỳ này. Chỉ tiêu, câu trả lời, văn bản được dẫn giữ nguyên: kiểm tra lại.",
        ]
        if self.report.document.subtitle:
            lines.append("- KIỂM TRA dòng dưới trích yếu (subtitle): giữ như kỳ trước.")
        if not subject_changed:
            lines.append(f"- KIỂM TRA trích yếu (subject): không thấy kỳ '{self.old.label}' trong đó nên chưa đổi kỳ.")
        if self.opening_kept:
            lines.append(
                f"- KIỂM TRA phần mở đầu (opening): giữ đoạn văn của kỳ trước, kỳ đã đổi sang {self.new.label}"
                " (nếu có ghi); sửa các ý khác của kỳ này."
            )
        return lines

    def carry(self, data: Data) -> tuple[Data, bool]:
        """The next period's data (comments as sentinels), and whether the subject's period words changed."""
        document = {k: v for k, v in data["document"].items() if k not in DROPPED}
        document["level"] = self.report.document.level.value  # "cấp xã" written as its code
        document["period"] = _period_data(self.new)
        document["previous_period"] = _period_data(self.old)
        subject, changed = relabel(str(document.get("subject", "")), self.old)
        if changed:  # else left as written, and the header says to check it
            document["subject"] = subject
        ordered: Data = {}
        for key, value in document.items():  # previous_period right after period
            if key != "previous_period":
                ordered[key] = value
            if key == "period":
                ordered["previous_period"] = document["previous_period"]
        out: Data = {"document": ordered}
        for key, value in data.items():
            if key == "document":
                continue
            if key == "opening":
                out[key] = self.opening(value or [], self.report.opening)
            elif key == "closing":
                out[key] = self.blocks(value or [], self.report.closing)
            elif key == "sections":
                out[key] = [self.section(s, t) for s, t in zip(value or [], self.report.sections, strict=True)]
            elif key == "annexes":
                out[key] = [self.section(a, t) for a, t in zip(value or [], self.report.annexes, strict=True)]
            else:
                out[key] = value
        return out, changed

    def section(self, data: Data, typed: Section | Annex) -> Data:
        """A section or an annex: its title's period words moved on, its blocks carried, its sub-sections too."""
        out: Data = {}
        for key, value in data.items():
            if key == "title":
                out[key] = relabel(str(value), self.old)[0]
            elif key == "content":
                out[key] = self.blocks(value or [], typed.content)
            elif key == "sections":
                subsections = typed.sections if isinstance(typed, Section) else []
                out[key] = [self.section(s, t) for s, t in zip(value or [], subsections, strict=True)]
            else:
                out[key] = value
        return out

    def opening(self, items: list[Any], typed: list[Block]) -> Any:
        """The opening: its paragraphs kept with the period's words moved on (a header line says to check them).

        Its other blocks are carried as their types say (the old request's citation becomes a comment).
        """
        out: list[Any] = []
        kept: list[Any] = []
        for item, block in zip(items, typed, strict=True):
            if block.kind == "text" and isinstance(item, str):
                text = relabel(item, self.old)[0]
                out.append(text)
                kept.append(text)
            else:
                out += self.block(item, block)
        self.opening_kept = bool(kept)
        return out if kept else self.blocks(items, typed)

    def blocks(self, items: list[Any], typed: list[Block]) -> Any:
        """A list of blocks carried; only comments left gives ``[]`` with the comments after it."""
        out: list[Any] = []
        for item, block in zip(items, typed, strict=True):
            out += self.block(item, block)
        if out and all(isinstance(x, str) and x.startswith(_MARK) for x in out):
            lines = [line for x in out for line in self.notes.texts[int(x.strip(_MARK))]]
            head = f"{self.reference}:"
            return self.notes.mark([head, *(line for line in lines if line != head)])
        return out

    def block(self, item: Any, block: Block) -> list[Any]:
        """One block as the next period has it (its type says how), with comments keeping what it no longer holds."""
        body: Any = item.get(block.kind) if isinstance(item, dict) else item
        return REGISTRY[block.kind].carry(dict(body) if isinstance(body, dict) else body, block.value, self)

    def mark(self, lines: list[str]) -> str:
        """A stand-in for comment lines, written in the file where it stands."""
        return self.notes.mark(lines)

    def said(self, data: Any) -> list[str]:
        """A value as comment lines: text line by line, other data as the YAML it was."""
        if isinstance(data, str):
            return data.splitlines() or [""]
        return yamlout.to_yaml(data).splitlines()


def write(report: Report, data: Data, name: str, top: str) -> str:
    """The next period's file as text: ``top`` (the old file's leading comments), what was done, then the data."""
    carrier = Carrier(report)
    carried, changed = carrier.carry(data)
    body = yamlout.to_yaml(carried)
    lines: list[str] = []
    for line in body.split("\n"):
        if match := _ITEM.match(line):
            lines += [f"{match.group(1)}# {text}".rstrip() for text in _lines(carrier.notes, match.group(2))]
        elif match := _EMPTY.match(line):
            lines.append(f"{match.group(1)}{match.group(2)}: []")
            pad = " " * (len(match.group(1)) + 2)
            lines += [f"{pad}# {text}".rstrip() for text in _lines(carrier.notes, match.group(3))]
        else:
            lines.append(line)
    name = "".join(ch if ch.isprintable() else "?" for ch in name)  # one comment line, whatever the name
    head = "".join(f"# {line}\n" for line in carrier.header(name, changed))
    top = top.rstrip() + "\n#\n" if top.strip() else ""
    return top + head + "\n" + "\n".join(lines)


def _lines(notes: _Notes, number: str) -> list[str]:
    return [piece for text in notes.texts[int(number)] for piece in (text.splitlines() or [""])]
