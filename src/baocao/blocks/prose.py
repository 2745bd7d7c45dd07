"""Numbers in sentences, read as reports write them and checked as data is.

A report states most of its figures in prose. Each wording below is a claim that can be
checked from the numbers the sentence itself gives; a finding stands at the number a
reader would correct, with the value that would make the sentence true:

- a count out of a total with its rate, the rate after ("42.694/42.829 công dân, đạt
  99,7%"; "17.928 cửa hàng số/31.456 hộ dân (57%)"; joined by "đạt", "tỷ lệ", "chiếm",
  "tương đương", "bằng", or in brackets) or before ("đạt 100% (3.179/3.179 văn bản)")
  its counts (BC211, BC212), and a count above its total on its own ("25/24 trang"); a
  count stated as a bound ("gần 106 triệu/108 triệu") is checked on the side it allows,
  and a count and a total each with its noun may count different things (either larger);
- parts of a stated total: "tổng số 369, trong đó mức độ 3: 200, mức độ 4: 169" (parts
  of "trong đó" may leave some out, but never add up to more: BC222), "22 đài, gồm 14 …
  và 8 …", "369 TTHC: mức độ 3: 200, …", "… cụ thể: …", "479 hồ sơ (453 tổ chức, 26 cá
  nhân)", "41 hồ sơ. (Đã giải quyết: 48 hồ sơ; đang giải quyết 3 hồ sơ)" and numbered
  items "(1) Lĩnh vực …: 1.505 hồ sơ … (2) …" (they make the total: BC221), shares listed
  after "gồm" that must make 100% (BC223);
- a remainder: "tiếp nhận 10.599 hồ sơ, đã cấp 9.690, còn 909" (BC224);
- a change with both values: "tăng 42,29% (từ 71.263 lên 101.400)", "tăng 5 điểm phần
  trăm (từ 60% lên 65%)" (BC225); a rise of a rate said in % where it is in points
  (BC226); "tăng" where the value fell, or "giảm" where it rose (BC227).

What is never a claim: dates ("30/4", "ngày 30/4/2025"), document numbers ("101/KH-UBND",
"43/2011/NĐ-CP"), ranges ("2021-2025"), years, school years ("2023/2024"), a slash
before words ("28/chiều dài 450 km", "3 lần/năm"), "2G/3G/4G", and a rate of something
else beside a fraction ("5/5 xã, tỷ lệ hộ có cáp quang 70%"). Numbers are written the
Vietnamese way ("." groups thousands, "," marks decimals). Every pattern is a fixed
sequence of bounded, character-class gaps, so reading a line takes time linear in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from baocao.blocks.base import shown
from baocao.blocks.printing import NOTE
from baocao.blocks.rate import ratio_issues
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.model.qualified import QUALIFIERS, Qualified

INT = r"\d{1,3}(?:\.\d{3}){1,5}|\d{1,15}"
"""A count: "42.694", "42694"; a longer run of digits is not a number a report states (and stays within int())."""
DECIMALS = r"(?:,\d{1,6})?"
NUM = r"(?:" + INT + r")" + DECIMALS
START = r"(?<![\w.,/])"  # a number starts: not inside a word or another number, not after a slash
END = r"(?![\w/]|[.,]\d)"  # a number ends: no letter, slash or more digits follow
WORD = r"[^\W\d_]+"
NOUN = WORD + r"(?:[ \t]+" + WORD + r"){0,5}"  # up to six words naming what is counted
SP = r"[ \t]*"
RATE_WORD = r"(?:tỷ|tỉ)[ \t]+lệ"
JOIN = (
    r"(?:(?:đạt|chiếm|bằng|tương[ \t]+đương)(?:[ \t]+" + RATE_WORD + r")?"
    r"|" + RATE_WORD + r"(?:[ \t]+(?:đạt|là))?)" + SP + r":?" + SP
)
"""The words that tie a rate to the counts beside it: "đạt", "đạt tỷ lệ", "tỷ lệ", "chiếm", "tương đương", "bằng"."""
PERCENT = r"(?<![\w.,])(?:(?P<word>" + "|".join(QUALIFIERS) + r")[ \t]+)?(?P<pct>\d{1,4}" + DECIMALS + r")" + SP + r"%"
OVER = r"(?:/" + SP + r"(?:tổng[ \t]+số[ \t]+)?|[ \t]+(?:trên|trong)[ \t]+tổng[ \t]+số[ \t]+)"
FRACTION = (
    START + r"(?P<count>" + INT + r")(?:[ \t]+(?P<noun>" + NOUN + r"))?" + SP + OVER + SP
    + r"(?P<total>" + INT + r")" + END
)  # fmt: skip
"""A count out of a total: "3.179/3.179", "17.928 cửa hàng số/31.456", "42.694 trên tổng số 42.829"."""
GAP = r"[^.;:()%/\d\n]{0,80}?"
FLAGS = re.IGNORECASE

FRACTION_ALONE = re.compile(FRACTION, FLAGS)
RATE_AFTER = re.compile(
    FRACTION + r"(?P<gap>" + GAP + r")(?:\(" + SP + r"(?:" + JOIN + r")?|" + r"\b" + JOIN + r")" + PERCENT, FLAGS
)
""""a/b …, đạt p%", "a …/b … (p%)", "a/b … (tỷ lệ p%)", "a/b …, chiếm p%"."""
RATE_BEFORE = re.compile(
    PERCENT
    + r"(?:[ \t]*,[ \t]*(?:tương[ \t]+đương|bằng|tức[ \t]+là)[ \t]+"
    + r"|(?P<gap>(?:(?!\bvà\b)[^\d%()/;:.,\n]){0,60}?)(?:\("
    + SP
    + r")?)"
    + FRACTION,
    FLAGS,
)
""""đạt 100% (3.179/3.179 văn bản)", "hoàn thành 100% cập nhật … 1929/1929 học sinh", "57%, tương đương a/b"."""
DATED = re.compile(r"(?:quý|kỳ|ngày|hôm|đến|từ|trước|sau|tới|hết|cuối|đầu|hạn|dịp|lễ|tháng|năm|học)" + SP + r"$", FLAGS)
"""Words before "30/4" that make it a date."""
BOUND = re.compile(r"\b(" + "|".join(QUALIFIERS) + r")" + SP + r"$", FLAGS)
"""A word before a count that makes it a bound: "gần 106 triệu", "hơn 8.130"."""
NOT_A_TOTAL = re.compile(
    r"(?:năm|ngày|tháng|quý|(?<!tổng[ \t])số|kỳ|lần|thứ|đoạn|khóa|khoá|mức|độ|tiêu[ \t]+chí)" + SP + r"$", FLAGS
)
"""Words before a number that make it a name or a date rather than a count ("năm 2023", "mức độ 3", "số 12")."""

OF_WHICH = r"(?:trong[ \t]+đó|bao[ \t]+gồm|gồm(?:[ \t]+có)?)"
OF_WHICH_OR_NAMELY = r"(?:trong[ \t]+đó|bao[ \t]+gồm|gồm|cụ[ \t]+thể)"
PARTS = re.compile(
    START + r"(?P<total>" + INT + r")" + END + r"(?P<gap>[^\d;.()%/\n]{0,100}?)[,:]?" + SP
    + r"(?P<marker>" + OF_WHICH + r")\b" + SP + r":?(?P<list>[^;()\n]{1,300}?)(?=[;()\n]|\.(?!\d)|$)",
    FLAGS,
)  # fmt: skip
"""A total, then "trong đó" or "gồm" and its parts, to the end of the clause."""
NAMELY = re.compile(
    START + r"(?P<total>" + INT + r")" + END + r"(?:[ \t]+" + NOUN + r")?" + SP
    + r"(?P<marker>:|,?" + SP + r"cụ[ \t]+thể" + SP + r":?)(?P<list>[^;()\n]{1,300}?)(?=[;()\n]|\.(?!\d)|$)",
    FLAGS,
)  # fmt: skip
"""A total, then a colon or "cụ thể" and the parts that make it: "369 TTHC: mức độ 3: 200, mức độ 4: 169"."""
BRACKET = re.compile(
    START + r"(?P<total>" + INT + r")" + END + r"(?:[ \t]+(?P<noun>" + NOUN + r"))?" + SP + r"\.?" + SP
    + r"\((?P<list>[^()\n]{1,200})\)",
    FLAGS,
)  # fmt: skip
"""A total with its parts in brackets: "479 hồ sơ (453 tổ chức, 26 cá nhân)", "41 hồ sơ. (Đã giải quyết: 48 …; …)"."""
STATUS = re.compile(
    r"^(?P<label>" + WORD + r"(?:[ \t]+" + WORD + r"){0,5}" + SP + r":?)" + SP + r"(?P<n>" + INT + r")" + END
    + r"[^\d%]*$",
    FLAGS,
)  # fmt: skip
"""A part in brackets named before its number: "đang giải quyết 3 hồ sơ", "Đã giải quyết đúng hẹn 73 hồ sơ"."""
SPLIT = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|;|\bvà\b)\s*", FLAGS)
"""Between the items of a list: a comma (not a decimal one), a semicolon, "và"."""
PART = re.compile(
    r"^(?:(?P<label>[^:\d]*(?:\d+[^:\d]*)?):" + SP + r")?(?:có" + SP + r")?(?P<n>" + INT + r")" + END
    + r"(?:[^\d%]|(?:độ|loại|nhóm)[ \t]+\d+)*$",
    FLAGS,
)  # fmt: skip
"""One part: "60 TTHC một phần", "mức độ 3: 200", "Cấp phép xây dựng: 41 hồ sơ"."""
SHARE = re.compile(r"^[^\d%]*?(?P<pct>\d{1,4}" + DECIMALS + r")" + SP + r"%[^\d%]*$", FLAGS)
"""One share: "nông nghiệp 40%", "40% nông nghiệp", "dịch vụ chiếm 25%"."""
NOT_A_SHARE = re.compile(r"\b(?:tăng|giảm|vượt|so[ \t]+với|đạt)\b", FLAGS)

DONE = r"(?:đã|giải[ \t]+quyết|cấp|hoàn[ \t]+thành|xử[ \t]+lý|trả)"
"""The words before the part done of a total ("đã cấp 9.690", "giải quyết 38.584")."""
REMAINDER = re.compile(
    START + r"(?P<total>" + INT + r")" + END + r"(?P<gap>[^\d;.%/()\n]{0,80}?)\b" + DONE + r"\b[^\d;.%/()\n]{0,60}?"
    + START + r"(?P<done>" + INT + r")" + END + r"[^\d;.%/()\n]{0,60}?\bcòn(?:[ \t]+lại)?\b[^\d;.%/()\n]{0,30}?"
    + START + r"(?P<rest>" + INT + r")" + END,
    FLAGS,
)  # fmt: skip
"""A total, what is done of it, and what remains: "10.599 hồ sơ, đã cấp 9.690, còn 909"."""

YEAR = r"(?:[ \t]+(?:năm|kỳ)[ \t]+\d{4})?"
POINTS = r"điểm[ \t]+phần[ \t]+trăm|điểm[ \t]*%|điểm"
CHANGE = re.compile(
    r"\b(?P<dir>tăng|giảm)[ \t]+(?:thêm[ \t]+)?" + START + r"(?P<by>" + NUM + r")" + END + SP
    + r"(?P<unit>%|" + POINTS + r")?(?P<gap>(?:[^\d;()%/\n]|năm[ \t]+\d{4}){0,80}?)[(,]?" + SP
    + r"\btừ[ \t]+(?P<old>" + NUM + r")" + SP + r"(?P<old_pct>%)?" + YEAR + r"[^\d;()%/\n]{0,40}?[ \t]+"
    + r"(?:lên|xuống|còn)[ \t]+(?P<new>" + NUM + r")" + SP + r"(?P<new_pct>%)?",
    FLAGS,
)  # fmt: skip
"""A change with both its values: "tăng 42,29% (từ 71.263 lên 101.400)", "giảm 3 điểm phần trăm (từ 60% xuống 57%)"."""


@dataclass(frozen=True)
class Said:
    """A claim found in a line: its code, what the message says, and where in the line the number to fix stands."""

    code: str
    params: dict[str, Any]
    start: int
    """Where the words of the claim begin in the line."""
    end: int
    at: int
    """Where the number to correct stands in the line."""


def count(text: str) -> int:
    """A count written the Vietnamese way: "42.694" -> 42694."""
    return int(text.replace(".", ""))


def decimal(text: str) -> Decimal:
    """A number written the Vietnamese way: "1.234,5" -> 1234.5."""
    return Decimal(text.replace(".", "").replace(",", "."))


def digits(text: str) -> int:
    """Digits after the comma: "99,68" -> 2."""
    return len(text.partition(",")[2])


def rounded(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` digits after the comma."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def before(words: re.Pattern[str], line: str, at: int) -> bool:
    """True when ``words`` end just before ``at`` (looked for in the few characters there: linear in the line)."""
    return words.search(line, max(0, at - 16), at) is not None


def is_date(line: str, match: re.Match[str]) -> bool:
    """True when "a/b" reads as a day and month ("30/4"), or both are years ("2023/2024")."""
    a, b = match["count"], match["total"]
    if "." in a or "." in b:
        return False
    x, y = int(a), int(b)
    if 1900 <= x <= 2100 and 1900 <= y <= 2100:
        return True
    if not (1 <= x <= 31 and 1 <= y <= 12):
        return False
    return before(DATED, line, match.start("count")) or x > y


def sentences(line: str) -> Iterator[Said]:
    """Every claim of one line of text that its own numbers contradict."""
    yield from rates(line)
    yield from parts(line)
    yield from enumerated(line)
    yield from shares(line)
    yield from remainders(line)
    yield from changes(line)


def rates(line: str) -> Iterator[Said]:
    """Counts out of totals with their rates; a count above its total on its own."""
    if "/" not in line and "tổng số" not in line.lower():
        return
    fractions: set[int] = set()
    percents: set[int] = set()
    for pattern in (RATE_AFTER, RATE_BEFORE):
        for match in pattern.finditer(line):
            at_count, at_pct = match.start("count"), match.start("pct")
            if at_count in fractions or at_pct in percents:
                continue
            fractions.add(at_count)
            percents.add(at_pct)
            a, b = count(match["count"]), count(match["total"])
            dated = is_date(line, match) and before(DATED, line, at_count)
            if dated:
                continue
            bound = BOUND.search(line, max(0, at_count - 16), at_count)
            if bound is not None:
                yield from bounded_rate(line, match, bound[1].lower())
                continue
            percent = Qualified(decimal(match["pct"]), (match["word"] or "").lower())
            for issue in ratio_issues(a, b, percent, digits(match["pct"]), (), others=bool(match["noun"])):
                at = at_count if issue.code == "BC212" else match.start("word") if match["word"] else at_pct
                yield Said(issue.code, issue.params, match.start(), match.end(), at)
    for match in FRACTION_ALONE.finditer(line):
        a, b = count(match["count"]), count(match["total"])
        if match.start("count") in fractions or match["noun"] or a <= b or is_date(line, match):
            continue
        params = {"part": "count", "whole": "total", "part_value": shown(a), "whole_value": shown(b)}
        yield Said("BC212", params, match.start(), match.end(), match.start("count"))


def bounded_rate(line: str, match: re.Match[str], word: str) -> Iterator[Said]:
    """A rate of a count stated as a bound ("gần 106 triệu/108 triệu"): wrong only on the side the bound excludes.

    "gần", "dưới", "tối đa" N: the rate is at most N's; "hơn", "trên", "tối thiểu", "ít nhất" N: at least N's;
    "khoảng" N and a rate that is itself a bound are not checked.
    """
    a, b = count(match["count"]), count(match["total"])
    if word == "khoảng" or match["word"] or b == 0:
        return
    exact, places = Decimal(a) * 100 / Decimal(b), digits(match["pct"])
    stated, half = decimal(match["pct"]), Decimal(5).scaleb(-places - 1)
    below = word in ("gần", "dưới", "tối đa")
    if (below and stated - half > exact) or (not below and stated + half < exact):
        params = {
            "stated": vn.percent(stated, places),
            "computed": vn.percent(exact, places),
            "count": f"{word} {shown(a)}",
            "total": shown(b),
        }
        yield Said("BC211", params, match.start(), match.end(), match.start("pct"))


def listed(text: str) -> list[int] | None:
    """The values of a list of parts, up to the first item that is not one; None when fewer than one."""
    values = []
    for item in SPLIT.split(text.strip()):
        match = PART.match(item)
        if match is None:
            break
        values.append(count(match["n"]))
    return values or None


def parts(line: str) -> Iterator[Said]:
    """Parts of a stated total: "trong đó" never more than it, "gồm" and brackets exactly it."""
    lowered = line.lower()
    listing = "trong đó" in lowered or "gồm" in lowered
    namely = ":" in line or "cụ thể" in lowered
    found = [*(PARTS.finditer(line) if listing else ()), *(NAMELY.finditer(line) if namely else ())]
    for match in found:
        if before(NOT_A_TOTAL, line, match.start("total")):
            continue
        values = listed(match["list"])
        if values is None or (match.re is NAMELY and len(values) < 2):
            continue
        total, summed = count(match["total"]), sum(values)
        of_which = match["marker"].lower().startswith("trong")
        if (of_which and summed > total) or (not of_which and len(values) > 1 and summed != total):
            code = "BC222" if of_which else "BC221"
            params = {"stated": shown(total), "computed": shown(summed), "parts": " + ".join(map(shown, values))}
            yield Said(code, params, match.start(), match.end(), match.start("total"))
    for match in BRACKET.finditer(line) if "(" in line else ():
        if before(NOT_A_TOTAL, line, match.start("total")):
            continue
        found = bracketed(match["list"])
        total, noun = count(match["total"]), (match["noun"] or "").lower()
        values = [value for value, _ in found]
        summed = sum(values)
        if any(value > total and not (noun and rest.startswith(noun)) for value, rest in found):
            continue  # a part above the total counts something else: "306 dịch vụ (tiếp nhận 3.797 hồ sơ, …)"
        if len(values) > 1 and summed != total and 2 * summed >= total:
            params = {"stated": shown(total), "computed": shown(summed), "parts": " + ".join(map(shown, values))}
            yield Said("BC221", params, match.start(), match.end(), match.start("total"))


def bracketed(text: str) -> list[tuple[int, str]]:
    """The parts in brackets after a total, each a number with its noun or a status with its number; [] if not all.

    Words with no number after a part qualify it ("đang giải quyết 3 hồ sơ, trong hạn"). Numbers that make less
    than half the total describe rather than divide it ("120 học viên (3 lớp, 2 ngày)"): the caller leaves them.
    """
    values: list[tuple[int, str]] = []
    for item in SPLIT.split(text.strip()):
        match = PART.match(item) or STATUS.match(item)
        if match is not None and not (match.re is STATUS and NOT_A_SHARE.search(match["label"])):
            values.append((count(match["n"]), item[match.end("n") :].strip().lower()))
        elif not values or any(c.isdigit() for c in item) or "%" in item:
            return []
    return values


SHARES = re.compile(
    r"\b(?P<marker>" + OF_WHICH + r"|cơ[ \t]+cấu)\b" + SP + r":?(?P<list>[^;()\n]{1,300}?)(?=[;()\n]|\.(?!\d)|$)", FLAGS
)


ENUMERATED = re.compile(r"\((?P<k>\d{1,2})\)")
"""The mark of an item of a numbered list in a sentence: "(1)", "(2)"."""
LEAD = re.compile(
    START + r"(?P<total>" + INT + r")" + END + r"[^\d()\n]{0,200}?\b" + OF_WHICH_OR_NAMELY + r"\b[^\d()\n]{0,120}$",
    FLAGS,
)
"""A total, then "trong đó", "gồm" or "cụ thể", and only words up to the list: "1.956 hồ sơ … cụ thể như sau:"."""
ITEM_VALUE = re.compile(
    r"[^\d:\n]{0,120}:[^\d\n]{0,120}?" + START + r"(?P<n>" + INT + r")" + END + r"(?![ \t]*%)", FLAGS
)
"""An item's value: the first number after its first colon, with only words between ("Lĩnh vực X: 1.505 hồ sơ")."""


