"""A sample block type, written as a new type is: one module saying every facet (README, "Adding a block type").

A link: a web address with its label, "Cổng thông tin điện tử của xã: https://…". It is checked
(an address starts with http:// or https://), printed, compared, carried, started from a đề cương,
given a cell in an annex of one row per unit and a cell in the Excel form; it is not summed: each unit's
stays in its report.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baocao.blocks.base import (
    CheckContext,
    Data,
    Expected,
    ViewContext,
    as_is,
    declare,
    first_written,
    started,
)
from baocao.blocks.cells import Line, Slot
from baocao.blocks.printing import item, with_note
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Model, Text, field


class LinkBlock(Model):
    """A web address and what it is: "Cổng thông tin điện tử của xã: https://…"."""

    key: Text | None = field("Mã", default=None)
    label: Text = field("Tên")
    url: Text | None = field("Địa chỉ", "Bắt đầu bằng http:// hoặc https://.", default=None)
    note: Text | None = field("Ghi chú", default=None)


def check(link: LinkBlock, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """An address starts with http:// or https://."""
    del context
    if link.url is not None and not link.url.startswith(("http://", "https://")):
        detail = {
            "detail": "địa chỉ bắt đầu bằng http:// hoặc https://",
            "detail_en": "an address starts with http(s)://",
        }
        yield Issue("BC110", (*loc, "url"), {"input": link.url, **detail})


def view(link: LinkBlock, context: ViewContext) -> list[dict[str, Any]]:
    """A "-" line: its label, then its address."""
    del context
    return item(with_note(f"{link.label}: {link.url}", link.note))


def start(expected: Expected, pad: str, alone: bool) -> list[str]:
    """A link block with the đề cương's key and label, its address blank."""
    del alone
    return started("link", expected, pad, "Địa chỉ", "Ghi địa chỉ vào url.", ("url",))


def annex_total(item: Data, columns: list[tuple[str, str]], rows: list[list[Any] | None]) -> tuple[str, ...]:
    """Addresses do not add up: the total row is blank."""
    del item, rows
    return ("",) * len(columns)


KIND = declare(
    name="link",
    model=LinkBlock,
    title="Địa chỉ trang web",
    description=None,
    definitions={"LinkBlock": ("Địa chỉ trang web", "Một địa chỉ trang web và tên của nó.")},
    expected=Expected,
    start=start,
    conform=None,  # nothing to compare beyond its unit
    by_unit=lambda expected: {},
    blank=lambda link: link.url is None,
    fill_at=lambda link, loc: first_written(link, loc, ("url",), "label"),
    blanks_inside=None,  # one address has no parts
    check=check,
    stated=lambda link: (link.url,),
    view=view,
    measure=None,  # no number to compare between periods
    computed=None,
    label=lambda link: link["label"],
    lists={},
    path_names={"url": ("địa chỉ", "address")},
    carry=as_is("link"),
    rollup=None,  # each unit's address stays in its own report
    rollup_keyed=None,
    summary=None,
    annex=lambda link: [(link.label, "text", link.url)],
    annex_keeps=("url",),
    annex_total=annex_total,
    annex_table=None,
    cells=lambda link, expected: [
        Line(link.get("label") or "", text=Slot(("url",), "text"), note=Slot(("note",), "text"))
    ],
)
