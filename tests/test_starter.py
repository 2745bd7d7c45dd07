"""`baocao new`: a unit's file to fill in from a đề cương, that loads, reports its blanks, and builds once filled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import docx
import pytest
import yaml
from click.testing import CliRunner

from baocao import api, outline
from baocao.cli.main import main
from baocao.outline import find as outlines
from baocao.outline import starter
from baocao.outline.model import Outline, expectations, walk
from baocao.render.sections import named

from .conftest import write

BUILT_IN = sorted(p.stem for p in outlines.BUILT_IN.glob("*.yaml"))
HEADER = [
    "--no-input",
    "--issuing-body", "Ủy ban nhân dân xã Tân An",
    "--signer-title", "Phó Chủ tịch",
    "--signer-name", "Nguyễn Văn A",
]  # fmt: skip
LEVEL_OF = {
    "cds-xa-2025": "commune", "bc-ttt-huyen": "district", "bc-stttt-quy": "department", "cong-ttdt-bac-ninh": "commune",
}  # fmt: skip
PERIOD_OF = {
    "cds-xa-2025": "half_year:2", "bc-ttt-huyen": "half_year:1", "bc-stttt-quy": "quarter:1",
    "cong-ttdt-bac-ninh": "half_year:1",
}  # fmt: skip

OUTLINE = """\
outline:
  id: thu-nghiem
  title: Đề cương báo cáo thử nghiệm
  issuer: Sở Khoa học và Công nghệ
  set_by: {type: Công văn, number: 15/SKHCN-CĐS, date: 02/3/2026, subject: "báo cáo quý I: kết quả"}
regime:
  reporters: [commune]
  periods: [quarter]
  cutoff: {quarter: 20/3}
  deadline:
    quarter: {days_after_cutoff: 5}
sections:
  - key: ket_qua
    title: Kết quả
    expects:
      - figure: {key: bts, label: Trạm BTS, unit: trạm, guide: Đếm cả trạm 5G.}
      - answer: {key: cong, label: 'Trang tin có chuyên mục "Chuyển đổi số"', choices: done, required: false}
      - text: {label: Ghi chú thêm}
  - key: '2024'
    title: Ý kiến
