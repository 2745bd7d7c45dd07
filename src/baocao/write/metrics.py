"""Approximate widths of Times New Roman text, for sizing the header rules.

Widths are per 1000 units of the em, from the standard Times metrics (which
Times New Roman and Liberation Serif share closely). Vietnamese letters take
the width of their base letter.
"""

from __future__ import annotations

import unicodedata

_ROMAN = dict(
    zip(
        " -.,:;/()&0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [250, 333, 250, 250, 278, 278, 278, 333, 333, 778]
        + [500] * 10
        + [
            444,
            500,
            444,
            500,
            444,
            333,
            500,
            500,
            278,
            278,
            500,
            278,
            778,
            500,
            500,
            500,
            500,
            333,
            389,
            278,
            500,
            500,
            722,
            500,
            500,
            444,
        ]
        + [
            722,
            667,
            667,
            722,
            611,
            556,
            722,
            722,
            333,
            389,
            722,
            611,
            889,
            722,
            722,
            556,
            722,
            667,
            556,
            611,
            722,
            722,
            944,
            722,
            722,
            611,
        ],
        strict=True,
    )
)
_BOLD = dict(
    zip(
        " -.,:;/()&0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [250, 333, 250, 250, 333, 333, 278, 333, 333, 833]
        + [500] * 10
        + [
            500,
            556,
            444,
            556,
            444,
            333,
            500,
            556,
            278,
            333,
            556,
            278,
            833,
            556,
            500,
            556,
            556,
            444,
            389,
            333,
            556,
            500,
            722,
            500,
            500,
            444,
        ]
        + [
            722,
            667,
            722,
            722,
            667,
            611,
            778,
            778,
            389,
            500,
            778,
            667,
            944,
            722,
            778,
            611,
            778,
            722,
            556,
            667,
            722,
            722,
            1000,
            722,
            722,
            667,
        ],
        strict=True,
    )
)


def width_cm(text: str, size_pt: float, bold: bool = False) -> float:
    """Estimated printed width of one line of ``text`` in centimetres."""
    table = _BOLD if bold else _ROMAN
    base = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").replace("\u00a0", " "))
    units = sum(table.get(char, 500) for char in base if not unicodedata.combining(char))
    return units / 1000 * size_pt * 2.54 / 72
