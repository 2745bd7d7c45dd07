"""Generate commune unit files for the benchmarks: valid, varied.

``generate.py FOLDER --count N`` writes ``FOLDER/communes/xa-0001.yaml`` … , each
answering the built-in đề cương ``cds-xa-2025`` (sections with its keys, about 6 KB),
and ``FOLDER/province.yaml``, the province's own file they roll up under, with
slots for some of the outline's items:

    baocao rollup FOLDER/communes --unit FOLDER/province.yaml -o FOLDER/rolled.yaml
    baocao build FOLDER/rolled.yaml

``--by-topic`` writes files of the format by topic instead (``kind: ict``, 10-15 KB,
budget lines), which the validate, diff and batch benchmarks keep measuring.
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
TOPICS = ("direction", "infrastructure", "egov", "staff", "post_telecom", "propaganda", "difficulties", "tasks_next")


SYLLABLES = ("An", "Bình", "Châu", "Đông", "Hà", "Hòa", "Long", "Minh", "Phong", "Sơn", "Tân", "Thanh", "Trà", "Vĩnh")


def place_name(index: int) -> str:
    """A made-up commune name, different for every index."""
    words = [SYLLABLES[index // 14**n % 14] for n in range(4 if index >= 14**3 else 3)]
    return " ".join([words[0], *(word.lower() for word in words[1:])])


def commune(index: int, rng: random.Random, figures: int = 12) -> str:
    """A commune's file by topic (``kind: ict``)."""
    place = place_name(index)
    name = f"Xã {place}"
    lines = [
        "# Generated for the baocao benchmarks: the figures are illustrative, not real.",
        "document:",
        "  kind: ict",
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
        "narrative:",
    ]
    for topic in TOPICS:
        lines.append(f"  {topic}: |")
        for _ in range(rng.randint(2, 3)):
            lines.append(f"    - {LOREM} năm 2025, bảo đảm tiến độ và chất lượng theo kế hoạch đề ra.")
    lines.append("citations:")
    for n in range(6):
        lines += [
            f"  - key: kh-{n}",
            "    action: Thực hiện",
            "    type: Kế hoạch",
            f"    number: {rng.randint(10, 300)}/KH-UBND",
            f"    date: {rng.randint(10, 28)}/{rng.randint(3, 12)}/2024",
            "    issuer: UBND tỉnh Quảng Ngãi",
            "    subject: chuyển đổi số, phát triển chính quyền số và bảo đảm an toàn thông tin mạng năm 2025",
        ]
    lines.append("figures:")
    for n in range(figures):
        parts = [rng.randint(0, 40) for _ in range(rng.randint(0, 3))]
        value = sum(parts) if parts else rng.randint(0, 500)
        lines += [f"  - key: f{n}", f"    label: Chỉ tiêu hạ tầng số {n}", f"    value: {value}", "    unit: điểm",
                  f"    topic: {rng.choice(('infrastructure', 'egov', 'post_telecom'))}"]  # fmt: skip
        if parts:
            lines.append("    parts:")
            lines += [f"      - {{label: phần {k}, value: {p}}}" for k, p in enumerate(parts)]
    lines.append("indicators:")
    for n in range(10):
        total = rng.randint(50, 40000)
        count = rng.randint(0, total)
        percent = f"{count * 100 / total:.1f}".replace(".", ",")
        if count * 1000 % total * 2 == total:  # a tie at the digit written: leave the percentage out
            percent = ""
        lines += [f"  - key: i{n}", f"    label: Tỷ lệ hồ sơ, tài khoản số {n}", f"    count: {count}",
                  f"    total: {total}", "    unit: hồ sơ", "    topic: egov"]  # fmt: skip
        if percent and not (percent == "100,0" and count != total) and not (percent == "0,0" and count):
            lines.append(f'    percent: "{percent}"')
    lines += ["budget:", "  unit: triệu đồng", "  items:"]
    amounts = [rng.randint(1, 20000) / 10 for _ in range(8)]
    for n, amount in enumerate(amounts):
        lines.append(f'    - {{name: Nhiệm vụ {n}, phase: "2025", source: NS cấp xã, amount: "{amount:.1f}"}}')
    lines.append(f'  total: "{sum(amounts):.1f}"')
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
document:
  kind: ict
  level: province
  parent_body: UBND tỉnh Quảng Ngãi
  issuing_body: Sở Khoa học và Công nghệ
  short_name: Sở Khoa học và Công nghệ
  area: tỉnh Quảng Ngãi
  symbol: BC-SKHCN
  place: Quảng Ngãi
  period: {type: half_year, number: 1, year: 2025}
  subject: tình hình thông tin và truyền thông 06 tháng đầu năm 2025 trên địa bàn tỉnh Quảng Ngãi
  recipients: [Bộ Khoa học và Công nghệ, UBND tỉnh]
  signer: {authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Nguyễn Văn B}
"""


PROVINCE_OUTLINE = (
    PROVINCE.replace("  kind: ict\n", "")
    .replace("tình hình thông tin và truyền thông", "kết quả chuyển đổi số cấp xã")
    .replace(
        "roll up under.\n", "roll up under.\n# Its blank blocks are slots the roll-up fills with the communes' sums.\n"
    )
    + """sections:
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
)


def write(folder: Path, count: int, seed: int = 2025, by_topic: bool = False) -> Path:
    """``count`` commune files in ``folder/communes`` and ``folder/province.yaml``; the communes' folder.

    The communes answer the đề cương cds-xa-2025, or, ``by_topic``, are written by topic.
    """
    rng = random.Random(seed)
    communes = folder / "communes"
    communes.mkdir(parents=True, exist_ok=True)
    make = commune if by_topic else outline_commune
    for index in range(1, count + 1):
        (communes / f"xa-{index:04d}.yaml").write_text(make(index, rng), encoding="utf-8")
    (folder / "province.yaml").write_text(PROVINCE if by_topic else PROVINCE_OUTLINE, encoding="utf-8")
    return communes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--by-topic", action="store_true", help="files of the format by topic (kind: ict)")
    args = parser.parse_args()
    write(args.folder, args.count, args.seed, args.by_topic)


if __name__ == "__main__":
    main()
