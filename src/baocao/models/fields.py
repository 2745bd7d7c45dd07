"""Scalar types that read the text a user wrote, the Vietnamese way.

The loader hands every scalar over as text. These validators turn it into a
value, or raise an error whose ``type`` names the trap (thousands separator,
leading zero, …) so that messages can say how to fix it.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")
DIGITS = re.compile(r"^\d+$")
DECIMAL = re.compile(r"^\d+([.,]\d+)?$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class Model(BaseModel):
    """Base of every report model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


def field(title: str, description: str | None = None, **kwargs: Any) -> Any:
    """A pydantic Field with its Vietnamese title and description."""
    return Field(title=title, description=description, **kwargs)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip()
    return None


def _parse_count(value: Any) -> Any:
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


def _parse_decimal(value: Any) -> Any:
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


def _parse_percent(value: Any) -> Any:
    text = _text(value)
    if text is not None and DECIMAL.match(text.removesuffix("%").strip()):
        return Decimal(text.removesuffix("%").strip().replace(",", "."))
    return _parse_decimal(value)


def _parse_date(value: Any) -> Any:
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


def _parse_bool(value: Any) -> Any:
    text = _text(value)
    if text is None:
        return value
    lowered = text.lower()
    if lowered in ("true", "có", "co"):
        return True
    if lowered in ("false", "không", "khong"):
        return False
    raise PydanticCustomError(
        "choice", "bad boolean", {"expected": "true, false (có, không)", "expected_en": "true, false"}
    )


Count = Annotated[int, BeforeValidator(_parse_count), Field(ge=0)]
"""A whole number of things, written in plain digits: 12779."""

Amount = Annotated[Decimal, BeforeValidator(_parse_decimal), Field(ge=0, lt=10**15)]
"""A non-negative quantity that may have decimals: 200,0 or 200.5."""

Percent = Annotated[Decimal, BeforeValidator(_parse_percent), Field(ge=0, le=100)]
"""A percentage as written, keeping its precision: 99,5 stays 99,5."""

Date = Annotated[dt.date, BeforeValidator(_parse_date)]
"""A date written 27/6/2022 or 2022-06-27."""

Flag = Annotated[bool, BeforeValidator(_parse_bool)]
"""Yes or no: true/false, có/không."""

Text = Annotated[str, Field(min_length=1)]
"""Non-empty text."""
