"""Generate commune unit files for the benchmarks: valid, varied, 10-15 KB each.

``generate.py FOLDER --count N`` writes ``FOLDER/communes/xa-0001.yaml`` … and
``FOLDER/province.yaml``, the province's own file they roll up under:

    baocao rollup FOLDER/communes --unit FOLDER/province.yaml -o FOLDER/rolled.yaml
    baocao build FOLDER/rolled.yaml

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


def commune(index: int, rng: random.Random, figures: int = 12) -> str:
    words = [SYLLABLES[index // 14**n % 14] for n in range(4 if index >= 14**3 else 3)]
    place = " ".join([words[0], *(word.lower() for word in words[1:])])
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


def write(folder: Path, count: int, seed: int = 2025) -> Path:
    """``count`` commune files in ``folder/communes`` and ``folder/province.yaml``; the communes' folder."""
    rng = random.Random(seed)
    communes = folder / "communes"
    communes.mkdir(parents=True, exist_ok=True)
    for index in range(1, count + 1):
        (communes / f"xa-{index:04d}.yaml").write_text(commune(index, rng), encoding="utf-8")
    (folder / "province.yaml").write_text(PROVINCE, encoding="utf-8")
    return communes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    write(args.folder, args.count, args.seed)


if __name__ == "__main__":
    main()
