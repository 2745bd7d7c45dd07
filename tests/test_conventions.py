"""One language at a time, and the conventions of terminals and CI: NO_COLOR, GitHub annotations, JSON, paths."""

from __future__ import annotations

import io
import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MINIMAL, ROOT, write

EXAMPLES = ROOT / "data" / "examples"  # written as sections: the diff's sections by key or title
OLD, NEW = (str(EXAMPLES / name) for name in ("binh-son-2021-h1.yaml", "binh-son-2022-h1.yaml"))
ANSI = "\x1b["


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "baocao", *args]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd, env=environment)


# --- one language at a time ---------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [[], ["build"], ["validate"], ["diff"], ["rollup"], ["schema"], ["upgrade"], ["new"], ["form"], ["import"]],
)
def test_help_is_vietnamese_by_default_and_english_on_request(command):
    vi = run(*command, "--help").stdout
    assert "Cách dùng:" in vi and "Tùy chọn:" in vi and "In hướng dẫn này rồi thoát." in vi
    assert not re.search(r"\b(Usage|Options|Show this message|default:)\b", vi)
    en = run(*command, "--help", "--lang", "en").stdout
    assert "Usage:" in en and "Options:" in en and "Cách dùng" not in en


def test_the_language_can_be_asked_for_before_the_command():
    assert "Usage:" in run("--lang", "en", "validate", "--help").stdout
    result = run("--lang", "en", "validate", "nope.yaml")
    assert "no such file or folder" in result.stderr


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (["validate", "--bogus"], "Không có tùy chọn", "No such option"),
        (["validate"], "Thiếu tham số", "Missing argument"),
        (["validate", "--format", "xml", "x"], "không phải một trong", "is not one of"),
        (["frobnicate"], "Không có lệnh 'frobnicate'", "No such command 'frobnicate'"),
        (["build", "-j", "0", "x"], "nằm ngoài khoảng", "is not in the range"),
    ],
)
def test_usage_errors_of_click_itself_are_in_the_language_asked_for(args, vi, en):
    result = run(*args)
    assert result.returncode == 2 and vi in result.stderr and "Lỗi:" in result.stderr
    result = run(*args, "--lang", "en")
    assert result.returncode == 2 and en in result.stderr and "Error:" in result.stderr


def test_every_message_of_the_command_line_has_both_languages_with_the_same_fields():
    from baocao.core.messages import USAGE

    for key, (vi, en) in USAGE.items():
        fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in (vi, en)]
        assert fields[0] == fields[1], key
        assert vi != en or not re.search(r"[a-z]{2}", re.sub(r"\{\w+\}|--\w+", "", vi)), key


def test_exit_2_messages_in_both_languages(tmp_path):
    source = write(tmp_path, MINIMAL)
    cases = [
        (["build", str(tmp_path / "nope.yaml")], "không có tệp hoặc thư mục này", "no such file or folder"),
        (["build", str(source), "-o", str(source)], "chính là tệp đầu vào", "is the input file"),
        (["build", str(source), "--templates", str(source)], "không phải thư mục", "not a folder"),
        (["build", str(source), str(source), "--compare", str(source)], "một báo cáo mỗi lần", "one report at a time"),
        (["diff", OLD, str(source)], "hai đơn vị khác nhau", "different units"),
        (
            ["rollup", str(source), "--unit", str(source), "-o", str(source)],
            "là một trong các tệp",
            "one of the inputs",
        ),
    ]
    for args, vi, en in cases:
        result = run(*args)
        assert result.returncode == 2 and vi in result.stderr, (args, result.stderr)
        result = run(*args, "--lang", "en")
        assert result.returncode == 2 and en in result.stderr, (args, result.stderr)


