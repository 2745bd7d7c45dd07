"""Numbers in sentences are checked as data is: each wording reports use, right and wrong, at the number to fix.

The sentences are those of the seeds (``fixtures/seeds/text/``, the five real reports as transcribed) and of the
reports quoted in issue 22; the wrong ones are as the report typed them, or with one number made wrong by a margin
a reader would notice.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from baocao import api
from baocao.blocks import prose
from baocao.core.findings import Finding

from .conftest import MINIMAL, write

SEEDS = Path(__file__).parent / "fixtures" / "seeds" / "text"

# wording, the sentence as a correct report writes it, the same sentence wrong, the code, the number to fix in it
WORDINGS = [
    (
        "a/b, đạt tỷ lệ p%",
        "kích hoạt định danh mức 2 thành công là 25.684/26.517, đạt tỷ lệ 96,9%.",
        "kích hoạt định danh mức 2 thành công là 25.684/26.517, đạt tỷ lệ 94,4%.",
        "BC211",
        "94,4%",
    ),
    (
        "a/b …, tỷ lệ p% (no đạt)",
        "đã thu nhận hồ sơ cấp CCCD 42694/42829 công dân trong độ tuổi làm CCCD, tỷ lệ 99,7%;16/16 xã",
        "đã thu nhận hồ sơ cấp CCCD 42694/42829 công dân trong độ tuổi làm CCCD, tỷ lệ 99,5%;16/16 xã",
        "BC211",
        "99,5%",
    ),
    (
        "a noun/b noun (p%)",
        "Duy trì 17.928 cửa hàng số/31.456 hộ dân (57%); 41.999 tài khoản thanh toán điện tử/123.758 người dân.",
        "Duy trì 17.928 cửa hàng số/31.456 hộ dân (75%); 41.999 tài khoản thanh toán điện tử/123.758 người dân.",
        "BC211",
        "75%",
    ),
    (
        "a noun/b noun, chiếm p%",
        "41.999 tài khoản thanh toán điện tử/123.758 người dân, chiếm 33,9%.",
        "41.999 tài khoản thanh toán điện tử/123.758 người dân, chiếm 8,6%.",
        "BC211",
        "8,6%",
    ),
    (
        "a/b, tương đương p%",
        "cập nhật số định danh, CCCD đối với 52.727/52.747, tương đương 99,96%.",
        "cập nhật số định danh, CCCD đối với 52.727/52.747, tương đương 99,88%.",
        "BC211",
        "99,88%",
    ),
    (
        "a/b noun, bằng p%",
        "chuyển đổi mã số thuế thành số định danh trong 3798/4301 mã số thuế, bằng 88,31%.",
        "chuyển đổi mã số thuế thành số định danh trong 3798/4301 mã số thuế, bằng 88,12%.",
        "BC211",
        "88,12%",
    ),
    (
        "a/b … (tỷ lệ p%)",
        "Hoàn thành chuẩn hóa 19.484/19.484 dữ liệu trẻ em trên phần mềm (tỷ lệ 100%).",
        "Hoàn thành chuẩn hóa 19.484/19.844 dữ liệu trẻ em trên phần mềm (tỷ lệ 100%).",
        "BC211",
        "100%",
    ),
    (
        "a trên tổng số b, đạt p%",
        "Đã gửi 3.179 văn bản trên tổng số 3.200 văn bản, đạt 99,3%.",
        "Đã gửi 3.179 văn bản trên tổng số 3.200 văn bản, đạt 93,3%.",
        "BC211",
        "93,3%",
    ),
    (
        "p% … (a/b), the rate before its counts",
        "hoàn thành 100% nhập dữ liệu người người có công (720/720).",
        "hoàn thành 100% nhập dữ liệu người người có công (702/720).",
        "BC211",
        "100%",
    ),
    (
        "đạt p% (a/b noun)",
        "đạt tỷ lệ 100% (3.179/3.179 văn bản) gửi hoàn toàn dưới dạng điện tử.",
        "đạt tỷ lệ 100% (3.179/3.197 văn bản) gửi hoàn toàn dưới dạng điện tử.",
        "BC211",
        "100%",
    ),
    (
        "a count stated as a bound: gần a triệu/b triệu (p%)",
        "Đã có gần 106 triệu/108 triệu người dân được cấp số định danh cá nhân (98,1%).",
        "Đã có gần 106 triệu/108 triệu người dân được cấp số định danh cá nhân (99,5%).",
        "BC211",
        "99,5%",
    ),
    (
        "a fraction above its total",
        "24/24 Trang TTĐT cấp xã đã thực hiện việc thông tin, tuyên truyền.",
        "25/24 Trang TTĐT cấp xã đã thực hiện việc thông tin, tuyên truyền.",
        "BC212",
        "25/24",
    ),
    (
        "tổng số N, trong đó label: a, label: b",
        "Tổng số TTHC được công bố là 369, trong đó mức độ 3: 200, mức độ 4: 169.",
        "Tổng số TTHC được công bố là 369, trong đó mức độ 3: 200, mức độ 4: 196.",
        "BC222",
        "369",
    ),
    (
        "N …, trong đó: a … và b …",
        "Có 83 TTHC được cung cấp dịch vụ công trực tuyến một phần và toàn trình, trong đó: 60 TTHC một phần "
        "và 23 TTHC toàn trình, đạt tỷ lệ 29,3%.",
        "Có 83 TTHC được cung cấp dịch vụ công trực tuyến một phần và toàn trình, trong đó: 60 TTHC một phần "
        "và 32 TTHC toàn trình, đạt tỷ lệ 29,3%.",
        "BC222",
        "83",
    ),
    (
        "N …, trong đó a … mức độ 3 và b … mức độ 4",
        "Đã cung cấp 28 dịch vụ công trên Cổng dịch vụ công của tỉnh, trong đó 25 dịch vụ công mức độ 3 và 3 dịch "
        "vụ công mức độ 4.",
        "Đã cung cấp 28 dịch vụ công trên Cổng dịch vụ công của tỉnh, trong đó 25 dịch vụ công mức độ 3 và 5 dịch "
        "vụ công mức độ 4.",
        "BC222",
        "28",
    ),
    (
        "N noun: label: a, label: b (a colon list)",
        "Tổng số TTHC được công bố là 369 TTHC: mức độ 3: 200, mức độ 4: 169.",
        "Tổng số TTHC được công bố là 369 TTHC: mức độ 3: 200, mức độ 4: 196.",
        "BC221",
        "369",
    ),
    (
        "N noun, cụ thể: a …, b …",
        "Quý 1/2019 hệ thống đã tiếp nhận 38.751 hồ sơ, cụ thể: 36.012 hồ sơ trực tiếp, 2.739 hồ sơ trực tuyến.",
        "Quý 1/2019 hệ thống đã tiếp nhận 38.751 hồ sơ, cụ thể: 36.012 hồ sơ trực tiếp, 2.379 hồ sơ trực tuyến.",
        "BC221",
        "38.751",
    ),
    (
        "N …, gồm a … và b …",
        "Huyện có 22 Đài truyền thanh, gồm 14 Đài truyền thanh vô tuyến và 08 Đài truyền thanh hữu tuyến.",
        "Huyện có 22 Đài truyền thanh, gồm 14 Đài truyền thanh vô tuyến và 18 Đài truyền thanh hữu tuyến.",
        "BC221",
        "22",
    ),
    (
        "N noun (a noun, b noun)",
        "tổng số chứng thư đang hoạt động là 479 chứng thư (453 tổ chức, 26 cá nhân).",
        "tổng số chứng thư đang hoạt động là 479 chứng thư (453 tổ chức, 36 cá nhân).",
        "BC221",
        "479",
    ),
    (
        "N noun. (status: a noun; status b noun)",
        "Thẩm định Báo cáo kinh tế - kỹ thuật: 84 hồ sơ. (Đã giải quyết đúng hẹn 73 hồ sơ; đang giải quyết 11 hồ sơ "
        "trong hạn)",
        "Cấp phép xây dựng: 41 hồ sơ. (Đã giải quyết đúng hẹn: 48 hồ sơ; đang giải quyết 3 hồ sơ, trong hạn)",
        "BC221",
        "41",
    ),
    (
        "N …. Trong đó …, cụ thể như sau: (1) label: a … (2) label: b …",
        "trả 2.288 hồ sơ. Trong đó thực hiện tiếp nhận theo từng lĩnh vực, cụ thể như sau: (1) Lĩnh vực Đăng ký đất "
        "đai: 1.505 hồ sơ. (2) Lĩnh vực xây dựng: Tổng số hồ sơ tiếp nhận: 126 hồ sơ. (3) Lĩnh vực Tư pháp - Hộ "
        "tịch: Tổng số hồ sơ giải quyết đúng hạn là: 153 hồ sơ; (4) Lĩnh vực Bảo trợ xã hội: Tổng số hồ sơ đã tiếp "
        "nhận liên thông từ cấp xã, thị trấn: 332 hồ sơ; (5) Lĩnh vực Đăng ký kinh doanh: Tổng số hồ sơ tiếp nhận: "
        "167 hồ sơ; (6) Lĩnh vực Tài nguyên và Môi trường: Tổng số hồ sơ tiếp nhận trong kỳ: 05 hồ sơ.",
        "trả 1.956 hồ sơ. Trong đó thực hiện tiếp nhận theo từng lĩnh vực, cụ thể như sau: (1) Lĩnh vực Đăng ký đất "
        "đai: 1.505 hồ sơ. (2) Lĩnh vực xây dựng: Tổng số hồ sơ tiếp nhận: 126 hồ sơ. (3) Lĩnh vực Tư pháp - Hộ "
        "tịch: Tổng số hồ sơ giải quyết đúng hạn là: 153 hồ sơ; (4) Lĩnh vực Bảo trợ xã hội: Tổng số hồ sơ đã tiếp "
        "nhận liên thông từ cấp xã, thị trấn: 332 hồ sơ; (5) Lĩnh vực Đăng ký kinh doanh: Tổng số hồ sơ tiếp nhận: "
        "167 hồ sơ; (6) Lĩnh vực Tài nguyên và Môi trường: Tổng số hồ sơ tiếp nhận trong kỳ: 05 hồ sơ.",
        "BC222",
        "1.956",
    ),
    (
        "shares listed after gồm make 100%",
        "Hồ sơ tiếp nhận gồm: trực tuyến 57,3%, trực tiếp 42,7%.",
        "Hồ sơ tiếp nhận gồm: trực tuyến 57,3%, trực tiếp 47,3%.",
        "BC223",
        "trực tuyến",
    ),
    (
        "N, đã … a, còn b",
        "Tổng số 10.599 hồ sơ đề nghị cấp, đã cấp 9.690, còn 909 hồ sơ.",
        "Tổng số 10.599 hồ sơ đề nghị cấp, đã cấp 9.690, còn 918 hồ sơ.",
        "BC224",
        "918",
    ),
    (
        "tiếp nhận N và giải quyết a, còn lại b",
        "Quý 1/2019 hệ thống đã tiếp nhận 38.751 hồ sơ và giải quyết 38.584 hồ sơ, còn lại 167 hồ sơ.",
        "Quý 1/2019 hệ thống đã tiếp nhận 38.751 hồ sơ và giải quyết 38.584 hồ sơ, còn lại 176 hồ sơ.",
        "BC224",
        "176",
    ),
    (
        "tăng p% (từ a lên b)",
        "Số hồ sơ trực tuyến tăng 42,29% (từ 71.263 lên 101.400).",
        "Số hồ sơ trực tuyến tăng 24,29% (từ 71.263 lên 101.400).",
        "BC225",
        "24,29%",
    ),
    (
        "tăng p% so với cùng kỳ (từ a lên b)",
        "Doanh thu tăng 12% so với cùng kỳ (từ 250 lên 280).",
        "Doanh thu tăng 12% so với cùng kỳ (từ 250 lên 290).",
        "BC225",
        "12%",
    ),
    (
        "tăng n (từ a lên b), a count",
        "Tổ công nghệ số cộng đồng tăng 13 thành viên (từ 162 lên 175).",
        "Tổ công nghệ số cộng đồng tăng 31 thành viên (từ 162 lên 175).",
        "BC225",
        "31",
    ),
    (
        "tăng n tỷ đồng (từ a tỷ lên b tỷ)",
        "Kinh phí chuyển đổi số tăng 1,2 tỷ đồng (từ 3,5 tỷ lên 4,7 tỷ).",
        "Kinh phí chuyển đổi số tăng 1,3 tỷ đồng (từ 3,5 tỷ lên 4,7 tỷ).",
        "BC225",
        "1,3",
    ),
    (
        "tăng n điểm phần trăm (từ a% lên b%)",
        "Tỷ lệ hồ sơ trực tuyến tăng 8,5 điểm phần trăm (từ 48,8% lên 57,3%).",
        "Tỷ lệ hồ sơ trực tuyến tăng 5,8 điểm phần trăm (từ 48,8% lên 57,3%).",
        "BC225",
        "5,8",
    ),
    (
        "points said as per cent",
        "Tỷ lệ hồ sơ trực tuyến tăng 17,4% (từ 48,8% lên 57,3%).",
        "Tỷ lệ hồ sơ trực tuyến tăng 8,5% (từ 48,8% lên 57,3%).",
        "BC226",
        "8,5%",
    ),
    (
        "giảm where it rose",
        "Tỷ lệ hồ sơ trực tuyến tăng 8,5 điểm phần trăm (từ 48,8% lên 57,3%).",
        "Tỷ lệ hồ sơ trực tuyến giảm 8,5 điểm phần trăm (từ 48,8% lên 57,3%).",
        "BC227",
        "giảm",
    ),
]

# never a claim: each line must stay clean
NOT_CLAIMS = [
    "Ngày 30/4 và 1/5 hàng năm, các đài phát thanh tăng thời lượng tuyên truyền.",
    "Hoàn thành trước ngày 30/4/2025; số liệu tính đến 14/6, đạt 95% kế hoạch.",
    "Thực hiện Kế hoạch số 101/KH-UBND ngày 20/12/2023 và Nghị định số 42/2022/NĐ-CP ngày 24/6/2022.",
    "Giai đoạn 2021-2025, định hướng đến năm 2030; năm học 2023/2024, đạt 98%.",
    "Tuyến cáp quang 28/chiều dài 450 km; trực 24/7; kiểm tra 2 lần/năm; phủ sóng 2G/3G/4G.",
    "Có 5/5 xã đạt chuẩn, tỷ lệ hộ gia đình có cáp quang 70%.",
    "Đã thu nhận 27.640 hồ sơ, đạt tỷ lệ 64% so với số công dân đã có thẻ CCCD (vượt chỉ tiêu 3%); 16/16 xã.",
    "Quý 1/2019 hệ thống đã tiếp nhận 38.751 hồ sơ và giải quyết 38.584 hồ sơ, các hồ sơ còn lại đang giải quyết.",
    "Có 14/22 Đài truyền thanh vô tuyến, 08/22 Đài truyền thanh hữu tuyến; 16 tổ/16 xã, thị trấn với 151 thành viên.",
    "Năm 2023 có 204 Tổ CNSCĐ với 1.080 thành viên, trong đó 16 tổ cấp xã.",
    "Tăng 30 km (7,1%) so với cùng kỳ năm 2021; giảm 2 điểm phần trăm so với kỳ trước.",
    "Dịch vụ công trực tuyến mức độ 3: 306 dịch vụ (Tiếp nhận trực tiếp 3.797 hồ sơ, trực tuyến 124 hồ sơ).",
    "Tập huấn cho 120 học viên (3 lớp, 2 ngày); trả 5 hồ sơ (tăng 3 hồ sơ, giảm 2 hồ sơ).",
    "Chỉ số chuyển đổi số tăng 2 bậc (từ 20 xuống 18); kinh phí tăng 20 triệu (từ 1,5 tỷ lên 1,52 tỷ).",
    "Thời gian giải quyết giảm từ 15 ngày xuống 10 ngày; tỷ lệ tăng từ 60% lên 65%.",
    "Năm 2023: 5 xã đạt chuẩn, 3 thị trấn; ngày 12: 5 hồ sơ, 3 hồ sơ; Nghị định số 42: 5 điều, 2 chương.",
]


def unit(tmp_path: Path, lines: list[str]) -> tuple[Path, int]:
    """A unit whose first section holds ``lines`` as one text block; the line number of the first of them."""
    block = "      - |\n" + "".join(f"        {line}\n" for line in lines)
    text = MINIMAL.replace('      - "- Chỉ đạo triển khai."\n', block)
    first = text.splitlines().index(f"        {lines[0]}") + 1
    return write(tmp_path, text), first


@pytest.mark.parametrize(("wording", "right", "wrong", "code", "number"), WORDINGS, ids=[w[0] for w in WORDINGS])
def test_each_wording_is_checked_at_the_number_to_fix(tmp_path, wording, right, wrong, code, number):
    path, first = unit(tmp_path, [right, wrong])
    found = [(f.code, f.line, f.col) for f in api.load(str(path)).findings]
    assert found == [(code, first + 1, 9 + wrong.index(number))], wording


def test_every_finding_says_what_to_write():
    for _, _, wrong, code, _ in WORDINGS:
        (said,) = prose.sentences(wrong)
        assert said.code == code
        issue = Finding("unit.yaml", 1, 1, said.code, (), said.params)
        for lang in ("vi", "en"):
            assert "{" not in issue.message(lang) + issue.hint(lang) and issue.hint(lang)


def test_dates_numbers_of_documents_ranges_and_other_rates_are_not_claims(tmp_path):
    path, _ = unit(tmp_path, NOT_CLAIMS)
    assert api.load(str(path)).findings == []


def test_a_fix_in_the_message_makes_the_sentence_right():
    """The value a finding offers, written in place of the number, leaves the sentence clean."""
    fixes = {"BC211": "computed", "BC224": "computed", "BC225": "computed"}
    for _, _, wrong, code, number in WORDINGS:
        if code not in fixes:
            continue
        (said,) = prose.sentences(wrong)
        value = said.params[fixes[code]]
        fixed = wrong.replace(number, value if number.endswith("%") or not value.endswith("%") else value[:-1], 1)
        assert list(prose.sentences(fixed)) == [], (wrong, fixed)


SEED_ERRORS = [  # (seed, line, the number a reader corrects), as the seeds are typed
    ("002", 119, "99,5%"),  # 42694/42829 is 99,68%
    ("002", 121, "94,4%"),  # 25.684/26.517 is 96,86%
    ("002", 129, "99,88%"),  # 52.727/52.747 is 99,96%
    ("002", 134, "88,12%"),  # 3798/4301 is 88,31%
    ("002", 164, "41"),  # building permits: 41 received, 48 settled and 3 in progress
    ("002", 164, "1.956"),  # dossiers: the six fields (1)-(6) received 2.288
]


def test_the_seeds_as_typed_errors_caught_and_no_correct_sentence_flagged():
    found = []
    for seed in sorted(SEEDS.glob("*.txt")):
        for number, line in enumerate(seed.read_text(encoding="utf-8").splitlines(), start=1):
            for said in prose.sentences(line):
                written = re.match(r"[\d.,]+%?", line[said.at :])
                found.append((seed.name[:3], number, written.group(0) if written else line[said.at :]))
    assert found == SEED_ERRORS


def test_reading_a_long_line_takes_linear_time():
    import time

    line = "Có 1.000 hồ sơ, trong đó " + "12 hồ sơ và " * 2000 + "5/5 xã, đạt 100%. " + "1/2 " * 5000
    start = time.perf_counter()
    list(prose.sentences(line))
    list(prose.sentences("9" * 20000 + "/" + "a " * 20000))
    list(prose.sentences("10 đã 5 còn " * 2000 + "tăng 5 từ 6 " * 2000 + "10 trong đó " * 2000))
    list(prose.sentences("(1) " * 5000 + "5 cụ thể: " + "(1) a: 3 (2) b: 4 " * 2000))
    assert time.perf_counter() - start < 2.0


TASKS = """\
      - tasks:
          rows:
            - {task: Phòng họp không giấy, result: Chưa thực hiện}
            - {task: Nâng cấp Trang thông tin điện tử, result: Đã hoàn thành}
            - {task: Số hóa hồ sơ một cửa, result: Đang thực hiện}
            - {task: Tập huấn kỹ năng số, result: Đã hoàn thành}
            - {task: Hệ thống camera, result: "Đang thực hiện, chậm tiến độ"}
