"""The đề cương a superior sends: its model and regime, where one is found, the unit file ``new`` starts from it."""

import os
from pathlib import Path

SUFFIXES = (".yaml", ".yml")
ENVIRONMENT = "BAOCAO_OUTLINES"
"""Folders of đề cương to look in for one named by id, separated as in PATH."""
SCHEMA_NAME = "report.schema.json"
CHECKOUT_SCHEMA = Path(__file__).resolve().parents[3] / "schemas" / SCHEMA_NAME


def is_path(name: str) -> bool:
    """True when ``name`` is a file name rather than an outline's id."""
    return name.lower().endswith(SUFFIXES) or "/" in name or "\\" in name


def share(extra: tuple[str, ...]) -> None:
    """Search these folders first, in this process and in the worker processes it starts."""
    if extra:
        os.environ[ENVIRONMENT] = os.pathsep.join([*extra, *filter(None, [os.environ.get(ENVIRONMENT)])])


def schema_reference(folder: Path) -> str:
    """The schema for the editor: ``schemas/report.schema.json`` of a folder above ``folder``, else baocao's own."""
    folder = folder.resolve()
    for above in (folder, *folder.parents):
        candidate = above / "schemas" / SCHEMA_NAME
        if candidate.is_file():
            return Path(os.path.relpath(candidate, folder)).as_posix()
    if CHECKOUT_SCHEMA.is_file():
        return CHECKOUT_SCHEMA.as_posix()
    return f"schemas/{SCHEMA_NAME}"


def outline_reference(name: str, where: Path, folder: Path) -> str:
    """How the unit's file names its outline: the id as given, or the path relative to the file's folder."""
    if not is_path(name):
        return name
    try:
        return Path(os.path.relpath(where.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive
        return where.resolve().as_posix()
