"""The topics a report speaks of.

A template places each topic in its outline; narrative, figures and
indicators name the topic they belong to.
"""

import enum


class Topic(enum.StrEnum):
    """Where in the report a piece of content belongs."""

    OPENING = "opening"
    SITUATION = "situation"
    OVERVIEW = "overview"
    DIRECTION = "direction"
    INFRASTRUCTURE = "infrastructure"
    EGOV = "egov"
    PUBLIC_SERVICES = "public_services"
    STAFF = "staff"
    POST_TELECOM = "post_telecom"
    PROJECTS = "projects"
    PRESS = "press"
    INSPECTION = "inspection"
    PROPAGANDA = "propaganda"
    RADIO = "radio"
    DIGITAL_AWARENESS = "digital_awareness"
    DIGITAL_WORKFORCE = "digital_workforce"
    DIGITAL_DATA = "digital_data"
    DIGITAL_ECONOMY = "digital_economy"
    DIGITAL_SOCIETY = "digital_society"
    SECURITY = "security"
    OTHER = "other"
    ADVANTAGES = "advantages"
    DIFFICULTIES = "difficulties"
    PROPAGANDA_DIFFICULTIES = "propaganda_difficulties"
    CAUSES = "causes"
    GOALS = "goals"
    TASKS_NEXT = "tasks_next"
    PRIORITIES = "priorities"
    SOLUTIONS = "solutions"
    PROPOSALS = "proposals"
    CLOSING = "closing"


TITLES: dict[Topic, str] = {
    Topic.OPENING: "Mở đầu: căn cứ, lý do báo cáo",
    Topic.SITUATION: "Đặc điểm tình hình, tình hình kinh tế - xã hội",
    Topic.OVERVIEW: "Khái quát kết quả",
    Topic.DIRECTION: "Công tác lãnh đạo, chỉ đạo",
    Topic.INFRASTRUCTURE: "Hạ tầng kỹ thuật",
    Topic.EGOV: "Ứng dụng công nghệ thông tin, chính quyền điện tử, chính quyền số",
    Topic.PUBLIC_SERVICES: "Thủ tục hành chính, dịch vụ công trực tuyến",
    Topic.STAFF: "Nguồn nhân lực",
    Topic.POST_TELECOM: "Bưu chính, viễn thông",
    Topic.PROJECTS: "Dự án đầu tư",
    Topic.PRESS: "Thông tin - Báo chí - Xuất bản",
    Topic.INSPECTION: "Thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo",
    Topic.PROPAGANDA: "Thông tin, tuyên truyền",
    Topic.RADIO: "Hệ thống truyền thanh cơ sở",
    Topic.DIGITAL_AWARENESS: "Nhận thức số",
    Topic.DIGITAL_WORKFORCE: "Nhân lực số",
    Topic.DIGITAL_DATA: "Dữ liệu số, Đề án 06",
    Topic.DIGITAL_ECONOMY: "Kinh tế số",
    Topic.DIGITAL_SOCIETY: "Xã hội số",
    Topic.SECURITY: "An toàn, an ninh thông tin mạng",
    Topic.OTHER: "Công tác khác",
    Topic.ADVANTAGES: "Thuận lợi",
    Topic.DIFFICULTIES: "Khó khăn, vướng mắc, tồn tại, hạn chế",
    Topic.PROPAGANDA_DIFFICULTIES: "Khó khăn, vướng mắc trong công tác thông tin, tuyên truyền",
    Topic.CAUSES: "Nguyên nhân",
    Topic.GOALS: "Mục tiêu kỳ tới",
    Topic.TASKS_NEXT: "Nhiệm vụ, định hướng kỳ tới",
    Topic.PRIORITIES: "Nhiệm vụ trọng tâm",
    Topic.SOLUTIONS: "Giải pháp",
    Topic.PROPOSALS: "Đề xuất, kiến nghị",
    Topic.CLOSING: "Câu kết thúc",
}
