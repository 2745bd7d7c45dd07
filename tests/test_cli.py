"""What a user sees from the command line: outputs, refusals, messages and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from baocao.cli.main import main

from .conftest import EXAMPLES, MINIMAL, write


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "baocao", *args], capture_output=True, text=True, check=False)


def frame_template(tmp_path: Path, text: str) -> Path:
    """A templates folder whose outline.xml.j2, the frame of a report written as sections, is ``text``."""
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "outline.xml.j2").write_text(text, encoding="utf-8")
    return folder


SECTIONS = (
    '{% import "_blocks.xml.j2" as b %}{% for section in view.outline().sections %}{{ b.section(section) }}{% endfor %}'
)
"""A frame's loop over the unit's sections, each printed as the built-in frame prints it."""


def built_texts(tmp_path: Path, folder: Path) -> list[str]:
    """The paragraphs of the minimal unit built with the templates in ``folder``."""
    source = write(tmp_path, MINIMAL)
    result = CliRunner().invoke(
        main, ["build", str(source), "--templates", str(folder), "-o", str(tmp_path / "o.docx")]
    )
    assert result.exit_code == 0, result.output
    return [p.text for p in docx.Document(str(tmp_path / "o.docx")).paragraphs]


def test_build_writes_the_docx_beside_the_input(tmp_path):
    source = write(tmp_path, MINIMAL)
    result = CliRunner().invoke(main, ["build", str(source)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "unit.docx").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_build_into_a_folder_and_to_a_named_file(tmp_path):
    source = write(tmp_path, MINIMAL)
    assert CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out") + "/"]).exit_code == 0
    assert (tmp_path / "out" / "unit.docx").is_file()
    assert CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "r.docx")]).exit_code == 0
    assert (tmp_path / "r.docx").is_file()


def test_build_refuses_to_overwrite_its_input(tmp_path):
    source = write(tmp_path, MINIMAL, "unit.docx")
    result = run("build", str(source), "-o", str(source))
    assert result.returncode == 2
    assert "chính là tệp đầu vào" in result.stderr
    assert source.read_text(encoding="utf-8") == MINIMAL


def test_bad_input_leaves_an_earlier_report_untouched_and_no_temporary_file(tmp_path):
    good = write(tmp_path, MINIMAL)
    CliRunner().invoke(main, ["build", str(good)])
    before = (tmp_path / "unit.docx").read_bytes()
    write(tmp_path, MINIMAL.replace("number: 5", "number: 5.000"))
    result = run("build", str(good))
    assert result.returncode == 1
    assert (tmp_path / "unit.docx").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["unit.docx", "unit.yaml"]


def test_errors_name_file_line_column_and_fix_without_a_traceback(tmp_path):
    source = write(tmp_path, MINIMAL.replace("  recipients:", "  recipent:"))
    result = run("build", str(source))
    assert result.returncode == 1
    assert f"{source}:14:3:" in result.stderr
    assert "BC102" in result.stderr and "recipients" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "unit.docx").exists()


def test_messages_in_english_on_request(tmp_path):
    source = write(tmp_path, MINIMAL.replace("number: 5", "number: 05"))
    result = run("build", str(source), "--lang", "en")
    assert result.returncode == 1
    assert "starts with a zero" in result.stderr


def test_missing_file_is_a_usage_error(tmp_path):
    result = run("build", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "không có tệp" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_report_kind_lists_the_available_ones(tmp_path):
    source = write(tmp_path, MINIMAL.replace("kind: outline", "kind: nothing"))
    result = run("build", str(source))
    assert result.returncode == 1
    assert f"{source}:2:9:" in result.stderr and "BC401" in result.stderr and "'nothing'" in result.stderr
    available = next(line for line in result.stderr.splitlines() if "Các loại có sẵn:" in line)
    assert "outline" in available.split(":", 1)[1].replace(",", " ").replace(".", " ").split()


def test_user_templates_override_the_built_in_ones(tmp_path):
    folder = frame_template(tmp_path, "<h1>Riêng</h1><p>Chữ ký của {{ doc.short_name }}</p>" + SECTIONS)
    texts = built_texts(tmp_path, folder)
    assert "I. RIÊNG" in texts and "Chữ ký của UBND xã Tịnh Hà" in texts
    assert "II. KẾT QUẢ THỰC HIỆN" in texts and "- Chỉ đạo triển khai." in texts


def test_template_errors_name_the_template_and_line(tmp_path):
    folder = frame_template(tmp_path, "<p>ok</p>\n<p>{{ doc.nothing_here }}</p>\n")
    source = write(tmp_path, MINIMAL)
    result = run("build", str(source), "--templates", str(folder))
    assert result.returncode == 1
    assert "BC402" in result.stderr and "outline.xml.j2" in result.stderr and "dòng 2" in result.stderr


def test_comments_in_a_template_are_left_out_of_the_report(tmp_path):
    folder = frame_template(tmp_path, "<!-- mục I --><h1>Riêng</h1><p>Một <!-- ghi chú -->đoạn.</p>" + SECTIONS)
    texts = built_texts(tmp_path, folder)
    assert "I. RIÊNG" in texts and "Một đoạn." in texts
    assert not any("ghi chú" in text or "mục I" in text for text in texts)


@pytest.mark.parametrize(
    "markup",
    ["<p>chưa đóng", "<div>lạ</div>", '<!DOCTYPE body [<!ENTITY x "lặp">]><p>&x;</p>', "<p><h1>lồng</h1></p>"],
)
def test_markup_outside_the_vocabulary_is_refused_and_nothing_is_written(tmp_path, markup):
    folder = frame_template(tmp_path, markup)
    source = write(tmp_path, MINIMAL)
    result = run("build", str(source), "--templates", str(folder), "-o", str(tmp_path / "o.docx"))
    assert result.returncode == 1
    assert "BC402" in result.stderr and "outline.xml.j2" in result.stderr
    assert not (tmp_path / "o.docx").exists()


def test_data_left_out_by_the_template_is_reported_as_a_warning(tmp_path):
    folder = frame_template(tmp_path, "<p>{{ doc.subject }}</p>")
    source = write(tmp_path, MINIMAL)
    result = run("build", str(source), "--templates", str(folder))
    assert result.returncode == 0
    assert f"{source}:17:3:" in result.stderr and "BC403" in result.stderr and "'sections'" in result.stderr


@pytest.mark.parametrize(
    "text",
    ["{{ 7 * 7 }} và {% if true %}x{% endif %}", "<b>đậm</b> & <h1>X</h1>", "</p><table>", "**đậm** và *nghiêng*"],
)
def test_user_text_is_data_never_markup_or_template(tmp_path, text):
    source = write(tmp_path, MINIMAL.replace('"- Chỉ đạo triển khai."', json.dumps("- " + text, ensure_ascii=False)))
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(tmp_path / "o.docx"))
    bullet = next(
        p
        for p in document.paragraphs
        if p.text.startswith("- ") and ("đậm" in p.text or "7" in p.text or "table" in p.text)
    )
    if text.startswith("**"):
        assert bullet.text == "- đậm và nghiêng"
        assert [r.text for r in bullet.runs if r.bold] == ["đậm"]
        assert [r.text for r in bullet.runs if r.italic] == ["nghiêng"]
    else:
        assert bullet.text == "- " + text


def test_help_lists_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "validate", "schema"):
        assert command in result.output


def test_validate_passes_the_examples_and_fails_a_broken_file(tmp_path):
    assert run("validate", *map(str, EXAMPLES)).returncode == 0
    broken = write(tmp_path, MINIMAL.replace("year: 2023", "year: hai nghìn"))
    result = run("validate", str(broken), "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert findings[0]["code"] == "BC105" and findings[0]["line"] == 12


def test_validate_github_format(tmp_path):
    broken = write(tmp_path, MINIMAL.replace("level: commune", "level: hamlet"))
    result = run("validate", str(broken), "--format", "github")
    assert result.returncode == 1
    assert result.stdout.startswith(f"::error file={broken},line=3,col=10::BC108")


def test_schema_file_is_up_to_date(tmp_path):
    from baocao.write.schema import SCHEMAS

    assert set(SCHEMAS) == {"report.schema.json", "outline.schema.json"}
    for name, text in SCHEMAS.items():
        committed = (Path(__file__).resolve().parents[1] / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text(), f"schemas/{name} is stale: run `make schema`"
    result = run("schema", "-o", str(tmp_path))
    assert result.returncode == 0
    assert sorted(Path(line).name for line in result.stdout.split()) == sorted(SCHEMAS)


def test_every_field_has_a_vietnamese_title():
    from baocao.write.schema import schema_text

    schema = json.loads(schema_text())
    for name, definition in schema["$defs"].items():
        for key, prop in definition.get("properties", {}).items():
            assert prop.get("title"), f"{name}.{key} has no title"


def test_small_batches_and_standard_input_stay_in_one_process():
    from baocao.api import workers

    assert workers(["a.yaml"], None) == 1
    assert workers(["-"] + ["a.yaml"] * 100, None) == 1
    assert workers(["a.yaml"] * 100, None) >= 1
    cores = len(os.sched_getaffinity(0))
    assert workers(["a.yaml"] * 10, 3) == min(3, cores)
    assert workers(["a.yaml"] * 10, 100_000) == min(10, cores)  # never more processes than cores (nor files)


def test_validate_reads_standard_input():
    text = MINIMAL.replace("number: 5", "number: 05")
    command = [sys.executable, "-m", "baocao", "validate", "-"]
    result = subprocess.run(command, input=text, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "<stdin>:8:11" in result.stderr and "BC106" in result.stderr


def test_a_reader_that_stops_early_gets_no_internal_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("document:\n  level: x\n" + "".join(f"  k{i}: 1\n" for i in range(400)), encoding="utf-8")
    command = f"'{sys.executable}' -m baocao validate --format json '{bad}' | head -c 10"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, check=False)
    assert result.stdout == '[\n  {\n    "'[:10]
    assert "lỗi bên trong" not in result.stderr and "Traceback" not in result.stderr
