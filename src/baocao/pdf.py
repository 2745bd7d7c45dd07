"""PDF through LibreOffice: one soffice process for a whole batch."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from baocao.errors import UserError

INSTALL_HINT = (
    "LibreOffice (soffice) is not on PATH; install it to make PDFs, e.g. "
    "`apt-get install libreoffice-writer-nogui` on Debian/Ubuntu, then run the command again"
)


def convert(documents: Sequence[Path], timeout: float = 1800) -> list[Path]:
    """Convert DOCX files to PDF beside them; one soffice call per output folder (one for a batch)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UserError(INSTALL_HINT)
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
                raise UserError(f"LibreOffice could not convert the reports in {folder}: {exc}") from exc
        for file in files:
            pdf = file.with_suffix(".pdf")
            if not pdf.is_file():
                raise UserError(f"LibreOffice made no PDF of {file}")
            produced.append(pdf)
    return produced