"""


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("Có 5 nhiệm vụ: đã hoàn thành 2 nhiệm vụ, đang thực hiện 1 nhiệm vụ, chậm tiến độ 01 nhiệm vụ.", []),
        ("Có 5 nhiệm vụ: đã hoàn thành 3 nhiệm vụ, đang thực hiện 1 nhiệm vụ, chậm tiến độ 01 nhiệm vụ.", ["3 "]),
        ("Trong 5 nhiệm vụ: hoàn thành 2, đang triển khai 2, chậm 02 và chưa thực hiện 1.", ["2, chậm", "02"]),
        ("2 nhiệm vụ đã hoàn thành; đã hoàn thành 12 hồ sơ của nhiệm vụ số hóa.", []),
    ],
)
def test_tasks_stated_in_the_text_are_those_the_task_table_counts(tmp_path, sentence, wrong):
    """The text's done/in progress/late against the report's own task table, at the number in the text."""
    path, first = unit(tmp_path, [sentence])
    path.write_text(path.read_text(encoding="utf-8").replace("  - title: Nhiệm vụ", TASKS + "  - title: Nhiệm vụ"))
    found = [(f.code, f.line, f.col) for f in api.load(str(path)).findings]
    assert found == [("BC502", first, 9 + sentence.index(number)) for number in wrong]


def test_a_table_whose_results_say_no_status_is_not_compared(tmp_path):
    path, _ = unit(tmp_path, ["Đã hoàn thành 9 nhiệm vụ."])
    table = TASKS.replace("Chưa thực hiện", "Đã ký hợp đồng chờ nghiệm thu")
    path.write_text(path.read_text(encoding="utf-8").replace("  - title: Nhiệm vụ", table + "  - title: Nhiệm vụ"))
    assert api.load(str(path)).findings == []


FIELDS = """\
      - table:
          columns:
            - {key: linh_vuc, title: Lĩnh vực, type: text}
            - {key: tiep_nhan, title: Hồ sơ tiếp nhận, type: integer, unit: hồ sơ}
          rows:
            - [Đăng ký đất đai, 1505]
            - [Xây dựng, 126]
            - [Tư pháp - Hộ tịch, 153]
            - [Bảo trợ xã hội, 332]
            - [Đăng ký kinh doanh, 167]
            - [Tài nguyên và Môi trường, 5]
