"""The JSON Schema of the report format, generated from the models.

The models give the keys, types, titles and the patterns of their values (see
:mod:`baocao.model.fields`); this module adds the Vietnamese name and
explanation of every definition, explains the keys that have none from their
type, and states the rules between keys that the models check in code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from baocao.blocks import REGISTRY
from baocao.outline.model import Outline
from baocao.report import Report
from baocao.write import guard
from baocao.write.output import write_atomic

SCHEMA_FILE = "report.schema.json"
OUTLINE_SCHEMA_FILE = "outline.schema.json"
ANY_SCALAR = ["string", "number", "boolean"]  # the loader reads every scalar as text

DEFINITIONS: dict[str, tuple[str, str]] = {
    "Authority": (
        "Quyền hạn ký",
        "Cách người ký ký thay: KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền).",
    ),
    "Document": ("Thông tin văn bản", "Tiêu đề, số và ký hiệu, kỳ báo cáo, trích yếu, nơi nhận và người ký."),
    "Cutoff": (
        "Thời gian chốt số liệu",
        "Số liệu tính từ ngày, đến ngày nào, khi đơn vị ghi khác quy định của Nghị định 09/2019; in hay không.",
    ),
    "Period": ("Kỳ báo cáo", "Kỳ báo cáo: 06 tháng đầu năm 2022, quý I/2019, năm 2023."),
    "PeriodType": ("Loại kỳ báo cáo", "Tháng, quý, 6 tháng, 9 tháng hoặc năm."),
    "Request": (
        "Văn bản yêu cầu báo cáo",
        "Văn bản yêu cầu báo cáo (dẫn như một văn bản được dẫn), với thời hạn gửi báo cáo nếu có.",
    ),
    "Rollup": ("Tổng hợp từ các đơn vị", "Báo cáo này được tổng hợp từ báo cáo của các đơn vị như thế nào."),
    "Signer": ("Người ký", "Khối chữ ký: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / họ tên."),
    "ByUnit": (
        "Mục có phụ lục theo đơn vị",
        "Một số liệu, tỷ lệ, câu trả lời hoặc biểu mẫu của đề cương mà báo cáo tổng hợp in một dòng cho mỗi đơn vị.",
    ),
    "Skipped": ("Đơn vị không tổng hợp", "Một đơn vị bị bỏ ra khỏi bản tổng hợp, và lý do."),
    "UnitLevel": ("Cấp đơn vị", "Cấp hành chính của đơn vị báo cáo."),
    "UnitRow": ("Số liệu của một đơn vị", "Các số liệu chính của một đơn vị, như đơn vị đã báo cáo."),
    "Section": ("Mục của báo cáo", "Một đề mục: tiêu đề, nội dung (content) và các mục con; baocao tự đánh số."),
    "Form": ("Hình thức văn bản", "report: báo cáo (BÁO CÁO và trích yếu); dispatch: gửi bằng công văn (V/v …)."),
    "Annex": (
        "Phụ lục của báo cáo",
        "Một phụ lục in sau chữ ký, trang riêng: tên, nội dung (content), trang ngang hay không; baocao tự đặt số.",
    ),
    "Block": (
        "Khối nội dung",
        "Một dòng của content: một đoạn văn, hoặc một khóa nêu loại khối (figure, indicator, table…).",
    ),
    "About": ("Đề cương", "Mã đề cương (đơn vị ghi trong document.outline), tên, cơ quan và văn bản ban hành."),
    "Regime": (
        "Chế độ báo cáo",
        "Cấp nào báo cáo, gửi ai, các kỳ báo cáo, ngày chốt số liệu và hạn gửi theo từng kỳ (Nghị định 09/2019).",
    ),
    "DeadlineRule": ("Hạn gửi", "Hạn gửi báo cáo của một loại kỳ: một ngày/tháng, hoặc số ngày sau ngày chốt số liệu."),
    "OutlineSection": (
        "Mục của đề cương",
        "Một đề mục: mã, tiêu đề, bắt buộc hay không, hướng dẫn, nội dung yêu cầu (expects) và các mục con.",
    ),
    "Expected": ("Số liệu yêu cầu", "Mã, tên, đơn vị tính, bắt buộc hay không, có phụ lục theo đơn vị hay không."),
}


def _at_most(limit: int) -> dict[str, Any]:
    """A period number from 1 to ``limit``, written as a number or as text."""
    return {"anyOf": [{"type": "integer", "maximum": limit}, {"type": "string", "pattern": f"^\\s*[1-{limit}]\\s*$"}]}


def _requires(key: str, other: str) -> dict[str, Any]:
    """When ``key`` has a value, ``other`` must have one too."""
    return {
        "if": {"properties": {key: {"not": {"type": "null"}}}, "required": [key]},
        "then": {"properties": {other: {"not": {"type": "null"}}}, "required": [other]},
    }


# Rules between keys that the models check in code, stated in JSON Schema.
_NUMBERED = {"month": {"not": {"type": "null"}}, "quarter": _at_most(4), "half_year": _at_most(2)}
_UNNUMBERED = {"anyOf": [{"type": "null"}, {"const": 1}, {"type": "string", "pattern": "^\\s*1\\s*$"}]}
RULES: dict[str, dict[str, Any]] = {
    "Period": {
        "allOf": [
            *(
                {
                    "if": {"properties": {"type": {"const": kind}}, "required": ["type"]},
                    "then": {"properties": {"number": rule}, "required": ["number"]},
                }
                for kind, rule in _NUMBERED.items()
            ),
            {
                "if": {"properties": {"type": {"enum": ["nine_months", "year"]}}, "required": ["type"]},
                "then": {"properties": {"number": _UNNUMBERED}},
            },
        ]
    },
    "Cutoff": _requires("start", "end"),
    "Signer": _requires("authority", "head_title"),
    "Expect": {"minProperties": 1, "maxProperties": 1},
    "Block": {"minProperties": 1, "maxProperties": 1},
    "DeadlineRule": {"minProperties": 1, "maxProperties": 1},
}


def schema() -> dict[str, Any]:
    """The schema of a unit's file as a JSON value."""
    about = "Số liệu và nội dung báo cáo định kỳ của một đơn vị, một kỳ (Nghị định 30/2020/NĐ-CP)."
    return _generated(Report, "Báo cáo (baocao)", about)


