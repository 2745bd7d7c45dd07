"""Generate commune unit files for the benchmarks: valid, varied.

``generate.py FOLDER --count N`` writes ``FOLDER/communes/xa-0001.yaml`` … , each
answering the built-in đề cương ``cds-xa-2025`` (sections with its keys, 4-6 KB),
and ``FOLDER/province.yaml``, the province's own file they roll up under, with
slots for some of the outline's items:

    baocao rollup FOLDER/communes --unit FOLDER/province.yaml -o FOLDER/rolled.yaml
    baocao build FOLDER/rolled.yaml

``commune()`` writes a longer commune report written as sections in its own outline,
with no đề cương (13-16 KB: text under eight headings, six cited plans, twelve figures
with parts, ten indicators with their percentages, a budget of eight lines with its
total), and ``write_reports()`` a folder of them: the files the validate, diff and
batch-build timings of ``bench.py`` measure.
The figures are made up (seeded), and every file says so in its first lines.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

LOREM = (
    "Tiếp tục chỉ đạo các bộ phận chuyên môn triển khai các nhiệm vụ chuyển đổi số, cải cách hành chính, "
    "nâng cao chất lượng phục vụ người dân và doanh nghiệp trên địa bàn xã"
)

SYLLABLES = ("An", "Bình", "Châu", "Đông", "Hà", "Hòa", "Long", "Minh", "Phong", "Sơn", "Tân", "Thanh", "Trà", "Vĩnh")


def place_name(index: int) -> str:
    """A made-up commune name, different for every index."""
    words = [SYLLABLES[index // 14**n % 14] for n in range(4 if index >= 14**3 else 3)]
    return " ".join([words[0], *(word.lower() for word in words[1:])])


def _text(rng: random.Random) -> list[str]:
    """Two or three paragraphs of a section, a text block each."""
    return [f'- "- {LOREM} năm 2025, bảo đảm tiến độ và chất lượng theo kế hoạch đề ra."'] * rng.randint(2, 3)


def _citation(n: int, rng: random.Random) -> list[str]:
    return [
        "- citation:",
        f"    key: kh-{n}",
        "    action: Thực hiện",
        "    type: Kế hoạch",
        f"    number: {rng.randint(10, 300)}/KH-UBND",
        f"    date: {rng.randint(10, 28)}/{rng.randint(3, 12)}/2024",
        "    issuer: UBND tỉnh Quảng Ngãi",
        "    subject: chuyển đổi số, phát triển chính quyền số và bảo đảm an toàn thông tin mạng năm 2025",
    ]


def _figure(n: int, label: str, rng: random.Random) -> list[str]:
    parts = [rng.randint(0, 40) for _ in range(rng.randint(0, 3))]
    value = sum(parts) if parts else rng.randint(0, 500)
    listed = ", ".join(f"{{label: phần {k}, value: {p}}}" for k, p in enumerate(parts))
    return [
        f'- figure: {{key: f{n}, label: "{label} {n}", value: {value}, unit: điểm'
        + (f", parts: [{listed}]}}" if parts else "}")
    ]


def _indicator(n: int, rng: random.Random) -> list[str]:
    total = rng.randint(50, 40000)
    count = rng.randint(0, total)
    percent = f"{count * 100 / total:.1f}".replace(".", ",")
    if count * 1000 % total * 2 == total:  # a tie at the digit written: leave the percentage out
        percent = ""
    stated = percent and not (percent == "100,0" and count != total) and not (percent == "0,0" and count)
    return [
        f'- indicator: {{key: i{n}, label: "Tỷ lệ hồ sơ, tài khoản số {n}", count: {count}, total: {total}, '
        + (f'unit: hồ sơ, percent: "{percent}"}}' if stated else "unit: hồ sơ}")
    ]


def _budget(rng: random.Random) -> list[str]:
    amounts = [rng.randint(1, 20000) / 10 for _ in range(8)]
    lines = ["- budget:", "    unit: triệu đồng", "    items:"]
    lines += [
        f'      - {{key: kp-{n}, name: Nhiệm vụ {n}, phase: "2025", source: NS cấp xã, amount: "{amount:.1f}"}}'
        for n, amount in enumerate(amounts)
    ]
    return [*lines, f'    total: "{sum(amounts):.1f}"']


def _section(indent: str, title: str, key: str, content: list[str]) -> list[str]:
    """A section at ``indent`` (its ``- title:`` line), its blocks below ``content:``."""
    return [f"{indent}- title: {title}", f"{indent}  key: {key}", f"{indent}  content:",
            *(f"{indent}    {line}" for line in content)]  # fmt: skip


FIGURE_SECTIONS = (  # the sections figures stand in, figure n in the (n % 3)th: key, title, label of its figures
    ("ha_tang", "Hạ tầng kỹ thuật", "Chỉ tiêu hạ tầng số"),
    ("ung_dung_cntt", "Ứng dụng công nghệ thông tin", "Chỉ tiêu ứng dụng công nghệ thông tin số"),
    ("buu_chinh_vien_thong", "Bưu chính, viễn thông", "Chỉ tiêu bưu chính, viễn thông số"),
)


def commune(index: int, rng: random.Random, figures: int = 12) -> str:
    """A commune's half-year ICT report written as sections, in its own outline (no đề cương).

    Under "Kết quả thực hiện": the direction (six cited plans), the technical
    infrastructure, IT applications (with the ten indicators), post and telecoms
    (the figures taken in turn by these three), staff, propaganda and the budget;
    then the difficulties and the next half-year's tasks. Each section and each
    citation, figure, indicator and budget line has a key, the same from one seed
    to another, so that two files compare block by block.
    """
    place = place_name(index)
    name = f"Xã {place}"
    lines = [
        "# Generated for the baocao benchmarks: the figures are illustrative, not real.",
        "document:",
        "  level: commune",
        "  parent_body: UBND tỉnh Quảng Ngãi",
        f"  issuing_body: Ủy ban nhân dân {name.lower()}",
        f"  short_name: UBND {name.lower()}",
        f"  area: {name.lower()}",
        f"  number: {rng.randint(1, 300)}",
        "  symbol: BC-UBND",
        f"  place: {place}",
        "  date: 05/7/2025",
        "  period: {type: half_year, number: 1, year: 2025}",
        f"  subject: tình hình thông tin và truyền thông 06 tháng đầu năm 2025 trên địa bàn {name.lower()}",
        "  recipients: [UBND tỉnh, Sở Khoa học và Công nghệ, Thường trực Đảng ủy xã]",
        "  signer: {on_behalf_of: Ủy ban nhân dân, authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, "
        f"name: Nguyễn Văn {index}}}",
        "sections:",
        "  - title: Kết quả thực hiện",
        "    key: ket_qua",
        "    sections:",
    ]
    direction = [line for n in range(6) for line in _citation(n, rng)]
    lines += _section("      ", "Công tác lãnh đạo, chỉ đạo", "chi_dao", direction + _text(rng))
    for first, (key, title, label) in enumerate(FIGURE_SECTIONS):
        content = _text(rng)
        for n in range(first, figures, len(FIGURE_SECTIONS)):
            content += _figure(n, label, rng)
        if key == "ung_dung_cntt":
            content += [line for n in range(10) for line in _indicator(n, rng)]
        lines += _section("      ", title, key, content)
    lines += _section("      ", "Nguồn nhân lực", "nhan_luc", _text(rng))
    lines += _section("      ", "Thông tin, tuyên truyền", "tuyen_truyen", _text(rng))
    lines += _section("      ", "Kinh phí thực hiện", "kinh_phi", _budget(rng))
    lines += _section("  ", "Khó khăn, vướng mắc", "kho_khan", _text(rng))
    lines += _section("  ", "Nhiệm vụ 06 tháng cuối năm 2025", "nhiem_vu", _text(rng))
    return "\n".join(lines) + "\n"


def _rate(rng: random.Random, low: int, high: int) -> tuple[int, int]:
    total = rng.randint(low, high)
    return rng.randint(total // 3, total), total


def _paragraphs(rng: random.Random, indent: str) -> list[str]:
    return [f'{indent}- "- {LOREM} năm 2025, bảo đảm tiến độ và chất lượng."' for _ in range(rng.randint(1, 3))]


def outline_commune(index: int, rng: random.Random) -> str:
    """A commune's file answering the built-in đề cương cds-xa-2025."""
    place = place_name(index)
    name = f"xã {place}"
    online, received = _rate(rng, 200, 6000)
    signed, sent = _rate(rng, 300, 3000)
    paying, adults = _rate(rng, 2000, 25000)
    legal, legal_all = _rate(rng, 1, 12)
    admin, admin_all = _rate(rng, 20, 400)
    lines = [
        "# Generated for the baocao benchmarks: the figures are illustrative, not real.",
        "document:",
        "  outline: cds-xa-2025",
        "  level: commune",
        "  parent_body: UBND tỉnh Quảng Ngãi",
        f"  issuing_body: Ủy ban nhân dân {name}",
        f"  short_name: UBND {name}",
        f"  area: {name}",
        f"  number: {rng.randint(1, 300)}",
        "  symbol: BC-UBND",
        f"  place: {place}",
        "  date: 05/7/2025",
        "  period: {type: half_year, number: 1, year: 2025}",
        f"  subject: kết quả thực hiện chuyển đổi số 06 tháng đầu năm 2025 trên địa bàn {name}",
        "  recipients: [Sở Khoa học và Công nghệ, Thường trực Đảng ủy xã]",
        "  signer: {on_behalf_of: Ủy ban nhân dân, authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, "
        f"name: Nguyễn Văn {index}}}",
        "sections:",
        "  - title: Kết quả thực hiện",
        "    key: ket_qua",
        "    sections:",
        "      - title: Chính quyền số",
        "        key: chinh_quyen_so",
        "        content:",
        *_paragraphs(rng, "          "),
        f"          - indicator: {{key: ho_so_truc_tuyen, label: Hồ sơ thủ tục hành chính tiếp nhận trực tuyến, "
        f"count: {online}, total: {received}, unit: hồ sơ}}",
    ]
    if rng.random() < 0.05:  # a rate stated alone, as some units write it
        lines.append(
            "          - indicator: {key: ky_so, label: Văn bản đi được ký số, percent: trên 95, unit: văn bản}"
        )
    else:
        lines.append(
            f"          - indicator: {{key: ky_so, label: Văn bản đi được ký số, count: {signed}, total: {sent}, "
            "unit: văn bản}"
        )
    lines += [
        "          - answer: {key: mot_cua, label: Bộ phận một cửa kết nối Hệ thống thông tin giải quyết TTHC "
        f"của tỉnh, value: {'Có' if rng.random() < 0.8 else 'Không'}}}",
        "      - title: Kinh tế số và xã hội số",
        "        key: kinh_te_xa_hoi_so",
        "        content:",
        *_paragraphs(rng, "          "),
        "          - figure: {key: to_cnscd, label: Thành viên Tổ công nghệ số cộng đồng, "
        f"value: {rng.randint(5, 60)}, unit: thành viên}}",
        f"          - indicator: {{key: thanh_toan, label: Người dân có tài khoản thanh toán điện tử, count: {paying}, "
        f"total: {adults}, unit: người}}",
        "          - target: {key: smartphone, label: Người trưởng thành có điện thoại thông minh đến năm 2026, "
        f"value: trên {rng.randint(70, 95)}}}",
        "  - title: Biểu mẫu thông tin trên Trang thông tin điện tử của xã",
        "    key: bieu_mau",
        "    content:",
        "      - table:",
        "          key: mau_01",
        '          title: "Tình hình cung cấp thông tin trên Trang thông tin điện tử của xã (Mẫu 01):"',
        "          columns:",
        "            - {key: content, title: Nội dung}",
        "            - {key: posted, title: Đã đăng/tổng số, type: count_of_total}",
        "            - {key: integrated, title: Đồng bộ với Cổng DVC, type: yes_no}",
        "            - {key: stats, title: Thống kê ngành, type: choice, "
        "choices: [Có đăng, Không đăng, Không có dữ liệu]}",
        "          rows:",
        f"            - {{content: Văn bản quy phạm pháp luật, posted: {legal}/{legal_all}, integrated: Có, "
        f"stats: {rng.choice(('Có đăng', 'Không đăng', 'Không có dữ liệu'))}}}",
        f"            - {{content: Văn bản quản lý hành chính, posted: {admin}/{admin_all}, "
        f"integrated: {'Có' if rng.random() < 0.7 else 'Không'}, stats: Có đăng}}",
        "          total: true",
        "  - title: Khó khăn, vướng mắc",
        "    key: kho_khan",
        "    content:",
        *_paragraphs(rng, "      "),
        "  - title: Nhiệm vụ và kiến nghị",
        "    key: nhiem_vu",
        "    content:",
        *_paragraphs(rng, "      "),
    ]
    return "\n".join(lines) + "\n"


