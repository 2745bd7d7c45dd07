"""Files of the format by topic rewritten as the report's own outline (``sections`` of typed blocks).

In that format, ``narrative``, ``figures``… are placed by a report kind's template.

Each report kind of that format had its outline fixed in its template; the same
outline is written here once, as :data:`KINDS`, and serves both to upgrade a file
and to write the starting outline a unit can copy (``data/outlines/``). Values
keep the text the unit wrote; nothing is dropped: a topic the kind's outline has
no place for gets a section of its own at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baocao.upgrade.model import TITLES, ByTopic, Topic
from baocao.write.output import write_atomic

COMPARISON_WORDS = {"at_least": "tối thiểu", "above": "trên", "about": "khoảng", "exactly": ""}
DATA_BLOCKS = ("citations", "teams", "public_services", "radio", "budget")
DATA_TITLES = {
    "citations": "Văn bản chỉ đạo, triển khai",
    "teams": "Tổ công nghệ số cộng đồng",
    "public_services": "Thủ tục hành chính, dịch vụ công trực tuyến",
    "radio": "Hệ thống truyền thanh cơ sở",
    "budget": "Kinh phí",
    "tasks": "Bảng nhiệm vụ, tiến độ (tasks)",
}


@dataclass(frozen=True)
class Node:
    """A heading of a kind's outline: its title (``{period}``, ``{next}`` filled in), what it holds, its children."""

    title: str
    key: str
    holds: tuple[str, ...] = ()
    """Topics (their narrative, figures, indicators, targets) and data blocks ("@budget"), in the order printed."""
    children: tuple[Node, ...] = field(default=())


def _n(title: str, key: str, *holds: str, children: tuple[Node, ...] = ()) -> Node:
    return Node(title, key, holds, children)


