"""Where the header and title lines break, and how long the rules under them are.

Decree 30 asks for a rule of 1/3 to 1/2 of the text line under the issuing
body and under the trích yếu, and one as long as the text under the Tiêu ngữ.
LibreOffice and Word wrap wherever a line is full, which breaks a name such as
"SỞ THÔNG TIN VÀ TRUYỀN / THÔNG" inside a phrase and leaves the rule sized for
a line that is not there. So the lines are chosen here, with the widths of
:mod:`baocao.write.metrics`, and written with explicit breaks: a body's name breaks
only before the word that starts a phrase ("HUYỆN …", "VÀ …"), the trích yếu
into the fewest lines. A rule is measured from the longest line of the text above it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from baocao.write import metrics

# Words that start a phrase inside the name of a body: an administrative unit,
# a conjunction, or the name of a body inside another one's.
PHRASE_STARTS = (
    "TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU",
    "VÀ", "CỦA", "VỀ", "TẠI", "THUỘC", "TRỰC THUỘC",
    "ỦY BAN", "UỶ BAN", "UBND", "HĐND", "HỘI ĐỒNG", "BAN", "SỞ", "PHÒNG", "VĂN PHÒNG", "TRUNG TÂM",
    "CHI CỤC", "CỤC", "VỤ", "BỘ", "TỔNG CỤC", "ĐÀI", "TRƯỜNG", "BỆNH VIỆN", "CÔNG TY", "BAN QUẢN LÝ",
    "KHU", "ĐẢNG ỦY", "ĐOÀN",
)  # fmt: skip
TITLE_PHRASE_STARTS = (
    "trên", "về", "và", "của", "tại", "trong", "theo", "với", "cho", "đến", "từ", "06 tháng", "09 tháng",
    "giai đoạn", "định hướng", "nhiệm vụ", "phương hướng", "kế hoạch", "phục vụ", "ngành", "lĩnh vực",
)  # fmt: skip
MAX_TITLE_LINES = 4  # a longer title is left to the renderer to wrap
JOINING = ("VÀ", "CỦA", "VỀ", "TẠI", "THUỘC")
# A rule is this share of the line above it when the lines allow: the middle of 1/3 and 1/2.
RULE_SHARE = 5 / 12


def phrase_breaks(words: Sequence[str]) -> list[int]:
    """Indices of the words before which a body's name may break."""
    upper = [word.upper() for word in words]
    breaks = []
    for index in range(1, len(words)):
        if upper[index - 1] in JOINING:
            continue  # "… VÀ / UBND …" would part the conjunction from what it joins
        following = " ".join(upper[index : index + 2])
        if any(following == start or following.startswith(start + " ") for start in PHRASE_STARTS):
            breaks.append(index)
    return breaks


def name_lines(text: str, width_cm: float, size_pt: float, bold: bool) -> list[str]:
    """The name of a body in as few lines as fit ``width_cm``, broken only between phrases.

    Among the fewest lines, the most even; when no choice of phrase breaks fits,
    every phrase on a line of its own (the renderer then wraps a line too long).
    """
    words = _words(text)
    breaks = phrase_breaks(words)
    found = _fewest_lines(words, breaks, width_cm, _measurer(size_pt, bold))
    return found or _lines(words, breaks) or [text]


def title_lines(text: str, width_cm: float, size_pt: float, bold: bool) -> list[str]:
    """``text`` in the fewest lines that fit ``width_cm``, broken between phrases if it can.

    A line breaks after a comma or before a word that starts a phrase ("trên
    địa bàn …", "năm 2024"), else between any two words, never inside one
    ("nhiệm / vụ"). Two lines where two fit, never three shorter ones (a break
    between phrases only where it costs no line); of the fewest, the one whose
    longest line is shortest.
    """
    words = _words(text)
    measure = _measurer(size_pt, bold)
    if not words or measure(text) <= width_cm or measure(text) > MAX_TITLE_LINES * width_cm:
        return [text]  # one line, or so many that the renderer may as well wrap them
    good = [
        index
        for index in range(1, len(words))
        if words[index - 1].endswith((",", ";", ":")) or _starts(words[index:], TITLE_PHRASE_STARTS)
    ]
    found = _fewest_lines(words, good, width_cm, measure)
    anywhere = _fewest_lines(words, list(range(1, len(words))), width_cm, measure)
    if found is not None and (anywhere is None or len(found) <= len(anywhere)):
        return found
    return anywhere or [text]


def _words(text: str) -> list[str]:
    """The words of a line, split at spaces only: no-break spaces (the blanks of "ngày      tháng") stay."""
    return [word for word in text.split(" ") if word]


def _starts(words: Sequence[str], starts: Sequence[str]) -> bool:
    following = " ".join(words[:2]).lower()
    return any(following == start or following.startswith(start + " ") for start in starts)


def _lines(words: Sequence[str], cuts: Sequence[int]) -> list[str]:
    return [" ".join(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]


def _fewest_lines(
    words: Sequence[str], breaks: Sequence[int], width_cm: float, measure: Callable[[str], float]
) -> list[str] | None:
    """The fewest lines, broken at ``breaks`` only, that fit ``width_cm``; of those the shortest longest line.

    None when nothing fits.
    """
    points = [0, *breaks, len(words)]
    # best[(lines, i)]: the shortest longest line putting words[:points[i]] in `lines` lines, and the cuts
    best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}
    for lines in range(1, len(points)):
        for end in range(1, len(points)):
            choice: tuple[float, tuple[int, ...]] | None = None
            for start in range(end - 1, -1, -1):  # longer lines as start moves back: stop at the first too long
                width = measure(" ".join(words[points[start] : points[end]]))
                if width > width_cm:
                    break
                previous = best.get((lines - 1, start))
                if previous is None:
                    continue
                candidate = (max(previous[0], width), (*previous[1], points[end]))
                if choice is None or candidate[0] < choice[0]:
                    choice = candidate
            if choice is not None:
                best[(lines, end)] = choice
        done = best.get((lines, len(points) - 1))
        if done is not None:
            return _lines(words, done[1][:-1])
    return None


def rule_cm(lines_cm: Sequence[float]) -> float:
    """Length of a rule under lines of these widths: 5/12 of the longest, the middle of Decree 30's 1/3-1/2."""
    return max(lines_cm) * RULE_SHARE


@cache
def _measurer(size_pt: float, bold: bool) -> Callable[[str], float]:
    @lru_cache(maxsize=8192)
    def measure(line: str) -> float:
        return metrics.width_cm(line, size_pt, bold=bold)

    return measure
