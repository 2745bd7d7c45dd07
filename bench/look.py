"""Every page of every example in one picture: ``make look`` writes out/look/.

Builds each bundled example, the Bình Sơn 2022 report ``--compare``-d with 2021
and a rolled-up report of a few generated communes; converts them to PDF in one
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
    return sorted(out.glob("*.docx"))


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
