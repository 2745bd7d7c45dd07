"""Numbers whose reading is uncertain as written."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from baocao.checks.issue import Issue
from baocao.core.findings import Loc
from baocao.models import Report

# Units in which three decimals are ordinary; in any other unit a figure counts things.
MEASURES = frozenset(
    {"km", "m", "m2", "m²", "ha", "kg", "tấn", "lít", "kb", "mb", "gb", "tb", "mbps", "gbps", "%", "giờ",
     "đồng", "nghìn đồng", "triệu đồng", "tỷ đồng"}
)  # fmt: skip


def _three_decimals(value: Decimal | None) -> bool:
    """True for 1,000 … 999,999 read as a decimal: what ``9,179`` (meant as 9179) becomes."""
    if value is None or not value.is_finite():
        return False
    exponent = value.as_tuple().exponent
    return exponent == -3 and 1 <= value < 1000


def ambiguous_counts(report: Report) -> Iterator[Issue]:
    """A figure that counts things, written ``9,179``: read as 9.179, though 9179 was probably meant (warning)."""
    figures: list[tuple[Loc, Any]] = [(("figures", index), figure) for index, figure in enumerate(report.figures)]
    figures += [(loc, block.figure) for loc, block in report.blocks() if block.figure is not None]
    for at, figure in figures:
        if (figure.unit or "").strip().casefold() in MEASURES:
            continue
        places: list[tuple[Loc, Decimal | None]] = [((*at, "value"), _plain(figure.value))]
        places += [((*at, "parts", number, "value"), _plain(p.value)) for number, p in enumerate(figure.parts)]
        for loc, value in places:
            if value is not None and _three_decimals(value):
                written = format(value, "f").replace(".", ",")
                yield Issue(
                    "BC111", loc, {"value": written, "plain": written.replace(",", ""), "unit": figure.unit or ""}
                )


def _plain(value: Any) -> Decimal | None:
    """A figure's number as written: an outline's value may carry a word ("trên 9,179"), which is no matter here."""
    number = getattr(value, "value", value)
    return number if isinstance(number, Decimal) else None


CHECKS = (ambiguous_counts,)
