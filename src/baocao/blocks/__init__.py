"""The types of block a report's sections hold: one module each, and the one list of them.

Each module holds everything baocao knows of its type — its model, what a đề cương may
expect of it, its checks, how it reads, how diff names it, how ``next`` carries it and
``new`` starts it, how rollup sums it and its row in an annex — and ends with
``KIND = declare(...)`` (:mod:`baocao.blocks.base`). This list is the only place that
names them; every stage reads :data:`REGISTRY`. To add a type, write its module and list
it here (README, "Adding a block type").
"""

from __future__ import annotations

from typing import Annotated, Any

from baocao.blocks import (
    answer,
    budget,
    citation,
    figure,
    indicator,
    radio,
    services,
    table,
    target,
    tasks,
    teams,
    text,
)
from baocao.blocks.registry import Block, Built, Expect, Registry

REGISTRY = Registry(
    [
        text.KIND,
        citation.KIND,
        figure.KIND,
        indicator.KIND,
        target.KIND,
        answer.KIND,
        table.KIND,
        tasks.KIND,
        budget.KIND,
        radio.KIND,
        services.KIND,
        teams.KIND,
    ]
)
"""Every block type, in the order a đề cương's and a unit's schema list them."""


def _text_block(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


Entry = Annotated[Block, Built(REGISTRY.entry_model, _text_block)]
"""One entry of ``content``: a line of text, or a mapping with one key naming its type."""
ExpectEntry = Annotated[Expect, Built(REGISTRY.expect_model, lambda value: value)]
"""One entry of a đề cương's ``expects``: a mapping with one key naming the type it asks for."""

__all__ = ["REGISTRY", "Block", "Entry", "Expect", "ExpectEntry", "Registry"]
