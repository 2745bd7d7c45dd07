"""baocao as a library: what each command does, without click or rich (see :mod:`baocao.commands`).

``load`` reads and checks one file; ``build``, ``validate_each``, ``diff``, ``rollup_units``,
``new_file``, ``next_file`` and ``upgrade_file`` do what the commands of the same name do,
raise :class:`~baocao.core.errors.InputError` (findings) or
:class:`~baocao.core.errors.UserError` (the command cannot run), and print nothing.
"""

from baocao.commands.build import Built, build, build_many, build_one, render_report
from baocao.commands.diff import diff
from baocao.commands.files import Loaded, expand, in_workers, is_outline_file, load, valid, workers
from baocao.commands.new import new_file
from baocao.commands.next import next_file
from baocao.commands.rollup import RollupResult, read_unit, read_units, rollup_units
from baocao.commands.upgrade import upgrade_file
from baocao.commands.validate import findings_of, validate_each
from baocao.core.errors import InputError, UserError

__all__ = [
    "Built",
    "InputError",
    "Loaded",
    "RollupResult",
    "UserError",
    "build",
    "build_many",
    "build_one",
    "diff",
    "expand",
    "findings_of",
    "in_workers",
    "is_outline_file",
    "load",
    "new_file",
    "next_file",
    "read_unit",
    "read_units",
    "render_report",
    "rollup_units",
    "upgrade_file",
    "valid",
    "validate_each",
    "workers",
]
