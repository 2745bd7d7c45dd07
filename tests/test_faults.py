"""Faults while writing: full disk, read-only folder, hard links, devices, a broken LibreOffice, kill -9.

After each, earlier outputs are intact, nothing stale is reported as new, and a
later run cleans what a killed one left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from baocao.cli.main import main
from baocao.write import output

from .conftest import EXAMPLES, MINIMAL, earlier_docx, write

GOOD_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n"
)


def _soffice(folder: Path, body: str) -> Path:
    """A fake ``soffice`` on PATH; ``body`` is Python run with ``out`` (the --outdir) and ``docs``."""
    folder.mkdir(exist_ok=True)
    script = folder / "soffice"
    script.write_text(
        f"#!{sys.executable}\nimport sys, os, time, pathlib\nargs = sys.argv[1:]\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
        "docs = [pathlib.Path(a) for a in args if a.endswith('.docx')]\n" + body,
        encoding="utf-8",
    )
    script.chmod(0o755)
    return folder


WRITES_PDFS = f"for d in docs:\n    (out / (d.stem + '.pdf')).write_bytes({GOOD_PDF!r})\n"


def _pdftotext(folder: Path, drop: str = "") -> None:
    """A fake ``pdftotext``: the text of the DOCX staged beside the PDF, without the rows holding ``drop``."""
    script = folder / "pdftotext"
    script.write_text(
        f"#!{sys.executable}\nimport sys, re, zipfile, pathlib\n"
        "pdf = pathlib.Path(sys.argv[-2])\n"
        "xml = zipfile.ZipFile(pdf.with_suffix('.docx')).read('word/document.xml').decode()\n"
        "xml = xml.replace('<w:noBreakHyphen/>', '<w:t>-</w:t>')\n"  # printed as a hyphen, as LibreOffice does
        "for row in re.findall(r'<w:tr>.*?</w:tr>', xml):\n"
        "    text = ' '.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', row))\n"
        f"    if not {drop!r} or {drop!r} not in text:\n"
        "        print(text)\n",
        encoding="utf-8",
    )
    script.chmod(0o755)


@pytest.fixture
def fake_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "bin"
    folder.mkdir()
    _pdftotext(folder)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    yield folder


def _earlier(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A unit with an earlier DOCX and PDF beside it."""
    source = write(tmp_path, MINIMAL)
    docx, pdf = source.with_suffix(".docx"), source.with_suffix(".pdf")
    docx.write_bytes(earlier_docx("earlier docx"))
    pdf.write_bytes(b"%PDF-1.4 earlier")
    return source, docx, pdf


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("", "made no PDF"),
        ("sys.exit(0)", "made no PDF"),
        ("for d in docs:\n    (out / (d.stem + '.pdf')).write_bytes(b'not a pdf')\n", "not a PDF"),
        ("for d in docs:\n    (out / (d.stem + '.pdf')).write_bytes(b'%PDF-1.4\\n%%EOF')\n", "no pages"),
        ("print('disk full', file=sys.stderr)\nsys.exit(1)", "disk full"),
    ],
)
def test_a_libreoffice_that_writes_no_good_pdf_leaves_both_outputs_as_they_were(tmp_path, fake_path, body, why):
    _soffice(fake_path, body)
    source, docx, pdf = _earlier(tmp_path)
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "--pdf"])
    assert result.exit_code == 1, result.output
    assert why in result.output and str(docx) in result.output
    assert docx.read_bytes() == earlier_docx("earlier docx") and pdf.read_bytes() == b"%PDF-1.4 earlier"
    assert f"{pdf}\n" not in result.output, "a stale PDF was reported as new"
    assert _leftovers(tmp_path) == []


def test_a_good_pdf_and_its_docx_are_both_new(tmp_path, fake_path):
    _soffice(fake_path, WRITES_PDFS)
    source, docx, pdf = _earlier(tmp_path)
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "--pdf"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(docx), str(pdf)]  # the files written, and nothing else
    assert docx.read_bytes()[:2] == b"PK" and pdf.read_bytes() == GOOD_PDF
    assert _leftovers(tmp_path) == []


def test_a_pdf_that_lost_table_rows_is_refused_and_the_rows_named(tmp_path, fake_path):
    _soffice(fake_path, WRITES_PDFS)
    _pdftotext(fake_path, drop="CỘNG HÒA")
    source = write(tmp_path, MINIMAL)
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "--pdf"])
    assert result.exit_code == 1, result.output
    assert "lacks 1 table rows" in result.output and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in result.output
    assert not source.with_suffix(".pdf").exists() and not source.with_suffix(".docx").exists()