def enumerated(line: str) -> Iterator[Said]:
    """A total divided into numbered items, "… 1.956 hồ sơ. Trong đó …: (1) Lĩnh vực X: 1.505 hồ sơ … (2) …".

    Each item names its value after its first colon; the items of "trong đó" never make more than the total,
    those of "gồm" and "cụ thể" make it.
    """
    if "(1)" not in line:
        return
    runs: list[list[re.Match[str]]] = []
    for mark in ENUMERATED.finditer(line):
        if mark["k"] == "1":
            runs.append([mark])
        elif runs and int(mark["k"]) == len(runs[-1]) + 1:
            runs[-1].append(mark)
    for run in runs:
        mark = run[0]
        lead = LEAD.search(line, max(0, mark.start() - 400), mark.start()) if len(run) > 1 else None
        if lead is None or before(NOT_A_TOTAL, line, lead.start("total")):
            continue
        ends = [following.start() for following in run[1:]] + [len(line)]
        found = [ITEM_VALUE.match(line, item.end(), end) for item, end in zip(run, ends, strict=True)]
        if any(value is None for value in found):
            continue
        values = [count(value["n"]) for value in found if value is not None]
        total, summed = count(lead["total"]), sum(values)
        of_which = "trong" in lead.group(0).lower()
        if (of_which and summed > total) or (not of_which and summed != total):
            params = {"stated": shown(total), "computed": shown(summed), "parts": " + ".join(map(shown, values))}
            yield Said("BC222" if of_which else "BC221", params, lead.start(), mark.end(), lead.start("total"))


