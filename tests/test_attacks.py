"""Untrusted files stay in their lane, and no command loses or fakes a file (issue 20).

Each test is an attack that succeeded on the commands before: a file reaching what it
should not, a command writing over what it reads, text from a file becoming structure,
a small input with a large cost. Each asserts what the user relies on instead.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from baocao.cli.main import main

from .conftest import BY_TOPIC, EXAMPLES, MINIMAL, earlier_docx, write

ROOT = Path(__file__).resolve().parents[1]
MINH_TAN = (ROOT / "data" / "examples" / "xa-minh-tan-2025-h2.yaml").read_text(encoding="utf-8")
BINH_SON = (ROOT / "data" / "examples" / "binh-son-2022-h1.yaml").read_text(encoding="utf-8")
BINH_SON_OLD = (ROOT / "data" / "examples" / "binh-son-2021-h1.yaml").read_text(encoding="utf-8")
OUTLINE = (ROOT / "src" / "baocao" / "data" / "outlines" / "cds-xa-2025.yaml").read_text(encoding="utf-8")
SECRET = "https://user:TOKEN-8f3a@example.org"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def naming(outline: str) -> str:
    return MINH_TAN.replace("  outline: cds-xa-2025\n", f"  outline: {outline}\n")


# --- a file reaches what it should not ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["secret/git-credentials", "secret/token.txt", "/proc/self/environ"])
def test_an_outline_path_that_is_not_a_yaml_file_is_not_found_and_nothing_of_it_is_printed(tmp_path, name):
    (tmp_path / "secret").mkdir()
    for leaf in ("git-credentials", "token.txt"):
        (tmp_path / "secret" / leaf).write_text(f"{SECRET}\nsecond line\n", encoding="utf-8")
    unit = write(tmp_path, naming(name))
    code, said = run("validate", str(unit))
    assert code == 1 and "BC601" in said
    assert SECRET not in said and "TOKEN" not in said and "PATH=" not in said


def test_a_yaml_file_that_is_not_an_outline_is_named_as_such_and_nothing_of_it_is_printed(tmp_path):
    (tmp_path / "secrets.yaml").write_text(f"token: {SECRET}\npassword: hunter2\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text(f"token: [{SECRET}\n\tpassword: hunter2\n", encoding="utf-8")
    for name in ("secrets.yaml", "broken.yaml"):
        code, said = run("validate", str(write(tmp_path, naming(name))))
        assert code == 1 and "BC601" in said and "is not an outline file" in said, said
        assert "TOKEN" not in said and "hunter2" not in said
    code, said = run("new", "--outline", str(tmp_path / "secrets.yaml"), "--no-input", "-o", "-")
    assert code == 2 and "not an outline file" in said and "TOKEN" not in said


def test_a_link_out_of_an_outlines_folder_is_not_followed(tmp_path, monkeypatch):
    outside = tmp_path / "outside.yaml"
    outside.write_text(OUTLINE, encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "tinh-x.yaml").symlink_to(outside)
    monkeypatch.setenv("BAOCAO_OUTLINES", str(shared))
    code, said = run("validate", str(write(tmp_path, naming("tinh-x"))))
    assert code == 1 and "BC601" in said
    (shared / "tinh-y.yaml").write_text(OUTLINE.replace("id: cds-xa-2025", "id: tinh-y"), encoding="utf-8")
    code, said = run("validate", str(write(tmp_path, naming("tinh-y"), "inside.yaml")))
    assert "BC601" not in said


def test_a_unit_that_names_a_forged_outline_of_the_same_id_is_refused_naming_both_files(tmp_path):
    (tmp_path / "forged").mkdir()
    forged = OUTLINE.replace("label: Hồ sơ thủ tục hành chính tiếp nhận trực tuyến", "label: Hồ sơ giả")
    (tmp_path / "forged" / "cds-xa-2025.yaml").write_text(forged, encoding="utf-8")
    honest = write(tmp_path, MINH_TAN.replace("Minh Tân", "An Hòa"), "an-hoa.yaml")
    other = write(tmp_path, naming("forged/cds-xa-2025.yaml").replace("Minh Tân", "Bình Minh"), "binh-minh.yaml")
    out = tmp_path / "out.yaml"
    for own, first in [
        (MINH_TAN, "own.yaml"),
        (naming("de-cuong-tinh").replace("  outline: de-cuong-tinh\n", ""), "an-hoa"),
    ]:
        unit_file = write(tmp_path, own.replace("Minh Tân", "Tỉnh"), "own.yaml")
        code, said = run("rollup", str(honest), str(other), "--unit", str(unit_file), "-o", str(out))
        assert code == 1 and not out.exists()
        assert "binh-minh.yaml: its outline 'cds-xa-2025' says other things" in said and first in said


@pytest.mark.parametrize(
    "spelled",
    [
        "Uỷ ban nhân dân xã Minh Tân",
        "Ủy ban nhân dân xã Minh  Tân",
        "Ủy ban nhân dân xã Мinh Tân",
        "ỦY BAN NHÂN DÂN XÃ MINH TÂN",
    ],
)
def test_one_commune_spelled_two_ways_is_one_unit_counted_once(tmp_path, spelled):
    first = write(tmp_path, MINH_TAN, "a.yaml")
    second = write(tmp_path, MINH_TAN.replace("Ủy ban nhân dân xã Minh Tân", spelled), "b.yaml")
    own = write(tmp_path, MINH_TAN.replace("Minh Tân", "Tỉnh"), "own.yaml")
    out = tmp_path / "out.yaml"
    code, said = run("rollup", str(first), str(second), "--unit", str(own), "-o", str(out))
    assert code == 1 and "the same unit as" in said and not out.exists()


def test_names_that_differ_in_a_tone_are_two_units():
    from baocao.core.vietnamese import name_key

    assert name_key("xã Tân Hà") != name_key("xã Tân Hạ")
    assert name_key("Uỷ ban") == name_key("Ủy  ban") == name_key("ủy ban")


# --- commands write over what they read --------------------------------------------------------------


def test_build_never_writes_over_the_compared_file(tmp_path):
    old, new = write(tmp_path, BINH_SON_OLD, "old.yaml"), write(tmp_path, BINH_SON, "new.yaml")
    code, said = run("build", str(new), "--compare", str(old), "-o", str(old))
    assert code == 2 and "is one of the inputs" in said
    assert old.read_text(encoding="utf-8") == BINH_SON_OLD


def test_build_never_writes_over_the_outline_its_unit_follows(tmp_path):
    outline = write(tmp_path, OUTLINE, "de-cuong.docx.yaml")
    unit = write(tmp_path, naming("de-cuong.docx.yaml"))
    code, said = run("build", str(unit), "-o", str(outline), "--force")
    assert code == 2 and "is one of the inputs" in said
    assert outline.read_text(encoding="utf-8") == OUTLINE


def test_build_never_writes_over_a_template(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "keep.docx").write_bytes(earlier_docx("a template"))
    unit = write(tmp_path, MINIMAL)
    code, said = run("build", str(unit), "--templates", str(templates), "-o", str(templates / "keep.docx"))
    assert code == 2 and "is one of the inputs" in said
    assert (templates / "keep.docx").read_bytes() == earlier_docx("a template")


def test_rollup_never_writes_over_its_expect_list(tmp_path):
    units = [write(tmp_path, MINH_TAN.replace("Minh Tân", name), f"{n}.yaml") for n, name in enumerate(["A", "B"])]
    own = write(tmp_path, MINH_TAN.replace("Minh Tân", "Tỉnh"), "own.yaml")
    expect = write(tmp_path, "A\nB\n", "expect.txt")
    code, said = run("rollup", *map(str, units), "--unit", str(own), "--expect", str(expect), "-o", str(expect))
    assert code == 2 and "is one of the inputs" in said
    assert expect.read_text(encoding="utf-8") == "A\nB\n"


def test_rollup_replaces_its_own_output_but_not_another_file_without_force(tmp_path):
    units = [write(tmp_path, MINH_TAN.replace("Minh Tân", name), f"{n}.yaml") for n, name in enumerate(["A", "B"])]
    own = write(tmp_path, MINH_TAN.replace("Minh Tân", "Tỉnh"), "own.yaml")
    out = write(tmp_path, "notes: mine\n", "out.yaml")
    args = [*map(str, units), "--unit", str(own), "-o", str(out)]
    code, said = run("rollup", *args)
    assert code == 2 and "was not written by baocao" in said and out.read_text(encoding="utf-8") == "notes: mine\n"
    assert run("rollup", *args, "--force")[0] == 0
    assert run("rollup", *args)[0] == 0  # its own output, replaced without --force


def test_upgrade_refuses_a_fifo_and_a_device(tmp_path):
    source = write(tmp_path, BY_TOPIC)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    code, said = run("upgrade", str(source), "-o", str(fifo), "--force")
    assert code == 2 and "not a regular file" in said and fifo.is_fifo()
    device = tmp_path / "null"
    device.symlink_to("/dev/null")  # a link to a device, so that even a baocao that replaced it leaves /dev/null
    code, said = run("upgrade", str(source), "-o", str(device), "--force")
    assert code == 2 and "not a regular file" in said and device.is_symlink() and device.is_char_device()


def test_upgrade_replaces_an_unrelated_file_only_with_force(tmp_path):
    source = write(tmp_path, BY_TOPIC)
    other = write(tmp_path, "mine\n", "other.yaml")
    code, said = run("upgrade", str(source), "-o", str(other))
    assert code == 2 and "--force" in said and other.read_text(encoding="utf-8") == "mine\n"
    assert run("upgrade", str(source), "-o", str(other), "--force")[0] == 0
    assert "sections:" in other.read_text(encoding="utf-8")


def test_upgrade_never_overwrites_a_backup(tmp_path):
    source = write(tmp_path, BY_TOPIC)
    backup = tmp_path / "unit.yaml.bak"
    backup.write_text("the first backup\n", encoding="utf-8")
    code, said = run("upgrade", str(source))
    assert code == 2 and "unit.yaml.bak" in said and source.read_text(encoding="utf-8") == BY_TOPIC
    code, said = run("upgrade", str(source), "-o", str(backup), "--force")
    assert code == 2 and "backup" in said
    assert backup.read_text(encoding="utf-8") == "the first backup\n"


def test_upgrade_keeps_the_original_bytes_as_its_backup(tmp_path):
    source = tmp_path / "unit.yaml"
    source.write_bytes(BY_TOPIC.encode("utf-16"))
    assert run("upgrade", str(source))[0] == 0
    assert (tmp_path / "unit.yaml.bak").read_bytes() == BY_TOPIC.encode("utf-16")


def test_a_trailing_slash_is_a_folder(tmp_path):
    source = write(tmp_path, BY_TOPIC)
    code, _ = run("upgrade", str(source), "-o", f"{tmp_path / 'newdir'}/")
    assert code == 0 and (tmp_path / "newdir" / "unit.yaml").is_file()


def test_a_batch_of_two_inputs_into_one_output_is_refused_before_anything_is_written(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, MINIMAL, "u.yaml")
    out = tmp_path / "out"
    code, said = run("build", str(tmp_path / "a" / "u.yaml"), str(tmp_path / "b" / "u.yaml"), "-o", f"{out}/")
    assert code == 2 and "would both write" in said and not out.exists()
    code, said = run("upgrade", str(tmp_path / "a" / "u.yaml"), str(tmp_path / "b" / "u.yaml"), "-o", f"{out}/")
    assert code == 2 and "would both write" in said and not out.exists()


def test_upgrade_into_a_folder_never_writes_over_another_file_of_the_batch(tmp_path):
    (tmp_path / "a").mkdir()
    inner, outer = write(tmp_path / "a", BY_TOPIC, "u.yaml"), write(tmp_path, BY_TOPIC, "u.yaml")
    code, said = run("upgrade", str(inner), str(outer), "-o", f"{tmp_path}/", "--force")
    assert code == 2 and "is one of the inputs" in said
    assert outer.read_text(encoding="utf-8") == BY_TOPIC and inner.read_text(encoding="utf-8") == BY_TOPIC


def test_build_replaces_its_own_report_but_not_a_docx_edited_elsewhere(tmp_path):
    unit = write(tmp_path, MINIMAL)
    target = tmp_path / "unit.docx"
    assert run("build", str(unit))[0] == 0
    assert run("build", str(unit))[0] == 0  # its own earlier report
    target.write_bytes(b"PK edited in Word")
    code, said = run("build", str(unit))
    assert code == 2 and "--force" in said and target.read_bytes() == b"PK edited in Word"
    assert run("build", str(unit), "--force")[0] == 0


# --- small inputs, large costs -----------------------------------------------------------------------


@pytest.mark.parametrize("run_of", ["a", "aÖ", "Thùc hiÖn "])
def test_a_long_run_of_letters_validates_in_linear_time(tmp_path, run_of):
    text = EXAMPLES[0].read_text(encoding="utf-8")
    unit = write(
        tmp_path, text.replace("document:\n", "opening: ['" + run_of * (100_000 // len(run_of)) + "']\ndocument:\n", 1)
    )
    started = time.perf_counter()
    run("validate", str(unit))
    assert time.perf_counter() - started < 5  # 50 s before, on 100 KB of "a"


def test_new_refuses_an_outline_whose_file_would_be_out_of_proportion(tmp_path):
    columns = "\n".join(f"              - {{key: c{i}, title: Cột có tên dài {i}, type: integer}}" for i in range(60))
    rows = "\n".join(f"              - Dòng {i}" for i in range(3000))
    table = f"          - table:\n              key: lon\n              label: Lớn\n              columns:\n{columns}\n"
    table += f"              rows:\n{rows}\n"
    at = OUTLINE.index("        expects:\n") + len("        expects:\n")
    outline = write(tmp_path, OUTLINE[:at] + table + OUTLINE[at:], "lon.yaml")
    out = tmp_path / "unit.yaml"
    args = ["new", "--outline", str(outline), "--no-input", "--level", "commune", "--period", "year", "-o", str(out)]
    code, said = run(*args)
    assert code == 2 and "times the outline" in said and not out.exists()


def test_schema_replaces_its_own_schemas_but_not_another_file_without_force(tmp_path):
    mine = write(tmp_path, '{"title": "my own"}\n', "report.schema.json")
    code, said = run("schema", "-o", str(tmp_path))
    assert code == 2 and "--force" in said and mine.read_text(encoding="utf-8") == '{"title": "my own"}\n'
    assert not (tmp_path / "outline.schema.json").exists()  # nothing written when one is refused
    assert run("schema", "-o", str(tmp_path), "--force")[0] == 0
    assert run("schema", "-o", str(tmp_path))[0] == 0


def test_next_and_new_never_write_over_the_outline(tmp_path):
    outline = write(tmp_path, OUTLINE, "de-cuong.yaml")
    unit = write(tmp_path, naming("de-cuong.yaml"))
    code, said = run("next", str(unit), "-o", str(outline), "--force")
    assert code == 2 and "is one of the inputs" in said
    args = ["new", "--outline", str(outline), "--no-input", "--level", "commune", "--period", "year", "--force"]
    code, said = run(*args, "-o", str(outline))
    assert code == 2 and "is the input" in said
    assert outline.read_text(encoding="utf-8") == OUTLINE


def _table(rows: int, value: int) -> str:
    lines = "".join(f"            - {{content: Cùng một tên, posted: {value + i % 7}}}\n" for i in range(rows))
    table = "      - table:\n          key: mau\n          columns:\n            - {key: content, title: Nội dung}\n"
    table += "            - {key: posted, title: Số, type: integer}\n          rows:\n" + lines
    return MINIMAL.split("sections:\n")[0] + "sections:\n  - title: Kết quả\n    content:\n" + table


def _paragraph(words: list[str]) -> str:
    return (
        MINIMAL.split("sections:\n")[0]
        + "sections:\n  - title: Kết quả\n    content:\n      - "
        + " ".join(words)
        + "\n"
    )


def test_diff_of_large_tables_whose_rows_share_a_first_cell_takes_linear_time(tmp_path):
    old, new = write(tmp_path, _table(6000, 1), "old.yaml"), write(tmp_path, _table(6000, 2), "new.yaml")
    assert old.stat().st_size > 300_000
    started = time.perf_counter()
    code, said = run("diff", str(old), str(new), "--format", "json")
    assert code == 1 and time.perf_counter() - started < 10  # 44 s before
    assert '"kind": "changed"' in said


def test_diff_of_one_long_paragraph_is_capped_and_still_shows_the_change(tmp_path):
    words = [f"từ{i % 40}" for i in range(8000)]
    changed = [*words[:10], "MỚI", *words[10:]]
    changed[5000:5000] = ["THÊM"]
    old, new = write(tmp_path, _paragraph(words), "old.yaml"), write(tmp_path, _paragraph(changed), "new.yaml")
    started = time.perf_counter()
    code, said = run("diff", str(old), str(new))
    assert code == 1 and time.perf_counter() - started < 10  # 45 s before
    assert "MỚI" in said and "THÊM" in said


def test_a_renamed_part_whose_value_is_text_is_a_change_not_an_internal_error(tmp_path):
    figure = "      - figure:\n          key: bts\n          label: Trạm BTS\n          unit: trạm\n"
    head = MINIMAL.split("sections:\n")[0] + "sections:\n  - title: Kết quả\n    content:\n" + figure
    old = write(tmp_path, head + "          parts: [{label: 4G, value: trên 60}, {label: 5G, value: 3}]\n", "o.yaml")
    new = write(tmp_path, head + "          parts: [{label: LTE, value: trên 60}, {label: 5G, value: 3}]\n", "n.yaml")
    for fmt in ("text", "markdown", "json"):
        code, said = run("diff", str(old), str(new), "--format", fmt)
        assert code == 1 and "trên 60" in said, said


# --- text from a file stays text -----------------------------------------------------------------------


def test_a_label_with_line_breaks_stays_in_its_markdown_cell(tmp_path):
    old = write(tmp_path, BINH_SON, "old.yaml")
    label = BINH_SON.index("label:", BINH_SON.index("sections:"))
    end = BINH_SON.index("\n", label)
    injected = BINH_SON[:label] + 'label: "Trạm\\n### Injected\\n| a | b |\\n<script>x</script>"' + BINH_SON[end:]
    new = write(tmp_path, injected, "new.yaml")
    code, said = run("diff", str(old), str(new), "--format", "markdown")
    assert code == 1
    assert not any(line.startswith("### Injected") or line.startswith("| a") for line in said.splitlines())
    assert "<script>" not in said and "Trạm ### Injected \\| a \\| b \\|" in said


def test_terminal_escapes_in_a_file_name_are_printed_as_text(tmp_path):
    name = tmp_path / "e\x1b[31mvil\x1b]0;title\x07.yaml"
    name.write_text(MINIMAL + "  - x: [\n", encoding="utf-8")
    for fmt in ("text", "json", "github"):
        code, said = run("validate", str(name), "--format", fmt)
        assert code == 1 and "\x1b" not in said and "\x07" not in said and "x1b[31mvil" in said


def test_json_of_a_file_name_that_is_not_utf8_is_valid_utf8(tmp_path):
    import json
    import subprocess
    import sys

    name = os.fsencode(tmp_path) + b"/bad\xff.yaml"
    with open(name, "w", encoding="utf-8") as stream:
        stream.write(MINIMAL + "  - x: [\n")
    command = [sys.executable, "-m", "baocao", "validate", "--format", "json", name]
    result = subprocess.run(command, capture_output=True, check=False)
    findings = json.loads(result.stdout.decode("utf-8"))
    assert result.returncode == 1 and findings[0]["path"].endswith("bad\\xff.yaml")


# --- standard output full or closed ----------------------------------------------------------------------


@pytest.mark.parametrize("redirect", ["> /dev/full", ">&-"])
def test_standard_output_full_or_closed_is_a_clean_exit_and_no_false_claim(tmp_path, redirect):
    import shlex
    import subprocess
    import sys

    if redirect == "> /dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    unit = write(tmp_path, MINIMAL)
    program = f"{shlex.quote(sys.executable)} -m baocao --lang en"
    for command, code in [(f"validate {unit} --format json", 2), (f"build {unit}", 2), ("new --list", 2)]:
        result = subprocess.run(
            ["bash", "-c", f"{program} {command} {redirect}"], capture_output=True, text=True, check=False
        )
        assert result.returncode == code, (command, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        assert "standard output could not be written" in result.stderr and "nothing was written" not in result.stderr
    assert (tmp_path / "unit.docx").is_file()  # built, though its name could not be printed


# --- what build refuses, validate says first --------------------------------------------------------------


def _wide(columns: int) -> str:
    listed = "".join(f"            - {{key: c{i}, title: C{i}, type: integer}}\n" for i in range(columns))
    rows = "".join(
        f"            - {{ten: R{r}, " + ", ".join(f"c{i}: {i}" for i in range(columns)) + "}\n" for r in range(3)
    )
    table = "      - table:\n          key: rong\n          columns:\n            - {key: ten, title: Tên}\n"
    return (
        MINIMAL.split("sections:\n")[0]
        + "sections:\n  - title: Kết quả\n    content:\n"
        + table
        + listed
        + "          rows:\n"
        + rows
    )


def test_a_table_too_wide_for_word_is_reported_by_validate_at_the_same_line_as_build(tmp_path):
    unit = write(tmp_path, _wide(63))
    code, said = run("validate", str(unit))
    assert code == 1 and "BC406" in said and f"{unit}:22:13" in said
    code, said = run("build", str(unit))
    assert code == 1 and f"{unit}:22:13: error BC406" in said and "template" not in said
    assert not (tmp_path / "unit.docx").exists()
    assert run("validate", str(write(tmp_path, _wide(61), "fits.yaml")))[0] == 0  # 63 printed with TT: it fits


def test_a_rolled_up_sum_past_fifteen_digits_is_a_finding_of_rollup_not_an_invalid_file(tmp_path):
    head = MINIMAL.split("sections:\n")[0]
    figure = (
        "sections:\n  - title: Kết quả\n    content:\n      - figure: {key: bts, label: Trạm, value: 999999999999999}\n"
    )
    units = [write(tmp_path, head.replace("Tịnh Hà", name) + figure, f"u{n}.yaml") for n, name in enumerate("AB")]
    own = write(tmp_path, head.replace("Tịnh Hà", "Tỉnh") + figure, "own.yaml")
    out = tmp_path / "out.yaml"
    code, said = run("rollup", *map(str, units), "--unit", str(own), "-o", str(out))
    assert code == 1 and "would not validate" in said and "1999999999999998" in said and not out.exists()
