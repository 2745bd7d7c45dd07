"""The format by topic, the one before sections, and ``baocao upgrade``, which rewrites it as sections.

A file by topic puts its text in ``narrative:`` by topic and its values in ``figures:``,
``indicators:``, ``budget:`` … at the top. Only ``upgrade`` reads it (:mod:`baocao.upgrade.model`,
:mod:`baocao.upgrade.convert`); every other command says so (BC013), at its first such key,
with the command to run. Telling such a file needs nothing but its keys: this module
imports no model, so that a command that reads ordinary files pays nothing for it.
"""

from typing import Any

OLD_KEYS = ("narrative", "citations", "figures", "indicators", "targets", "teams", "public_services", "radio", "budget")
"""The keys of the format by topic."""


def by_topic(data: Any) -> bool:
    """True for a file written by topic: a key of that format holds something, and there are no sections."""
    return isinstance(data, dict) and not data.get("sections") and any(data.get(key) for key in OLD_KEYS)


def first_key(data: dict[str, Any]) -> str:
    """The first key of the format by topic that holds something, in the order the file is written."""
    return next(key for key in data if key in OLD_KEYS and data.get(key))
