"""Compile the units' reports into the data of the level above, and write it as YAML that baocao reads back.

Units that answered one đề cương are rolled up by its keys (:mod:`baocao.rollup.outline`);
units written in their own sections are summed where their blocks stand
(:mod:`baocao.rollup.sections`). The header, period, text and signer come from the file
given with ``--unit``. The output keeps a row per unit for the annexes: the values of its
keyed blocks and of the items the đề cương marks ``by_unit``.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from baocao.core import yamlout
from baocao.outline import find as outlines
from baocao.outline import is_path
from baocao.outline.model import Outline
from baocao.rollup import outline, sections
from baocao.rollup.units import GENERATED, UnitData, outline_of

Data = dict[str, Any]


def combine(
    own: Data, units: list[UnitData], skipped: list[tuple[str, str, str]], absent: list[str], own_file: str = ""
) -> Data:
    """The data of the level above: its own header and text, the units' sums, a row per unit.

    The đề cương is the one the level above compiles, else the one the units answered, the same
    in every unit by its content (:func:`baocao.rollup.units.other_outlines` refuses the others).
    """
    datas = [u.data for u in units if u.data is not None]
    followed = _compiled(own, own_file) or _outline(units)
    items: list[Data] = []
    if followed is not None:  # units that answered one đề cương: by its keys, into the level above's outline
        out = outline.combine(own, datas, followed)
        items = outline.marked(followed)
    else:  # units in their own sections: summed where they stand
        out = sections.combine(own, datas)
    out["rollup"] = {
        **({"outline": followed.outline.id, "by_unit": items} if followed is not None else {}),
        "units": [_row(u.file, u.data, items) for u in units if u.data is not None],
        "skipped": [{"name": name, "reason": codes} for name, codes, _ in skipped],
        "missing": absent,
    }
    return out


def compiled(own: Data, own_file: str) -> str | None:
    """The id of the đề cương the level above compiles, or None when it names none (or it cannot be read)."""
    found = _compiled(own, own_file)
    return found.outline.id if found is not None else None


def _compiled(own: Data, own_file: str) -> Outline | None:
    """The đề cương the level above says it compiles (``document.compiles``), found from its file; None if none."""
    name = own["document"].get("compiles")
    where = outlines.locate(str(name), own_file) if name else None
    found = outlines.read(where) if where is not None else None
    return found.outline if found is not None else None


def _outline(units: list[UnitData]) -> Outline | None:
    """The đề cương the units answered, found from the first unit that names it; None when none."""
    common = outline_of(units)
    if common is None:
        return None
    unit = next(u for u in units if u.data is not None and u.data.get("_outline") == common)
    assert unit.data is not None
    where = outlines.locate(str(unit.data["document"]["outline"]), unit.file)
    found = outlines.read(where) if where is not None else None
    return found.outline if found is not None else None


def _row(file: str, data: Data, items: list[Data]) -> Data:
    """One unit's row of the annexes: its name and file, its keyed values, its by-unit items."""
    row: Data = {"name": data["document"]["short_name"], "file": Path(file).name}
    summary = sections.summary(data)
    if summary:
        row["summary"] = summary
    blocks = outline.unit_values(data, items)
    if blocks:
        row["blocks"] = blocks
    return row


def moved_outline(data: Data, unit_file: str, target: Path) -> None:
    """The --unit file's đề cương (followed or compiled) named by a relative path, named again from the output."""
    for field in ("outline", "compiles"):
        name = data["document"].get(field)
        if not name or not is_path(str(name)) or Path(str(name).replace("\\", "/")).is_absolute():
            continue
        where = Path(unit_file).parent / str(name).replace("\\", "/")
        data["document"][field] = Path(os.path.relpath(where.absolute(), target.absolute().parent)).as_posix()


def to_yaml(data: Data, sources: int) -> str:
    """The combined data as YAML that baocao reads back: decimals with a comma, never '12.779'.

    Its first line says how many units' files were rolled up (``sources``), in Vietnamese as the file is.
    """
    header = (
        f"{GENERATED} từ {sources} tệp của các đơn vị. Muốn sửa số liệu thì sửa tệp của đơn vị rồi chạy lại\n"
        "# baocao rollup; số liệu sửa tại đây sẽ không khớp với báo cáo của các đơn vị.\n"
    )
    return header + yamlout.dump(plain(data))


def plain(data: Data) -> Data:
    """The combined data as it is written (and read back): decimals as text, no private marks."""
    out: Data = _plain(data)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        whole = value == value.to_integral_value()
        return format(value.quantize(Decimal(1)) if whole else value.normalize(), "f").replace(".", ",")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