def test_in_a_batch_a_failed_pdf_keeps_only_that_report_old(tmp_path, fake_path):
    _soffice(fake_path, WRITES_PDFS.replace("for d in docs:", "for d in docs:\n    if d.stem == 'b': continue"))
    units = tmp_path / "units"
    units.mkdir()
    for name in ("a", "b"):
        write(units, MINIMAL.replace("xã Tịnh Hà", f"xã {name.upper()}"), f"{name}.yaml")
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.docx").write_bytes(earlier_docx("old b"))
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(units), "-o", str(out), "--pdf", "-j", "1"])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "a.pdf", "b.docx"]
    assert (out / "b.docx").read_bytes() == earlier_docx("old b") and "b.docx: LibreOffice made no PDF" in result.output


def test_a_hard_link_to_the_input_is_the_input(tmp_path):
    source = write(tmp_path, MINIMAL)
    link = tmp_path / "u2.yaml"
    os.link(source, link)
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(link), "-o", str(source)])
    assert result.exit_code == 2 and "is the input" in result.output
    assert source.read_text(encoding="utf-8") == MINIMAL


@pytest.mark.parametrize("kind", ["device", "fifo", "folder link"])
def test_an_output_that_is_not_a_regular_file_is_refused(tmp_path, kind):
    source = write(tmp_path, MINIMAL)
    target = tmp_path / "out.docx"
    if kind == "device":
        target = Path("/dev/null")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "-o", str(target)])
    assert result.exit_code == 2 and "not a regular file" in result.output
    assert Path("/dev/null").is_char_device()


