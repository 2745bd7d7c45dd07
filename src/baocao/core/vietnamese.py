"""Vietnamese number, date and word formatting for administrative documents.

Every rule here follows the usage of Decree 30/2020/NĐ-CP and of the reports
it governs: "." groups thousands and "," marks decimals; days 1-9 and months
1-2 take a leading zero; amounts are read out in words in the northern style
("linh", "mốt", "lăm").
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu", "tỷ")
LETTERS = "abcdđeghiklmnopqrstuvxy"
LEVELS = {
    "commune": "cấp xã",
    "district": "cấp huyện",
    "department": "sở, ngành",
    "province": "cấp tỉnh",
    "ministry": "bộ, ngành trung ương",
    "national": "cấp trung ương",
}
"""The levels of a reporting unit by their codes, as a sentence names them: "đơn vị cấp xã"."""
PERIOD_KINDS = {"month": "tháng", "quarter": "quý", "half_year": "6 tháng", "nine_months": "9 tháng", "year": "năm"}
"""The kinds of reporting period by their codes, as a sentence names them: "kỳ 6 tháng"."""
ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def number(value: int | Decimal | float, decimals: int | None = None) -> str:
    """Format a number the Vietnamese way: 9179 -> "9.179", 9179.0 -> "9.179,0".

    ``decimals`` fixes the digits after the comma; by default integers get none
    and decimals keep the digits they have.
    """
    dec = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if decimals is not None:
        dec = dec.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if dec < 0 else ""
    text = format(abs(dec), "f")
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = sign + ".".join(groups)
    return f"{result},{frac}" if frac else result


def count(value: int) -> str:
    """A count in running text: two digits below ten ("02 điểm"), grouped above."""
    return f"{value:02d}" if 0 <= value < 10 else number(value)


def percent(value: Decimal | float, decimals: int = 1) -> str:
    """A percentage: 99.685 -> "99,7%"; whole values lose the ",0" ("100%")."""
    dec = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if dec == dec.to_integral_value():
        dec = dec.quantize(Decimal(1))
    return number(dec) + "%"


def ratio_percent(part: int, whole: int, decimals: int = 1) -> Decimal:
    """``part / whole`` as a percentage rounded half up to ``decimals`` digits."""
    if whole == 0:
        return Decimal(0)
    exact = Decimal(part) * 100 / Decimal(whole)
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def change_percent(old: Decimal | int, new: Decimal | int) -> Decimal | None:
    """The change from ``old`` to ``new`` in percent of ``old``, to one decimal (half up); None when old is 0."""
    if Decimal(str(old)) == 0:
        return None
    delta = Decimal(str(new)) - Decimal(str(old))
    return (delta * 100 / Decimal(str(old))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def day_month(day: int, month: int) -> tuple[str, str]:
    """Decree 30 zero-padding: days 1-9 and months 1-2 take a leading zero."""
    return f"{day:02d}", (f"{month:02d}" if month < 3 else str(month))


def date_long(value: dt.date) -> str:
    """The date line: "ngày 05 tháng 01 năm 2024", "ngày 14 tháng 3 năm 2019"."""
    day, month = day_month(value.day, value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


def date_short(value: dt.date) -> str:
    """A date in a citation: "27/6/2022", "06/01/2022"."""
    day, month = day_month(value.day, value.month)
    return f"{day}/{month}/{value.year}"


def roman(value: int) -> str:
    """Roman numeral of a positive integer: 4 -> "IV"."""
    out = []
    for size, glyph in ROMAN:
        while value >= size:
            out.append(glyph)
            value -= size
    return "".join(out)


def letter(index: int) -> str:
    """The ``index``-th (1-based) letter of the Vietnamese point sequence: a, b, … d, đ, e, g."""
    letters: list[str] = []
    while index > 0:
        index, rest = divmod(index - 1, len(LETTERS))
        letters.insert(0, LETTERS[rest])
    return "".join(letters)


def _triple(value: int, full: bool) -> list[str]:
    """Words for 0-999; ``full`` reads the hundreds and "linh" even when zero."""
    hundreds, rest = divmod(value, 100)
    tens, ones = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens > 1:
        words += [DIGITS[tens], "mươi"]
    elif tens == 1:
        words.append("mười")
    elif ones and words:
        words.append("linh")
    if ones == 1 and tens > 1:
        words.append("mốt")
    elif ones == 5 and tens > 0:
        words.append("lăm")
    elif ones or not words:
        words.append(DIGITS[ones])
    return words


def words(value: int) -> str:
    """Read a non-negative integer in Vietnamese: 1005 -> "một nghìn không trăm linh năm"."""
    if value < 0:
        return "âm " + words(-value)
    if value == 0:
        return DIGITS[0]
    billions, below = divmod(value, 10**9)
    parts: list[str] = []
    if billions:
        parts += [words(billions), "tỷ"]
    groups = [(below // 10 ** (3 * i)) % 1000 for i in (2, 1, 0)]
    for position, group in zip((2, 1, 0), groups, strict=True):
        if group == 0:
            continue
        parts += _triple(group, full=bool(parts))
        if SCALES[position]:
            parts.append(SCALES[position])
    return " ".join(parts)


DONG_PER_UNIT = {"đồng": 1, "nghìn đồng": 1_000, "triệu đồng": 1_000_000, "tỷ đồng": 1_000_000_000}
"""Đồng in each unit money is written in."""
MONEY_PLACES = {"đồng": 0, "nghìn đồng": 0, "triệu đồng": 1, "tỷ đồng": 1}
"""Digits after the comma a column of amounts shows in each unit, at least ("9.179,0 triệu đồng", "1.200.000 đồng")."""


def money_unit(unit: str | None) -> str | None:
    """The money unit a table's "Đơn vị tính" names ("Triệu đồng" → "triệu đồng"), or None for another unit."""
    name = " ".join((unit or "").lower().split()).replace("ngàn", "nghìn")
    return name if name in DONG_PER_UNIT else None


