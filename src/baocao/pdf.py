"""PDF through LibreOffice: one soffice process for a whole batch."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from baocao.errors import UserError

VIETNAMESE = "ộầệữăâđêôơưĂÂĐÊÔƠƯạảấẩẫậắằẳẵặẹẻẽếềểễỉịọỏốồổỗớờởỡợụủứừửựỳỵỷỹ"
FONT_STYLES = ("", ":bold", ":italic", ":bold:italic")


def convert(documents: Sequence[Path], timeout: float = 1800) -> list[Path]:
    """Convert DOCX files to PDF beside them; one soffice call per output folder (one for a batch)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UserError("no_soffice")
    check_fonts()
    folders: dict[Path, list[Path]] = {}
    for document in documents:
        folders.setdefault(document.parent, []).append(document)
    produced = []
    for folder, files in folders.items():
        with tempfile.TemporaryDirectory(prefix="baocao-lo-") as profile:
            command = [
                soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", str(folder), *map(str, files),
            ]  # fmt: skip
            try:
                subprocess.run(command, check=True, capture_output=True, timeout=timeout)
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
                raise UserError("pdf_failed", path=folder, reason=str(exc)) from exc
        for file in files:
            pdf = file.with_suffix(".pdf")
            if not pdf.is_file():
                raise UserError("pdf_missing", path=file)
            produced.append(pdf)
    return produced


def check_fonts() -> None:
    """Stop with a hint when fontconfig's Times New Roman lacks Vietnamese letters in any of its four styles.

    LibreOffice takes its fonts from fontconfig; Debian's Liberation Serif 1.07
    lacks ộ, ầ, ệ, ữ. Without fontconfig (Windows, macOS) Times New Roman
    itself is used, which has them, and nothing is checked.
    """
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return
    missing = []
    for style in FONT_STYLES:
        try:
            done = subprocess.run(
                [fc_match, "-f", "%{family[0]}|%{file}|%{charset}", "Times New Roman" + style],
                capture_output=True, text=True, check=True, timeout=60,
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return  # fontconfig cannot answer: leave the choice to LibreOffice
        family, _, rest = done.stdout.partition("|")
        path, _, charset = rest.partition("|")
        covered = charset_points(charset)
        lacking = "".join(char for char in VIETNAMESE if ord(char) not in covered)
        if lacking:
            missing.append(f"{family or '?'}{style or ''} ({path or '?'}): {lacking[:12]}")
    if missing:
        raise UserError("font_lacks_vietnamese", missing="; ".join(missing))


def charset_points(charset: str) -> set[int]:
    """The code points of a fontconfig charset: "20-7e a0-17f 1ea0-1ef9"."""
    points: set[int] = set()
    for part in charset.split():
        first, _, last = part.partition("-")
        try:
            points.update(range(int(first, 16), int(last or first, 16) + 1))
        except ValueError:
            continue
    return points