@contextlib.contextmanager
def _small_disk(folder: Path, options: str) -> Iterator[bool]:
    """A tmpfs mounted on ``folder`` when the machine allows it (root in a container); False otherwise."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    try:
        yield mounted.returncode == 0
    finally:
        if mounted.returncode == 0:
            subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_leaves_the_earlier_report_and_no_temporary_file(tmp_path, monkeypatch):
    source = write(tmp_path, MINIMAL)
    disk = tmp_path / "disk"
    with _small_disk(disk, "size=8k") as real:
        target = disk / "r.docx"
        target.write_bytes(earlier_docx("earlier"))
        if not real:  # no tmpfs here: the write raises ENOSPC as a full disk would

            def full(fd: int) -> None:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            monkeypatch.setattr(output.os, "fsync", full)
        result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "-o", str(target)])
        assert result.exit_code == 2 and "no space left on the disk" in result.output
        assert target.read_bytes() == earlier_docx("earlier") and _leftovers(disk) == []


def test_a_read_only_folder_is_reported_and_left_alone(tmp_path):
    source = write(tmp_path, MINIMAL)
    folder = tmp_path / "ro"
    with _small_disk(folder, "size=1m") as real:
        (folder / "r.docx").write_bytes(earlier_docx("earlier"))
        if real:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            folder.chmod(0o555)
        result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "-o", str(folder / "r.docx")])
        assert result.exit_code == 2 and "Cannot write in" in result.output
        assert (folder / "r.docx").read_bytes() == earlier_docx("earlier")
        if not real:
            folder.chmod(0o755)


def test_temporary_files_of_dead_runs_are_removed_and_those_of_live_runs_kept(tmp_path):
    source = write(tmp_path, MINIMAL)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".unit.docx.{dead.stdout.strip()}.abc123.tmp"
    stale_stage = tmp_path / f".baocao-{dead.stdout.strip()}-beef.tmp"
    live = tmp_path / f".unit.docx.{os.getppid()}.abc123.tmp"
    for path in (stale, live):
        path.write_bytes(b"half")
    stale_stage.mkdir()
    (stale_stage / "unit.docx").write_bytes(b"half")
    assert CliRunner().invoke(main, ["--lang", "en", "build", str(source)]).exit_code == 0
    assert not stale.exists() and not stale_stage.exists() and live.exists()


def _wait_for(path: Path, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < end, f"{path} never appeared"
        time.sleep(0.05)


def test_kill_during_pdf_keeps_the_earlier_pair_and_the_next_run_cleans_up(tmp_path, fake_path):
    started = tmp_path / "started"
    _soffice(fake_path, f"pathlib.Path({str(started)!r}).write_text(str(os.getpid()))\ntime.sleep(60)\n")
    source, docx, pdf = _earlier(tmp_path)
    run = subprocess.Popen([sys.executable, "-m", "baocao", "build", str(source), "--pdf"], env=os.environ.copy())
    _wait_for(started)
    run.send_signal(signal.SIGKILL)
    run.wait()
    with contextlib.suppress(ProcessLookupError, ValueError):
        os.kill(int(started.read_text()), signal.SIGKILL)
    assert docx.read_bytes() == earlier_docx("earlier docx") and pdf.read_bytes() == b"%PDF-1.4 earlier"
    assert [name for name in _leftovers(tmp_path) if name.startswith(".baocao-")], "the staging folder"
    _soffice(fake_path, WRITES_PDFS)
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "--pdf"])
    assert result.exit_code == 0, result.output
    assert _leftovers(tmp_path) == [] and pdf.read_bytes() == GOOD_PDF


def test_kill_during_a_batch_leaves_only_whole_reports(tmp_path):
    units = tmp_path / "units"
    units.mkdir()
    text = EXAMPLES[0].read_text(encoding="utf-8")
    for index in range(40):
        (units / f"u{index:02}.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    earlier = {f"u{index:02}.docx": earlier_docx("earlier") for index in range(0, 40, 2)}
    for name, data in earlier.items():
        (out / name).write_bytes(data)
    run = subprocess.Popen([sys.executable, "-m", "baocao", "build", str(units), "-o", str(out), "-j", "1"])
    _wait_for(out / "u01.docx")
    run.send_signal(signal.SIGKILL)
    run.wait()
    for report in out.glob("*.docx"):
        if report.read_bytes() != earlier_docx("earlier"):
            with zipfile.ZipFile(report) as archive:
                assert archive.testzip() is None
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(units), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0
    assert _leftovers(out) == [] and len(list(out.glob("*.docx"))) == 40


def test_a_damaged_template_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = write(tmp_path, MINIMAL)
    first = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "-o", str(tmp_path / "a.docx")])
    assert first.exit_code == 0
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "-o", str(tmp_path / "b.docx")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    assert all(len(e.read_bytes()) > 64 for e in entries)


def test_rollup_refuses_its_own_earlier_output_unless_asked(tmp_path):
    units = tmp_path / "units"
    units.mkdir()
    for name in ("an", "binh"):
        write(units, MINIMAL.replace("xã Tịnh Hà", f"xã {name}"), f"{name}.yaml")
    province = write(tmp_path, MINIMAL.replace("xã Tịnh Hà", "tỉnh"), "province.yaml")
    first = units / "province-all.yaml"
    args = ["--lang", "en", "rollup", str(units), "--unit", str(province), "-o", str(first)]
    assert CliRunner().invoke(main, args).exit_code == 0
    again = CliRunner().invoke(main, [*args[:-1], str(tmp_path / "again.yaml")])
    assert again.exit_code == 1 and "province-all.yaml: written by baocao rollup" in again.output
    assert not (tmp_path / "again.yaml").exists()
    text = first.read_text(encoding="utf-8")
    first.write_text(text[: text.index("\nrollup:")] + "\n", encoding="utf-8")  # its section cut off by hand
    still = CliRunner().invoke(main, [*args[:-1], str(tmp_path / "again.yaml")])
    assert still.exit_code == 1 and "province-all.yaml: written by baocao rollup" in still.output
    first.write_text(text, encoding="utf-8")
    both = CliRunner().invoke(main, [*args[:-1], str(tmp_path / "again.yaml"), "--include-rollups"])
    assert both.exit_code == 1 and "also counted in" in both.output
    alone = CliRunner().invoke(
        main,
        [
            "--lang",
            "en",
            "rollup",
            str(first),
            "--unit",
            str(province),
            "-o",
            str(tmp_path / "up.yaml"),
            "--include-rollups",
        ],
    )
    assert alone.exit_code == 0, alone.output
    assert len(yaml.safe_load((tmp_path / "up.yaml").read_text(encoding="utf-8"))["rollup"]["units"]) == 1


def test_a_docx_that_cannot_be_moved_takes_its_new_pdf_back(tmp_path, fake_path, monkeypatch):
    _soffice(fake_path, WRITES_PDFS)
    source, docx, pdf = _earlier(tmp_path)
    replace = Path.replace

    def failing(self: Path, target: Path) -> Path:
        if self.suffix == ".docx" and self.parent.name.startswith(".baocao-"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", failing)
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "--pdf"])
    assert result.exit_code == 1 and "cannot move" in result.output
    assert docx.read_bytes() == earlier_docx("earlier docx") and pdf.read_bytes() == b"%PDF-1.4 earlier"
    assert _leftovers(tmp_path) == []


def test_a_hung_libreoffice_is_stopped_at_its_time_limit_helpers_too(tmp_path, fake_path):
    hung = (
        "import subprocess\nsubprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'])\ntime.sleep(120)\n"
    )
    _soffice(fake_path, hung)  # its helper keeps the output pipes open, as soffice.bin does
    source, docx, pdf = _earlier(tmp_path)
    started = time.monotonic()
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(source), "--pdf", "--pdf-timeout", "2"])
    assert time.monotonic() - started < 30  # 30 minutes before, whatever the limit
    assert result.exit_code == 1 and "did not finish within 2 s" in result.output
    assert docx.read_bytes() == earlier_docx("earlier docx") and pdf.read_bytes() == b"%PDF-1.4 earlier"
