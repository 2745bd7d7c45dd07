"""Compare two periods of one unit: what changed, matched by identity, not by position.

Lists are matched by what identifies their items (a figure's key, a station's
commune, a budget line's key or name, a cited document's key or number), so
reordering a list is not a change. Numbers carry their absolute and relative
change; narrative that changed carries a word-level view; metadata (signer,
recipients, number, date) is kept apart from the figures.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from baocao.blocks import REGISTRY
from baocao.core import vietnamese as vn
from baocao.report import Report

Item = dict[str, Any]
BLOCK_LISTS = ("opening", "content", "closing")
OUTLINE = ("opening", "sections", "closing", "annexes")
LABELS = ("label", "title", "name")
METADATA = "document"
TEXT = "narrative"


@dataclass(frozen=True)
class Change:
    """One difference: where it is, what kind, the old and the new value."""

    section: str
    path: tuple[str, ...]
    kind: str  # "changed", "added", "removed" or, with --all, "same"
    old: Any = None
    new: Any = None

    @property
    def numeric(self) -> bool:
        """True when both sides are numbers."""
        return _is_number(self.old) and _is_number(self.new)

    @property
    def delta(self) -> Decimal | None:
        """New minus old, for numbers."""
        return Decimal(str(self.new)) - Decimal(str(self.old)) if self.numeric else None

    @property
    def percent(self) -> Decimal | None:
        """The relative change in percent, when the old value is not zero."""
        return vn.change_percent(self.old, self.new) if self.numeric else None

    def to_dict(self) -> dict[str, Any]:
        """Plain types only, for JSON."""
        out: dict[str, Any] = {"section": self.section, "path": list(self.path), "kind": self.kind}
        out["old"], out["new"] = _plain(self.old), _plain(self.new)
        if self.numeric:
            out["delta"] = _plain(self.delta)
            out["percent"] = _plain(self.percent)
        return out


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is not None and not isinstance(value, (int, float, str, bool)):
        return str(value)
    return value


def compare(old: Report, new: Report, include_same: bool = False) -> list[Change]:
    """Every difference between two reports, in the order of the newer one."""
    changes: list[Change] = []
    old_data, new_data = _dump(old), _dump(new)
    for section in _ordered(old_data, new_data):
        changes.extend(_walk(old_data.get(section), new_data.get(section), section, (), (section,), include_same))
    changes.extend(_computed(old, new, include_same))
    return changes


def _dump(report: Report) -> dict[str, Any]:
    data = report.model_dump(mode="python", by_alias=True, exclude_none=True)
    data[METADATA]["period"] = report.document.period.label
    data[METADATA].pop("previous_period", None)
    for part in OUTLINE:
        data[part] = _without_previous(data.get(part, []))
    return data


def _without_previous(value: Any) -> Any:
    """The outline without the values ``baocao next`` carried from the period before (``previous``).

    They are that period's own values, which the comparison already has on its old side.
    """
    if isinstance(value, dict):
        return {k: _without_previous(v) for k, v in value.items() if k != "previous"}
    if isinstance(value, list):
        return [_without_previous(v) for v in value]
    return value


def _ordered(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return list(new) + [key for key in old if key not in new]


def _walk(old: Any, new: Any, section: str, path: tuple[str, ...], pattern: tuple[str, ...],
          include_same: bool) -> Iterator[Change]:  # fmt: skip
    if old == new:
        if include_same and _is_number(new):
            yield Change(section, path, "same", old, new)
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in _ordered(old, new):
            shown = path if key in ("sections", "content") and section in OUTLINE else (*path, key)
            yield from _walk(old.get(key), new.get(key), section, shown, (*pattern, key), include_same)
    elif isinstance(old, list) and isinstance(new, list):
        yield from _walk_list(old, new, section, path, pattern, include_same)
    elif old is None or old in ([], {}):
        yield Change(section, path, "added", None, new)
    elif new is None or new in ([], {}):
        yield Change(section, path, "removed", old, None)
    else:
        yield Change(section, path, "changed", old, new)


def _walk_list(old: list[Any], new: list[Any], section: str, path: tuple[str, ...], pattern: tuple[str, ...],
               include_same: bool) -> Iterator[Change]:  # fmt: skip
    pattern = _outline_pattern(pattern)
    if pattern and pattern[-1] in BLOCK_LISTS:
        yield from _walk_blocks(old, new, section, path, include_same)
        return
    identify = _identity(pattern)
    if identify is None:  # a list of plain values: order does not matter (looked up by their text: linear time)
        old_seen, new_seen = {repr(value) for value in old}, {repr(value) for value in new}
        for value in new:
            if repr(value) not in old_seen:
                yield Change(section, (*path, str(value)), "added", None, value)
        for value in old:
            if repr(value) not in new_seen:
                yield Change(section, (*path, str(value)), "removed", value, None)
        return
    old_items, new_items = _identified(old, identify), _identified(new, identify)
    outline = pattern == ("sections",)  # a section added or removed shows each of its blocks
    for key, item in new_items.items():
        name = _label(item, key)
        if key in old_items:
            yield from _walk(old_items[key], item, section, (*path, name), pattern, include_same)
        elif outline:
            yield from _walk(_emptied(item), item, section, (*path, name), pattern, include_same)
        else:
            yield Change(section, (*path, name), "added", None, item)
    for key, item in old_items.items():
        if key not in new_items and outline:
            yield from _walk(item, _emptied(item), section, (*path, _label(item, key)), pattern, include_same)
        elif key not in new_items:
            yield Change(section, (*path, _label(item, key)), "removed", item, None)


def _identity(pattern: tuple[str, ...]) -> Callable[[Item], Any] | None:
    """What identifies an item of a list: a section its key or title; a block's own lists, as its type says."""
    if pattern == ("sections",):
        return lambda section: section.get("key") or section["title"]
    if not pattern or pattern[0] not in REGISTRY:
        return None
    return REGISTRY[pattern[0]].lists.get(".".join(pattern[1:]))