def outline_schema() -> dict[str, Any]:
    """The schema of a đề cương file as a JSON value."""
    about = "Đề cương cấp trên gửi kèm yêu cầu báo cáo: các mục, số liệu và biểu mẫu yêu cầu, chế độ báo cáo."
    return _generated(Outline, "Đề cương báo cáo (baocao)", about)


def _generated(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    """A model's JSON Schema, every definition and key named and explained in Vietnamese."""
    generated = model.model_json_schema(by_alias=True)
    generated["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    generated["title"] = title
    generated["description"] = description
    _plain_refs(generated)
    definitions: dict[str, Any] = generated["$defs"]
    names = dict(DEFINITIONS)
    for block_type in REGISTRY.values():  # each block type names its own models
        names |= block_type.definitions
    asked = [name for name, block_type in REGISTRY.items() if block_type.expected is not None]
    kinds = f"{', '.join(asked[:-1])} hoặc {asked[-1]}"
    names["Expect"] = ("Nội dung yêu cầu", f"Một nội dung mục yêu cầu, ghi bằng loại khối: {kinds}.")
    for name, definition in definitions.items():
        title, description = names[name]
        definition["title"] = title
        definition["description"] = description
        if "enum" in definition:
            definition["description"] += " Một trong: " + ", ".join(map(str, definition["enum"])) + "."
        definition.update(RULES.get(name, {}))
    for holder in [generated, *definitions.values()]:
        for prop in holder.get("properties", {}).values():
            if "description" not in prop:  # said by its type: "Số hồ sơ tiếp nhận. Số đếm: chỉ viết chữ số…"
                prop["description"] = f"{prop['title']}. {_explain(prop, definitions)}"
    _widen_text(generated)
    return generated


def _plain_refs(node: Any) -> None:
    """``{"allOf": [{"$ref": …}], …}``, as pydantic before 2.9 writes a reference with a title, as ``{"$ref": …}``."""
    if isinstance(node, dict):
        only = node.get("allOf")
        if isinstance(only, list) and len(only) == 1 and set(only[0]) == {"$ref"}:
            node["$ref"] = node.pop("allOf")[0]["$ref"]
        for value in node.values():
            _plain_refs(value)
    elif isinstance(node, list):
        for value in node:
            _plain_refs(value)


def _explain(prop: dict[str, Any], definitions: dict[str, Any]) -> str:
    """A key's description from its type: the type's own, its definition's, or its items'."""
    if "description" in prop:
        return str(prop["description"])
    if "$ref" in prop:
        return str(definitions[prop["$ref"].rsplit("/", 1)[-1]]["description"])
    for branch in prop.get("anyOf", []):
        if branch.get("type") != "null":
            return _explain(branch, definitions)
    if "items" in prop:
        return "Danh sách, mỗi mục: " + _explain(prop["items"], definitions)
    if "additionalProperties" in prop and isinstance(prop["additionalProperties"], dict):
        return "Theo mã, mỗi mã: " + _explain(prop["additionalProperties"], definitions)
    return ""


def _widen_text(node: Any) -> None:
    """Text that may be written unquoted as a number or a boolean, since every scalar is read as text."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "enum" not in node and "const" not in node and "pattern" not in node:
            node["type"] = ANY_SCALAR
        for value in node.values():
            _widen_text(value)
    elif isinstance(node, list):
        for value in node:
            _widen_text(value)


def schema_text() -> str:
    """The schema of a unit's file as stable, readable JSON."""
    return _text(schema())


def outline_schema_text() -> str:
    """The schema of a đề cương file as stable, readable JSON."""
    return _text(outline_schema())


def _text(generated: dict[str, Any]) -> str:
    return json.dumps(generated, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


SCHEMAS = {SCHEMA_FILE: schema_text, OUTLINE_SCHEMA_FILE: outline_schema_text}
"""Each schema file ``baocao schema`` writes, with what writes its text."""


def write_schemas(folder: Path, force: bool = False) -> list[Path]:
    """Write the schemas into ``folder``; return their paths.

    A file there that is not a schema baocao wrote is replaced only with ``force``; both are checked first.
    """
    targets = [folder / name for name in SCHEMAS]
    for target in targets:
        guard.check(target, [], force, guard.schema_by_baocao)
    for target, text in zip(targets, SCHEMAS.values(), strict=True):
        write_atomic(target, text().encode("utf-8"))
    return targets