def shares(line: str) -> Iterator[Said]:
    """Shares listed after "gồm" make 100%; after "trong đó" no more than it (each rounded as written)."""
    if "%" not in line:
        return
    for match in SHARES.finditer(line):
        items = [item for item in SPLIT.split(match["list"].strip()) if item]
        found = [SHARE.match(item) for item in items]
        if len(found) < 2 or any(m is None or NOT_A_SHARE.search(item) for m, item in zip(found, items, strict=True)):
            continue
        values = [decimal(m["pct"]) for m in found if m is not None]
        slack = sum((Decimal(5).scaleb(-digits(m["pct"]) - 1) for m in found if m is not None), Decimal(0))
        summed = sum(values, Decimal(0))
        of_which = match["marker"].lower().startswith("trong")
        if summed > 100 + slack or (not of_which and summed < 100 - slack):
            params = {"computed": vn.percent(summed, max(digits(m["pct"]) for m in found if m is not None))}
            first = match.start("list") + len(match["list"]) - len(match["list"].lstrip())
            yield Said("BC223", params, match.start(), match.end(), first)


def remainders(line: str) -> Iterator[Said]:
    """What is done and what remains make the total stated before them."""
    if "còn" not in line.lower():
        return
    for match in REMAINDER.finditer(line):
        if before(NOT_A_TOTAL, line, match.start("total")):
            continue
        total, done, rest = count(match["total"]), count(match["done"]), count(match["rest"])
        if done + rest != total and total - done >= 0:
            params = {
                "stated": shown(rest),
                "computed": shown(total - done),
                "total": shown(total),
                "done": shown(done),
            }
            yield Said("BC224", params, match.start(), match.end(), match.start("rest"))