"""


def new(*args: str) -> Any:
    return CliRunner().invoke(main, ["new", *args])


def outline_of(name: str) -> Outline:
    where = outlines.locate(name, None)
    assert where is not None
    found = outlines.read(where)
    assert found.outline is not None
    return found.outline


def start(tmp_path: Path, name: str, *extra: str) -> Path:
    target = tmp_path / f"{name}.yaml"
    level = ["--level", LEVEL_OF[name]] if name in LEVEL_OF else []
    period = ["--period", PERIOD_OF.get(name, "quarter:1"), "--year", "2025"]
    result = new("--outline", name, "-o", str(target), *HEADER, *level, *period, *extra)
    assert result.exit_code == 0, result.output
    return target


def required_blanks(outline: Outline) -> int:
    """What validate should report on a new file: each required keyed item, each required free text to write."""
    count = 0
    for _, section, _ in walk(outline.sections):
        for expect in section.expects:
            item = expect.item
            if expect.kind != "text":
                count += item.required
            else:
                count += item.required and section.required
        count += not section.expects and not section.sections and section.required
    return count


SAMPLE = {
    "text": "một việc",
    "integer": "3",
    "count_of_total": "2/3",
    "quantity": "4",
    "money": "150",
    "percent": "50",
    "date": "02/01/2026",
    "yes_no": "Có",
}


def fill(data: Any) -> None:
    """Fill every blank as a clerk would: numbers, answers, cells, a task, the text of each "…"."""
    if isinstance(data, list):
        for index, entry in enumerate(data):
            if entry == starter.PLACEHOLDER:
                data[index] = "Đã viết nội dung."
            else:
                fill(entry)
        return
    if not isinstance(data, dict):
        return
    for kind, block in list(data.items()):
        if kind in ("figure", "target") and isinstance(block, dict):
            block["value"] = 12
        elif kind == "indicator" and isinstance(block, dict):
            block.update(count=3, total=4)
            block.pop("percent", None)
        elif kind == "answer" and isinstance(block, dict):
            choices = {"yes_no": "Có", "done": "Đã thực hiện", "posted": "Có đăng"}
            offered = block.get("choices", "yes_no")
            block["value"] = offered[0] if isinstance(offered, list) else choices[offered]
        elif kind == "table" and isinstance(block, dict):
            columns = block["columns"]
            rows = block["rows"] or [{columns[0]["key"]: "Dòng thêm"}]
            for row in rows:
                for column in columns[1:]:
                    kind_of = column.get("type", "text")
                    row[column["key"]] = column["choices"][0] if kind_of == "choice" else SAMPLE[kind_of]
            block["rows"] = rows
        elif kind == "tasks" and isinstance(block, dict):
            block["rows"] = [{"task": "Tập huấn cán bộ", "result": "Đã xong"}]
        else:
            fill(block)


@pytest.mark.parametrize("name", BUILT_IN)
def test_a_new_file_from_each_built_in_outline_reports_only_its_required_blanks(tmp_path: Path, name: str) -> None:
    path = start(tmp_path, name)
    findings = api.load(str(path)).findings
    assert {f.code for f in findings} == {"BC604"}, [f.message() for f in findings]
    assert len(findings) == required_blanks(outline_of(name))
    assert all(f.path == str(path) for f in findings)


@pytest.mark.parametrize("name", BUILT_IN)
def test_a_new_file_filled_in_validates_clean_and_builds(tmp_path: Path, name: str) -> None:
    path = start(tmp_path, name)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fill(data["sections"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert [f.message() for f in api.load(str(path)).findings] == []
    validated = CliRunner().invoke(main, ["validate", "--strict", str(path)])
    assert validated.exit_code == 0 and validated.output == "", validated.output
    built = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "out.docx")])
    assert built.exit_code == 0 and built.stderr == "", built.output
    target = tmp_path / "out.docx"
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    outline = outline_of(name)
    period = api.load(str(path)).report.document.period
    for _, section, _ in walk(outline.sections):
        assert named(section.title, period).upper() in text.upper()  # "quý tới" printed as the quarter it is
    assert "…" not in text and " TỚI" not in text.upper()
    if any(expect.kind == "text" for _, _, expect in expectations(outline.sections)):  # Bắc Ninh's asks for forms only
        assert "Đã viết nội dung." in text


@pytest.mark.parametrize("name", BUILT_IN)
def test_the_new_file_carries_the_outline_s_sections_and_items_by_key_title_label_and_unit(
    tmp_path: Path, name: str
) -> None:
    report = api.load(str(start(tmp_path, name))).report
    assert report is not None and report.followed.outline.id == name
    outline = outline_of(name)

    def shape(sections: list[Any], outline_side: bool) -> list[Any]:
        out = []
        for section in sections:
            if outline_side:
                items = [
                    (e.kind, e.item.key, e.item.label if e.kind not in ("table", "tasks") else None, e.item.unit)
                    for e in section.expects
                    if e.kind != "text"
                ]
            else:
                items = [
                    (b.kind, b.value.key, getattr(b.value, "label", None), getattr(b.value, "unit", None))
                    for b in section.content
                    if b.kind != "text"
                ]
            items = [(k, key, label, "%" if k == "target" and unit is None else unit) for k, key, label, unit in items]
            out.append((section.key, section.title, items, shape(section.sections, outline_side)))
        return out

    assert shape(report.sections, False) == shape(outline.sections, True)


def test_the_comments_say_what_goes_where_and_the_regime_s_window_and_deadline(tmp_path: Path) -> None:
    write(tmp_path, OUTLINE, "de-cuong.yaml")
    target = tmp_path / "bao-cao" / "q1.yaml"
    result = new("--outline", str(tmp_path / "de-cuong.yaml"), "-o", str(target), *HEADER, "--year", "2026",
                 "--period", "quarter:1")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "# Báo cáo theo đề cương thu-nghiem: Đề cương báo cáo thử nghiệm." in text
    assert "Kỳ này: quý I/2026. Số liệu tính đến ngày 20/3/2026 (theo đề cương thu-nghiem)." in text
    assert "# Số liệu (bắt buộc; đơn vị tính: trạm): Trạm BTS." in text
    assert "# Hướng dẫn: Đếm cả trạm 5G." in text
    assert "# Trả lời (không bắt buộc): " in text and "một trong: Đã thực hiện, Chưa thực hiện" in text
    assert "outline: ../de-cuong.yaml" in text  # named from where the file is, as validate reads it
    assert "Hạn gửi báo cáo: ngày 25/3/2026 (Công văn số 15/SKHCN-CĐS)." in text
    requested = yaml.safe_load(text)["document"]["requested_by"]
    assert requested == {
        "type": "Công văn",
        "number": "15/SKHCN-CĐS",
        "date": "02/3/2026",
        "issuer": "Sở Khoa học và Công nghệ",
        "subject": "báo cáo quý I: kết quả",
    }
    report = api.load(str(target)).report
    assert report is not None and report.followed.outline.id == "thu-nghiem"
    found = api.load(str(target)).findings
    assert found[-1].message() == "Mục 'Ý kiến' còn dấu … chưa viết."
    assert [(f.code, f.line) for f in found] == [
        (
            "BC604",
            text.splitlines().index("          value:", text.splitlines().index("          label: Trạm BTS")) + 1,
        ),
        ("BC604", text.splitlines().index("      - …", text.splitlines().index("    title: Ý kiến")) + 1),
    ]


def test_the_decree_window_and_the_deadline_of_the_built_in_commune_outline(tmp_path: Path) -> None:
    text = start(tmp_path, "cds-xa-2025").read_text(encoding="utf-8")
    assert "Số liệu tính từ ngày 15/6/2025 đến ngày 14/12/2025 (theo Nghị định 09/2019/NĐ-CP)." in text
    assert "Hạn gửi báo cáo: ngày 08/01/2026 (đề cương cds-xa-2025)." in text


def test_the_header_comes_from_the_options_and_what_the_committee_s_name_tells(tmp_path: Path) -> None:
    document = yaml.safe_load(start(tmp_path, "cds-xa-2025").read_text(encoding="utf-8"))["document"]
    assert document["outline"] == "cds-xa-2025"
    assert document["issuing_body"] == "Ủy ban nhân dân xã Tân An"
    assert (document["short_name"], document["area"], document["place"]) == ("UBND xã Tân An", "xã Tân An", "Tân An")
    assert document["period"] == {"type": "half_year", "number": 2, "year": 2025}
    assert document["subject"] == "kết quả thực hiện chuyển đổi số 06 tháng cuối năm 2025"
    assert document["signer"] == {
        "on_behalf_of": "Ủy ban nhân dân",
        "authority": "KT",
        "head_title": "Chủ tịch",
        "title": "Phó Chủ tịch",
        "name": "Nguyễn Văn A",
    }
    assert document["recipients"] == ["Sở Khoa học và Công nghệ"]


def test_without_input_what_no_option_gives_is_a_marked_placeholder(tmp_path: Path) -> None:
    target = tmp_path / "u.yaml"
    result = new("--outline", "cds-xa-2025", "-o", str(target), "--no-input", "--period", "year", "--year", "2026")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "  issuing_body: …  # ← điền" in text and "  place: …  # ← điền" in text
    assert "  level: commune" in text  # the only level the outline asks
    assert "  period: {type: year, year: 2026}" in text
    assert "title: …  # ← điền" in text
    found = api.load(str(target)).findings
    assert {f.code for f in found} == {"BC604", "BC630", "BC301", "BC307"}  # and no schema error
    lines = text.splitlines()
    marked = [lines[f.line - 1].split(":")[0].strip() for f in found if f.code == "BC630"]
    assert marked == ["issuing_body", "short_name", "area", "title"]


def test_stdin_not_a_terminal_asks_nothing(tmp_path: Path) -> None:
    target = tmp_path / "u.yaml"
    result = CliRunner().invoke(main, ["new", "--outline", "cds-xa-2025", "-o", str(target)], input="x\n" * 20)
    assert result.exit_code == 0, result.output
    assert "issuing_body: …" in target.read_text(encoding="utf-8")
    assert "Tên cơ quan" not in result.output


def test_on_a_terminal_the_header_is_asked_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("baocao.cli.main._stdin_is_tty", lambda: True)
    target = tmp_path / "u.yaml"
    answers = [
        "Ủy ban nhân dân phường Minh Tân",  # issuing body
        "UBND tỉnh Quảng Ngãi",  # parent body
        "",  # short name: as told by the name
        "",  # area
        "",  # place
        "quy:2",  # a period that is no period: asked again
        "quarter:1",  # a period the outline does not ask for: asked again
        "half_year:1",
        "20",  # not a year: asked again
        "2026",
        "",  # symbol BC-UBND
        "",  # subject as told by the outline
        "",  # signer title: Chủ tịch
        "",  # signer name: left to write by hand
    ]
    result = CliRunner().invoke(
        main, ["new", "--outline", "cds-xa-2025", "-o", str(target)], input="\n".join(answers) + "\n"
    )
    assert result.exit_code == 0, result.output
    assert "Tên cơ quan ban hành" in result.stderr and "Kỳ báo cáo" in result.stderr
    assert "không rõ kỳ báo cáo" in result.stderr and "yêu cầu báo cáo kỳ 6 tháng hoặc năm" in result.stderr
    assert "Năm '20'" in result.stderr
    document = yaml.safe_load(target.read_text(encoding="utf-8"))["document"]
    assert document["parent_body"] == "UBND tỉnh Quảng Ngãi"
    assert (document["short_name"], document["place"]) == ("UBND phường Minh Tân", "Minh Tân")
    assert document["period"] == {"type": "half_year", "number": 1, "year": 2026}
    assert document["symbol"] == "BC-UBND"
    assert document["signer"] == {"on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch"}
    assert result.stdout.strip() == str(target)


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    target = write(tmp_path, "giữ nguyên\n", "u.yaml")
    result = new("--outline", "cds-xa-2025", "-o", str(target), "--no-input")
    assert result.exit_code == 2
    assert f"{target} đã có" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "giữ nguyên\n"
    assert new("--outline", "cds-xa-2025", "-o", str(target), "--no-input", "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert [p.name for p in tmp_path.iterdir()] == ["u.yaml"]  # no temporary file left


def test_the_outline_itself_is_never_overwritten(tmp_path: Path) -> None:
    outline = write(tmp_path, OUTLINE, "de-cuong.yaml")
    result = new("--outline", str(outline), "-o", str(outline), "--no-input", "--force")
    assert result.exit_code == 2 and "tệp đầu vào" in result.stderr
    assert outline.read_text(encoding="utf-8") == OUTLINE


def test_dash_writes_to_standard_output_and_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = new("--outline", "cds-xa-2025", "-o", "-", *HEADER)
    assert result.exit_code == 0
    assert result.stdout.startswith("# yaml-language-server: $schema=")
    assert yaml.safe_load(result.stdout)["document"]["outline"] == "cds-xa-2025"
    assert list(tmp_path.iterdir()) == []


def test_without_o_the_file_is_named_for_the_outline_and_period(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = new("--outline", "bc-stttt-quy", "--no-input", "--period", "quarter:3", "--year", "2019")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "bc-stttt-quy-2019-q3.yaml").is_file()  # no area given: the outline names it
    (tmp_path / "so").mkdir()
    args = ["--outline", "bc-stttt-quy", "--no-input", "--period", "quarter:4", "--year", "2019", "-o", "so"]
    result = new(*args, "--area", "tỉnh Trà Vinh")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(Path("so") / "tinh-tra-vinh-2019-q4.yaml")
    result = new("--outline", "cds-xa-2025", *HEADER, "--period", "year", "--year", "2025")
    assert result.stdout.strip() == "xa-tan-an-2025.yaml"  # the area told by the committee's name


def test_comments_hold_an_outline_s_text_on_their_own_lines(tmp_path: Path) -> None:
    hostile = OUTLINE.replace("label: Trạm BTS,", 'label: "Trạm BTS\nsections: []\r\u2028x",')
    write(tmp_path, hostile, "de-cuong.yaml")
    target = tmp_path / "u.yaml"
    result = new("--outline", str(tmp_path / "de-cuong.yaml"), "-o", str(target), *HEADER, "--period", "quarter:2")
    assert result.exit_code == 0, result.output
    assert {f.code for f in api.load(str(target)).findings} == {"BC604"}
    assert "# Số liệu (bắt buộc; đơn vị tính: trạm): Trạm BTS sections: [] x." in target.read_text(encoding="utf-8")


def test_the_schema_line_points_at_the_schema_from_where_the_file_is(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "report.schema.json").write_text("{}", encoding="utf-8")
    deep = start(tmp_path / "don-vi" / "2025", "cds-xa-2025")
    first = deep.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/report.schema.json"
    assert outline.schema_reference(Path("/")) in (outline.CHECKOUT_SCHEMA.as_posix(), "schemas/report.schema.json")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--period", "quy:1"], "--period quy:1: không rõ kỳ báo cáo"),
        (["--period", "half_year:3"], "kỳ 6 tháng có số thứ tự từ 1 đến 2, ví dụ '6 tháng đầu'"),
        (["--period", "quarter:1"], "đề cương cds-xa-2025 yêu cầu báo cáo kỳ 6 tháng hoặc năm"),
        (["--level", "department", "--period", "quý 1"], "đề cương cds-xa-2025 yêu cầu báo cáo kỳ 6 tháng"),
    ],
)  # a department above the communes starts the file that compiles them (test_province), in the regime's periods
def test_a_period_or_level_the_outline_does_not_ask_is_refused(tmp_path: Path, args: list[str], said: str) -> None:
    result = new("--outline", "cds-xa-2025", "-o", str(tmp_path / "u.yaml"), "--no-input", *args)
    assert result.exit_code == 2
    assert said in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "u.yaml").exists()


def test_an_unknown_outline_names_those_there_are(tmp_path: Path) -> None:
    result = new("--outline", "khong-co", "-o", str(tmp_path / "u.yaml"), "--no-input")
    assert result.exit_code == 2
    assert "--outline khong-co: không tìm thấy" in result.stderr and "cds-xa-2025" in result.stderr
    result = CliRunner().invoke(main, ["--lang", "en", "new", "--outline", "khong-co", "--no-input"])
    assert "no such outline" in result.stderr


def test_a_broken_outline_is_reported_in_its_file_and_nothing_is_written(tmp_path: Path) -> None:
    broken = write(tmp_path, OUTLINE.replace("periods: [quarter]", "periods: [quater]"), "de-cuong.yaml")
    result = new("--outline", str(broken), "-o", str(tmp_path / "u.yaml"), "--no-input")
    assert result.exit_code == 1
    assert f"{broken}:8:13: lỗi BC108" in result.stderr and "BC108" in result.stderr
    assert not (tmp_path / "u.yaml").exists()


def test_list_shows_each_outline_s_id_title_and_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_OUTLINES", "")  # restored after the test: --outlines sets it
    shared = tmp_path / "so"
    shared.mkdir()
    write(shared, OUTLINE, "thu-nghiem.yaml")
    write(shared, "outline: [", "hong.yaml")
    result = new("--list", "--outlines", str(shared))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any("thu-nghiem" in line and "Đề cương báo cáo thử nghiệm" in line and str(shared) in line for line in lines)
    assert any("hong" in line and "không đọc được" in line for line in lines)
    for name in BUILT_IN:
        assert any(name in line and "có sẵn" in line for line in lines)
    assert new().stdout == CliRunner().invoke(main, ["new", "--list"]).stdout  # no --outline: the list


def test_optional_text_left_as_it_is_is_neither_reported_nor_printed(tmp_path: Path) -> None:
    outline = OUTLINE.replace("title: Ý kiến", "title: Ý kiến\n    expects:\n      - text: {label: Ý kiến khác}")
    write(tmp_path, outline, "de-cuong.yaml")
    target = tmp_path / "u.yaml"
    result = new("--outline", str(tmp_path / "de-cuong.yaml"), "-o", str(target), *HEADER, "--period", "quarter:1",
                 "--year", "2026")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.count("- …") == 1  # the section holds only that text: a "…" to replace or leave
    path = write(tmp_path, text.replace("          value:\n", "          value: 7\n", 1), "u.yaml")
    assert api.load(str(path)).findings == []
    built, _ = api.build(str(path), str(tmp_path / "u.docx"))
    printed = "\n".join(p.text for p in docx.Document(str(built)).paragraphs)
    assert "Trạm BTS: 07 trạm" in printed and "…" not in printed and "Ý KIẾN" not in printed.upper()


def test_a_new_file_is_clean_under_its_json_schema_as_an_editor_checks_it(tmp_path: Path) -> None:
    import subprocess
    import sys

    from baocao.write.schema import schema_text

    schema_file = tmp_path / "report.schema.json"
    schema_file.write_text(schema_text(), encoding="utf-8")
    files = [str(start(tmp_path, name)) for name in BUILT_IN]
    check = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema_file), *files]
    result = subprocess.run(check, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_level_the_outline_leaves_open_is_asked_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("baocao.cli.main._stdin_is_tty", lambda: True)
    write(tmp_path, OUTLINE.replace("  reporters: [commune]\n", ""), "de-cuong.yaml")
    target = tmp_path / "u.yaml"
    answers = [
        "tinh",
        "province",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "",
        "",
        "",
        "",
        "quarter:2",
        "2026",
        "",
        "",
        "",
        "",
    ]
    args = ["--lang", "en", "new", "--outline", str(tmp_path / "de-cuong.yaml"), "-o", str(target)]
    result = CliRunner().invoke(main, args, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Level (commune, district, department, province, ministry, national)" in result.stderr
    assert "--level tinh: the outline thu-nghiem is for units of level commune, district" in result.stderr
    document = yaml.safe_load(target.read_text(encoding="utf-8"))["document"]
    assert (document["level"], document["area"], document["place"]) == ("province", "tỉnh Quảng Ngãi", "Quảng Ngãi")


def test_the_help_of_new_is_said_in_vietnamese_and_in_english_on_request() -> None:
    from baocao.cli.lang import HELP

    command = main.commands["new"]
    english = CliRunner().invoke(main, ["--lang", "en", "new", "--help"]).stdout
    helps = [param.help for param in command.params if isinstance(param, click.Option) and param.help]
    assert helps and all(" ".join(text.split()) in " ".join(english.split()) for text in helps)
    assert [text for text in helps if text not in HELP] == []
    vietnamese = CliRunner().invoke(main, ["new", "--help"]).stdout
    assert "Không hỏi: dùng các tùy chọn" in vietnamese and "Ask nothing" not in vietnamese
    assert "Write a unit's file" not in vietnamese and "Where to write" not in vietnamese


EVERY_KIND = """\
outline:
  id: moi-loai
  title: "Đề cương: mọi loại mục # có dấu"
  issuer: "Sở 'A' & B"