"""


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [  # seed 002: its fields' dossiers make 2.288, the text says 1.956
        ("Tổng số hồ sơ tiếp nhận: 2.288 hồ sơ, chi tiết theo lĩnh vực như sau:", []),
        ("Tổng số hồ sơ tiếp nhận: 1.956 hồ sơ, chi tiết theo lĩnh vực như sau:", ["1.956"]),
        ("Bộ phận một cửa đã tiếp nhận tổng cộng 1.956 hồ sơ.", ["1.956"]),
        ("Đã tiếp nhận và trả 1.956 hồ sơ.", []),  # no total said: not compared
        ("Lĩnh vực Đăng ký kinh doanh: Tổng số hồ sơ tiếp nhận: 167 hồ sơ.", []),  # one row's, not the column's
        ("Tổng số hồ sơ đã trả đúng hẹn: 1.359 hồ sơ.", []),  # another count of dossiers
    ],
)
def test_a_total_stated_in_the_text_is_the_sum_of_its_tables_column(tmp_path, sentence, wrong):
    """A figure in the text against the column of the section's table that counts the same things."""
    path, first = unit(tmp_path, [sentence])
    text = path.read_text(encoding="utf-8").replace(f"        {sentence}\n", f"        {sentence}\n" + FIELDS)
    path.write_text(text, encoding="utf-8")
    found = [(f.code, f.line, f.col) for f in api.load(str(path)).findings]
    assert found == [("BC502", first, 9 + sentence.index(number)) for number in wrong]


