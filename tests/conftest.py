"""Shared fixtures: the bundled examples, built once per session."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument

from baocao import api

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.yaml"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example built into a temporary folder, by file stem."""
    out = tmp_path_factory.mktemp("built")
    result = {}
    for example in EXAMPLES:
        target, _ = api.build(str(example), str(out / (example.stem + ".docx")))
        result[example.stem] = target
    return result


@pytest.fixture(scope="session")
def binh_son(built: dict[str, Path]) -> DocxDocument:
    return docx.Document(str(built["binh-son-2022-h1"]))


def pdf_ready() -> bool:
    """True when LibreOffice is installed with a Times font that has the Vietnamese letters."""
    import shutil

    from baocao.core.errors import UserError
    from baocao.write import pdf

    if shutil.which("soffice") is None:
        return False
    try:
        pdf.check_fonts()
    except UserError:
        return False
    return True


def earlier_docx(text: str) -> bytes:
    """A DOCX as an earlier baocao build leaves it (members at one fixed time), holding ``text``: replaced freely."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(zipfile.ZipInfo("word/document.xml", date_time=(1980, 1, 1, 0, 0, 0)), text)
    return out.getvalue()


def write(tmp_path: Path, text: str, name: str = "unit.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """\
document:
  kind: outline
  level: commune
  parent_body: UBND huyện Sơn Tịnh
  issuing_body: Ủy ban nhân dân xã Tịnh Hà
  short_name: UBND xã Tịnh Hà
  area: xã Tịnh Hà
  number: 5
  symbol: BC-UBND
  place: Tịnh Hà
  date: 05/01/2024
  period: {type: year, year: 2023}
  subject: tình hình thông tin và truyền thông năm 2023
  recipients: [UBND huyện]
  signer: {on_behalf_of: Ủy ban nhân dân, authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: Nguyễn Văn A}
sections:
  - title: Kết quả thực hiện
    key: ket_qua
    content:
      - "- Chỉ đạo triển khai."
  - title: Nhiệm vụ năm 2024
    key: nhiem_vu
    content:
      - "- Tiếp tục triển khai."
"""
"""A unit's file written as sections; ``kind: outline`` (the default) keeps the header on the lines of BY_TOPIC."""

BY_TOPIC = (
    MINIMAL.split("sections:")[0].replace("kind: outline", "kind: ict")
    + """narrative:
  direction: "- Chỉ đạo triển khai."
  tasks_next: "- Tiếp tục triển khai."
"""
)
"""The same unit written by topic, the format before sections: for the tests of ``upgrade`` and BC013."""