regime:
  periods: [month]
  cutoff: {month: 20/6}
numbering: I. 1. 1.1. a)
sections:
  - key: '2024'
    title: "Phần: một # hai"
    guide: "Dòng một\\nDòng hai"
    sections:
      - key: '1.5'
        title: Mục con
        sections:
          - key: 'true'
            title: Mục cháu
            sections:
              - key: sau
                title: Mục chắt
                expects:
                  - figure: {key: '007', label: "Số: 'trích' #1", unit: "km, m"}
                  - indicator: {key: 'null', label: Tỷ lệ "kép", unit: hộ}
                  - target: {key: t, label: Mục tiêu, unit: "%"}
                  - answer: {key: a1, label: Chọn, choices: ["Có, đầy đủ", "Không: thiếu", "[khác]"]}
                  - answer: {key: a2, label: Đăng, choices: posted}
                  - table:
                      key: bang
                      label: Biểu có nhóm
                      unit: triệu đồng
                      columns:
                        - {key: ten, title: "Tên, loại"}
                        - {key: so, title: Số, type: integer, group: "Nhóm: A"}
                        - {key: tien, title: Tiền, type: money, group: "Nhóm: A"}
                        - {key: ngay, title: "Ngày:giờ #1", type: date}
                        - {key: ty_le, title: Tỷ lệ, type: percent}
                        - {key: sl, title: Khối lượng, type: quantity, unit: tấn}
                        - {key: chon, title: Chọn, type: choice, choices: ["x, y", "z"]}
                      rows: ["Dòng: một", "'hai'", "- ba"]
                      total: true
                  - table:
                      key: bang_tu_do
                      label: Biểu dòng tùy đơn vị
                      columns: [{key: noi_dung, title: Nội dung}, {key: dat, title: Đạt, type: count_of_total}]
                  - tasks:
                      key: viec
                      label: Việc
                      columns: {task: "Việc, dự án", result: Kết quả}
                  - text: {label: "Ghi chú: thêm", required: true}
  - key: cuoi
    title: Cuối
    required: false