def test_batch_failure_reasons_are_in_the_language_asked_for(tmp_path):
    folder = tmp_path / "units"
    folder.mkdir()
    write(folder, MINIMAL, "good.yaml")
    write(folder, MINIMAL.replace("number: 5", "number: 05"), "bad.yaml")
    result = run("build", str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 1 and "dữ liệu có lỗi" in result.stderr and "errors in the data" not in result.stderr
    result = run("build", str(folder), "-o", str(tmp_path / "out"), "--lang", "en")
    assert "errors in the data" in result.stderr and "dữ liệu có lỗi" not in result.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_diff_speaks_the_language_asked_for(fmt):
    vi = run("diff", OLD, NEW, "--format", fmt).stdout
    assert "Các mục của báo cáo" in vi and "Thay đổi" in vi and "giá trị" in vi and "thêm" in vi
    en = run("diff", OLD, NEW, "--format", fmt, "--lang", "en").stdout
    assert "Sections" in en and "Change" in en and "value" in en and "added" in en
    assert not re.search("Các mục của báo cáo|Thay đổi|giá trị|Thông tin văn bản|Số liệu tính", en)


# --- terminals and CI -----------------------------------------------------------------------


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """What a command writes to a terminal (a pseudo-terminal), standard error included."""
    import pty

    primary, secondary = pty.openpty()
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm", **env}
    if "NO_COLOR" not in env:
        environment.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "baocao", *args], stdout=secondary, stderr=secondary, env=environment
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


def test_no_color_is_honoured_on_a_terminal(tmp_path):
    broken = write(tmp_path, MINIMAL.replace("number: 5", "number: 05"))
    assert ANSI in _on_a_terminal(["validate", str(broken)], {})
    assert ANSI not in _on_a_terminal(["validate", str(broken)], {"NO_COLOR": "1"})
    assert ANSI not in _on_a_terminal(["diff", OLD, NEW], {"NO_COLOR": "1"})
    assert ANSI in _on_a_terminal(["validate", str(broken)], {"NO_COLOR": ""})  # empty means unset


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_findings_read_the_same_with_and_without_colour(lang, tmp_path):
    """Without colour the lines are written directly, not through rich: the same lines, [brackets] and :words: kept."""
    from baocao import api
    from baocao.cli import formatters

    seeds = [api.upgrade_file(str(seed), str(tmp_path))[0] for seed in SEEDS]  # their own figures, as sections
    findings = [f for path in (OLD, NEW, *seeds) for f in api.load(str(path)).findings]
    assert len({f.code for f in findings}) >= 5
    coloured, plain = io.StringIO(), io.StringIO()
    formatters.text(findings, {}, lang, coloured, color=True)
    formatters.text(findings, {}, lang, plain, color=False)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.getvalue()) == plain.getvalue()
    assert ANSI not in plain.getvalue() and plain.getvalue().count("\n") > 4 * len(findings)


SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*-as-typed.yaml"))  # the seeds' own figures, by topic


def test_the_summary_of_a_large_batch_names_the_files_with_errors_first_and_sums_the_rest():
    """1,000 files each have a warning, one in a hundred an error: the table names 30 files, those with errors
    first, and one row sums the others; the totals count every file."""
    from baocao.cli import formatters

    results = [(f"xa-{n:04d}.yaml", 1 if n % 100 == 7 else 0, 1) for n in range(1000)]
    out = io.StringIO()
    formatters.summary(results, "vi", out, color=False)
    rows = [line.split("│")[1:4] for line in out.getvalue().splitlines() if line.startswith("│")]
    named = [(name.strip(), errors.strip(), warnings.strip()) for name, errors, warnings in rows]
    assert named[:10] == [(f"xa-{n:04d}.yaml", "1", "1") for n in range(7, 1000, 100)]
    assert named[10] == ("xa-0000.yaml", "0", "1") and len(named) == 30 + 1  # and the totals
    assert named[-2] == ("… 971 tệp khác", "0", "971") and named[-1] == ("1000 tệp", "10", "1000")


def test_colour_is_decided_by_the_terminal_and_no_color():
    from baocao.cli import formatters

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    os.environ.pop("NO_COLOR", None)
    assert formatters.color(Terminal()) and not formatters.color(io.StringIO())
    os.environ["NO_COLOR"] = "1"
    try:
        assert not formatters.color(Terminal())
    finally:
        del os.environ["NO_COLOR"]


def test_github_annotations_escape_properties_and_messages(tmp_path):
    folder = tmp_path / "a,b:c%d"
    folder.mkdir()
    broken = write(folder, MINIMAL.replace("level: commune", 'level: "x%y\\r\\nz"'))
    result = run("validate", str(broken), "--format", "github")
    line = result.stdout.strip()
    assert result.returncode == 1 and len(result.stdout.splitlines()) == 1
    escaped = str(broken).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert line.startswith(f"::error file={escaped},line=3,col=10::BC108")
    assert "x%25y%0D%0Az" in line and "\r" not in line
    from baocao.cli import formatters

    assert formatters.escape_property("a,b:c%d\r\n") == "a%2Cb%3Ac%25d%0D%0A"
    assert formatters.escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "missing.yaml", "--format", "json"],
        ["validate", "--format", "json", "--bogus"],
        ["diff", "missing.yaml", NEW, "--format", "json"],
        ["diff", OLD, "--format=json", "missing.yaml"],
    ],
)
def test_json_is_printed_when_the_command_cannot_run(args, tmp_path):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert document["exit_code"] == 2 and document["error"]
    assert "baocao:" in result.stderr or "Lỗi:" in result.stderr


