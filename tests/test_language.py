"""One language at a time: the common mistakes of a clerk, made in Vietnamese mode, get no English prose back.

Each mistake is a file a clerk could write (the bundled xã Minh Tân report with one thing typed wrong)
or a command line they could type. What baocao prints is looked at by :func:`english`: a list of
English words that a Vietnamese sentence never holds, matched outside what is quoted (a key to
write, the clerk's own value) and outside the echoed line of the file. The same mistakes with
``--lang en`` are looked at by :func:`vietnamese` for Vietnamese sentences.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from baocao.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
GOOD = (ROOT / "data" / "examples" / "xa-minh-tan-2025-h2.yaml").read_text(encoding="utf-8")
ROW = "            - {content: Văn bản quy phạm pháp luật, posted: 4/4, integrated: Có, stats: Có đăng}"
TEXT = '      - "- Cán bộ phụ trách chuyển đổi số còn kiêm nhiệm; 02 thôn chưa có sóng 4G ổn định."'
PERIOD = "  period: {type: half_year, number: 2, year: 2025}"
COUNT = "              count: 9120"

# English words no Vietnamese sentence of baocao holds (words that are Vietnamese too, as "an", "to",
# "do", "in", "no", "than", are left out); the codes of levels and periods, which a sentence names in words.
ENGLISH_WORDS = (
    "the is are was were be not and or of with for from by must should could cannot can't does did you your "
    "here there this that these allowed expected found while scanning parsing mapping sequence entries context "
    "values value error usage try help option argument missing invalid such exist exists mean choose integer "
    "range valid generated files file rows row changed added removed character token quote closed opened "
    "probably document stream indicator line column table key keys written write add use rolled unit units "
    "commune district department province ministry national half_year nine_months quarter month requested_by "
    "figure citation answer target tasks services budget radio teams"
)
ENGLISH = re.compile(r"(?<![\w'`./-])(" + "|".join(ENGLISH_WORDS.split()) + r")(?![\w'`/-])", re.IGNORECASE)
VIETNAMESE = re.compile(r"\b(không|của|được|hoặc|trong|những|các|tệp|dòng|lỗi|thiếu|ghi|báo cáo)\b", re.IGNORECASE)
QUOTED = re.compile(r"'[^'\n]*'|`[^`\n]*`|\"[^\"\n]*\"|“[^”\n]*”")
ECHOED = re.compile(r"^\s+\d+ \|.*$|^\s+\|.*$", re.MULTILINE)  # the file's own line, and the caret under it


def prose(output: str, tmp_path: Path) -> str:
    """What baocao wrote itself: without the file's echoed lines, paths, codes, choices of options, quoted text."""
    text = ECHOED.sub("", output).replace(str(tmp_path), "")
    text = re.sub(r"\[[a-z_|]+\]", "", text)  # an option's choices in its help: --only [changed]
    text = QUOTED.sub("", text)
    text = re.sub(r"\bBC\d{3}\b|[\w.-]+\.(?:yaml|xlsx|docx|txt)\b|--[a-z-]+|\bbaocao\b", "", text)
    return re.sub(r"\{[^}\n]*\}", "", text)  # a flow mapping to write: {type: half_year, …}


def english(output: str, tmp_path: Path, typed: str = "") -> list[str]:
    """The English words of ``output`` outside quotes and echoed lines, but for words the user ``typed``."""
    own = {word.lower() for word in re.findall(r"\w+", typed)}
    return [m.group() for m in ENGLISH.finditer(prose(output, tmp_path)) if m.group().lower() not in own]


def vietnamese(output: str, tmp_path: Path, typed: str = "") -> list[str]:
    """The Vietnamese words of ``output`` outside quotes and echoed lines, but for the user's own text (``typed``)."""
    own = {word.lower() for word in re.findall(r"\w+", typed)}
    return [m.group() for m in VIETNAMESE.finditer(prose(output, tmp_path)) if m.group().lower() not in own]


def changed(old: str, new: str, count: int = 1) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, count)


