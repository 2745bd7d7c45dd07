"""Scalar types that read the text a user wrote, the Vietnamese way.

The loader hands every scalar over as text. These validators turn it into a
value, or raise an error whose ``type`` names the trap (thousands separator,
leading zero, …) so that messages can say how to fix it.
"""

import copy
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$", re.ASCII)
THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$", re.ASCII)
DIGITS = re.compile(r"^\d+$", re.ASCII)
DECIMAL = re.compile(r"^\d+([.,]\d+)?$", re.ASCII)
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", re.ASCII)


class Model(BaseModel):
    """Base of every report model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Deferred:
    """Marks a model that is validated by its own validator, built the first time a file has one.

    pydantic builds one validator for the report, from all its fields (a tenth of a
    millisecond a field) whatever a file holds. ``Annotated[Budget, DEFERRED]`` leaves
    the model out of it: each type of block, a rolled-up report's data and each part of
    the format by topic that ``upgrade`` reads are typed by a validator built the first
    time a file has one, so a file pays for the types it uses. Errors keep their places
    (``sections.0.content.2.table.rows``) and the JSON Schema is the same, a
    reference to the model.
    """

    def __get_pydantic_core_schema__(self, source: type[BaseModel], handler: GetCoreSchemaHandler) -> CoreSchema:
        def json_schema(_schema: Any, generate: Any) -> Any:
            return generate.generate_json_schema.generate_inner(source.__pydantic_core_schema__)

        return core_schema.no_info_plain_validator_function(
            source.model_validate, metadata={"pydantic_js_annotation_functions": [json_schema]}
        )


DEFERRED = Deferred()


def field(title: str, description: str | None = None, **kwargs: Any) -> Any:
    """A pydantic Field with its Vietnamese title and description."""
    return Field(title=title, description=description, **kwargs)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip()
    return None


def parse_count(value: Any) -> Any:
    """A whole number written in plain digits (12779); the error says which trap it fell in."""
    text = _text(value)
    if text is None:
        return value
    if DIGITS.match(text):
        if len(text) > 1 and text.startswith("0"):
            raise PydanticCustomError("leading_zero", "leading zero", {"plain": str(int(text))})
        if len(text) > 15:
            raise PydanticCustomError("out_of_range", "too large", {"limit": "≤ 15 chữ số", "limit_en": "≤ 15 digits"})
        return int(text)
    if (THOUSANDS.match(text) and "," not in text) or THOUSANDS_COMMA.match(text):
        raise PydanticCustomError("thousands_separator", "thousands", {"plain": re.sub(r"[.,]", "", text)})
    raise PydanticCustomError(
        "not_a_number",
        "not a count",
        {"expected": "một số đếm (số nguyên)", "expected_en": "a whole number", "decimal_vi": "", "decimal_en": ""},
    )


def parse_decimal(value: Any) -> Any:
    """A number with decimals after a comma or a point (200,5); the error says which trap."""
    text = _text(value)
    if text is None:
        return Decimal(str(value)) if isinstance(value, (int, float)) else value
    text = text.removesuffix("%").strip()
    if THOUSANDS.match(text) and (text.count(".") > 1 or "," in text or re.search(r"\.\d{3}$", text)):
        plain = text.replace(".", "")
        raise PydanticCustomError("thousands_separator", "thousands", {"plain": plain})
    if DECIMAL.match(text):
        if re.match(r"^0\d", text):
            raise PydanticCustomError("leading_zero", "leading zero", {"plain": text.lstrip("0") or "0"})
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            pass
    raise PydanticCustomError(
        "not_a_number",
        "not a number",
        {
            "expected": "một số",
            "expected_en": "a number",
            "decimal_vi": ", phần thập phân sau dấu phẩy (200,5)",
            "decimal_en": ", decimals after a comma (200,5)",
        },
    )


def parse_percent(value: Any) -> Any:
    """A percentage as written (99,5 or 99,5%), keeping its digits."""
    text = _text(value)
    if text is not None and DECIMAL.match(text.removesuffix("%").strip()):
        return Decimal(text.removesuffix("%").strip().replace(",", "."))
    return parse_decimal(value)


def parse_date(value: Any) -> Any:
    """A date written 27/6/2022 or 2022-06-27."""
    text = _text(value)
    if text is None:
        return value
    match = ISO_DATE.match(text)
    parts = (match.group(1), match.group(2), match.group(3)) if match else None
    match = VN_DATE.match(text)
    if match:
        parts = (match.group(3), match.group(2), match.group(1))
    try:
        if parts:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        pass
    raise PydanticCustomError("date_format", "bad date", {})


def parse_bool(value: Any) -> Any:
    """Yes or no: true/false, có/không."""
    text = _text(value)
    if text is None:
        return value
    lowered = text.lower()
    if lowered in ("true", "có", "co"):
        return True
    if lowered in ("false", "không", "khong"):
        return False
    raise PydanticCustomError(
        "choice", "bad boolean", {"expected": "có hoặc không (true, false)", "expected_en": "'true' or 'false'"}
    )


# What the JSON Schema says of each type. The loader reads every scalar as text, so each type
# accepts a YAML number or boolean and the same value quoted, and its patterns accept exactly the
# text its validator above accepts (the agreement is tested against check-jsonschema).
SPACE = r"\s*"
MAX_COUNT = 10**15 - 1  # fifteen digits


def any_case(*words: str) -> str:
    """An ECMA-262 alternation of ``words`` in any letter case (JSON Schema patterns have no flags)."""
    return "|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word) for word in words)


def _date_pattern() -> str:
    """d/m/yyyy or yyyy-m-d, a day that exists (29 February in leap years only)."""
    d31, d30, d28 = r"(0?[1-9]|[12][0-9]|3[01])", r"(0?[1-9]|[12][0-9]|30)", r"(0?[1-9]|1[0-9]|2[0-8])"
    m31, m30, feb = r"(0?[13578]|1[02])", r"(0?[469]|11)", r"0?2"
    year = r"([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
    leap = r"([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
    day_month = f"({d31}/{m31}|{d30}/{m30}|{d28}/{feb})/{year}|29/{feb}/{leap}"
    iso = f"{year}-({m31}-{d31}|{m30}-{d30}|{feb}-{d28})|{leap}-{feb}-29"
    return f"^{SPACE}({day_month}|{iso}){SPACE}$"


class SchemaOf(WithJsonSchema):
    """A type's JSON Schema, handed out as a copy: pydantic before 2.11 writes a field's default into it."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        return copy.deepcopy(super().__get_pydantic_json_schema__(core_schema, handler))