def test_json_names_the_findings_when_diff_refuses_a_file_with_errors(tmp_path):
    broken = write(tmp_path, MINIMAL.replace("number: 5", "number: 05"))
    result = run("diff", OLD, str(broken), "--format", "json", "--lang", "en")
    assert result.returncode == 2 and "BC106" in result.stderr
    document = json.loads(result.stdout)
    assert document["error"] == "Nothing was compared: the data has errors."
    assert [f["code"] for f in document["findings"]] == ["BC106"]


def test_diff_text_needs_no_table_library():
    """The text view is plain columns: rich's import and table layout made it cost 3.6x a validate."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "baocao", "diff", OLD, NEW],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert result.returncode == 1
    assert not re.search(r"\|\s+rich\b", result.stderr)


def test_build_imports_only_what_it_uses(tmp_path):
    """pydantic looks for plugins through importlib.metadata (14 ms of a 280 ms build; the program has none), and
    a report that names no đề cương needs none of the outline models (5 ms)."""
    example = ROOT / "data" / "examples" / "tra-bong-2023.yaml"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "baocao", "build", str(example), "-o", str(tmp_path / "r.docx")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "r.docx").stat().st_size > 10_000
    assert not re.search(r"\|\s+importlib\.metadata\b", result.stderr)
    assert not re.search(r"\|\s+baocao\.(outlines|models\.outline_file)\b", result.stderr)


def test_upper_case_suffixes_are_found_in_folders(tmp_path):
    folder = tmp_path / "units"
    folder.mkdir()
    write(folder, MINIMAL.replace("number: 5", "number: 05"), "XA-AN.YAML")
    write(folder, MINIMAL.replace("date: 05/01/2024", "date: 13/12/2023"), "xa-binh.Yml")  # early
    (folder / "notes.txt").write_text("not a unit", encoding="utf-8")
    result = run("validate", str(folder), "--format", "json")
    assert result.returncode == 1
    found = {(Path(f["path"]).name, f["code"]) for f in json.loads(result.stdout)}
    assert found == {("XA-AN.YAML", "BC106"), ("xa-binh.Yml", "BC306")}  # both read: an error, and a warning


def test_an_empty_path_is_refused_not_read_as_the_working_folder(tmp_path):
    write(tmp_path, MINIMAL, "unit.yaml")
    for command in (["build", ""], ["validate", ""], ["build", "  "]):
        result = run(*command, cwd=tmp_path)
        assert result.returncode == 2 and "đường dẫn rỗng" in result.stderr, command
    assert not list(tmp_path.glob("*.docx"))


def test_a_dangling_link_given_or_found_is_reported(tmp_path):
    folder = tmp_path / "units"
    folder.mkdir()
    write(folder, MINIMAL, "good.yaml")
    (folder / "gone.yaml").symlink_to(tmp_path / "moved-away.yaml")
    for target in (folder / "gone.yaml", folder, folder / "*.yaml"):
        result = run("validate", str(target))
        assert result.returncode == 2, result.stderr
        assert "gone.yaml" in result.stderr and "moved-away.yaml" in result.stderr
        assert "không tồn tại" in result.stderr
    result = run("build", str(folder), "-o", str(tmp_path / "out"), "--lang", "en")
    assert result.returncode == 1 and "gone.yaml" in result.stderr and "which does not exist" in result.stderr
    assert (tmp_path / "out" / "good.docx").exists()


def test_every_reason_a_command_can_give_is_in_the_catalogue():
    """A UserError names its message by key, so that it can be said in either language."""
    from baocao.core.messages import USAGE

    raised = []
    for path in (ROOT / "src" / "baocao").rglob("*.py"):
        raised += re.findall(r"(?:UserError|Phrase)\(\s*(f?\"[^\"]*\")", path.read_text(encoding="utf-8"))
    assert raised and all(not key.startswith("f") and key.strip('"') in USAGE for key in raised), raised
