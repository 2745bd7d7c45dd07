"""Vietnamese formatting: numbers, percentages, dates, words, numbering."""

import datetime as dt
from decimal import Decimal

import pytest

from baocao.core import vietnamese as vn


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (9179, None, "9.179"),
        (Decimal("9179.0"), None, "9.179,0"),
        (12779, 1, "12.779,0"),
        (1234567, None, "1.234.567"),
        (999, None, "999"),
        (0, None, "0"),
        (Decimal("0.5"), None, "0,5"),
        (Decimal("99.685"), 2, "99,69"),
        (-1500, None, "-1.500"),
    ],
)
def test_number_groups_thousands_with_dots_and_decimals_with_comma(value, decimals, expected):
    assert vn.number(value, decimals) == expected


@pytest.mark.parametrize(("value", "expected"), [(2, "02"), (9, "09"), (10, "10"), (0, "00"), (1505, "1.505")])
def test_count_pads_below_ten(value, expected):
    assert vn.count(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("99.685"), 1, "99,7%"),
        (Decimal("100"), 1, "100%"),
        (Decimal("50.0"), 1, "50%"),
        (Decimal("99.88"), 2, "99,88%"),
    ],
)
def test_percent(value, decimals, expected):
    assert vn.percent(value, decimals) == expected


def test_ratio_percent_rounds_half_up():
    assert vn.ratio_percent(42694, 42829, 1) == Decimal("99.7")
    assert vn.ratio_percent(1, 8, 1) == Decimal("12.5")
    assert vn.ratio_percent(1, 0, 1) == Decimal(0)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2024, 1, 5), "ngày 05 tháng 01 năm 2024"),
        (dt.date(2019, 3, 14), "ngày 14 tháng 3 năm 2019"),
        (dt.date(2020, 2, 9), "ngày 09 tháng 02 năm 2020"),
        (dt.date(2022, 12, 31), "ngày 31 tháng 12 năm 2022"),
        (dt.date(2022, 10, 1), "ngày 01 tháng 10 năm 2022"),
    ],
)
def test_date_line_pads_days_below_ten_and_months_one_and_two_only(date, expected):
    assert vn.date_long(date) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [(dt.date(2022, 6, 27), "27/6/2022"), (dt.date(2022, 1, 6), "06/01/2022"), (dt.date(2022, 3, 1), "01/3/2022")],
)
def test_short_date(date, expected):
    assert vn.date_short(date) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (25, "hai mươi lăm"),
        (14, "mười bốn"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (1005, "một nghìn không trăm linh năm"),
        (1020, "một nghìn không trăm hai mươi"),
        (2021, "hai nghìn không trăm hai mươi mốt"),
        (1000000, "một triệu"),
        (1000005, "một triệu không trăm linh năm"),
        (7200000, "bảy triệu hai trăm nghìn"),
        (9179000000, "chín tỷ một trăm bảy mươi chín triệu"),
        (1000000000000, "một nghìn tỷ"),
    ],
)
def test_words(value, expected):
    assert vn.words(value) == expected


def test_amount_in_words_starts_with_a_capital_and_ends_with_dong():
    assert vn.amount_in_words(9_179_000_000) == "Chín tỷ một trăm bảy mươi chín triệu đồng"


def test_roman_numerals():
    assert [vn.roman(n) for n in (1, 2, 3, 4, 5, 9, 14, 40)] == ["I", "II", "III", "IV", "V", "IX", "XIV", "XL"]


def test_point_letters_follow_the_vietnamese_alphabet():
    letters = [vn.letter(n) for n in range(1, 12)]
    assert letters == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l"]
    assert not {"f", "j", "w", "z"} & {vn.letter(n) for n in range(1, 24)}