PROVINCE = """# Generated for the baocao benchmarks: the province's own file, which its communes roll up under.
# Its blank blocks are slots the roll-up fills with the communes' sums.
document:
  level: province
  parent_body: UBND tỉnh Quảng Ngãi
  issuing_body: Sở Khoa học và Công nghệ
  short_name: Sở Khoa học và Công nghệ
  area: tỉnh Quảng Ngãi
  symbol: BC-SKHCN
  place: Quảng Ngãi
  period: {type: half_year, number: 1, year: 2025}
  subject: kết quả chuyển đổi số cấp xã 06 tháng đầu năm 2025 trên địa bàn tỉnh Quảng Ngãi
  recipients: [Bộ Khoa học và Công nghệ, UBND tỉnh]
  signer: {authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Nguyễn Văn B}
sections:
  - title: Kết quả chuyển đổi số cấp xã
    key: ket_qua_xa
    content:
      - Các xã triển khai đồng bộ các nhiệm vụ chuyển đổi số theo kế hoạch của tỉnh.
      - indicator: {key: ho_so_truc_tuyen, label: Hồ sơ thủ tục hành chính cấp xã tiếp nhận trực tuyến, unit: hồ sơ}
      - indicator: {key: ky_so, label: Văn bản đi của UBND các xã được ký số, unit: văn bản}
      - figure: {key: to_cnscd, label: Thành viên Tổ công nghệ số cộng đồng cấp xã, unit: thành viên}
  - title: Khó khăn, vướng mắc và kiến nghị
    content:
      - "- Cán bộ phụ trách chuyển đổi số cấp xã phần lớn kiêm nhiệm."
      - "- Đề nghị Bộ Khoa học và Công nghệ hỗ trợ nền tảng dùng chung cho cấp xã."
"""