MAGNITUDE = re.compile(r"[ \t]*(nghìn|ngàn|triệu|tỷ)\b", FLAGS)
RANK = re.compile(r"[ \t]*(?:bậc|hạng|vị[ \t]+trí|thứ[ \t]+hạng|điểm[ \t]+số)\b", FLAGS)


def alike(line: str, match: re.Match[str]) -> bool:
    """True when the change and its values share a scale ("triệu", "tỷ" after each, or none) and are not ranks.

    "tăng 2 bậc (từ 20 xuống 18)": a rank rises as its number falls.
    """
    if RANK.match(line, match.end("by")):
        return False
    scales = [MAGNITUDE.match(line, match.end(name)) for name in ("old", "new")]
    words = {m[1].lower() if m else "" for m in scales}
    if match["unit"] != "%":
        by = MAGNITUDE.match(line, match.end("by"))
        words.add(by[1].lower() if by else "")
    return len(words) == 1


def changes(line: str) -> Iterator[Said]:
    """A rise or fall stated with both values agrees with them: in number, in % of the old value, or in points."""
    lowered = line.lower()
    if "từ" not in lowered or ("tăng" not in lowered and "giảm" not in lowered):
        return
    for match in CHANGE.finditer(line):
        if not alike(line, match):
            continue
        old, new, by = decimal(match["old"]), decimal(match["new"]), decimal(match["by"])
        rising = match["dir"].lower() == "tăng"
        place = (match.start(), match.end())
        if (new > old) != rising or new == old:
            params = {
                "stated": match["dir"],
                "other": "giảm" if rising else "tăng",
                "old": match["old"],
                "new": match["new"],
            }
            yield Said("BC227", params, *place, match.start("dir"))
            continue
        rates_ = bool(match["old_pct"] or match["new_pct"])
        unit = (match["unit"] or "").lower()
        places = digits(match["by"])
        points = abs(new - old)
        said = vn.number(by)
        if unit == "%" and old:
            relative = points * 100 / old
            if rounded(relative, places) == by:
                continue
            if rates_ and rounded(points, places) == by:
                params = {"stated": f"{said}%", "points": vn.number(rounded(points, places))}
                yield Said("BC226", params, *place, match.start("by"))
                continue
            computed = vn.percent(relative, places)
            params = {"stated": f"{said}%", "computed": computed, "old": match["old"], "new": match["new"]}
            yield Said("BC225", params, *place, match.start("by"))
        elif unit.startswith("điểm") or not unit:
            if unit and not rates_:
                continue
            if rounded(points, places) != by:
                word = f" {match['unit']}" if unit else ""
                params = {"stated": said + word, "computed": vn.number(rounded(points, places)) + word,
                          "old": match["old"], "new": match["new"]}  # fmt: skip
                yield Said("BC225", params, *place, match.start("by"))


