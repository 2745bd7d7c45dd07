"""The loader keeps what the user wrote and refuses what YAML would silently change."""

import codecs

import pytest
import yaml
import yaml.scanner

from baocao.load import source as loader
from baocao.load.source import MAX_BYTES, parse


def load(text: str | bytes):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse(raw, "unit.yaml")


def codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize("value", ["No", "yes", "off", "0255123456", "1:20", "1.000", "2022-06-27", "12.779,0", "~x"])
def test_every_scalar_stays_the_text_written(value):
    source, findings = load(f"a: {value}\n")
    assert findings == []
    assert source.data == {"a": value}


def test_empty_values_and_null_words_are_none_but_quoted_empty_is_text():
    source, _ = load('a:\nb: null\nc: ""\n')
    assert source.data == {"a": None, "b": None, "c": ""}


def test_duplicate_key_is_an_error_at_the_second_key():
    _, findings = load("a: 1\nb: 2\na: 3\n")
    assert codes(findings) == ["BC003"]
    assert (findings[0].line, findings[0].col) == (3, 1)
    assert findings[0].params["first_line"] == 1


def test_nested_duplicate_keys_are_found():
    _, findings = load("x:\n  - k: 1\n    k: 2\n")
    assert codes(findings) == ["BC003"]
    assert findings[0].line == 3


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "base: &b {k: 1}\nother:\n  <<: *b\n", "x:\n  <<: {k: 1}\n"])
def test_anchors_aliases_and_merge_keys_are_refused(text):
    _, findings = load(text)
    assert codes(findings) == ["BC004"]


def test_alias_bomb_is_refused_at_once():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    _, findings = load(bomb)
    assert codes(findings) == ["BC004"]


@pytest.mark.parametrize("text", ["a: !!int 3\n", "a: !!python/object:os.system x\n", "a: !custom x\n"])
def test_explicit_tags_are_refused(text):
    _, findings = load(text)
    assert codes(findings) == ["BC005"]


class _Libyaml026(yaml.SafeLoader):
    """The scanner of libyaml 0.2.6 and later, which refuses flow nesting past 1,000 levels."""

    def fetch_flow_collection_start(self, token_class):
        if self.flow_level >= 1000:
            mark = self.get_mark()
            raise yaml.scanner.ScannerError("while increasing flow level", mark, "exceeded maximum nesting depth", mark)
        super().fetch_flow_collection_start(token_class)


PARSERS = {
    "installed": loader.Parser,
    "pure-python": yaml.SafeLoader,
    "libyaml-0.2.6-limit": _Libyaml026,
}


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("depth", [100, 1500, 60000])
def test_deep_nesting_is_refused_at_the_same_place_by_every_parser(monkeypatch, parser, depth):
    monkeypatch.setattr(loader, "Parser", PARSERS[parser])
    text = "document:\n  kind: outline\nnhom: " + "[" * depth + "]" * depth + "\n"
    _, findings = load(text)
    assert codes(findings) == ["BC006"]
    # the file's mapping is level 1, so the 40th bracket (from column 7) opens level 41
    assert (findings[0].line, findings[0].col) == (3, 7 + loader.MAX_DEPTH - 1)


@pytest.mark.parametrize("parser", PARSERS)
def test_deep_block_nesting_is_refused_by_every_parser(monkeypatch, parser):
    monkeypatch.setattr(loader, "Parser", PARSERS[parser])
    text = "".join(" " * i + f"k{i}:\n" for i in range(1200)) + " " * 1200 + "v\n"
    _, findings = load(text)
    assert codes(findings) == ["BC006"]
    assert findings[0].line == loader.MAX_DEPTH + 1


def test_a_file_over_the_size_limit_is_refused():
    _, findings = load(b"a: " + b"x" * (MAX_BYTES + 10))
    assert codes(findings) == ["BC007"]


def test_tabs_are_reported_with_their_position():
    _, findings = load("a: 1\nb:\tx\n")
    assert codes(findings) == ["BC009"]
    assert (findings[0].line, findings[0].col) == (2, 3)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x1f", "\ufffe"])
def test_control_characters_that_cannot_go_into_a_docx_are_reported(char):
    _, findings = load(f"a: ok\nb: x{char}y\n")
    assert codes(findings) == ["BC008"]
    assert (findings[0].line, findings[0].col) == (2, 5)


def test_utf8_with_bom_is_read():
    source, findings = load(codecs.BOM_UTF8 + "a: Việt Nam\n".encode())
    assert findings == []
    assert source.data == {"a": "Việt Nam"}


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_read(codec):
    source, findings = load("a: Việt Nam\n".encode(codec))
    assert findings == []
    assert source.data == {"a": "Việt Nam"}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_holding_a_nul_or_a_combining_mark_early_is_still_read_as_utf16(codec):
    source, findings = load("a\x00b: Vie\u0300t\tx\n".encode(codec))
    assert "BC001" not in codes(findings)
    assert "Vi\u00e8t" in source.text  # read as UTF-16, then NFC
    assert source.text.startswith("a\x00b: ")


def test_legacy_encodings_are_refused_with_the_place_and_how_to_resave():
    raw = b"a: ok\nb: Vi" + bytes([0xEA, 0xF2]) + b"t\n"  # Windows-1258 bytes
    _, findings = load(raw)
    assert codes(findings) == ["BC001"]
    assert findings[0].line == 2
    assert "UTF-8" in findings[0].hint("vi") and "UTF-8" in findings[0].hint("en")


def test_decomposed_text_is_normalised_to_nfc():
    source, _ = load("a: Vie\u0302\u0323t\n")
    assert source.data == {"a": "Việt"}


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a\n- b\n", "just text\n"])
def test_a_file_that_is_not_a_mapping_is_an_error(text):
    _, findings = load(text)
    assert codes(findings) == ["BC010"]


def test_several_documents_are_refused():
    _, findings = load("a: 1\n---\nb: 2\n")
    assert codes(findings) == ["BC011"]


def test_syntax_errors_carry_the_line():
    _, findings = load("a: 1\nb: [1, 2\nc: 3\n")
    assert codes(findings) == ["BC002"]
    assert findings[0].line >= 2


def test_positions_of_values_and_keys():
    source, _ = load("doc:\n  items:\n    - name: x\n      amount: 5\n")
    assert source.locate(("doc", "items", 0, "amount")) == (4, 15)
    assert source.locate(("doc", "items", 0, "amount"), key=True) == (4, 7)
    assert source.locate(("doc", "items", 0, "missing")) == (3, 7)