def write(folder: Path, count: int, seed: int = 2025) -> Path:
    """``count`` communes answering cds-xa-2025 in ``folder/communes``, ``folder/province.yaml``; the communes."""
    rng = random.Random(seed)
    communes = folder / "communes"
    communes.mkdir(parents=True, exist_ok=True)
    for index in range(1, count + 1):
        (communes / f"xa-{index:04d}.yaml").write_text(outline_commune(index, rng), encoding="utf-8")
    (folder / "province.yaml").write_text(PROVINCE, encoding="utf-8")
    return communes


def write_reports(folder: Path, count: int, seed: int = 2025) -> Path:
    """``count`` commune reports of :func:`commune` in ``folder``, ``xa-0001.yaml`` …; the folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(1, count + 1):
        (folder / f"xa-{index:04d}.yaml").write_text(commune(index, rng), encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    write(args.folder, args.count, args.seed)


if __name__ == "__main__":
    main()


def write_forms(folder: Path, count: int, seed: int = 2025) -> tuple[Path, Path]:
    """``count`` communes that filled in the Excel form of cds-xa-2025 (the officer sent one form to all):
    ``folder/forms/xa-0001.xlsx`` …, the same units as YAML in ``folder/units/``, and ``folder/province.yaml``.

    Each commune's values are made up (seeded) and typed into the cells of the form, as a clerk fills it.
    """
    import copy

    from baocao.commands.form import made_from
    from baocao.core import yamlout
    from baocao.form import layout

    rng = random.Random(seed)
    made = made_from("cds-xa-2025", "half_year:1", 2025)
    plan = layout.plan(made.data, layout.asked_of(made.outline), None, None, [])
    forms, units = folder / "forms", folder / "units"
    forms.mkdir(parents=True, exist_ok=True)
    units.mkdir(parents=True, exist_ok=True)
    for index in range(1, count + 1):
        data = copy.deepcopy(made.data)
        name = place_name(index)
        header = {
            "issuing_body": f"Ủy ban nhân dân xã {name}",
            "short_name": f"UBND xã {name}",
            "area": f"xã {name}",
            "place": name.split()[0],
            "symbol": "BC-UBND",
            "date": "20/06/2025",
        }
        data["document"].update(header)
        data["document"]["signer"]["title"] = "Chủ tịch"
        for item in layout.inputs(plan):
            if item.at and item.at[0] != "document":
                layout.put(data, item.at, _typed(item, rng))
        for sheet in plan.sheets:  # an open table: one or two rows of the clerk's
            if sheet.table is not None and not sheet.table.grid.fixed:
                rows = [{"task": rng.choice(SYLLABLES) + " chưa đồng bộ", "result": "Đề nghị hỗ trợ"}]
                layout.put(data, sheet.table.at, rows[: rng.randint(0, 1)])
        stem = f"xa-{index:04d}"
        (units / f"{stem}.yaml").write_text(FORM_NOTE + yamlout.dump(data), encoding="utf-8")
        (forms / f"{stem}.xlsx").write_bytes(made.workbook(data))
    (folder / "province.yaml").write_text(PROVINCE, encoding="utf-8")
    return forms, units


FORM_NOTE = "# Generated for the baocao benchmarks (illustrative figures): the values a commune typed into its form.\n"


def _typed(item: object, rng: random.Random) -> str:
    """A value a clerk types in a cell of this kind: counts below their totals, answers from the list."""
    kind = item.slot.kind  # type: ignore[attr-defined]
    col = item.col  # type: ignore[attr-defined]
    if kind == "integer":
        return str(rng.randint(900, 1000) if col == 4 else rng.randint(100, 800))
    if kind in ("number", "money"):
        return str(rng.randint(5, 60))
    if kind == "percent":
        return None  # type: ignore[return-value]
    if kind == "count_of_total":
        total = rng.randint(3, 30)
        return f"{rng.randint(0, total)}/{total}"
    if kind == "choice":
        return rng.choice(item.slot.choices)  # type: ignore[attr-defined]
    if kind == "long_text":
        return LOREM + "."
    if kind == "text":
        return "Đã thực hiện"
    return "Đã thực hiện"
