"""Change one number of a valid example, and the check that guards it fires on that line."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from baocao import api
from baocao.load.source import read

ROOT = Path(__file__).resolve().parents[1] / "data" / "examples"
NUMBER = re.compile(r"^\d+([.,]\d+)?$")

# (example, the numbers that some check guards, the codes that may fire). A number is named by its
# block, wherever its section stands: "figure:bts.parts.0.value", or "budget.total" for a block
# without a key.
GUARDED = [
    ("binh-son-2022-h1", r"budget\.(groups\.0\.(items\.\d+\.amount|subtotal)|total)", {"BC201", "BC203"}),
    ("binh-son-2022-h1", r"figure:(online_services|post_offices)\.(value|parts\.\d+\.value)", {"BC201"}),
    ("binh-son-2022-h1", r"radio\.summary\.(total|wired|wireless)", {"BC201", "BC202"}),
    ("binh-son-2022-h1", r"indicator:\w+\.count", {"BC212"}),
    ("binh-son-2022-h1", r"figure:(cultural_post_points|mail_route_km)\.value", set()),  # no parts: nothing to check
    ("tra-bong-2023", r"indicator:\w+\.(count|percent)", {"BC211", "BC212", "BC109"}),
    # those with a stated percentage; without one, a larger total is consistent
    ("tra-bong-2023", r"indicator:(?!students_residence\.|meritorious_people\.)\w+\.total", {"BC211"}),
    ("tra-bong-2023", r"indicator:(students_residence|meritorious_people)\.total", set()),
    ("tra-bong-2023", r"public_services\.procedures\.\d+\.(total|levels\.\d+\.services)", {"BC201"}),
    ("tra-bong-2023", r"teams\.[12]\.teams", {"BC202"}),
    ("tra-bong-2023", r"public_services\.dossiers\.by_field\.1\.items\.\d+\.received", {"BC201"}),
    ("tra-bong-2023", r"public_services\.dossiers\.by_field\.0\.(on_time|late|pending|withdrawn)", {"BC202"}),
    ("tra-bong-2023", r"public_services\.dossiers\.by_field\.2\.items\.\d+\.on_time", {"BC201"}),
    ("tra-bong-2023", r"radio\.communes", set()),  # more communes than stations is fine
    ("tra-vinh-stttt-2019-q1", r"figure:digital_certificates\.(value|parts\.\d+\.value)", {"BC201"}),
    ("tra-vinh-stttt-2019-q1", r"public_services\.procedures\.0\.(total|levels\.\d+\.services)", {"BC201"}),
    ("tra-vinh-stttt-2019-q1", r"public_services\.dossiers\.resolved", {"BC202"}),
]


def named(data: Any, loc: tuple[Any, ...]) -> str:
    """A number's place named by its block, the sections that hold it left out: "figure:bts.parts.0.value"."""
    names: list[str] = []
    node, typed = data, False
    for previous, part in zip((None, *loc), loc, strict=False):
        node = node[part]
        if previous in ("opening", "content", "closing") and isinstance(node, dict):
            kind, value = next(iter(node.items()))
            key = value.get("key") if isinstance(value, dict) else None
            names, typed = [f"{kind}:{key}" if key else kind], True
        elif typed:  # the block's type, named with it
            typed = False
        elif names:
            names.append(str(part))
    return ".".join(names)


def numeric_leaves(path: Path) -> list[tuple[str, tuple[int, int], str]]:
    source, _ = read(str(path))
    leaves = []
    for loc, where in source.marks.items():
        value = _get(source.data, loc)
        if isinstance(value, str) and NUMBER.match(value):
            leaves.append((named(source.data, loc), where, value))
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


def test_numbers_are_named_by_their_block():
    leaves = {leaf for leaf, _, _ in numeric_leaves(ROOT / "binh-son-2022-h1.yaml")}
    assert {"figure:post_offices.parts.1.value", "budget.groups.0.items.3.amount", "radio.summary.wired"} <= leaves


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
