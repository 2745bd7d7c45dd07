"""A block type is one module: a sample type registered from a test is handled by every command, end to end.

``tests/link_block.py`` is written as a new type is (README, "Adding a block type"): a link, a web
address with its label. Registered, it is read, checked, printed, compared, carried to the next
period, started from a đề cương, held to a đề cương, annexed by unit in a roll-up and described in
the JSON Schema; a type that does not say every facet is refused by name when it is declared.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from baocao import api
from baocao.blocks import REGISTRY
from baocao.blocks.base import BlockTypeError, declare
from baocao.diff.format import title
from baocao.load import source as loader
from baocao.write.schema import outline_schema_text, schema_text

from . import link_block
from .conftest import MINIMAL, write

LINK = '      - link: {key: cong, label: Cổng thông tin điện tử của xã, url: "https://tinhha.gov.vn"}\n'
FIRST = '      - "- Chỉ đạo triển khai."\n'


@pytest.fixture
def link() -> Iterator[None]:
    REGISTRY.register(link_block.KIND)
    yield
    REGISTRY.unregister("link")


def unit(tmp_path: Path, blocks: str = LINK, name: str = "unit.yaml", text: str = MINIMAL) -> Path:
    return write(tmp_path, text.replace(FIRST, FIRST + blocks), name)


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_without_its_module_registered_a_link_is_a_key_the_format_does_not_have(tmp_path):
    findings = api.load(str(unit(tmp_path))).findings
    assert [(f.code, f.params["field"]) for f in findings] == [("BC102", "link")]
    allowed = findings[0].hint("en")
    assert allowed.startswith("Keys allowed here: text, citation, figure") and "link" not in allowed


def test_a_registered_type_is_read_checked_and_printed(link, tmp_path):
    path = unit(tmp_path)
    assert api.load(str(path)).findings == []
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert "- Cổng thông tin điện tử của xã: https://tinhha.gov.vn." in paragraphs(target)
    wrong = unit(tmp_path, LINK.replace("https://", "tinhha."), "wrong.yaml")
    line = MINIMAL.index(FIRST)
    assert [(f.code, f.line) for f in api.load(str(wrong)).findings] == [("BC110", MINIMAL[:line].count("\n") + 2)]


def test_a_blank_link_is_a_value_to_write_and_a_key_names_one_address(link, tmp_path):
    blank = unit(tmp_path, LINK.replace('"https://tinhha.gov.vn"', ""), "blank.yaml")
    assert [(f.code, f.loc[-1]) for f in api.load(str(blank)).findings] == [("BC604", "url")]
    twice = unit(tmp_path, LINK + LINK.replace("tinhha", "tinh-ha"), "twice.yaml")
    assert [f.code for f in api.load(str(twice)).findings] == ["BC501"]


def test_diff_names_a_link_by_its_label_and_shows_its_address_changed(link, tmp_path):
    old = unit(tmp_path, name="old.yaml")
    new = unit(tmp_path, LINK.replace("tinhha.gov.vn", "tinhha.quangngai.gov.vn"), "new.yaml")
    new.write_text(new.read_text(encoding="utf-8").replace("year: 2023", "year: 2024"), encoding="utf-8")
    changes, _ = api.diff(str(old), str(new))
    (changed,) = [c for c in changes if c.path[-1] == "url"]
    assert changed.path == ("Kết quả thực hiện", "Cổng thông tin điện tử của xã", "url")
    assert (changed.old, changed.new) == ("https://tinhha.gov.vn", "https://tinhha.quangngai.gov.vn")
    assert title(changed) == "Kết quả thực hiện › Cổng thông tin điện tử của xã › địa chỉ"


def test_next_carries_a_link_as_it_is(link, tmp_path):
    target, text = api.next_file(str(unit(tmp_path)), str(tmp_path / "next.yaml"))
    assert target is not None and "url: https://tinhha.gov.vn" in text
    assert [f.code for f in api.load(str(target)).findings] == ["BC404"]  # the text to write anew


OUTLINE = """\
outline: {id: lien-ket, title: Đề cương thử một loại khối mới}
regime: {reporters: [commune]}
sections:
  - key: ket_qua
    title: Kết quả thực hiện
    expects:
      - link: {key: cong, label: Cổng thông tin điện tử của xã, by_unit: true}
      - text: {label: Kết quả, required: false}