def issues(text: str, loc: Loc) -> Iterator[Issue]:
    """The claims of every line of ``text``, as issues placed at the number to correct.

    A footnote ("sửa đổi^[…]", :data:`baocao.blocks.printing.NOTE`) is read apart: its sentence is read
    without it, and it on its own, each finding placed where it is written.
    """
    for line in text.splitlines():
        for piece, shift, cuts in _pieces(line):
            for said in sentences(piece):
                start, end = shift + _written(said.start, cuts, True), shift + _written(said.end, cuts, False)
                at = shift + _written(said.at, cuts, True)
                yield Issue(said.code, loc, said.params, snippet=line[start:end], offset=at - start)


def _pieces(line: str) -> Iterator[tuple[str, int, list[tuple[int, int]]]]:
    """The line without its footnotes, with where they were cut (place in the rest, length); then each footnote."""
    if "^[" not in line:
        yield line, 0, []
        return
    rest, cuts, at = [], [], 0
    for match in NOTE.finditer(line):
        rest.append(line[at : match.start()])
        cuts.append((sum(len(part) for part in rest), match.end() - match.start()))
        at = match.end()
    rest.append(line[at:])
    yield "".join(rest), 0, cuts
    for match in NOTE.finditer(line):
        yield match.group(1), match.start(1), []


def _written(place: int, cuts: list[tuple[int, int]], after_cut: bool) -> int:
    """Where a place of the line read without its footnotes is written (a place at a cut: after it, or before)."""
    return place + sum(length for cut, length in cuts if cut < place or (after_cut and cut == place))