# name: the file's text (each a mistake a clerk makes by habit)
FILES: dict[str, str | bytes] = {
    "comma_decimal_in_flow_row": changed(ROW, "            - [Văn bản quy phạm pháp luật, 4/4, Có, Có đăng, 3,5]"),
    "period_in_words_wrong": changed(PERIOD, "  period: 6 tháng giữa năm 2025"),
    "dash_dash_bullets": changed(TEXT, TEXT.replace('- "- ', "- - ").rstrip('"')),
    "level_unknown": changed("  level: commune", "  level: cấp thôn"),
    "choice_not_listed": changed(ROW, ROW.replace("stats: Có đăng", "stats: Có")),
    "key_without_colon": changed("  short_name: UBND xã Minh Tân", "  short_name UBND xã Minh Tân"),
    "colon_in_value": changed("  short_name: UBND xã Minh Tân", "  short_name: UBND xã: Minh Tân"),
    "tab_indent": changed("  short_name: UBND", "\tshort_name: UBND"),
    "word_quotes_over_lines": changed("  subject: kết quả", "  subject: “kết quả\n  - tháng”"),
    "unclosed_quote": changed(TEXT, TEXT.rstrip('"')),
    "impossible_date": changed("  date: 05/01/2026", "  date: 31/02/2026"),
    "thousands_dot": changed(COUNT, "              count: 9.120"),
    "leading_zero": changed(COUNT, "              count: 09120"),
    "typo_key": changed("  issuing_body:", "  isuing_body:"),
    "missing_key": changed("  area: xã Minh Tân\n", ""),
    "count_over_total": changed(COUNT, "              count: 19120"),
    "dedented_key": changed("  short_name: UBND", " short_name: UBND"),
    "star_bullet": changed(TEXT, "      - * Cán bộ phụ trách chuyển đổi số còn kiêm nhiệm."),
    "anchor": changed("  place: Minh Tân", "  place: &p Minh Tân"),
    "table_total_wrong": changed("total: {posted: 42/45}", "total: {posted: 40/45}"),
    "ellipsis_left": changed("  place: Minh Tân", "  place: …"),
    "duplicate_key": changed("  place: Minh Tân", "  place: Minh Tân\n  place: Minh Tân"),
    "legacy_encoding": changed("  place: Minh Tân", "  place: Minh T©n").encode("cp1258", errors="replace"),
    "empty": "",
    "two_documents": GOOD + "\n---\ndocument: {}\n",
    "fraction_in_integer": changed(COUNT, '              count: "1,5"'),
    "short_row": changed(ROW, "            - [Văn bản quy phạm pháp luật, 4/4]"),
    "period_kind_unknown": changed(PERIOD, "  period: {type: quarterly, number: 2, year: 2025}"),
    "year_out_of_range": changed(PERIOD, "  period: {type: half_year, number: 2, year: 2200}"),
    "unclosed_flow": changed(ROW, ROW.rstrip("}")),
    "colon_in_flow": changed(ROW, ROW.replace("pháp luật", "pháp luật: 2026")),
    "total_row_typed": changed(ROW, ROW + "\n            - {content: Tổng cộng, posted: 42/45}"),
    "fraction_of_people": changed("value: hơn 160", 'value: "48,5"'),
    "period_without_number": changed(PERIOD, "  period: {type: quarter, year: 2025}"),
    "wrong_answer": changed("mot_cua, label: Bộ phận", "mot_cua, label: Bộ phận").replace("value: Có}", "value: Chưa}"),
}

# a command line (after ``baocao``), with {good} the valid file and {tmp} the folder
COMMANDS: list[str] = [
    "new --outline",
    "new --outline cds-xa-2025 --level thôn --no-input -o {tmp}/a.yaml",
    "new --outline cds-xa-2025 --year 20x --no-input -o {tmp}/a.yaml",
    "new --outline cds-xa-2025 --period quý --no-input -o {tmp}/b.yaml",
    "new --outline cds-xa-2025 --period half_year:3 --no-input -o {tmp}/c.yaml",
    "new --outline bc-ttt-huyen --level commune --no-input -o {tmp}/d.yaml",
    "new --outline cds-xa-2025 --period month:3 --no-input -o {tmp}/e.yaml",
    "new --outline khong-co",
    "build",
    "validate --format foo {good}",
    "diff {good}",
    "rollup {good}",
    "frobnicate",
    "validate --strictt {good}",
    "validate {tmp}/khong-co.yaml",
    "build {good} --compare {tmp}/khong-co.yaml",
    "form cds-xa-2025 --period quarter:9 -o {tmp}/f.xlsx",
    "--help",
    *(f"{name} --help" for name in ("build", "validate", "diff", "rollup", "schema", "upgrade", "next", "new")),
    *(f"{name} --help" for name in ("form", "import")),
]


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(main, args, prog_name="baocao", catch_exceptions=False)
    return result.output