def test_a_table_with_a_blank_cell_or_in_another_section_is_not_compared(tmp_path):
    path, _ = unit(tmp_path, ["Tổng số hồ sơ tiếp nhận: 1.956 hồ sơ."])
    text = path.read_text(encoding="utf-8")
    blank = FIELDS.replace("[Xây dựng, 126]", "[Xây dựng, null]")
    elsewhere = "  - title: Phụ lục số liệu\n    content:\n" + FIELDS + "  - title: Nhiệm vụ"
    for changed in (text.replace("hồ sơ.\n", "hồ sơ.\n" + blank, 1), text.replace("  - title: Nhiệm vụ", elsewhere)):
        assert changed != text
        path.write_text(changed, encoding="utf-8")
        assert api.load(str(path)).findings == []


PLAN = "type: Kế hoạch, number: 29/KH-UBND, date: 01/3/2023, issuer: UBND huyện"
CITED = (
    "      - citation: {{key: kh-29, action: Thực hiện, " + PLAN + ', subject: "{first}"}}\n'
    "      - citation: {{key: kh-29, action: Theo, " + PLAN + ', subject: "{second}"}}\n'
)


@pytest.mark.parametrize(
    ("second", "codes"),
    [
        ("về Kế hoạch Chuyển đổi số năm 2023  huyện Trà Bồng", []),
        ("Kế hoạch truyền thông về Chuyển đổi số năm 2023", ["BC501"]),
    ],
)
def test_one_cited_document_has_one_subject(tmp_path, second, codes):
    """Seed 002 cites Kế hoạch số 29/KH-UBND twice: under one key, it is one document with one subject."""
    cited = CITED.format(first="Kế hoạch Chuyển đổi số năm 2023 huyện Trà Bồng", second=second)
    text = MINIMAL.replace('      - "- Chỉ đạo triển khai."\n', cited)
    path = write(tmp_path, text)
    assert [f.code for f in api.load(str(path)).findings] == codes