def _identified(items: list[Item], identify: Callable[[Item], Any]) -> dict[Any, Item]:
    """Items by identity; a second item of the same identity is told apart by its rank, never merged."""
    out: dict[Any, Item] = {}
    ranks: dict[Any, int] = {}  # the last rank given to each identity: rows that share a first cell in linear time
    for item in items:
        identity = key = identify(item)
        rank = ranks.get(identity, 1)
        while key in out:
            rank += 1
            key = (identity, rank)
        ranks[identity] = rank
        out[key] = item
    return out


def _emptied(section: Item) -> Item:
    """A section with its title and nothing in it, to compare an added or removed one with."""
    return {key: [] if isinstance(value, list) else value for key, value in section.items()}


def _outline_pattern(pattern: tuple[str, ...]) -> tuple[str, ...]:
    """Where a list of the outline stands, without the nesting: a block's own lists as the block's type names them."""
    if "opening" in pattern or "closing" in pattern or "content" in pattern:
        last = max(i for i, part in enumerate(pattern) if part in BLOCK_LISTS)
        return pattern[last + 1 :] or pattern[last:]
    if pattern and pattern[0] in ("sections", "annexes"):  # an annex is matched and shown as a section is
        return ("sections",)
    return pattern


def _block_ids(blocks: list[Item]) -> dict[str, Item]:
    """Blocks by identity: their key, else the name the registry gives them; text by its place among the texts."""
    out: dict[str, Item] = {}
    counts: dict[str, int] = {}
    for block in blocks:
        kind, value = next(iter(block.items()))
        key = value.get("key") if isinstance(value, dict) else None
        name = f"{kind} {key}" if key else REGISTRY[kind].label(value)
        counts[name] = counts.get(name, 0) + 1
        out[f"{name} {counts[name]}" if kind == "text" or counts[name] > 1 else name] = block
    return out


def _walk_blocks(old: list[Any], new: list[Any], section: str, path: tuple[str, ...],
                 include_same: bool) -> Iterator[Change]:  # fmt: skip
    old_items, new_items = _block_ids(old), _block_ids(new)
    for name, block in new_items.items():
        kind, value = next(iter(block.items()))
        shown = (*path, _block_name(kind, value, name))
        if name in old_items:
            where = TEXT if kind == "text" else section  # text changes are shown word by word, as narrative is
            before = _with_rate(_cells_titled(old_items[name].get(kind)))
            yield from _walk(before, _with_rate(_cells_titled(value)), where, shown, (kind,), include_same)
        else:
            yield Change(section, shown, "added", None, value)
    for name, block in old_items.items():
        if name not in new_items:
            kind, value = next(iter(block.items()))
            yield Change(section, (*path, _block_name(kind, value, name)), "removed", value, None)


