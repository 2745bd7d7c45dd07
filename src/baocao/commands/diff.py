"""``baocao diff``: what changed from an older period of one unit to a newer one."""

from __future__ import annotations

from baocao.commands.files import comparison_problems, valid
from baocao.core.errors import UserError
from baocao.core.messages import Phrase
from baocao.diff.compare import Change, compare


def diff(
    old_path: str, new_path: str, force: bool = False, include_same: bool = False
) -> tuple[list[Change], list[Phrase]]:
    """The changes from an older period to a newer one, and warnings about the pair.

    Refuses (UserError) files with errors, different units, or periods of a
    different kind, unless ``force``.
    """
    old, new = (valid(path) for path in (old_path, new_path))
    problems = comparison_problems(old, new)
    if problems and not force:
        raise UserError("not_comparable", problems=problems)
    warnings = problems if force else []
    if old.document.period.end > new.document.period.end:
        periods = {"old": old.document.period.label, "new": new.document.period.label}
        warnings.append(Phrase("old_is_newer", {"old_path": old_path, "new_path": new_path, **periods}))
    return compare(old, new, include_same), warnings
