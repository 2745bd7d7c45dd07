"""Every page of every example in one picture: ``make look`` writes out/look/.

Builds each bundled example, the Bình Sơn 2022 report ``--compare``-d with 2021,
a rolled-up report of a few generated communes and a file started by ``baocao new``
from each built-in đề cương, filled in as a clerk would; converts them to PDF in one
LibreOffice call; writes each page as a PNG (``pdftoppm -png -r 60``) into
out/look/pages/ and a contact sheet, one row of pages per report, to
out/look/contact-sheet.png (rows listed in out/look/contact-sheet.txt).
The sheet is put together here in plain Python (zlib), so nothing beyond
LibreOffice and poppler is needed.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
EXAMPLES = ROOT / "data" / "examples"
PAGE_DPI = 60  # the page images
SHEET_DPI = 30  # the pages on the contact sheet
GAP = 8  # pixels between pages and rows of the sheet
PER_ROW = 10  # pages on one row of the sheet before it wraps


def build(out: Path) -> list[Path]:
    """Every example, a comparison and a rolled-up report, as DOCX in ``out``."""
    baocao = str(BIN / "baocao")
    subprocess.run([baocao, "build", str(EXAMPLES), "-o", str(out)], check=True)
    compare = out / "binh-son-2022-h1-compare.docx"
    new, old = EXAMPLES / "binh-son-2022-h1.yaml", EXAMPLES / "binh-son-2021-h1.yaml"
    subprocess.run([baocao, "build", str(new), "--compare", str(old), "-o", str(compare)], check=True)
    with tempfile.TemporaryDirectory(prefix="baocao-look-") as temp:
        work = Path(temp)
        # generate.py writes work/communes/*.yaml and the work/province.yaml they roll up under
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(work), "--count", "6"], check=True)
        rolled = work / "quang-ngai-rollup.yaml"
        command = [baocao, "rollup", str(work / "communes"), "--unit", str(work / "province.yaml"), "-o", str(rolled)]
        subprocess.run(command, check=True)
        subprocess.run([baocao, "build", str(rolled), "-o", str(out)], check=True)
        for outline, header in STARTERS.items():
            started = work / f"new-{outline}.yaml"
            subprocess.run([baocao, "new", "--outline", outline, "--no-input", *header, "-o", str(started)], check=True)
            data = yaml.safe_load(started.read_text(encoding="utf-8"))
            fill(data["sections"])
            started.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            subprocess.run([baocao, "build", str(started), "-o", str(out)], check=True)
    return sorted(out.glob("*.docx"))


QUANG_NGAI = ["--parent-body", "UBND tỉnh Quảng Ngãi", "--signer-name", "Nguyễn Văn An"]
STARTERS = {
    "cds-xa-2025": [
        "--issuing-body", "Ủy ban nhân dân xã Tân An", "--level", "commune", "--period", "half_year:2",
        "--year", "2025", "--signer-title", "Phó Chủ tịch", *QUANG_NGAI,
    ],
    "bc-ttt-huyen": [
        "--issuing-body", "Ủy ban nhân dân huyện Minh Long", "--level", "district", "--period", "half_year:1",
        "--year", "2024", "--signer-title", "Phó Chủ tịch", *QUANG_NGAI,
    ],
    "bc-stttt-quy": [
        "--issuing-body", "Sở Thông tin và Truyền thông", "--short-name", "Sở Thông tin và Truyền thông",
        "--area", "tỉnh Quảng Ngãi", "--place", "Quảng Ngãi", "--symbol", "BC-STTTT", "--level", "department",
        "--period", "quarter:1", "--year", "2024", "--signer-title", "Phó Giám đốc", *QUANG_NGAI,
    ],
    "cong-ttdt-bac-ninh": [
        "--issuing-body", "Ủy ban nhân dân xã Đại Đồng", "--level", "commune", "--period", "half_year:1",
        "--year", "2026", "--signer-title", "Chủ tịch", "--parent-body", "UBND tỉnh Bắc Ninh",
        "--signer-name", "Trần Thị Bình",
    ],
}  # fmt: skip
"""The header of the file ``baocao new`` starts from each built-in đề cương, as a clerk would give it."""
CELLS = {
    "integer": ["12", "8", "25"], "count_of_total": ["38/41", "4/4", "12/15"], "quantity": ["450", "12,5", "30"],
    "money": ["450", "320,5", "1200"], "percent": ["95", "87,5", "100"],
    "date": ["15/3/2024", "02/4/2024", "20/5/2024"], "yes_no": ["Có", "Không", "Có"],
}  # fmt: skip
"""What a clerk types in each type of column, row by row (amounts of differing precision, as typed)."""


def fill(data: object, depth: int = 0) -> None:
    """A started file's blanks filled in: numbers, answers, three rows of each table, a task, each "…" a sentence."""
    if isinstance(data, list):
        for index, entry in enumerate(data):
            if entry == "…":
                data[index] = (
                    f"- Đã triển khai các nhiệm vụ theo kế hoạch, bảo đảm tiến độ đề ra (nội dung {index + 1})."
                )
            else:
                fill(entry, depth + 1)
        return
    if not isinstance(data, dict):
        return
    for kind, block in list(data.items()):
        if kind in ("figure", "target") and isinstance(block, dict):
            block["value"] = 12 + depth
        elif kind == "indicator" and isinstance(block, dict):
            block.update(count=38, total=41)
            block.pop("percent", None)
        elif kind == "answer" and isinstance(block, dict):
            offered = block.get("choices", "yes_no")
            named = {"yes_no": "Có", "done": "Đã thực hiện", "posted": "Có đăng"}
            block["value"] = offered[0] if isinstance(offered, list) else named[offered]
        elif kind == "table" and isinstance(block, dict):
            columns = block["columns"]
            rows = block["rows"] or [{columns[0]["key"]: f"Nội dung {n}"} for n in range(1, 4)]
            for number, row in enumerate(rows):
                for column in columns[1:]:
                    kind_of = column.get("type", "text")
                    if kind_of == "choice":
                        row[column["key"]] = column["choices"][number % len(column["choices"])]
                    elif kind_of == "text":
                        row[column["key"]] = "Ngân sách xã" if "source" in column["key"] else "Đạt yêu cầu"
                    else:
                        row[column["key"]] = CELLS[kind_of][number % 3]
            block["rows"] = rows
        elif kind == "tasks" and isinstance(block, dict):
            block["rows"] = [{"task": "Tập huấn cán bộ về chuyển đổi số", "result": "Đã hoàn thành"}]
        else:
            fill(block, depth + 1)


