"""PDF through LibreOffice: one soffice process per output folder, checked before anything is moved.

In a --pdf run every DOCX is first written into a staging folder beside its
target (:func:`baocao.write.output.staged`); LibreOffice converts the staged files there;
each PDF is checked (it exists, is new, starts with ``%PDF``, has pages); then the
PDF and the DOCX of a report are moved into place together. A report whose PDF
fails keeps its earlier DOCX and PDF, and the failure says why.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from baocao.core.errors import UserError
from baocao.core.messages import Phrase, os_reason
from baocao.write import output

VIETNAMESE = "ộầệữăâđêôơưĂÂĐÊÔƠƯạảấẩẫậắằẳẵặẹẻẽếềểễỉịọỏốồổỗớờởỡợụủứừửựỳỵỷỹ"
FONT_STYLES = ("", ":bold", ":italic", ":bold:italic")
PDF_SECONDS = 120  # LibreOffice's time for one report (--pdf-timeout changes it)…
PDF_SECONDS_EACH = 10  # …and for each more report of the batch
PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])|/Count\s+[1-9]")
TEXT_TOOL = "pdftotext"  # poppler's, installed with LibreOffice for the check that no table row was lost
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NAMED_ROWS = 5  # the lost rows a failure names; the others are counted
SPACE = re.compile(r"\s+")


@dataclass
class Converted:
    """What a --pdf run put in place, and the reports it could not convert (with why)."""

    done: list[tuple[Path, Path]] = field(default_factory=list)
    failed: list[tuple[Path, Phrase]] = field(default_factory=list)


def soffice() -> str:
    """The LibreOffice program, or a UserError that says how to install it (or a font LibreOffice lacks)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise UserError("no_soffice")
    check_fonts()
    return found


def convert(documents: Sequence[Path], timeout: float | None = None) -> list[Path]:
    """PDFs of DOCX files already in place, each checked and moved beside its DOCX; UserError if any fails."""
    program = soffice()
    stage = output.new_stage()
    for document in documents:
        copy = output.staged(document, stage)
        try:
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(document, copy)
        except OSError as exc:
            shutil.rmtree(copy.parent, ignore_errors=True)
            raise UserError("cannot_convert", path=document, reason=os_reason(exc)) from exc
    result = convert_staged(documents, stage, timeout, program)
    if result.failed:
        raise UserError(
            "pdf_failures", failures=[Phrase("path_reason", {"path": t, "reason": p}) for t, p in result.failed]
        )
    return [made for _, made in result.done]


def convert_staged(
    targets: Sequence[Path], stage: str, timeout: float | None = None, program: str | None = None
) -> Converted:
    """Convert the staged DOCX of ``targets``, check each PDF, and move each checked pair into place.

    LibreOffice has ``timeout`` seconds for a folder of them (by default :func:`timeout_for`).
    ``program`` is what :func:`soffice` found, when the caller already asked (it runs fc-match).
    """
    program = program or soffice()
    result = Converted()
    folders: dict[Path, list[Path]] = {}
    for target in targets:
        folders.setdefault(target.parent, []).append(target)
    for folder, group in folders.items():
        staging = folder / stage
        output.clean_stale(folder)
        try:
            _convert_folder(program, staging, group, timeout_for(len(group), timeout), result)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return result


