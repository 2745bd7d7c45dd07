"""The JSON Schema says what `validate` says, at the schema level, and explains every key in Vietnamese."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from baocao.model import fields
from baocao.report.sections import Numbering
from baocao.write.schema import outline_schema_text, schema_text

from .conftest import EXAMPLES, ROOT

EXAMPLE = """\
# yaml-language-server: $schema=../../schemas/report.schema.json
document:
  level: commune                 # commune, district, department, province
  parent_body: UBND tỉnh Quảng Ngãi
  issuing_body: Ủy ban nhân dân xã Tịnh Hà
  short_name: UBND xã Tịnh Hà    # how sentences name the unit
  area: xã Tịnh Hà               # "trên địa bàn …"
  number: 5                      # printed "Số: 05/BC-UBND"; leave out for the văn thư
  symbol: BC-UBND
  place: Tịnh Hà
  date: 05/01/2026               # leave out for the văn thư: "ngày … tháng … năm"
  period: {type: half_year, number: 2, year: 2025}   # month, quarter, half_year, nine_months, year
  subject: tình hình thông tin và truyền thông 06 tháng cuối năm 2025
  requested_by: {type: Công văn, number: 847/STTTT-BCVT&CNTT, date: 22/6/2025, issuer: Sở Khoa học và Công nghệ}
  recipients: [UBND tỉnh, Sở Khoa học và Công nghệ]   # "- Lưu: VT, VHTT, 02b." is added last
  drafting_unit: VHTT
  copies: 2
  signer: {on_behalf_of: Ủy ban nhân dân, authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: Nguyễn Văn A}
numbering: I. 1.
sections:
  - title: Kết quả thực hiện
    key: ket_qua
    content:
      - |
        - Chỉ đạo các bộ phận triển khai **Kế hoạch chuyển đổi số** năm 2025.
        + Tổ chức tập huấn cho cán bộ, công chức.
      - figure: {key: bts, label: Trạm BTS, value: 12, unit: trạm}
      - figure:
          key: online_services
          label: Dịch vụ công trực tuyến
          parts: [{label: một phần, value: 25}, {label: toàn trình, value: 3}]   # total computed: 28
          unit: dịch vụ
      - indicator: {key: cccd, label: Thu nhận hồ sơ CCCD, count: 42694, total: 42829, unit: công dân}
      - radio: {communes: 1, stations: [{commune: Tịnh Hà, type: wireless}]}
      - budget:                  # subtotals, grand total and amount in words computed
          unit: triệu đồng
          items:
            - {name: Phần mềm diệt virus, phase: "2025", source: NS cấp xã, amount: "9,0"}
            - {name: Nâng cấp mạng truyền số liệu, source: VNPT hỗ trợ}       # no amount
  - title: Khó khăn, vướng mắc
    key: kho_khan
    content:
      - Cán bộ phụ trách công nghệ thông tin còn kiêm nhiệm.
