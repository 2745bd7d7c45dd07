"""``baocao schema``: the JSON Schemas of a unit's file and of a đề cương, for editors and other tools."""

from __future__ import annotations

from pathlib import Path

from baocao.write.schema import write_schemas


def schemas(folder: Path, force: bool = False) -> list[Path]:
    """Write the schemas into ``folder``; return their paths (another file there is replaced only with ``force``)."""
    return write_schemas(folder, force)