"""


def test_an_outline_asks_for_a_link_new_writes_it_and_validate_holds_the_unit_to_it(link, tmp_path):
    outline = write(tmp_path, OUTLINE, "lien-ket.yaml")
    assert api.load(str(outline)).findings == []
    schema = json.loads(outline_schema_text())
    assert "link" in schema["$defs"]["Expect"]["properties"]
    started = api.new_file(
        str(outline), str(tmp_path / "new.yaml"), False, "year", 2025, {"issuing_body": "Ủy ban nhân dân xã An"}, None
    )
    assert started is not None
    text = started.read_text(encoding="utf-8")
    assert "- link:" in text and "key: cong" in text
    assert "BC604" in {f.code for f in api.load(str(started)).findings}
    filled = write(tmp_path, text.replace("        url:\n", "        url: https://an.gov.vn\n"), "filled.yaml")
    assert api.load(str(filled)).findings == []  # the address written, the unit's file is complete
    header = MINIMAL.split("sections:")[0].replace("  kind: outline\n", "  kind: outline\n  outline: lien-ket.yaml\n")
    answered = header + "sections:\n  - key: ket_qua\n    title: Kết quả thực hiện\n    content:\n" + LINK
    answered = write(tmp_path, answered.replace("2023", "2025"), "answered.yaml")
    assert [f.code for f in api.load(str(answered)).findings if f.severity.label == "error"] == []
    missing = write(tmp_path, answered.read_text(encoding="utf-8").replace(LINK, '      - "Đã làm."\n'), "m.yaml")
    assert "BC603" in {f.code for f in api.load(str(missing)).findings}
    other = answered.read_text(encoding="utf-8").replace(LINK, "      - answer: {key: cong, label: Cổng, value: Có}\n")
    assert "BC609" in {f.code for f in api.load(str(write(tmp_path, other, "o.yaml"))).findings}


def test_a_roll_up_annexes_each_units_link_and_leaves_it_in_its_report(link, tmp_path):
    write(tmp_path, OUTLINE, "lien-ket.yaml")
    units = tmp_path / "units"
    units.mkdir()
    header = MINIMAL.split("sections:")[0].replace(
        "  kind: outline\n", "  kind: outline\n  outline: ../lien-ket.yaml\n"
    )
    for name in ("An", "Bình"):
        body = LINK.replace("tinhha", name.lower().replace("ì", "i"))
        text = header.replace("xã Tịnh Hà", f"xã {name}") + "sections:\n  - key: ket_qua\n    title: Kết quả\n"
        write(units, text.replace("2023", "2025") + "    content:\n" + body, f"{name}.yaml")
    province = write(tmp_path, header.replace("  outline: ../lien-ket.yaml\n", "").replace("2023", "2025"), "p.yaml")
    result = api.rollup_units(api.expand([str(units)]), str(province), str(tmp_path / "rolled.yaml"))
    assert result.target is not None, result.problems
    data = loader.read(str(result.target))[0].data
    assert data["rollup"]["by_unit"] == [{"kind": "link", "key": "cong", "label": "Cổng thông tin điện tử của xã"}]
    built, _ = api.build(str(result.target), str(tmp_path / "rolled.docx"))
    cells = [c.text for t in docx.Document(str(built)).tables for r in t.rows for c in r.cells]
    assert "https://an.gov.vn" in cells and "https://binh.gov.vn" in cells
    assert not any("https://" in p for p in paragraphs(built))  # not summed: each unit's stays in its report


def test_the_json_schema_describes_a_link_in_vietnamese(link):
    schema = json.loads(schema_text())
    assert schema["$defs"]["LinkBlock"]["title"] == "Địa chỉ trang web"
    assert "link" in schema["$defs"]["Block"]["properties"]


def test_a_type_that_does_not_say_every_facet_is_refused_by_name():
    facets = {facet.name: getattr(link_block.KIND, facet.name) for facet in dataclasses.fields(link_block.KIND)}
    del facets["carry"], facets["rollup"]
    with pytest.raises(BlockTypeError, match=r"'link' does not say carry, rollup \(write None"):
        declare(**facets)
    with pytest.raises(BlockTypeError, match="'link' says what no stage reads: colour"):
        declare(**{**facets, "carry": None, "rollup": None, "colour": "đỏ"})
    with pytest.raises(BlockTypeError, match="'start' is given exactly when 'expected' is"):
        declare(**{**facets, "carry": link_block.KIND.carry, "rollup": None, "start": None})
    with pytest.raises(BlockTypeError, match="'by_unit' is given exactly when its expected items are an Expected"):
        declare(**{**facets, "carry": link_block.KIND.carry, "rollup": None, "by_unit": None})


def test_the_registry_refuses_a_name_taken_and_a_model_without_a_vietnamese_name(link):
    with pytest.raises(BlockTypeError, match="'link' is registered already"):
        REGISTRY.register(link_block.KIND)

    class Address(link_block.LinkBlock):
        """An address of another kind, whose model the type does not name."""

    unnamed = dataclasses.replace(link_block.KIND, name="link2", model=Address)
    with pytest.raises(BlockTypeError, match="'link2': the JSON Schema has no Vietnamese name for Address"):
        REGISTRY.register(unnamed)
    twice = dataclasses.replace(link_block.KIND, name="link2", path_names={"amount": ("số tiền", "sum")})
    with pytest.raises(BlockTypeError, match="'link2' names 'amount' in a diff otherwise than 'budget' does"):
        REGISTRY.register(twice)