def test_a_note_is_a_sentence_checked_as_text_is(tmp_path):
    """The note of a figure, an indicator or a target is prose: its numbers are checked where they are written."""
    note = "52.727/52.747 đối tượng, tỷ lệ 99,88%"
    blocks = (
        f'      - indicator: {{label: Định danh điện tử, count: 27640, total: 43187, note: "{note}"}}\n'
        f'      - figure: {{label: Hồ sơ, value: 1956, note: "{note}"}}\n'
        f'      - target: {{label: Hồ sơ trực tuyến, value: 50, unit: "%", note: "{note}"}}\n'
        '      - figure: {label: Trạm BTS, value: 136, note: "đạt 64% so với số công dân đã có thẻ CCCD (vượt 3%)"}\n'
    )
    text = MINIMAL.replace('      - "- Chỉ đạo triển khai."\n', blocks)
    path = write(tmp_path, text)
    lines = text.splitlines()
    expected = [("BC211", n, line.index("99,88%") + 1) for n, line in enumerate(lines, 1) if "99,88%" in line]
    assert [(f.code, f.line, f.col) for f in api.load(str(path)).findings] == expected
    assert len(expected) == 3


def test_numbers_too_long_to_be_a_reports_are_not_read():
    """A run of thousands of digits, or a rate with forty decimals, is no claim: never an error of baocao's own."""
    lines = [
        "9" * 5000 + "/" + "9" * 5000 + " xã",
        "1/3 xã, đạt 33," + "3" * 40 + "%",
        "tăng 5," + "1" * 50 + "% (từ 1 lên 2)",
        "gồm a 40," + "1" * 40 + "%, b 60%",
    ]
    assert [list(prose.sentences(line)) for line in lines] == [[], [], [], []]
