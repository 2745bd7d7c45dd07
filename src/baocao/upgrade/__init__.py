"""The format by topic, the one before sections, and ``baocao upgrade``, which rewrites it as sections.

A file by topic puts its text in ``narrative:`` by topic and its values in ``figures:``,
``indicators:``, ``budget:`` … at the top. Only ``upgrade`` reads it (:mod:`baocao.upgrade.model`,
:mod:`baocao.upgrade.convert`); every other command says so (BC013), at its first such key,
with the command to run. So too for a rolled-up report whose rows keep each unit's values
as the roll-up did before block types (``figures:``, ``indicators:``, ``tables:`` in
``rollup.units``). Telling such a file needs nothing but its keys: this module imports no
model, so that a command that reads ordinary files pays nothing for it.
"""

from typing import Any

OLD_KEYS = ("narrative", "citations", "figures", "indicators", "targets", "teams", "public_services", "radio", "budget")
"""The keys of the format by topic."""


def by_topic(data: Any) -> bool:
    """True for a file written by topic: a key of that format holds something, and there are no sections."""
    return isinstance(data, dict) and not data.get("sections") and any(data.get(key) for key in OLD_KEYS)


OLD_ROW_KEYS = ("figures", "indicators", "tables", "budget", "stations")
"""What a rolled-up report kept of each unit before block types, in place of ``summary`` and ``blocks``."""


def old_rows(data: Any) -> tuple[int, str] | None:
    """Where a rolled-up report keeps its units' values the old way: (row, key) of the first; None if nowhere."""
    rollup = data.get("rollup") if isinstance(data, dict) else None
    units = rollup.get("units") if isinstance(rollup, dict) else None
    for index, row in enumerate(units if isinstance(units, list) else []):
        key = next((key for key in row if key in OLD_ROW_KEYS), None) if isinstance(row, dict) else None
        if key is not None:
            return index, key
    return None


def first_key(data: dict[str, Any]) -> str:
    """The first key of the format by topic that holds something, in the order the file is written."""
    return next(key for key in data if key in OLD_KEYS and data.get(key))