def _convert_folder(program: str, staging: Path, targets: list[Path], timeout: float, result: Converted) -> None:
    started = time.time()
    files = [output.staged(t, staging.name) for t in targets]
    with tempfile.TemporaryDirectory(prefix="baocao-lo-") as profile:
        command = [
            program, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(staging), *map(str, files),
        ]  # fmt: skip
        try:
            run = _run(command, timeout)
        except subprocess.TimeoutExpired:
            result.failed.extend((t, Phrase("pdf_timeout", {"seconds": f"{timeout:.0f}"})) for t in targets)
            return
        except OSError as exc:
            result.failed.extend((t, Phrase("pdf_no_start", {"reason": os_reason(exc)})) for t in targets)
            return
    said = (run.stderr or run.stdout).decode("utf-8", "replace").strip().splitlines()[-1:]
    for target, docx in zip(targets, files, strict=True):
        pdf = docx.with_suffix(".pdf")
        problem = check_pdf(pdf, started)
        if problem and run.returncode:
            problem = Phrase("pdf_exit", {"problem": problem, "code": run.returncode, "said": said[0] if said else ""})
        elif problem and said:
            problem = Phrase("pdf_said", {"problem": problem, "said": said[0]})
        if problem is None:
            problem = lost_rows(docx, pdf)
        if problem is None:
            problem = _commit(docx, pdf, target)
        if problem:
            result.failed.append((target, problem))
        else:
            result.done.append((target, target.with_suffix(".pdf")))


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run LibreOffice in a session of its own; past ``timeout`` the whole session is killed, helpers too.

    ``subprocess.run`` kills only the process it started: the ``soffice.bin`` that a
    ``soffice`` script starts keeps the output pipes open, and the wait goes on past the limit.
    """
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
            process.kill()
            process.communicate()
            raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def timeout_for(documents: int, seconds: float | None = None) -> float:
    """The time LibreOffice has for a batch: ``seconds`` as asked, else two minutes and 10 s a report past the first."""
    return seconds if seconds is not None else PDF_SECONDS + PDF_SECONDS_EACH * max(0, documents - 1)


def check_pdf(pdf: Path, started: float) -> Phrase | None:
    """Why ``pdf`` is not a PDF made by this run, or None when it is one."""
    try:
        info = pdf.stat()
        with pdf.open("rb") as handle:
            head = handle.read(5)
            handle.seek(0)
            body = handle.read()
    except FileNotFoundError:
        return Phrase("pdf_none")
    except OSError as exc:
        return Phrase("pdf_unreadable", {"reason": os_reason(exc)})
    if info.st_mtime < started - 2:
        return Phrase("pdf_old")
    if head != b"%PDF-":
        return Phrase("pdf_not_pdf")
    if not PAGE.search(body):
        return Phrase("pdf_no_pages")
    return None


def lost_rows(docx: Path, pdf: Path) -> Phrase | None:
    """The table rows of ``docx`` whose text is not in ``pdf``, named; None when every row is there.

    LibreOffice has printed a long table's first rows and dropped the rest (a
    keep-with-next on its first body row at the foot of a page): a PDF that lost
    rows is a wrong report, so it is refused. A row is found when its cells' text,
    in order and without white space, is in the PDF's text. Without ``pdftotext``
    (poppler) the check cannot run and is left out.
    """
    text = pdf_text(pdf)
    if text is None:
        return None
    flat = SPACE.sub("", text)
    lost = [cells for cells in table_rows(docx) if SPACE.sub("", "".join(cells)) not in flat]
    if not lost:
        return None
    named = "; ".join(" | ".join(c.strip() for c in cells[:3] if c.strip()) for cells in lost[:NAMED_ROWS])
    more = len(lost) - NAMED_ROWS
    return Phrase("pdf_lost_rows", {"count": len(lost), "rows": named + (f"; … (+{more})" if more > 0 else "")})


def pdf_text(pdf: Path) -> str | None:
    """The text of ``pdf`` in the order it is drawn (``pdftotext -raw``); None without pdftotext."""
    tool = shutil.which(TEXT_TOOL)
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, "-raw", str(pdf), "-"], capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "replace")


def table_rows(docx: Path) -> Iterator[list[str]]:
    """The text of every table row of a DOCX, cell by cell (header rows once, where written)."""
    with zipfile.ZipFile(docx) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    for table in root.iter(f"{W}tbl"):
        for row in table.iter(f"{W}tr"):
            yield [_cell_text(cell) for cell in row.iter(f"{W}tc")]


def _cell_text(cell: ElementTree.Element) -> str:
    """A cell's text as printed: its ``w:t`` runs, and a hyphen for each non-breaking one ("101/KH-UBND")."""
    return "".join(
        "-" if part.tag == f"{W}noBreakHyphen" else part.text or ""
        for part in cell.iter()
        if part.tag in (f"{W}t", f"{W}noBreakHyphen")
    )


def _commit(docx: Path, pdf: Path, target: Path) -> Phrase | None:
    """Move a checked PDF and its DOCX into place together; None, or why not (then both stay as they were)."""
    final_pdf = target.with_suffix(".pdf")
    backup = pdf.with_name(".earlier.pdf")
    try:
        output.check_target(final_pdf, [])
        had_pdf = final_pdf.exists()
        if had_pdf:
            final_pdf.replace(backup)  # kept until the DOCX is in place too
        try:
            pdf.replace(final_pdf)
            docx.replace(target)
        except OSError:
            if had_pdf:
                backup.replace(final_pdf)
            else:
                final_pdf.unlink(missing_ok=True)
            raise
    except UserError as exc:
        return exc.phrase
    except OSError as exc:
        return Phrase("pdf_not_moved", {"reason": os_reason(exc)})
    return None


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