def _block_name(kind: str, value: Any, name: str) -> str:
    """A block as a change names it: its label, else its title, else what its type calls it ("Công văn 15/UBND")."""
    if kind == "text" or not isinstance(value, dict):
        return name
    named = value.get("label") or value.get("title") or REGISTRY[kind].label(value)
    return str(named).rstrip(": ") or name


def _with_rate(value: Any) -> Any:
    """A count out of a total with its rate as the report prints it, when the rate is not written.

    A rate written in one period and computed in the other is then compared, not shown removed.
    """
    if not isinstance(value, dict) or "percent" in value:
        return value
    count, total = value.get("count"), value.get("total")
    if isinstance(count, int) and isinstance(total, int) and total > 0:
        return {**value, "percent": vn.ratio_percent(count, total)}
    return value


def _cells_titled(value: Any) -> Any:
    """A block of rows keyed by its columns (a table) with each cell under its column's title, as printed."""
    if not isinstance(value, dict) or not isinstance(value.get("columns"), list):
        return value
    titles = {c.get("key"): c.get("title") or c.get("key") for c in value["columns"] if isinstance(c, dict)}

    def titled(row: Any) -> Any:
        return {titles.get(k, k): v for k, v in row.items()} if isinstance(row, dict) else row

    out = dict(value)
    for part in ("rows",):
        if isinstance(value.get(part), list):
            out[part] = [titled(row) for row in value[part]]
    for part in ("total", "previous"):
        if isinstance(value.get(part), dict):
            out[part] = titled(value[part])
    return out


def _label(item: Item, key: Any) -> str:
    """How a change names an item of a list: its label, title or name, else what identifies it (``lists``)."""
    return next((str(item[name]) for name in LABELS if item.get(name)), str(key[0] if isinstance(key, tuple) else key))


def _computed(old: Report, new: Report, include_same: bool) -> Iterator[Change]:
    """Numbers baocao computes rather than reads: totals, counts by type."""
    old_values = {name: value for name, (value, _) in old.computed().items()}
    new_values = {name: value for name, (value, _) in new.computed().items()}
    for name in list(new_values) + [n for n in old_values if n not in new_values]:
        before, after = old_values.get(name), new_values.get(name)
        if before == after and not include_same:
            continue
        kind = "same" if before == after else "added" if before is None else "removed" if after is None else "changed"
        yield Change("computed", (name,), kind, before, after)


WORD_DIFF_CAP = 2_000_000  # words of one side times the other's, past the common start and end: beyond, "changed"


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """A compact word-level view: (tag, words) with tag "=", "-" or "+".

    The words both texts start and end with are set aside first (linear time); what is left
    is matched word by word while its size allows (:data:`WORD_DIFF_CAP`), else shown
    whole as removed and added.
    """
    old_words, new_words = old.split(), new.split()
    head = 0
    while head < min(len(old_words), len(new_words)) and old_words[head] == new_words[head]:
        head += 1
    tail = 0
    while tail < min(len(old_words), len(new_words)) - head and old_words[-1 - tail] == new_words[-1 - tail]:
        tail += 1
    old_middle, new_middle = old_words[head : len(old_words) - tail], new_words[head : len(new_words) - tail]
    out = [("=", _few(old_words[:head]))] if head else []
    out += _matched(old_middle, new_middle)
    return out + ([("=", _few(old_words[len(old_words) - tail :]))] if tail else [])


def _few(words: list[str]) -> str:
    return " ".join(words if len(words) <= 6 else [*words[:3], "…", *words[-3:]])


def _matched(old_words: list[str], new_words: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if len(old_words) * len(new_words) > WORD_DIFF_CAP:
        return [pair for pair in (("-", " ".join(old_words)), ("+", " ".join(new_words))) if pair[1]]
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("=", _few(old_words[a1:a2])))
            continue
        if a2 > a1:
            out.append(("-", " ".join(old_words[a1:a2])))
        if b2 > b1:
            out.append(("+", " ".join(new_words[b1:b2])))
    return out