def places(values: Iterable[Decimal | int], unit: str | None) -> int:
    """One precision for a column of amounts: the unit's, or more where an amount is written with more digits."""
    written = [value.as_tuple().exponent for value in values if isinstance(value, Decimal) and value.is_finite()]
    least = MONEY_PLACES.get(money_unit(unit) or "", 0)
    return max([least, *(-exponent for exponent in written if isinstance(exponent, int) and exponent < 0)])


COMMUNE_KINDS = ("xã", "phường", "thị trấn", "đặc khu")
"""The kinds of commune-level unit, in the order reports list them."""
REFORM = dt.date(2025, 7, 1)
"""Districts and towns (thị trấn) end; communes, wards and special zones (đặc khu) remain (Resolution 202/2025/QH15)."""


def commune_words(level: str, area: str, on: dt.date) -> str:
    """The commune-level units of a unit's area, as its report names them: "xã, thị trấn" for a huyện.

    A huyện has xã and thị trấn, a quận phường, a thị xã or a city of a province xã and phường; a
    commune is its own kind; a province, before 1 July 2025, xã, phường and thị trấn, from then xã
    and phường.
    """
    where = " ".join(area.lower().split())
    if level == "commune":
        kinds = {kind for kind in COMMUNE_KINDS if where.startswith(kind + " ")} or {"xã"}
    elif level == "district" and where.startswith("huyện "):
        kinds = {"xã", "thị trấn"} if on < REFORM else {"xã"}
    elif level == "district" and where.startswith("quận "):
        kinds = {"phường"}
    elif level == "district":
        kinds = {"xã", "phường"}
    else:
        kinds = {"xã", "phường", "thị trấn"} if on < REFORM else {"xã", "phường"}
    return ", ".join(kind for kind in COMMUNE_KINDS if kind in kinds)


def with_kinds(words: str, named: Iterable[str]) -> str:
    """``words`` ("xã, phường") with the kinds of the ``named`` units added ("đặc khu Lý Sơn": "…, đặc khu")."""
    kinds = set(words.split(", "))
    for name in named:
        kinds |= {kind for kind in COMMUNE_KINDS if " ".join(name.lower().split()).startswith(kind + " ")}
    return ", ".join([kind for kind in COMMUNE_KINDS if kind in kinds] + sorted(kinds - set(COMMUNE_KINDS)))


def amount_in_words(dong: int) -> str:
    """An amount of money read out: "Chín tỷ một trăm bảy mươi chín triệu đồng"."""
    return capitalize(words(dong)) + " đồng"


def capitalize(text: str) -> str:
    """Upper-case the first letter only ("kế hoạch" -> "Kế hoạch")."""
    return text[:1].upper() + text[1:]


def in_sentence(text: str) -> str:
    """A title inside a sentence: "So sánh …" becomes "so sánh …"; a word in capitals ("UBND", "CCCD") is kept."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


# Letters of other scripts that look like Latin ones, as a unit's name may be typed or pasted with them.
_CONFUSABLE = str.maketrans(
    "АВЕКМНОРСТУХаеорсухіјѕԁӏІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧαορνι",
    "ABEKMHOPCTYXaeopcyxijsdlIJSABEZHIKMNOPTYXaopvi",
)
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def name_key(name: str) -> str:
    """A unit's name as compared: one key for "Ủy"/"Uỷ", any case, spacing or look-alike letter.

    Unicode compatibility forms are folded (NFKC), invisible characters dropped, letters of
    other scripts that look Latin read as Latin, case folded, spacing collapsed, and each
    word's tone mark moved to the word's end, wherever it was placed (old or new style).
    """
    text = unicodedata.normalize("NFKC", name).translate(_INVISIBLE).translate(_CONFUSABLE).casefold()
    words = []
    for word in text.split():
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(sorted(c for c in decomposed if c in _TONES))
        words.append(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES)) + tones)
    return " ".join(words)
