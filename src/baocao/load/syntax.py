"""What the YAML parser could not read, said in the clerk's words with the line to write.

The parser (libyaml or PyYAML) says what stopped it in English ("mapping values are not
allowed here"); :func:`explain` names the common mistakes behind each of its problems in
Vietnamese and English and, where the line tells how, writes the line as it should be
(``short_name: "UBND xã: Minh Tân"``). A problem not known here is said in general words in
Vietnamese, and as the parser said it in English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GENERIC_FIX = (
    "Kiểm tra thụt lề (chỉ dùng dấu cách), dấu hai chấm sau tên khóa và dấu nháy đóng mở.",
    "Check the indentation (spaces only), the colon after each key and closing quotes.",
)
QUOTE_FIX = (
    "Đặt cả giá trị trong dấu nháy, viết: {line}",
    "Put the whole value in quotes: {line}",
)
VALUE = re.compile(r"^(?P<head>\s*(?:-\s+)*(?:[^\s:'\"#{\[-][^:#]*?:\s+)?)(?P<value>.*?)\s*$")
KEY_WITHOUT_COLON = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_]+)\s+(?P<rest>\S.*?)\s*$")


@dataclass(frozen=True)
class Said:
    """A syntax problem in both languages, with its fix; ``at_context`` places it at the parser's context mark."""

    problem: tuple[str, str]
    fix: tuple[str, str] = GENERIC_FIX
    at_context: bool = False

    def params(self) -> dict[str, str]:
        """The params of a BC002 finding."""
        return {"problem": self.problem[0], "problem_en": self.problem[1], "fix": self.fix[0], "fix_en": self.fix[1]}