KINDS: dict[str, tuple[str, tuple[Node, ...]]] = {
    "ict": (
        "I. 1. 1.1. a)",
        (
            _n(
                "Đặc điểm tình hình",
                "dac_diem",
                children=(
                    _n("Về tình hình phát triển kinh tế - xã hội", "kinh_te_xa_hoi", "situation"),
                    _n(
                        "Khái quát một số kết quả về công tác thông tin, tuyên truyền, phát triển chính quyền điện "
                        "tử, bưu chính, viễn thông",
                        "khai_quat",
                        "overview",
                    ),
                ),
            ),
            _n(
                "Kết quả thực hiện",
                "ket_qua",
                children=(
                    _n(
                        "Về lĩnh vực bưu chính, viễn thông và công nghệ thông tin",
                        "bcvt_cntt",
                        children=(
                            _n(
                                "Công tác lãnh đạo, chỉ đạo triển khai các văn bản",
                                "chi_dao",
                                "@citations",
                                "direction",
                            ),
                            _n("Về hạ tầng kỹ thuật", "ha_tang", "infrastructure", "@budget"),
                            _n(
                                "Về ứng dụng công nghệ thông tin trong hoạt động của các cơ quan nhà nước",
                                "ung_dung_cntt",
                                "egov",
                                "public_services",
                                "@public_services",
                            ),
                            _n("Nguồn nhân lực", "nhan_luc", "staff"),
                            _n("Về lĩnh vực bưu chính, viễn thông", "buu_chinh", "post_telecom"),
                            _n(
                                "Tình hình thực hiện các dự án đầu tư phát triển về thông tin và truyền thông",
                                "du_an",
                                "projects",
                            ),
                            _n("Khó khăn, vướng mắc", "kho_khan", "difficulties"),
                        ),
                    ),
                    _n(
                        "Lĩnh vực thông tin, tuyên truyền",
                        "thong_tin_tuyen_truyen",
                        children=(
                            _n("Việc lãnh đạo, chỉ đạo triển khai các văn bản", "chi_dao_tuyen_truyen", "propaganda"),
                            _n("Thực trạng hệ thống truyền thanh cơ sở", "truyen_thanh", "@radio", "radio"),
                            _n("Khó khăn, vướng mắc", "kho_khan_tuyen_truyen", "propaganda_difficulties"),
                        ),
                    ),
                ),
            ),
            _n("Định hướng triển khai {next}", "dinh_huong", "tasks_next"),
            _n("Các đề xuất, kiến nghị", "de_xuat", "proposals"),
        ),
    ),
    "digital_transformation": (
        "I. 1. a)",
        (
            _n(
                "Kết quả triển khai chuyển đổi số {period}",
                "ket_qua",
                children=(
                    _n("Công tác chỉ đạo, điều hành", "chi_dao", "@citations", "direction"),
                    _n("Kết quả thực hiện các nhiệm vụ được giao", "nhiem_vu", "overview"),
                    _n(
                        "Kết quả thực hiện các mục tiêu về chuyển đổi số",
                        "muc_tieu",
                        children=(
                            _n("Nhận thức số", "nhan_thuc_so", "digital_awareness"),
                            _n("Nhân lực số", "nhan_luc_so", "@teams", "digital_workforce"),
                            _n(
                                "Phát triển chính quyền điện tử hướng đến chính quyền số",
                                "chinh_quyen_so",
                                "egov",
                                "public_services",
                            ),
                            _n("Dữ liệu số, kết quả thực hiện Đề án 06", "du_lieu_so", "digital_data"),
                            _n("Kinh tế số", "kinh_te_so", "digital_economy"),
                            _n("Xã hội số, hạ tầng số", "xa_hoi_so", "digital_society", "infrastructure"),
                            _n("Hệ thống truyền thanh cơ sở", "truyen_thanh", "@radio", "radio"),
                            _n("An toàn, an ninh thông tin mạng", "an_toan", "security"),
                        ),
                    ),
                    _n("Việc tiếp nhận hồ sơ và trả kết quả thủ tục hành chính", "ho_so", "@public_services"),
                ),
            ),
            _n(
                "Đánh giá khó khăn, vướng mắc",
                "kho_khan",
                "difficulties",
                children=(_n("Nguyên nhân", "nguyen_nhan", "causes"),),
            ),
            _n(
                "Nhiệm vụ, giải pháp {next}",
                "nhiem_vu_toi",
                children=(
                    _n("Mục tiêu", "muc_tieu_toi", "goals"),
                    _n("Nội dung thực hiện", "noi_dung", "tasks_next"),
                    _n("Nhiệm vụ trọng tâm", "trong_tam", "priorities"),
                    _n("Giải pháp", "giai_phap", "solutions"),
                ),
            ),
            _n("Đề xuất, kiến nghị", "de_xuat", "proposals"),
        ),
    ),
    "department_quarterly": (
        "I. 1. 1.1. a)",
        (
            _n(
                "Kết quả triển khai thực hiện nhiệm vụ",
                "ket_qua",
                children=(
                    _n(
                        "Công tác tham mưu và ban hành các văn bản chỉ đạo, điều hành",
                        "tham_muu",
                        "@citations",
                        "direction",
                    ),
                    _n(
                        "Công tác thực hiện nhiệm vụ chuyên môn",
                        "chuyen_mon",
                        children=(
                            _n("Về Thông tin - Báo chí - Xuất bản", "bao_chi", "press"),
                            _n(
                                "Về Bưu chính - Viễn thông, Công nghệ thông tin",
                                "bcvt_cntt",
                                "post_telecom",
                                "infrastructure",
                                "egov",
                                "public_services",
                                "@public_services",
                            ),
                            _n(
                                "Về công tác thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo",
                                "thanh_tra",
                                "inspection",
                            ),
                            _n("Triển khai thực hiện các dự án đầu tư công", "du_an", "projects"),
                            _n("Công tác khác", "khac", "other"),
                        ),
                    ),
                ),
            ),
            _n(
                "Đánh giá kết quả đạt được",
                "danh_gia",
                children=(
                    _n("Thuận lợi", "thuan_loi", "advantages"),
                    _n("Khó khăn, hạn chế", "kho_khan", "difficulties"),
                ),
            ),
            _n("Một số nhiệm vụ {next}", "nhiem_vu_toi", "tasks_next"),
            _n("Đề xuất, kiến nghị", "de_xuat", "proposals"),
        ),
    ),
}


