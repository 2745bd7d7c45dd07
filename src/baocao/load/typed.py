"""Type a loaded file through the models; turn pydantic errors into findings.

Messages are chosen by the error's ``type``, never by its English text, and
every one is placed at the line and column of the YAML node it concerns.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from baocao.core import vietnamese as vn
from baocao.core.findings import Finding, Loc
from baocao.core.messages import either
from baocao.load.source import Source

EXPECTED = {
    "model_type": ("một bảng khóa: giá trị", "a mapping of keys to values"),
    "model_attributes_type": ("một bảng khóa: giá trị", "a mapping of keys to values"),
    "dict_type": ("một bảng khóa: giá trị", "a mapping of keys to values"),
    "list_type": ("một danh sách (các dòng bắt đầu bằng '- ')", "a list (lines starting with '- ')"),
    "string_type": ("văn bản", "text"),
}
BLOCK_LISTS = ("content", "opening", "closing")
"""The lists of blocks: a list written as one of their items ("- - text") is a bullet meant as text."""
NUMBER_ERRORS = frozenset({"int_parsing", "int_type", "int_from_float", "decimal_parsing", "float_parsing"})
CUSTOM_CODES = {
    "thousands_separator": "BC104",
    "not_a_number": "BC105",
    "leading_zero": "BC106",
    "date_format": "BC107",
    "choice": "BC108",
}
RANGE_WORDS = {
    "greater_than_equal": ("≥ {ge}", "≥ {ge}"),
    "less_than_equal": ("≤ {le}", "≤ {le}"),
    "greater_than": ("> {gt}", "> {gt}"),
    "less_than": ("< {lt}", "< {lt}"),
    "out_of_range": ("{limit}", "{limit_en}"),
}


M = typing.TypeVar("M", bound=BaseModel)


def type_as(model: type[M], source: Source) -> tuple[M | None, list[Finding]]:
    """Validate the loaded data as ``model`` (a unit's Report, a đề cương's Outline)."""
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        # Keyed by the place in the data too: nine keys missing from one mapping are nine findings at one line.
        found = (_finding(source, error, model) for error in exc.errors(include_url=False))
        findings = {_key(finding): finding for finding in found}
        return None, sorted(findings.values(), key=_key)


def _key(finding: Finding) -> tuple[str, int, int, str, str]:
    return finding.path, finding.line, finding.col, finding.code, ".".join(map(str, finding.loc))


def _finding(source: Source, error: Any, root: type[BaseModel]) -> Finding:
    loc: Loc = tuple(error["loc"])
    kind: str = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    raw = error.get("input")
    shown = raw if isinstance(raw, str) else ""
    params: dict[str, Any] = {"input": shown[:60], **ctx}
    code, params, at_key = _classify(kind, loc, raw, params, root)
    if kind == "blank_beside":  # placed at the blank one of count and total
        loc, at_key = (*loc, str(params["missing"])), True
    line, col = source.locate(loc if kind != "missing" else loc[:-1], key=at_key)
    return Finding(source.path, line, col, code, loc, params)


def _classify(
    kind: str, loc: Loc, raw: Any, params: dict[str, Any], root: type[BaseModel]
) -> tuple[str, dict[str, Any], bool]:
    """The code, its params, and whether the key (not the value) is the place."""
    last = str(loc[-1]) if loc else ""
    if kind == "missing" or (raw is None and kind.endswith("_type")):
        return "BC101", {**params, "field": last}, True
    if kind == "extra_forbidden":
        vi, en = _suggest(loc, root)
        return "BC102", {**params, "field": last, "suggestion": vi, "suggestion_en": en}, True
    if kind in CUSTOM_CODES:
        return CUSTOM_CODES[kind], params, False
    if kind in NUMBER_ERRORS:
        number = {"expected": "một số nguyên", "expected_en": "a whole number", "decimal_vi": "", "decimal_en": ""}
        return "BC105", {**params, **number}, False
    if kind in EXPECTED and isinstance(raw, list) and len(loc) >= 2 and loc[-2] in BLOCK_LISTS:
        words = " ".join(str(raw[0]).split()) if raw else ""
        first = words if len(words) <= 60 else words[:59] + "…"
        return "BC103", {**params, "variant": "nested_list", "first": first}, False
    if kind in EXPECTED:
        return "BC103", {**params, "expected": EXPECTED[kind][0]}, False
    if kind in ("enum", "literal_error"):
        return "BC108", {**params, **choices(str(params.get("expected", "")))}, False
    if kind in RANGE_WORDS:
        vi, en = RANGE_WORDS[kind]
        return "BC109", {**params, "limit": vi.format_map(params), "limit_en": en.format_map(params)}, False
    if kind == "one_block":
        detail = (
            f"mỗi dòng '- ' của content là một khối: văn bản, hoặc một khóa (figure, table…); ở đây: {params['found']}"
        )
        detail_en = (
            f"each '- ' entry of content is one block: text, or one key (figure, table…); here: {params['found']}"
        )
        return "BC110", {**params, "detail": detail, "detail_en": detail_en}, False
    if "detail" in params and "detail_en" in params:  # a model's own words for what it refused
        return "BC110", params, False
    if kind == "string_too_short":
        return "BC110", {**params, "detail": "không được để trống", "detail_en": "must not be empty"}, False
    if kind == "string_pattern_mismatch":
        detail_en = "must match " + str(params.get("pattern", ""))
        return "BC110", {**params, "detail": "không đúng dạng (không chứa dấu cách)", "detail_en": detail_en}, False
    message = str(params.get("error", "")) or kind
    return "BC110", {**params, "detail": message, "detail_en": message}, False


def choices(expected: str) -> dict[str, str]:
    """The allowed values pydantic lists ("'a', 'b' or 'c'") as a hint offers them.

    Codes of levels and periods are said in words ("cấp xã, cấp huyện hoặc sở"), others as
    written, joined with "hoặc" (with "or" in English).
    """
    items = re.findall(r"'([^']*)'", expected) or [expected]
    named = {**vn.LEVELS, **vn.PERIOD_KINDS}
    vi = [named[item] for item in items] if all(item in named for item in items) else items
    return {"expected": either(vi, "vi"), "expected_en": either([f"'{item}'" for item in items], "en")}


def _suggest(loc: Loc, root: type[BaseModel]) -> tuple[str, str]:
    """A "did you mean" for an unknown key, from the keys allowed at that place."""
    import difflib

    if " " in str(loc[-1]):
        return (
            "Đây có vẻ là văn bản chứa ': ' hoặc ', ' nên YAML đọc thành khóa: đặt cả dòng trong dấu nháy \"…\" "
            "hoặc viết sau '|' trên các dòng dưới.",
            "This looks like text with ': ' or ', ' that YAML read as a key: put it in quotes \"…\" "
            "or write it after '|' on the lines below.",
        )
    allowed = _allowed_keys(loc[:-1], root)
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    if close:
        return f"Có phải ý bạn là '{close[0]}'?", f"Did you mean '{close[0]}'?"
    keys = ", ".join(allowed)
    return f"Các khóa hợp lệ ở đây: {keys}.", f"Keys allowed here: {keys}."


def _allowed_keys(loc: Loc, root: type[BaseModel]) -> list[str]:
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        info = _field_by_key(model, part)
        model = _model_in(info.annotation) if info else None
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``X``, ``X | None`` or ``list[X]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in typing.get_args(annotation)[1:]:  # a model built when it is needed (baocao.blocks.registry.Built)
            if callable(getattr(meta, "model", None)):
                built: type[BaseModel] = meta.model()
                return built
        return _model_in(typing.get_args(annotation)[0])
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) in (typing.Union, list):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None