COUNT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
        {"type": "string", "pattern": f"^{SPACE}(0|[1-9][0-9]{{0,14}}){SPACE}$"},
    ],
    "description": "Số đếm: chỉ viết chữ số, không dấu chấm phân cách, không số 0 ở đầu (12779).",
}
AMOUNT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "number", "minimum": 0, "exclusiveMaximum": 10**15},
        {
            "type": "string",
            "pattern": f"^{SPACE}(0|[1-9][0-9]{{0,14}})([.,][0-9]+)?{SPACE}%?{SPACE}$",
            "not": {"pattern": f"^{SPACE}[0-9]{{1,3}}[.][0-9]{{3}}{SPACE}%?{SPACE}$"},
        },
    ],
    "description": "Số không âm, viết liền các chữ số; phần thập phân sau dấu phẩy hoặc dấu chấm (9179,0; 200.5).",
}
PERCENT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 100},
        {"type": "string", "pattern": f"^{SPACE}0*(100([.,]0+)?|[0-9]{{1,2}}([.,][0-9]+)?){SPACE}%?{SPACE}$"},
    ],
    "description": "Tỷ lệ phần trăm từ 0 đến 100, giữ đúng số chữ số thập phân đã viết (99,5).",
}
DATE_SCHEMA: dict[str, Any] = {
    "type": "string",
    "pattern": _date_pattern(),
    "description": "Ngày viết dạng 27/6/2022 hoặc 2022-06-27.",
}
FLAG_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "boolean"},
        {"type": "string", "pattern": f"^{SPACE}({any_case('true', 'false', 'có', 'co', 'không', 'khong')}){SPACE}$"},
    ],
    "description": "Có hoặc không: true/false (có/không).",
}
TEXT_SCHEMA: dict[str, Any] = {
    "type": ["string", "number", "boolean"],
    "pattern": r"\S",
    "description": "Văn bản, không để trống.",
}


def whole_schema(low: int, high: int, digits: str, description: str) -> WithJsonSchema:
    """The schema of a :data:`Whole` from ``low`` to ``high``; ``digits`` is the pattern of exactly those."""
    schema = {
        "anyOf": [
            {"type": "integer", "minimum": low, "maximum": high},
            {"type": "string", "pattern": f"^{SPACE}({digits}){SPACE}$"},
        ],
        "description": description,
    }
    return SchemaOf(schema)


Whole = Annotated[int, BeforeValidator(parse_count)]
"""A whole number written like a count, to be bounded with Field(ge=…, le=…) and :func:`whole_schema`."""

Count = Annotated[int, BeforeValidator(parse_count), Field(ge=0), SchemaOf(COUNT_SCHEMA)]
"""A whole number of things, written in plain digits: 12779."""

Amount = Annotated[Decimal, BeforeValidator(parse_decimal), Field(ge=0, lt=10**15), SchemaOf(AMOUNT_SCHEMA)]
"""A non-negative quantity that may have decimals: 200,0 or 200.5."""

Percent = Annotated[Decimal, BeforeValidator(parse_percent), Field(ge=0, le=100), SchemaOf(PERCENT_SCHEMA)]
"""A percentage as written, keeping its precision: 99,5 stays 99,5."""

Date = Annotated[dt.date, BeforeValidator(parse_date), SchemaOf(DATE_SCHEMA)]
"""A date written 27/6/2022 or 2022-06-27."""

Flag = Annotated[bool, BeforeValidator(parse_bool), SchemaOf(FLAG_SCHEMA)]
"""Yes or no: true/false, có/không."""

Text = Annotated[str, Field(min_length=1), SchemaOf(TEXT_SCHEMA)]
"""Non-empty text."""
