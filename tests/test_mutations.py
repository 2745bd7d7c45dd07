"""Change one number of a valid example, and the check that guards it fires on that line."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from baocao import api
from baocao.load.source import read

ROOT = Path(__file__).resolve().parent / "fixtures" / "by-topic"
NUMBER = re.compile(r"^\d+([.,]\d+)?$")

# (example, the paths of numbers that some check guards, the codes that may fire)
GUARDED = [
    ("binh-son-2022-h1", r"budget\.(groups\.0\.(items\.\d+\.amount|subtotal)|total)", {"BC201", "BC203"}),
    ("binh-son-2022-h1", r"figures\.(0|3)\.(value|parts\.\d+\.value)", {"BC201"}),
    ("binh-son-2022-h1", r"radio\.summary\.(total|wired|wireless)", {"BC201", "BC202"}),
    ("binh-son-2022-h1", r"indicators\.\d+\.count", {"BC212"}),
    ("tra-bong-2023", r"indicators\.\d+\.(count|percent)", {"BC211", "BC212", "BC109"}),
    ("tra-bong-2023", r"indicators\.(0|1|2|[5-9]|10|11)\.total", {"BC211"}),  # those with a stated percentage
    ("tra-bong-2023", r"indicators\.[34]\.total", set()),  # no percentage: a larger total is consistent
    ("tra-bong-2023", r"public_services\.procedures\.\d+\.(total|levels\.\d+\.services)", {"BC201"}),
    ("tra-bong-2023", r"teams\.[12]\.teams", {"BC202"}),
    ("tra-bong-2023", r"public_services\.dossiers\.by_field\.1\.items\.\d+\.received", {"BC201"}),
    ("tra-bong-2023", r"public_services\.dossiers\.by_field\.0\.(on_time|late|pending|withdrawn)", {"BC202"}),
    ("tra-bong-2023", r"public_services\.dossiers\.by_field\.2\.items\.\d+\.on_time", {"BC201"}),
    ("tra-bong-2023", r"radio\.communes", set()),  # more communes than stations is fine
    ("tra-vinh-stttt-2019-q1", r"figures\.5\.(value|parts\.\d+\.value)", {"BC201"}),
    ("tra-vinh-stttt-2019-q1", r"public_services\.procedures\.0\.(total|levels\.\d+\.services)", {"BC201"}),
    ("tra-vinh-stttt-2019-q1", r"public_services\.dossiers\.resolved", {"BC202"}),
]


def numeric_leaves(path: Path) -> list[tuple[str, tuple[int, int], str]]:
    source, _ = read(str(path))
    leaves = []
    for loc, where in source.marks.items():
        value = _get(source.data, loc)
        if isinstance(value, str) and NUMBER.match(value):
            leaves.append((".".join(map(str, loc)), where, value))
    return leaves


def _get(data, loc):
    for part in loc:
        data = data[part]
    return data


def mutate(text: str, where: tuple[int, int], value: str) -> tuple[str, str]:
    lines = text.split("\n")
    line = lines[where[0] - 1]
    col = where[1] - 1
    quote = line[col] if line[col] in "'\"" else ""
    start = col + len(quote)
    assert line[start : start + len(value)] == value
    decimal = "," if "," in value else "."
    number = Decimal(value.replace(",", "."))
    changed = str(number * 3 + 7).replace(".", decimal)
    if number <= 100 and value.count(decimal) and "percent" in line:
        changed = str(min(number + 1, Decimal(100)) if number < 100 else number - 1).replace(".", decimal)
    lines[where[0] - 1] = line[:start] + changed + line[start + len(value) :]
    return "\n".join(lines), changed


CASES = [
    pytest.param(example, leaf, where, value, codes, id=f"{example}:{leaf}")
    for example, pattern, codes in GUARDED
    for leaf, where, value in numeric_leaves(ROOT / f"{example}.yaml")
    if re.fullmatch(pattern, leaf)
]


def test_every_guarded_pattern_matches_some_number():
    for example, pattern, _ in GUARDED:
        assert any(re.fullmatch(pattern, leaf) for leaf, _, _ in numeric_leaves(ROOT / f"{example}.yaml")), pattern


@pytest.mark.parametrize(("example", "leaf", "where", "value", "codes"), CASES)
def test_one_changed_number_is_caught(tmp_path, example, leaf, where, value, codes):
    text = (ROOT / f"{example}.yaml").read_text(encoding="utf-8")
    mutated, changed = mutate(text, where, value)
    path = tmp_path / f"{example}.yaml"
    path.write_text(mutated, encoding="utf-8")
    errors = [f for f in api.load(str(path)).findings if f.severity.label == "error"]
    if not codes:
        assert errors == [], f"{leaf}: {value} -> {changed}"
        return
    assert errors, f"{leaf}: {value} -> {changed} was not caught"
    assert {f.code for f in errors} <= codes