def _file(tmp_path: Path, name: str) -> Path:
    content = FILES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _args(line: str, tmp_path: Path) -> list[str]:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    return [part.format(good=good, tmp=tmp_path) for part in line.split()]


def test_the_corpus_holds_the_common_mistakes():
    assert len(FILES) + len(COMMANDS) >= 25 and len(FILES) >= 25
    assert all(text != GOOD for text in FILES.values())


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_common_mistake_is_told_in_vietnamese_alone(tmp_path, name):
    path = _file(tmp_path, name)
    output = _run(["validate", "--strict", str(path)]) + _run(["build", str(path), "-o", str(tmp_path / "x.docx")])
    assert english(output, tmp_path) == [], output + str(english(output, tmp_path))


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_common_mistake_is_told_in_english_alone(tmp_path, name):
    path = _file(tmp_path, name)
    output = _run(["validate", "--strict", "--lang", "en", str(path)])
    typed = path.read_bytes().decode("utf-8", errors="replace")
    assert vietnamese(output, tmp_path, typed) == [], output + str(vietnamese(output, tmp_path, typed))


@pytest.mark.parametrize("line", COMMANDS)
def test_a_command_line_mistake_is_told_in_vietnamese_alone(tmp_path, line):
    output = _run(_args(line, tmp_path))
    assert english(output, tmp_path, line) == [], output + str(english(output, tmp_path, line))


@pytest.mark.parametrize("line", [line for line in COMMANDS if "--help" not in line])
def test_a_command_line_mistake_is_told_in_english_alone(tmp_path, line):
    output = _run([*_args(line, tmp_path), "--lang", "en"] if line.split()[0] != "frobnicate" else ["--lang", "en"])
    typed = line + GOOD
    assert vietnamese(output, tmp_path, typed) == [], output + str(vietnamese(output, tmp_path, typed))


def test_the_detectors_catch_what_they_look_for(tmp_path):
    assert english("x.yaml:3:1: lỗi BC002 Lỗi cú pháp YAML: mapping values are not allowed here.", tmp_path)
    assert english("baocao: --level x: đề cương y dành cho đơn vị cấp commune.", tmp_path)
    assert not english("x.yaml:3:1: lỗi BC108 'half_year' không phải một lựa chọn hợp lệ.", tmp_path)
    assert vietnamese("x.yaml:3:1: error BC108 the value is không hợp lệ", tmp_path)


def test_no_english_text_puts_a_before_a_word_it_does_not_know():
    from baocao.core.messages import CATALOGUE, USAGE

    texts = [t for e in CATALOGUE.values() for t in (e.message[1], e.hint[1])] + [en for _, en in USAGE.values()]
    wrong = [t for t in texts if re.search(r"\b[aA] \{|\ba [aeioAEIO]\w", t)]  # "a {kind}" may be "a indicator"
    assert wrong == []


def test_every_help_has_its_vietnamese():
    from baocao.cli import lang

    lang.use("en", main)  # the help as written, whatever language a test before left
    helps = [main.help] + [c.help for c in main.commands.values()]
    helps += [p.help for c in [main, *main.commands.values()] for p in c.params if getattr(p, "help", None)]
    lang.use("vi", main)
    assert [h for h in helps if h and lang.word(h) == h] == []


def test_a_question_of_new_answered_wrong_is_told_in_vietnamese(tmp_path, monkeypatch):
    from baocao.cli import main as cli

    monkeypatch.setattr(cli, "_stdin_is_tty", lambda: True)
    answers = "Ủy ban nhân dân xã Minh Tân\n\n\n\n\nquý 9\n6 tháng đầu\n2026\nBC-UBND\n" + "\n" * 10
    result = CliRunner().invoke(
        main, ["new", "--outline", "cds-xa-2025", "-o", str(tmp_path / "a.yaml")], input=answers, prog_name="baocao"
    )
    assert "Lỗi: --period quý 9: kỳ quý có số thứ tự từ 1 đến 4" in result.output, result.output
    assert "Error" not in result.output
    written = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert "period: {type: half_year, number: 1, year: 2026}" in written  # the words written as the codes