"""
"""The README's example of a unit's file (header, text, figures, an indicator, a budget) written as sections, with a
radio block for the flags."""
SCHEMA_CODES = re.compile(r"^BC[01]\d\d$")  # reading and schema; BC2xx-BC5xx are arithmetic, form and templates

# One change each to the example: (what, old, new). The schema and validate must agree on each.
VARIANTS = [
    ("date d/m/y short", "date: 05/01/2026", "date: 5/1/2026"),
    ("date ISO", "date: 05/01/2026", "date: 2026-01-05"),
    ("date quoted", "date: 05/01/2026", 'date: "05/01/2026"'),
    ("date 31 February", "date: 05/01/2026", "date: 31/02/2026"),
    ("date 29 February, leap year", "date: 05/01/2026", "date: 29/02/2024"),
    ("date 29 February, common year", "date: 05/01/2026", "date: 29/2/2025"),
    ("date 29 February 1900", "date: 05/01/2026", "date: 1900-02-29"),
    ("date slashes year first", "date: 05/01/2026", "date: 2026/01/05"),
    ("date month 13", "date: 22/6/2025", "date: 22/13/2025"),
    ("date ISO in a citation", "date: 22/6/2025", "date: 2025-6-22"),
    ("count quoted", "number: 5 ", 'number: "5" '),
    ("count abc", "number: 5 ", "number: abc "),
    ("count -1", "number: 5 ", "number: -1 "),
    ("count 12.779", "number: 5 ", "number: 12.779 "),
    ("count quoted 0255", "number: 5 ", 'number: "0255" '),
    ("count 1e20", "number: 5 ", "number: 1e20 "),
    ("count sixteen digits", "number: 5 ", "number: 1234567890123456 "),
    ("count quoted 12.779", "count: 42694", 'count: "42.694"'),
    ("count a boolean", "total: 42829", "total: true"),
    ("value quoted", "value: 12,", 'value: "12",'),
    ("value decimal comma", "value: 12,", "value: 12,5,"),
    ("value decimal point", "value: 12,", "value: 12.5,"),
    ("value 1234.567", "value: 12,", "value: 1234.567,"),
    ("percent 99.7", "total: 42829,", "total: 42829, percent: 99.7,"),
    ("percent quoted 99,7%", "total: 42829,", 'total: 42829, percent: "99,7%",'),
    ("percent quoted 100,0", "total: 42829,", 'total: 42829, percent: "100,0",'),
    ("amount unquoted", 'amount: "9,0"', "amount: 9.0"),
    ("amount 9.000 quoted", 'amount: "9,0"', 'amount: "9.000"'),
    ("amount quoted 0255", 'amount: "9,0"', 'amount: "0255"'),
    ("amount 0,5", 'amount: "9,0"', 'amount: "0,5"'),
    ("amount with %", 'amount: "9,0"', 'amount: "9,0%"'),
    ("amount 1e20", 'amount: "9,0"', "amount: 1e20"),
    ("money unit unknown", "unit: triệu đồng", "unit: đô la"),
    ("period number too high", "number: 2, year: 2025", "number: 3, year: 2025"),
    ("period number missing", "number: 2, year: 2025", "year: 2025"),
    ("period of a year", "type: half_year, number: 2, year: 2025", "type: year, year: 2025"),
    ("period of a year numbered 2", "type: half_year, number: 2, year: 2025", "type: year, number: 2, year: 2025"),
    ("period quarter 4", "type: half_year, number: 2", "type: quarter, number: 4"),
    ("period quarter 5 quoted", "type: half_year, number: 2", 'type: quarter, number: "5"'),
    ("period month 12", "type: half_year, number: 2", "type: month, number: 12"),
    ("period year 1800", "year: 2025}", "year: 1800}"),
    ("period year quoted", "year: 2025}", 'year: "2025"}'),
    ("period kind unknown", "type: half_year", "type: week"),
    ("symbol with spaces", "symbol: BC-UBND", "symbol: BC - UBND"),
    ("place a number", "place: Tịnh Hà", "place: 2025"),
    ("label a number", "label: Trạm BTS", "label: 2025"),
    ("subject empty", "subject: tình hình", "subject: ''\n  subtitle: tình hình"),
    ("subject blank", "subject: tình hình", "subject:\n  subtitle: tình hình"),
    ("level unknown", "level: commune", "level: xa"),
    ("kind", "  level: commune", "  kind: outline\n  level: commune"),
    ("kind upper case", "  level: commune", "  kind: OUTLINE\n  level: commune"),
    ("unknown key", "area: xã", "areas: xã"),
    ("text where a list goes", "recipients: [UBND tỉnh, Sở Khoa học và Công nghệ]", "recipients: UBND tỉnh"),
    ("authority without head", " head_title: Chủ tịch,", ""),
    ("no authority, no head", " authority: KT, head_title: Chủ tịch,", ""),
    ("flag có", "type: wireless}", "type: wireless, licensed: Có}"),
    ("flag false", "type: wireless}", "type: wireless, licensed: false}"),
    ("flag yes", "type: wireless}", "type: wireless, licensed: yes}"),
    ("flag a number", "type: wireless}", "type: wireless, licensed: 2}"),
    ("parts of which", "          unit: dịch vụ\n", "          unit: dịch vụ\n          parts_are: of_which\n"),
    ("parts unknown relation", "          unit: dịch vụ\n", "          unit: dịch vụ\n          parts_are: false\n"),
    ("block type unknown", "- figure: {key: bts", "- figures: {key: bts"),
    ("text where a block goes", "figure: {key: bts, label: Trạm BTS, value: 12, unit: trạm}", "figure: Trạm BTS 12"),
    ("budget groups and items", "- budget:", "- budget:\n          groups: [{name: Xã Tịnh Hà}]"),
    ("section key unknown", "    key: kho_khan", "    keys: kho_khan"),
    ("section without a title", "  - title: Khó khăn, vướng mắc\n    key", "  - key"),
    ("numbering unknown style", "numbering: I. 1.", "numbering: A) 1."),
    ("numbering parts A. and points (1) -", "numbering: I. 1.", "numbering: A. I. 1. a) (1) -"),
    ("numbering 1.1. under 1.1.", "numbering: I. 1.", "numbering: I. 1. 1.1. 1.1."),
    ("numbering a style twice", "numbering: I. 1.", "numbering: I. 1. 1."),
    ("numbering nine levels", "numbering: I. 1.", "numbering: A. I. 1. 1.1. a) (1) (i) - +"),
    ("cutoff with its end", "  subject:", "  cutoff: {end: 14/12/2025}\n  subject:"),
    ("cutoff start without end", "  subject:", "  cutoff: {start: 15/6/2025}\n  subject:"),
    ("cutoff shown", "  subject:", "  cutoff: {show: có}\n  subject:"),
    ("copies 2", "  signer:", "  copies: 2\n  signer:"),
    ("copies 0", "  signer:", "  copies: 0\n  signer:"),
    ("copies quoted 1000", "  signer:", '  copies: "1000"\n  signer:'),
    # a value as reports state it ("trên 98"): a number in range, or text with a qualifier as validate reads it
    ("value trên 98", "value: 12,", "value: trên 98,"),
    ("percent hơn 95,5%", "total: 42829,", 'total: 42829, percent: "hơn 95,5%",'),
    ("value 9.000 quoted", "value: 12,", 'value: "9.000",'),
    ("value -5", "value: 12,", "value: -5,"),
    ("value 1e20", "value: 12,", "value: 1e20,"),
    ("value abc", "value: 12,", "value: abc,"),
    ("value quoted 1.234,5", "value: 12,", 'value: "1.234,5",'),
    ("part value quoted 0255", "value: 25}", 'value: "0255"}'),
    ("percent 150", "total: 42829,", "total: 42829, percent: 150,"),
    ("percent quoted 100,5", "total: 42829,", 'total: 42829, percent: "100,5",'),
    ("percent -5", "total: 42829,", "total: 42829, percent: -5,"),
    ("two block types in one entry", "- figure: {key: bts", "- target: {label: T}\n        figure: {key: bts"),
    ("numbering out of order", "numbering: I. 1.", "numbering: 1. I."),
]
# The YAML reader of check-jsonschema turns these into numbers before the schema sees them
# (0255 is 255, 1.000 is 1.0, 12.779 and 1e5 are floats), so no schema can tell them from what
# validate accepts; validate reports them, and the schema cannot.
READ_AS_NUMBERS = [
    ("count 0255", "number: 5 ", "number: 0255 "),
    ("count 1.000", "number: 5 ", "number: 1.000 "),
    ("amount 12.779", "value: 12,", "value: 12.779,"),
    ("amount 1e5", "value: 12,", "value: 1e5,"),
]


def _write(tmp_path: Path, variants: list[tuple[str, str, str]]) -> dict[str, str]:
    files = {}
    for index, (what, old, new) in enumerate(variants):
        assert old in EXAMPLE, what
        path = tmp_path / f"v{index:02d}.yaml"
        path.write_text(EXAMPLE.replace(old, new, 1), encoding="utf-8")
        files[str(path)] = what
    return files


def _verdicts(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[bool, bool]]:
    """(validate rejects at the schema level, check-jsonschema rejects) for each file."""
    schema_file = tmp_path / "report.schema.json"
    schema_file.write_text(schema_text(), encoding="utf-8")
    run = [sys.executable, "-m", "baocao", "validate", "--format", "json", *files]
    findings = json.loads(subprocess.run(run, capture_output=True, text=True, check=False).stdout)
    ours = {f["path"] for f in findings if SCHEMA_CODES.match(f["code"]) and f["severity"] == "error"}  # not BC111
    check = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema_file), "-o", "json", *files]
    result = json.loads(subprocess.run(check, capture_output=True, text=True, check=False).stdout)
    theirs = {e["filename"] for e in result.get("errors", []) + result.get("parse_errors", [])}
    return {path: (path in ours, path in theirs) for path in files}


def test_schema_and_validate_agree_on_one_change_variants_of_the_example(tmp_path):
    files = _write(tmp_path, [("unchanged", "document:", "document:"), *VARIANTS])
    verdicts = _verdicts(tmp_path, files)
    disagree = {files[path]: verdict for path, verdict in verdicts.items() if verdict[0] != verdict[1]}
    assert disagree == {}, "(validate rejects, schema rejects)"
    rejected = sum(ours for ours, _ in verdicts.values())
    assert len(VARIANTS) >= 44 and 0 < rejected < len(files)  # the corpus tries both sides


def test_numbers_the_yaml_reader_has_already_typed_are_the_only_known_difference(tmp_path):
    files = _write(tmp_path, READ_AS_NUMBERS)
    assert set(_verdicts(tmp_path, files).values()) == {(True, False)}


def test_bundled_examples_are_clean_under_check_jsonschema(tmp_path):
    schema_file = tmp_path / "report.schema.json"
    schema_file.write_text(schema_text(), encoding="utf-8")
    check = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema_file), *map(str, EXAMPLES)]
    result = subprocess.run(check, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


OUTLINES = sorted((ROOT / "src" / "baocao" / "data" / "outlines").glob("*.yaml"))


def test_built_in_outlines_are_clean_under_the_outline_schema_and_a_wrong_one_is_not(tmp_path):
    schema_file = tmp_path / "outline.schema.json"
    schema_file.write_text(outline_schema_text(), encoding="utf-8")
    wrong = tmp_path / "wrong.yaml"
    text = next(p for p in OUTLINES if p.stem == "cds-xa-2025").read_text(encoding="utf-8")
    wrong.write_text(
        text.replace("      - text: {label:", "      - figure: {key: x, label: y}\n        text: {label:", 1)
    )
    check = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema_file)]
    result = subprocess.run([*check, *map(str, OUTLINES)], capture_output=True, text=True, check=False)
    assert OUTLINES and result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run([*check, str(wrong)], capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout  # one entry, two block types: validate refuses it too
    from baocao import api

    assert [f.code for f in api.load(str(wrong)).findings] == ["BC110"]


VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


@pytest.mark.parametrize("text", [schema_text, outline_schema_text], ids=["report", "outline"])
def test_every_key_and_definition_has_a_vietnamese_title_and_description(text):
    generated = json.loads(text())
    holders = {"(gốc)": generated, **generated["$defs"]}
    missing = []
    for name, holder in holders.items():
        places = [(name, holder)] + [(f"{name}.{key}", prop) for key, prop in holder.get("properties", {}).items()]
        for place, node in places:
            for part in ("title", "description"):
                if not VIETNAMESE.search(str(node.get(part, ""))):
                    missing.append(f"{place} {part}")
    assert missing == []


def test_no_pydantic_only_keywords_remain():
    text = schema_text()
    assert not re.search(r'"(ge|gt|le|lt|format)":', text)


def _accepts(validator, value) -> bool:
    try:
        validator(value)
    except (ValueError, ValidationError):
        return False
    return True


DATE_TEXTS = [
    f"{day}/{month}/{year}"
    for year in ("2024", "2025", "1900", "2000")
    for month in range(0, 14)
    for day in range(0, 33)
] + [
    f"{year}-{month:02d}-{day}"
    for year in ("2024", "2100", "0000")
    for month in range(0, 14)
    for day in (0, 29, 30, 31)
]


@pytest.mark.parametrize(
    ("annotation", "samples"),
    [
        (fields.Date, [*DATE_TEXTS, "05/01/2026", " 5/1/2026 ", "2026/01/05", "27-6-2022", "1/1/99"]),
        (fields.Count, ["0", "00", "7", "07", "12779", "12.779", "1e3", "-1", "+1", "999999999999999", "1" * 16, "٣"]),
        (
            fields.Amount,
            ["9,0", "9.0", "0,5", "00,5", "0255", "9.000", "1234.567", "12.7790", "1.234,5", "9%", "1e3", "-5", "٣"],
        ),
        (fields.Percent, ["0", "05", "99,5", "99.5%", "100", "100,0", "100,01", "150", "-5", "1.234,5", "abc"]),
        (fields.Flag, ["true", "True", "có", "CÓ", "khong", "Không", "yes", "no", "1"]),
        (
            Numbering,
            [
                *("I. 1. 1.1. a)", "A. I. 1. a) (1) (i) - +", "1. 1.1. 1.1.", " 1.  a) ", "(1) - +"),
                *("I. 1. 1.1. 1.1. a) (1) -", "1. I.", "a) 1.", "I. I.", "- -", "A) 1.", "", "  ", "I.1.", "(1) a)"),
                "A. I. 1. 1.1. a) (1) (i) - +",
            ],
        ),
    ],
)
def test_patterns_accept_exactly_the_text_the_validators_accept(annotation, samples):
    """The quoted-text branch of each type's schema, against the validator it describes (ECMA patterns, no flags)."""
    validator = TypeAdapter(annotation).validate_python
    node = TypeAdapter(annotation).json_schema()
    text_branches = [b for b in node.get("anyOf", [node]) if b.get("type") == "string"]

    def schema_accepts(value: str) -> bool:
        return any(
            re.search(b["pattern"], value, re.ASCII) and not re.search(b.get("not", {}).get("pattern", "(?!)"), value)
            for b in text_branches
        )

    wrong = [value for value in samples if _accepts(validator, value) != bool(schema_accepts(value))]
    assert wrong == []