class _Content:
    """The old file's content, taken out topic by topic so that what is left can be placed at the end."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.narrative: dict[str, Any] = dict(data.get("narrative") or {})
        self.lists = {name: list(data.get(name) or []) for name in ("figures", "indicators", "targets")}
        self.data = {name: data.get(name) for name in DATA_BLOCKS if data.get(name)}

    def take(self, name: str) -> tuple[list[Any], list[dict[str, Any]]]:
        """The blocks of a topic or a data block, and the sub-sections its '# ' lines start."""
        if name.startswith("@"):
            name = name[1:]
            value = self.data.pop(name, None)
            if value is None:
                return [], []
            if name == "citations":
                return [{"citation": item} for item in value], []
            return [{name: value}], []
        blocks, subsections = _text_blocks(self.narrative.pop(name, None))
        # the topic's items were printed after its text: under its last '# ' heading, if it had one
        last = subsections[-1]["content"] if subsections else blocks
        for kind in ("figures", "indicators", "targets"):
            mine = [item for item in self.lists[kind] if _topic(item, kind) == name]
            self.lists[kind] = [item for item in self.lists[kind] if item not in mine]
            last += [_block(kind, item) for item in mine]
        return blocks, subsections

    def left(self) -> list[str]:
        """Topics and data blocks not yet placed, in the order of the topics."""
        topics = {t for t, text in self.narrative.items() if text}
        topics |= {_topic(item, kind) for kind, items in self.lists.items() for item in items}
        ordered = [t.value for t in Topic if t.value in topics and t.value not in ("opening", "closing")]
        return ordered + [f"@{name}" for name in self.data]


def _topic(item: Any, kind: str) -> str:
    default = "goals" if kind == "targets" else ""
    return str(item.get("topic") or default) if isinstance(item, dict) else default


def _block(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    body = {k: v for k, v in item.items() if k != "topic"}
    if kind == "figures":
        whole = body.pop("whole_parts", None)
        if isinstance(whole, str) and whole.strip().lower() in ("false", "không", "khong"):
            body["parts_are"] = "of_which"
        return {"figure": body}
    if kind == "indicators":
        return {"indicator": body}
    word = COMPARISON_WORDS.get(str(body.pop("comparison", "at_least")), "")
    body["value"] = f"{word} {body['value']}".strip() if body.get("value") is not None else body.get("value")
    return {"target": body}


def _text_blocks(text: Any) -> tuple[list[Any], list[dict[str, Any]]]:
    """Narrative text as text blocks; each '# ' line starts a sub-section holding the lines after it."""
    if not isinstance(text, str) or not text.strip():
        return [], []
    head: list[str] = []
    subsections: list[dict[str, Any]] = []
    for line in text.splitlines():
        if line.strip().startswith("# "):
            subsections.append({"title": line.strip()[2:].strip(), "content": []})
        elif subsections:
            subsections[-1]["content"].append(line)
        else:
            head.append(line)
    for section in subsections:
        lines = "\n".join(section["content"]).strip()
        section["content"] = [lines] if lines else []
    blocks = ["\n".join(head).strip()] if "\n".join(head).strip() else []
    return blocks, subsections


def _section(node: Node, content: _Content, labels: dict[str, str]) -> dict[str, Any] | None:
    blocks: list[Any] = []
    subsections: list[dict[str, Any]] = []
    for name in node.holds:
        more, subs = content.take(name)
        blocks += more
        subsections += subs
    subsections = [
        s for s in (*subsections, *(_section(child, content, labels) for child in node.children)) if s is not None
    ]
    if not blocks and not subsections:
        return None
    section: dict[str, Any] = {"title": node.title.format(**labels), "key": node.key}
    if blocks:
        section["content"] = blocks
    if subsections:
        section["sections"] = subsections
    return section


def upgrade(data: dict[str, Any], report: ByTopic) -> dict[str, Any]:
    """The outline form of a file of the format by topic (plain data in, plain data out)."""
    document = dict(data["document"])
    kind = str(document.pop("kind", "ict"))
    numbering, nodes = KINDS[kind]
    period = report.document.period
    labels = {"period": period.label, "next": period.following().label}
    content = _Content(data)
    sections = [s for s in (_section(node, content, labels) for node in nodes) if s is not None]
    for name in content.left():
        title = TITLES[Topic(name)] if not name.startswith("@") else DATA_TITLES[name[1:]]
        blocks, subsections = content.take(name)
        section: dict[str, Any] = {"title": title, "key": name.lstrip("@"), "content": blocks}
        if subsections:
            section["sections"] = subsections
        sections.append(section)
    out: dict[str, Any] = {"document": document, "numbering": numbering}
    opening, _ = _text_blocks(data.get("narrative", {}).get("opening") if data.get("narrative") else None)
    closing, _ = _text_blocks(data.get("narrative", {}).get("closing") if data.get("narrative") else None)
    if opening:
        out["opening"] = opening
    out["sections"] = sections
    if closing:
        out["closing"] = closing
    return out


OLD_KINDS = ("ict", "digital_transformation", "department_quarterly")  # the templates of the format by topic

SUMMARY_KINDS = {"figures": "figure", "indicators": "indicator"}
"""The old keys of a unit's row whose values are now its ``summary`` by block type, as they were."""


