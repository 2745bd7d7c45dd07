"""The rolled-up YAML writer: whatever it writes reads back as the same data."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.core import yamlout as yaml_out
from baocao.load import source as loader

TRICKY = [
    "", " ", "yes", "No", "on", "null", "~", "NULL", "true", "12", "012", "1.000", "12.779,0", "1e3", "0x1F", ".inf",
    "2025-06-27", "1:20", "=", "<<", "- a", "-a", "-", "?", "? a", ":a", "a: b", "a:", "a #b", "#a", "&a", "*a",
    "!a", "|", ">", "'a'", '"a"', "%a", "@a", "`a", "a, b", "[a]", "{a}", "a ", " a", "a\u00a0", "Kinh phí, 2025",
    "UBND xã Tịnh Hà", "- Tiếp tục.\n+ Tổ chức tập huấn.\n", "một\n\nhai", "một\nhai\n\n", "\nđầu", "cuối \nhai",
    " thụt\nhai", "a\tb", "a\rb", "a\u2028b", "a\x85b", "a\x7fb", "\ufeffa", "it's", "'", "a\\b", "---", "...",
    "Công văn số 847/STTTT-BCVT&CNTT", "x" * 1200,
]  # fmt: skip


def _reads_back(data: object) -> None:
    text = yaml_out.dump(data)
    assert yaml.safe_load(text) == data, text
    assert yaml.load(text, Loader=loader.Parser) == data, text


def test_every_kind_of_text_reads_back_the_same():
    for value in TRICKY:
        _reads_back({"value": value, "list": [value, {"k": value}], "nested": {"k": [value]}})
        _reads_back({value: 1, "after": 2})  # the same text as a key; an overlong key is written explicitly


def test_shapes_and_scalars_read_back():
    _reads_back({"a": [], "b": {}, "c": [[], {}, [1, [2, {"x": None}]]], "d": True, "e": False, "f": -3, "g": None})
    _reads_back({"units": [{"name": "UBND xã An", "figures": {"bts": "10", "dvc": "4"}, "stations": 1}]})


def test_plain_text_stays_plain_and_lists_sit_under_their_key():
    text = yaml_out.dump({"document": {"place": "Tịnh Hà", "recipients": ["UBND tỉnh", "yes"]}, "n": 5})
    assert text == "document:\n  place: Tịnh Hà\n  recipients:\n  - UBND tỉnh\n  - 'yes'\nn: 5\n"


def test_rolled_up_text_passes_the_loader(tmp_path):
    content = ["- Một.\n- Hai.\n", {"figure": {"key": "bts", "label": "Trạm BTS", "value": "12"}}]
    data = {"document": {"subject": "a\tb\u2028c"}, "sections": [{"title": "Kết quả", "content": content}]}
    path = tmp_path / "out.yaml"
    path.write_text(yaml_out.dump(data), encoding="utf-8")
    source, findings = loader.read(str(path))
    assert findings == [] and source.data == data


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(TEXT, st.one_of(TEXT, st.lists(TEXT, max_size=3), st.integers(), st.none()), max_size=4))
def test_any_text_reads_back_the_same(data):
    _reads_back({"data": data, "list": [data]})