"""


def test_an_outline_with_every_kind_of_item_and_awkward_text_round_trips(tmp_path: Path) -> None:
    write(tmp_path, EVERY_KIND, "de-cuong.yaml")
    assert api.load(str(tmp_path / "de-cuong.yaml")).findings == []
    target = tmp_path / "u.yaml"
    result = new("--outline", str(tmp_path / "de-cuong.yaml"), "-o", str(target), *HEADER, "--level", "commune",
                 "--period", "month:6", "--year", "2026")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Kỳ này: tháng 6 năm 2026. Số liệu tính đến ngày 20/6/2026 (theo đề cương moi-loai)." in text
    assert "# Hướng dẫn: Dòng một Dòng hai" in text
    found = api.load(str(target)).findings
    outline = outline_of(str(tmp_path / "de-cuong.yaml"))
    assert {f.code for f in found} == {"BC604"} and len(found) == required_blanks(outline) == 9
    data = yaml.safe_load(text)
    fill(data["sections"])
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert [f.message() for f in api.load(str(target)).findings] == []
    built, findings = api.build(str(target), str(tmp_path / "u.docx"))
    assert findings == []
    printed = "\n".join(p.text for p in docx.Document(str(built)).paragraphs)
    assert "Số: 'trích' #1" in printed and "MỤC CHẮT" in printed.upper()


def test_an_outline_numbered_with_marks_gives_a_file_that_keeps_them(tmp_path: Path) -> None:
    """ "- +" read back as text, not as a YAML list: the unit's file keeps the đề cương's numbering."""
    write(tmp_path, EVERY_KIND.replace("numbering: I. 1. 1.1. a)", 'numbering: "- +"'), "de-cuong.yaml")
    target = tmp_path / "u.yaml"
    result = new("--outline", str(tmp_path / "de-cuong.yaml"), "-o", str(target), *HEADER, "--level", "commune",
                 "--period", "month:6", "--year", "2026")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["numbering"] == "- +"


def write_texts(sections: list[Any]) -> None:
    """A paragraph in each section at the bottom that has none (the next period's text is rewritten each time)."""
    for section in sections:
        if section.get("sections"):
            write_texts(section["sections"])
        elif not any(isinstance(entry, str) for entry in section.get("content") or []):
            section["content"] = [*(section.get("content") or []), "Đã viết nội dung kỳ này."]


def test_from_the_de_cuong_to_the_next_period_end_to_end(tmp_path: Path) -> None:
    """new → filled in → validate → build → next → filled in → validate → build → diff, as the README shows."""
    made = new("--outline", "cds-xa-2025", "-o", f"{tmp_path}/", *HEADER, "--period", "half_year:2", "--year", "2025")
    first = Path(made.stdout.strip())
    assert first == tmp_path / "xa-tan-an-2025-h2.yaml", made.output
    data = yaml.safe_load(first.read_text(encoding="utf-8"))
    fill(data["sections"])
    first.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["validate", str(first)]).exit_code == 0
    assert runner.invoke(main, ["build", str(first)]).exit_code == 0
    result = runner.invoke(main, ["next", str(first)])
    assert result.exit_code == 0, result.output
    second = Path(result.stdout.strip())
    assert second == tmp_path / "xa-tan-an-2026-h1.yaml"
    assert runner.invoke(main, ["validate", str(second)]).exit_code == 1  # its blanks to fill
    data = yaml.safe_load(second.read_text(encoding="utf-8"))
    fill(data["sections"])
    write_texts(data["sections"])
    second.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    validated = runner.invoke(main, ["validate", str(second)])
    assert validated.exit_code == 0 and validated.output == "", validated.output
    built = runner.invoke(main, ["build", str(second)])
    assert built.exit_code == 0, built.output
    printed = "\n".join(p.text for p in docx.Document(built.stdout.strip()).paragraphs)
    assert "so với 06 tháng cuối năm 2025" in printed
    compared = runner.invoke(main, ["diff", str(first), str(second)])
    assert compared.exit_code == 1 and "Đã viết nội dung kỳ này." in compared.stdout


def test_an_outline_for_several_levels_asks_for_the_level_when_nothing_is_asked(tmp_path: Path) -> None:
    """cong-ttdt-bac-ninh is for departments and communes: without --level no file can say which."""
    target = tmp_path / "u.yaml"
    result = new("--outline", "cong-ttdt-bac-ninh", "-o", str(target), "--no-input")
    assert result.exit_code == 2 and not target.exists()
    assert "--level" in result.stderr and "sở, ngành hoặc cấp xã" in result.stderr and "BC108" not in result.stderr
    assert new("--outline", "cong-ttdt-bac-ninh", "-o", str(target), "--no-input", "--level", "sở").exit_code == 0
    assert api.load(str(target)).report is not None