def quoted(value: str) -> str:
    """``value`` in the quotes YAML reads it back from: double, or single when it holds a double quote."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def with_value_quoted(line: str) -> str | None:
    """The line with its value in quotes (``key: "…"``, ``- "…"``), or None when it has no value to quote."""
    match = VALUE.match(line)
    if match is None or not match.group("value") or match.group("value")[0] in "\"'":
        return None
    return match.group("head") + quoted(match.group("value"))


def with_cell_quoted(line: str, column: int) -> str | None:
    """A flow row (``{a: x, b: y: z}``) with the cell at ``column`` (1-based) in quotes, or None."""
    start = max(line.rfind(",", 0, column - 1), line.rfind("{", 0, column - 1), line.rfind("[", 0, column - 1)) + 1
    ends = [i for i in (line.find(",", column - 1), line.find("}", column - 1), line.find("]", column - 1)) if i >= 0]
    if start <= 0 or not ends:
        return None
    cell = line[start : min(ends)]
    key, colon, value = cell.partition(": ")
    if line[start - 1] == "{" or (colon and re.fullmatch(r"\s*[A-Za-z_]\w*", key)):
        new_cell = f"{key}: {quoted(value.strip())}" if colon else cell
    else:
        new_cell = " " + quoted(cell.strip())
    return line[:start] + new_cell + line[min(ends) :]


def _fix(texts: tuple[str, str], **words: str) -> tuple[str, str]:
    return texts[0].format(**words), texts[1].format(**words)


WORD_QUOTES = (
    " Dấu “ ” của Word không phải dấu nháy của YAML: dùng \" hoặc '.",
    " Word's “ ” are not YAML quotes: use \" or '.",
)


def explain(problem: str, context: str, line: str, context_line: str, column: int, word_quotes: bool) -> Said:
    """The problem the parser names (``problem``, ``context``) at ``line``; ``context_line`` is the context mark's.

    Word's quotes (“ ”) on either line are said not to be quotes, whatever the problem.
    """
    said = _explain(problem, context, line, context_line, column, word_quotes)
    if any(quote in line + context_line for quote in "“”") and WORD_QUOTES[0] not in said.fix[0]:
        said = Said(said.problem, (said.fix[0] + WORD_QUOTES[0], said.fix[1] + WORD_QUOTES[1]), said.at_context)
    return said


def _explain(problem: str, context: str, line: str, context_line: str, column: int, word_quotes: bool) -> Said:
    text = f"{context} {problem}".lower()
    if "mapping values are not allowed" in text:
        return _mapping_value(line, column)
    if "could not find expected ':'" in text:
        return _key_without_colon(context_line)
    if "block sequence entries are not allowed" in text:
        return _dash_in_value(line, word_quotes)
    if "expected alphabetic or numeric character" in text or "while scanning an alias" in text:
        return _starts_with(line, "'*' hoặc '&' (YAML hiểu là tham chiếu)", "'*' or '&' (YAML reads a reference)")
    if "cannot start any token" in text or "undefined tag handle" in text:
        char = line.strip().removeprefix("- ").split(":", 1)[-1].strip()[:1] or "?"
        return _starts_with(line, f"'{char}'", f"'{char}'")
    if "found unexpected ':'" in text:
        return Said(
            (
                "dấu ':' trong một ô của dòng viết trong { } hoặc [ ]",
                "a ':' inside a cell of a row written in { } or [ ]",
            ),
            _quote_fix(with_cell_quoted(line, column)),
        )
    if "unknown escape character" in text:
        return Said(
            ("dấu '\\' trong giá trị đặt trong dấu nháy kép", "a '\\' inside a double-quoted value"),
            (
                "Dùng dấu nháy đơn cho giá trị có dấu \\ (ví dụ đường dẫn): 'C:\\Báo cáo'.",
                "Use single quotes for a value with a \\ (a path, say): 'C:\\Báo cáo'.",
            ),
        )
    if re.search(r"expected (?:',' or '\]'|',' or '\}')", text) or "flow sequence" in text or "flow mapping" in text:
        return _flow(line, column, "]" if "']'" in text or "sequence" in text else "}")
    if "expected a comment or a line break" in text or "expected comment or line break" in text:
        return Said(
            ("còn chữ sau dấu nháy đóng", "text after the closing quote"),
            _quote_fix(with_value_quoted(line.replace('"', "").replace("'", ""))),
        )
    if "chomping or indentation" in text:
        return Said(
            ("sau dấu '|' hoặc '>' phải xuống dòng", "a '|' or '>' must end its line"),
            (
                "Viết nội dung trên các dòng dưới '|', thụt lề sâu hơn; hoặc đặt giá trị trong dấu nháy.",
                "Write the text on the lines below the '|', indented deeper; or put the value in quotes.",
            ),
        )
    if any(words in text for words in ("expected key", "block end", "'-' indicator", "document start")):
        return _indent(context_line)
    if "expected the node content" in text or "expected node content" in text:
        return Said(
            ("thiếu giá trị, hoặc có dấu thừa, ở đây", "a value is missing, or a sign is one too many, here"),
            (
                "Xóa dấu phẩy, dấu ngoặc thừa; giá trị có dấu phẩy hay ngoặc thì đặt trong dấu nháy.",
                "Delete the extra comma or bracket; put a value holding commas or brackets in quotes.",
            ),
        )
    return Said(("YAML không đọc được tệp từ chỗ này", problem or context or "the file cannot be read from here"))


def _quote_fix(line: str | None) -> tuple[str, str]:
    return _fix(QUOTE_FIX, line=line.strip()) if line else GENERIC_FIX


def _mapping_value(line: str, column: int) -> Said:
    in_flow = "{" in line[: column - 1] or "[" in line[: column - 1]
    written = with_cell_quoted(line, column) if in_flow else with_value_quoted(line)
    return Said(
        (
            "dấu ': ' trong một giá trị (YAML hiểu là bắt đầu một khóa mới)",
            "a ': ' inside a value (YAML reads it as the start of another key)",
        ),
        _quote_fix(written),
    )


def _key_without_colon(line: str) -> Said:
    match = KEY_WITHOUT_COLON.match(line)
    fix = (
        (
            f"Sau tên khóa phải có dấu hai chấm và một dấu cách, viết: {match['indent'].strip()}{match['key']}: "
            f"{match['rest']}".replace(":  ", ": "),
            f"A key takes a colon and a space after it: {match['key']}: {match['rest']}",
        )
        if match
        else (
            "Nếu đây là một đoạn văn bị ngắt xuống dòng, đặt cả đoạn trong dấu nháy, hoặc viết sau '|' "
            "trên các dòng dưới; nếu là một khóa, thêm dấu ':' sau tên khóa.",
            "If this is a paragraph broken over lines, put it in quotes or write it after '|' on the "
            "lines below; if it is a key, add ':' after its name.",
        )
    )
    return Said(
        ("thiếu dấu ':' sau tên khóa, hoặc một dòng văn bản bị ngắt xuống dòng", "a ':' is missing after a key"),
        fix,
        at_context=True,
    )


def _dash_in_value(line: str, word_quotes: bool) -> Said:
    words = WORD_QUOTES
    return Said(
        (
            "dấu '- ' (gạch đầu dòng) đứng ở chỗ đang viết một giá trị",
            "a '- ' (a bullet) stands where a value is being written",
        ),
        (
            "Mỗi mục '- ' viết trên một dòng riêng, thẳng cột với các mục '- ' khác; nếu gạch đầu dòng là một phần "
            'đoạn văn, đặt cả đoạn trong dấu nháy: - "- Nội dung …"' + (words[0] if word_quotes else ""),
            "Write each '- ' item on its own line, in line with the other items; if the dash belongs to the "
            'text, put the whole paragraph in quotes: - "- text …"' + (words[1] if word_quotes else ""),
        ),
    )


def _starts_with(line: str, char_vi: str, char_en: str) -> Said:
    return Said(
        (f"giá trị không được bắt đầu bằng {char_vi}", f"a value cannot start with {char_en}"),
        _quote_fix(with_value_quoted(line)),
    )


def _flow(line: str, column: int, closing: str) -> Said:
    start = max(line.rfind(",", 0, column - 1), line.rfind("{", 0, column - 1), line.rfind("[", 0, column - 1)) + 1
    ends = [i for i in (line.find(",", column - 1), line.find("}", column - 1)) if i >= 0]
    cell = line[start : min(ends)] if ends and start > 0 else ""
    if cell.count(": ") > 1 or (closing == "]" and ": " in cell):  # a colon inside a cell
        return Said(
            ("dấu ': ' trong một ô của dòng viết trong { } hoặc [ ]", "a ': ' inside a cell of a row in { } or [ ]"),
            _quote_fix(with_cell_quoted(line, column)),
        )
    opening = "[" if closing == "]" else "{"
    return Said(
        (
            f"dòng viết trong {opening} {closing} chưa đóng, hoặc thiếu dấu phẩy giữa các ô",
            f"a row written in {opening} {closing} is not closed, or lacks a comma between cells",
        ),
        (
            f"Đóng dấu '{closing}' ở cuối dòng; ô có dấu phẩy hay dấu hai chấm thì đặt trong dấu nháy: \"3,5\".",
            f"Close the '{closing}' at the end of the line; put a cell holding a comma or a colon in quotes: \"3,5\".",
        ),
        at_context=True,
    )


def _indent(context_line: str) -> Said:
    width = len(context_line) - len(context_line.lstrip(" "))
    example = context_line.strip()[:40]
    return Said(
        ("thụt lề không thẳng cột với các dòng cùng cấp", "the indentation is out of line with the lines beside it"),
        (
            f"Thụt lề dòng này bằng đúng số dấu cách của các dòng cùng cấp (dòng '{example}' thụt {width} dấu cách); "
            "chỉ dùng dấu cách, không dùng tab.",
            f"Indent this line as its siblings are (the line '{example}' is indented {width} spaces); spaces only.",
        ),
    )


def unclosed(closed_at: int | None, word_quotes: bool) -> Said:
    """A quote that nothing closes (``closed_at`` None), or that only a later quote closes, at ``closed_at``."""
    if closed_at is None:
        problem = ("dấu nháy mở ở đây chưa được đóng", "the quote opened here is not closed")
    else:
        problem = (
            f"dấu nháy mở ở đây kéo dài tới dòng {closed_at}: có lẽ thiếu dấu nháy đóng",
            f"the quote opened here runs to line {closed_at}: its closing quote is probably missing",
        )
    fix = (
        "Thêm dấu nháy đóng (cùng loại với dấu mở: \" hoặc ') ở cuối giá trị.",
        "Add the closing quote (the same as the opening one: \" or ') at the end of the value.",
    )
    if word_quotes:
        problem = (
            problem[0] + " (dấu “ ” của Word không phải dấu nháy của YAML: dùng \" hoặc ')",
            problem[1] + " (“ ” from Word are not YAML quotes; write \" or ')",
        )
    return Said(problem, fix)


KEY_NOT_TEXT = Said(
    ("tên khóa phải là chữ, không phải một danh sách hay bảng", "a key must be plain text"),
    (
        "Viết tên khóa rồi dấu ':' (ví dụ 'title: …'); nếu đây là nội dung, đặt trong dấu nháy.",
        "Write a key's name then ':' (e.g. 'title: …'); if this is text, put it in quotes.",
    ),
)