@pytest.mark.parametrize(
    ("level", "period", "written"),
    [
        ("xã", "6 tháng đầu", ("commune", "{type: half_year, number: 1, year: 2026}")),
        ("cấp xã", "6 tháng cuối năm 2025", ("commune", "{type: half_year, number: 2, year: 2025}")),
        ("phường", "năm", ("commune", "{type: year, year: 2026}")),
        ("commune", "half_year:2", ("commune", "{type: half_year, number: 2, year: 2026}")),
    ],
)
def test_new_takes_levels_and_periods_in_words_and_writes_their_codes(tmp_path, level, period, written):
    target = tmp_path / "u.yaml"
    args = ["new", "--outline", "cds-xa-2025", "--no-input", "--year", "2026", "-o", str(target)]
    result = CliRunner().invoke(main, [*args, "--level", level, "--period", period], prog_name="baocao")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert f"  level: {written[0]}  #" in text and f"  period: {written[1]}" in text


def test_a_level_the_outline_does_not_ask_is_named_in_words(tmp_path):
    args = ["new", "--outline", "bc-ttt-huyen", "--no-input", "-o", str(tmp_path / "u.yaml"), "--level", "xã"]
    result = CliRunner().invoke(main, args, prog_name="baocao")
    assert result.exit_code == 2 and "--level xã: đề cương bc-ttt-huyen dành cho đơn vị cấp huyện." in result.output
    english = CliRunner().invoke(main, [*args, "--lang", "en"], prog_name="baocao")
    assert "the outline bc-ttt-huyen is for units of level district." in english.output


@pytest.mark.parametrize(
    ("name", "line", "said", "fix"),
    [
        ("colon_in_value", 15, "dấu ': ' trong một giá trị", 'viết: short_name: "UBND xã: Minh Tân"'),
        ("key_without_colon", 15, "thiếu dấu ':' sau tên khóa", "viết: short_name: UBND xã Minh Tân"),
        ("star_bullet", 105, "bắt đầu bằng '*'", 'viết: - "* Cán bộ phụ trách chuyển đổi số còn kiêm nhiệm."'),
        ("colon_in_flow", 92, "trong một ô", '{content: "Văn bản quy phạm pháp luật: 2026", posted: 4/4'),
        ("unclosed_flow", 92, "chưa đóng", "Đóng dấu '}' ở cuối dòng"),
        ("unclosed_quote", 105, "dấu nháy mở ở đây chưa được đóng", "Thêm dấu nháy đóng"),
        ("dedented_key", 15, "thụt lề không thẳng cột", "chỉ dùng dấu cách"),
        ("word_quotes_over_lines", 23, "", "Dấu “ ” của Word không phải dấu nháy của YAML"),
    ],
)
def test_a_yaml_mistake_is_said_with_the_line_to_write(tmp_path, name, line, said, fix):
    from baocao.load import source

    path = _file(tmp_path, name)
    _, findings = source.read(str(path))
    [finding] = [f for f in findings if f.code == "BC002"]
    assert finding.line == line and said in finding.message("vi") and fix in finding.hint("vi"), finding.hint("vi")
    assert "YAML syntax error" in finding.message("en") and finding.hint("en")


def test_diff_names_fields_cells_and_dates_as_the_report_writes_them(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(GOOD, encoding="utf-8")
    new = tmp_path / "new.yaml"
    text = GOOD.replace("posted: 38/41", "posted: 40/41").replace("posted: 42/45", "posted: 44/45")
    text = text.replace("date: 20/11/2025", "date: 25/11/2025").replace("date: 05/01/2026", "date: 25/06/2026")
    new.write_text(text.replace("stats: Không có dữ liệu", "stats: Có đăng"), encoding="utf-8")
    output = _run(["diff", str(old), str(new), "--format", "markdown"])
    assert "văn bản yêu cầu › ngày" in output and "20/11/2025" in output and "25/6/2026" in output
    assert "(Mẫu 01) › Văn bản quản lý hành chính › Đã đăng/tổng số | 38/41 | 40/41 |" in output
    assert "(Mẫu 01) › Văn bản quản lý hành chính › Thống kê ngành |" in output
    for leak in ("requested_by", "2025-11-20", "table mau_01", "rows", "posted", "stats"):
        assert leak not in output, leak
    assert english(output, tmp_path) == []


def test_a_tab_is_said_with_the_line_indented_as_the_line_above(tmp_path):
    from baocao.load import source

    _, findings = source.read(str(_file(tmp_path, "tab_indent")))
    [finding] = findings
    assert finding.code == "BC009" and finding.line == 15
    assert finding.hint("vi") == "Thay tab bằng dấu cách, viết:   short_name: UBND xã Minh Tân"
