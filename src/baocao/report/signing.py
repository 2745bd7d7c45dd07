"""Who signs for whom (Decree 30, Điều 13 and Phụ lục I, II.7): the lines above the signature.

"TM." goes before the name of a collective body (TM. ỦY BAN NHÂN DÂN); "KT." before
the head's title when a deputy signs for the head (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC);
"TL.", "TUQ." and "Q." before the head's title too. A deputy ("Phó …") who signs
with no authority written signs for the head: the block prints "KT. <head>" and
validate says to write it (BC313). A body run by its head (a Sở, a Phòng) has no
"TM." (BC314); the deputy of a collective's head signs for the collective too ("TM. ỦY BAN
NHÂN DÂN / KT. CHỦ TỊCH"), and ``baocao new`` writes "TM." for a collective body.
"""

from __future__ import annotations

import re
from typing import NamedTuple

DEPUTY = re.compile(r"^\s*phó\s+(.+?)(?:\s+thường trực)?\s*$", re.IGNORECASE)
"""A deputy's title: "Phó Giám đốc" is the deputy of the "Giám đốc"."""
COLLECTIVES = (
    (re.compile(r"^\s*(?:(?:ủy|uỷ) ban nhân dân|ubnd)\b", re.IGNORECASE), "Ủy ban nhân dân", "Chủ tịch"),
    (re.compile(r"^\s*(?:ban chỉ đạo|bcđ)\b", re.IGNORECASE), "Ban Chỉ đạo", "Trưởng ban"),
    (re.compile(r"^\s*(?:hội đồng nhân dân|hđnd)\b", re.IGNORECASE), "Thường trực Hội đồng nhân dân", "Chủ tịch"),
)
"""Bodies that decide as a collective: the name that follows "TM." and the title of their head."""
HEAD_RUN = re.compile(
    r"^\s*(?:sở|phòng|cục|chi cục|tổng cục|vụ|trung tâm|văn phòng|đài|trường|bệnh viện)\b", re.IGNORECASE
)
"""Bodies run by their head (chế độ thủ trưởng): they sign with no "TM."."""


class Signing(NamedTuple):
    """The signer's block as Decree 30 has it: the collective after "TM.", the authority and the head's title."""

    on_behalf_of: str | None
    authority: str | None
    head_title: str | None
    title: str


def head_of(title: str) -> str | None:
    """The head a deputy stands for: "Phó Giám đốc" → "Giám đốc"; None for a title that is not a deputy's."""
    found = DEPUTY.match(title)
    return found[1][:1].upper() + found[1][1:] if found else None


def signing(written: Signing, issuing_body: str = "") -> Signing:
    """The block as printed: a deputy with no authority written signs "KT." for the head.

    The deputy of a collective body's head signs for the collective too: "TM. ỦY BAN NHÂN DÂN /
    KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". A block that writes its authority is printed as written.
    """
    head = head_of(written.title)
    if written.authority is not None or head is None:
        return written
    body = collective(issuing_body)
    on_behalf_of = written.on_behalf_of or (body[0] if body and _same(body[1], head) else None)
    return Signing(on_behalf_of, "KT", head, written.title)


def lines(signed: Signing) -> list[str]:
    """The upper-case lines above the signature: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"."""
    found = [f"TM. {signed.on_behalf_of}"] if signed.on_behalf_of else []
    if signed.authority and signed.head_title:
        found.append(f"{signed.authority}. {signed.head_title}")
    found.append(signed.title)
    return [line.upper() for line in found]


def collective(issuing_body: str) -> tuple[str, str] | None:
    """The collective an issuing body signs for and the title of its head, or None for a body run by its head."""
    for pattern, name, head in COLLECTIVES:
        if pattern.match(issuing_body):
            return name, head
    return None


class Advice(NamedTuple):
    """A signature block Decree 30 words otherwise: which rule (code), and what to write."""

    code: str
    field: str
    params: dict[str, str]


def advice(written: Signing, issuing_body: str = "") -> list[Advice]:
    """What the signature block lacks or has wrong, each with the lines to write in ``signer``."""
    found = []
    head = head_of(written.title)
    title = written.title
    if written.authority is None and head is not None:
        printed = signing(written, issuing_body)
        fix = f"authority: KT, head_title: {head}"
        if printed.on_behalf_of and not written.on_behalf_of:
            fix = f"on_behalf_of: {printed.on_behalf_of}, {fix}"
        block = " / ".join(lines(printed)[:-1])
        found.append(Advice("BC313", "title", {"title": title, "head": block, "fix": fix}))
    elif written.authority == "KT" and written.head_title and _same(written.head_title, title):
        found.append(Advice("BC313/head_signs", "authority", {"title": title, "head": title.upper(), "fix": ""}))
    if written.on_behalf_of and HEAD_RUN.match(written.on_behalf_of):
        found.append(Advice("BC314", "on_behalf_of", {"stated": written.on_behalf_of, "fix": ""}))
    return found


def _same(one: str, other: str) -> bool:
    return " ".join(one.lower().split()) == " ".join(other.lower().split())