def upgrade_rows(data: dict[str, Any]) -> dict[str, Any] | None:
    """A rolled-up report whose rows keep each unit's values the old way, with its rows as rollup writes them now.

    ``figures`` and ``indicators`` become the row's ``summary`` by block type, and the rows of each
    form (``tables``) the form's block under its key, labelled as the đề cương's item. None when a
    row keeps a budget or radio stations: those rows come from units written by topic, to upgrade
    and roll up again.
    """
    rollup = data["rollup"]
    labels = {item.get("key"): item.get("label") for item in rollup.get("by_unit", []) if isinstance(item, dict)}
    rows = []
    for row in rollup["units"]:
        if not isinstance(row, dict) or "budget" in row or "stations" in row:
            return None
        new = {key: value for key, value in row.items() if key not in (*SUMMARY_KINDS, "tables", "blocks")}
        summary = {kind: row[old] for old, kind in SUMMARY_KINDS.items() if row.get(old)}
        if summary:
            new["summary"] = summary
        blocks = dict(row.get("blocks") or {})
        for key, form in (row.get("tables") or {}).items():
            blocks[key] = {"rows": form, "label": labels.get(key) or key}
        if blocks:
            new["blocks"] = blocks
        rows.append(new)
    return {**data, "rollup": {**rollup, "units": rows}}


STARTING = {
    "ict": "Báo cáo tình hình quản lý và triển khai công tác thông tin và truyền thông (huyện, xã)",
    "digital_transformation": "Báo cáo kết quả chuyển đổi số của kỳ, nhiệm vụ, giải pháp kỳ tới",
    "department_quarterly": "Báo cáo tình hình thực hiện nhiệm vụ của một sở trong quý, nhiệm vụ quý tới",
    "tasks_report": "Báo cáo ngắn: kết quả, nhiệm vụ, bảng nhiệm vụ - tiến độ, tồn tại, kiến nghị (như báo cáo 001)",
}
KINDS["tasks_report"] = (
    "1. a)",
    (
        _n("Tình hình thực hiện {period}", "ket_qua", "overview"),
        _n("Nhiệm vụ trọng tâm {next}", "nhiem_vu_toi", "tasks_next"),
        _n("Nội dung, nhiệm vụ, dự án", "bang_nhiem_vu", "@tasks"),
        _n("Một số tồn tại, hạn chế", "ton_tai", "difficulties"),
        _n(
            "Đề xuất, kiến nghị",
            "de_xuat",
            children=(
                _n("Đối với UBND tỉnh", "de_xuat_tinh", "proposals"),
                _n("Đối với Sở …", "de_xuat_so", "proposals"),
            ),
        ),
    ),
)
HEADER = """\
# yaml-language-server: $schema=../../schemas/report.schema.json
#
# Đề cương khởi đầu: {name}.
# Chép tệp này, điền phần document, rồi viết nội dung từng mục vào content
# (xem README: "Writing a report in its own outline"). Mục không có nội dung
# thì không được in; có thể đổi tên, thêm, bớt, sắp xếp lại các mục.
# Generated from baocao.upgrade.convert.KINDS: `python -m baocao.upgrade.convert data/outlines`.

document:
  level: commune                # commune, district, department, province
  parent_body: UBND tỉnh …
  issuing_body: Ủy ban nhân dân xã …
  short_name: UBND xã …         # cách gọi đơn vị trong câu
  area: xã …                    # "trên địa bàn …"
  symbol: BC-UBND
  place: …
  period: {{type: half_year, number: 1, year: 2026}}
  subject: …
  recipients: [UBND tỉnh]
  signer: {{on_behalf_of: Ủy ban nhân dân, authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: …}}
numbering: {numbering}
sections:
"""


def starting_outline(kind: str) -> str:
    """The outline of a report kind as a unit file to copy: headings, and what goes under each as a comment."""
    numbering, nodes = KINDS[kind]
    labels = {"period": "kỳ này", "next": "kỳ tới"}
    lines = [HEADER.format(name=STARTING[kind], numbering=numbering)]

    def emit(node: Node, indent: int) -> None:
        pad = " " * indent
        lines.append(f"{pad}- title: {node.title.format(**labels)}\n{pad}  key: {node.key}\n")
        what = [TITLES[Topic(h)] if not h.startswith("@") else DATA_TITLES.get(h[1:], h[1:]) for h in node.holds]
        if node.holds:
            lines.append(f"{pad}  content: []  # {'; '.join(what)}\n")
        if node.children:
            lines.append(f"{pad}  sections:\n")
            for child in node.children:
                emit(child, indent + 4)

    for node in nodes:
        emit(node, 2)
    return "".join(lines)


def write_starting_outlines(folder: str) -> list[str]:
    """Write every starting outline into ``folder``; return the files written."""
    written = []
    for kind in STARTING:
        target = Path(folder) / f"{kind}.yaml"
        write_atomic(target, starting_outline(kind).encode("utf-8"))
        written.append(str(target))
    return written


if __name__ == "__main__":  # pragma: no cover - regenerates data/outlines
    import sys

    sys.stdout.write("\n".join(write_starting_outlines(sys.argv[1] if len(sys.argv) > 1 else "data/outlines")) + "\n")
