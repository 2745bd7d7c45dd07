"""The JSON Schema of the report format, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from baocao.models import Report

SCHEMA_FILE = "report.schema.json"


def schema_text() -> str:
    """The schema as stable, readable JSON."""
    schema = Report.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Báo cáo (baocao)"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> Path:
    """Write the schema into ``folder``; return its path."""
    from baocao.output import write_atomic

    target = folder / SCHEMA_FILE
    write_atomic(target, schema_text().encode("utf-8"))
    return target