def to_pdf(documents: list[Path]) -> list[Path]:
    from baocao.write import pdf

    return pdf.convert(documents)


def pages(document: Path, folder: Path, dpi: int, fmt: str) -> list[Path]:
    """The pages of a PDF as images of the given format ("png" or "ppm")."""
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / document.stem
    flag = ["-png"] if fmt == "png" else []
    subprocess.run(["pdftoppm", *flag, "-r", str(dpi), str(document), str(prefix)], check=True)
    own = re.compile(re.escape(document.stem) + r"-(\d+)\." + fmt)
    found = [(int(match[1]), path) for path in folder.iterdir() if (match := own.fullmatch(path.name))]
    return [path for _, path in sorted(found)]


def read_ppm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of a binary PPM (P6, 8 bits) as pdftoppm writes it."""
    data = path.read_bytes()
    fields: list[bytes] = []
    position = 0
    while len(fields) < 4:
        while data[position : position + 1].isspace():
            position += 1
        if data[position : position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[position + 1 : position + 1 + width * height * 3]


def write_png(path: Path, width: int, height: int, rgb: bytes | bytearray) -> None:
    """An 8-bit RGB PNG, each row unfiltered."""
    stride = width * 3
    raw = b"".join(b"\x00" + bytes(rgb[y * stride : (y + 1) * stride]) for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    )


def contact_sheet(rows: list[list[tuple[int, int, bytes]]], target: Path) -> None:
    """Pages side by side, a row per report (wrapping after PER_ROW pages), on grey."""
    lines = [row[start : start + PER_ROW] for row in rows for start in range(0, len(row), PER_ROW)]
    cell_w = max(w for line in lines for w, _, _ in line)
    cell_h = max(h for line in lines for _, h, _ in line)
    width = GAP + max(len(line) for line in lines) * (cell_w + GAP)
    height = GAP + len(lines) * (cell_h + GAP)
    canvas = bytearray(b"\x80" * (width * height * 3))
    for index, line in enumerate(lines):
        top = GAP + index * (cell_h + GAP)
        for column, (w, h, rgb) in enumerate(line):
            left = GAP + column * (cell_w + GAP)
            for y in range(h):
                start = ((top + y) * width + left) * 3
                canvas[start : start + w * 3] = rgb[y * w * 3 : (y + 1) * w * 3]
    write_png(target, width, height, canvas)


def main() -> None:
    out = ROOT / "out" / "look"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm is not installed: apt-get install poppler-utils")
    pdfs = to_pdf(build(out))
    rows = []
    with tempfile.TemporaryDirectory(prefix="baocao-sheet-") as temp:
        for document in pdfs:
            pages(document, out / "pages", PAGE_DPI, "png")
            rows.append([read_ppm(page) for page in pages(document, Path(temp), SHEET_DPI, "ppm")])
    sheet = out / "contact-sheet.png"
    contact_sheet(rows, sheet)
    listing = [
        f"row {n}: {document.name} ({len(row)} pages)"
        for n, (document, row) in enumerate(zip(pdfs, rows, strict=True), 1)
    ]
    (out / "contact-sheet.txt").write_text("\n".join(listing) + "\n", encoding="utf-8")
    print("\n".join(listing))
    print(f"pages: {out / 'pages'}\ncontact sheet: {sheet}")


if __name__ == "__main__":
    main()
