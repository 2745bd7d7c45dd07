"""The command line in one language: Vietnamese by default, English with ``--lang en``.

The commands' help is written in English beside the options in :mod:`baocao.cli.main`;
:data:`HELP` holds its Vietnamese. click writes its own words (``Usage:``,
``Error: No such option``, ``[default: …]``) through ``gettext``, which each of its
modules binds as ``_`` and ``ngettext``; :func:`use` points those at :data:`CLICK`
for Vietnamese and back at ``gettext`` for English.
"""

from __future__ import annotations

import gettext
import importlib
from collections.abc import Sequence

import click

LANGS = ("vi", "en")
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")

CLICK: dict[str, str] = {
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "(dynamic)": "(động)",
    "Aborted!": "Đã dừng!",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} nhận {nargs} giá trị.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Commands": "Các lệnh",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Error: {message}": "Lỗi: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu tham số",
    "Missing command.": "Thiếu lệnh.",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Options": "Tùy chọn",
    "Positional arguments": "Tham số",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Usage:": "Cách dùng:",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "directory": "thư mục",
    "file": "tệp",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là thư mục.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là tệp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải số hợp lệ.",  # the type's name is English
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "integer": "số nguyên",
    # questions of baocao new (click.prompt)
    "Error: invalid input": "Lỗi: câu trả lời không hợp lệ",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không giống nhau.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Choice({choices})": "Một trong ({choices})",
    # the same messages in earlier click releases that pyproject.toml admits (8.1)
    "No such option: {name}": "Không có tùy chọn: {name}",
    "(Possible options: {possibilities})": "(Các tùy chọn có thể: {possibilities})",
    "{name} '{filename}' is a directory.": "{name} '{filename}' là thư mục.",
    "(Deprecated) {text}": "(Không còn dùng) {text}",
    "{value!r} is not a valid boolean.": "{value!r} không phải giá trị đúng/sai hợp lệ.",
    # ngettext: singular and plural alike
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa tham số ({args})",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
}

HELP: dict[str, str] = {
    # commands
    "baocao: compile Vietnamese administrative reports (Decree 30/2020/NĐ-CP) from YAML data.": (
        "baocao: soạn báo cáo hành chính (Nghị định 30/2020/NĐ-CP) từ dữ liệu YAML."
    ),
    "Build the DOCX report of each unit's YAML file (files, folders or globs).": (
        "Tạo báo cáo DOCX từ tệp YAML của mỗi đơn vị (tệp, thư mục hoặc mẫu tên tệp)."
    ),
    "Check YAML files (or folders, recursively; - for standard input).": (
        "Kiểm tra các tệp YAML (hoặc thư mục, kể cả thư mục con; - là đầu vào chuẩn)."
    ),
    "Show what changed from an older period (OLD) to a newer one (NEW). Exit 0: none, 1: changes, 2: trouble.": (
        "So sánh kỳ trước (OLD) với kỳ sau (NEW). Mã thoát 0: không đổi, 1: có thay đổi, 2: không chạy được."
    ),
    "Compile units' files into the data of the level above (sums; ratios re-computed).": (
        "Tổng hợp tệp của các đơn vị thành dữ liệu của cấp trên (cộng số liệu; tính lại tỷ lệ)."
    ),
    "Write the JSON Schemas of a unit's file and of a đề cương (for editors and other tools).": (
        "Ghi lược đồ JSON Schema của tệp báo cáo và của tệp đề cương (cho trình soạn thảo và công cụ khác)."
    ),
    "Rewrite files of the format by topic (narrative, figures…) as sections; in place, keeping FILE.bak.": (
        "Viết lại tệp dạng cũ theo chủ đề (narrative, figures…) thành các mục (sections); ghi đè, giữ TỆP.bak."
    ),
    "Start the next period from a report: period advanced, last values kept to compare, blanks to fill in.": (
        "Lập tệp kỳ sau từ báo cáo này: sang kỳ mới, giữ số liệu kỳ trước để so sánh, để trống chỗ cần điền."
    ),
    # options
    "Write here (a file, a folder, or - for standard output).": (
        "Ghi ra đây (một tệp, một thư mục, hoặc - là đầu ra chuẩn)."
    ),
    "Overwrite the output if it exists.": "Ghi đè tệp ra nếu đã có.",
    "Write a unit's file to fill in from a đề cương (--outline); without one, list the outlines.": (
        "Tạo tệp báo cáo của đơn vị để điền, theo một đề cương (--outline); không có --outline: liệt kê các đề cương."
    ),
    "The đề cương to follow: an id, or a file.": "Đề cương phải theo: mã đề cương, hoặc tệp .yaml.",
    "Where to write (- for standard output).": "Nơi ghi tệp (- để in ra đầu ra chuẩn).",
    "List the outlines that can be named, and where they are.": "Liệt kê các đề cương có thể dùng, và nơi có chúng.",
    "Ask nothing: use the options, leave '…' where they say nothing.": (
        "Không hỏi: dùng các tùy chọn, để dấu … ở chỗ tùy chọn không ghi."
    ),
    "Level: cấp xã, cấp huyện, sở, cấp tỉnh (or commune, district…).": (
        "Cấp đơn vị: cấp xã (xã, phường), cấp huyện, sở, cấp tỉnh, bộ, trung ương (hoặc mã 'commune'…)."
    ),
    "Parent body (cơ quan chủ quản).": "Cơ quan chủ quản.",
    "Issuing body: Ủy ban nhân dân xã Minh Tân.": "Tên cơ quan ban hành: Ủy ban nhân dân xã Minh Tân.",
    "Name used in sentences: UBND xã Minh Tân.": "Tên gọi trong văn bản: UBND xã Minh Tân.",
    "Area: xã Minh Tân.": "Địa bàn: xã Minh Tân.",
    "Place of the date line: Minh Tân.": "Địa danh ở dòng ngày tháng: Minh Tân.",
    "6 tháng đầu, quý I, tháng 3, 9 tháng, năm (or half_year:1, quarter:1…).": (
        "Kỳ báo cáo: 6 tháng đầu, 6 tháng cuối, quý I, tháng 3, 9 tháng, năm (hoặc mã 'half_year:1'…)."
    ),
    "Year of the period.": "Năm của kỳ báo cáo.",
    "Document symbol: BC-UBND.": "Ký hiệu văn bản: BC-UBND.",
    "Subject (trích yếu).": "Trích yếu.",
    "Signer's title: Chủ tịch, Phó Chủ tịch, Giám đốc.": "Chức vụ người ký: Chủ tịch, Phó Chủ tịch, Giám đốc.",
    "Signer's name.": "Họ và tên người ký.",
    "Language of messages: vi (the default) or en.": "Ngôn ngữ của thông báo: vi (mặc định) hoặc en.",
    "Output .docx file, or folder (default: beside each input).": (
        "Tệp .docx hoặc thư mục để ghi ra (mặc định: cạnh mỗi tệp đầu vào)."
    ),
    "Folder of templates that override the built-in ones.": "Thư mục mẫu thay cho các mẫu có sẵn.",
    "Write the report even when checks find errors.": "Vẫn ghi báo cáo khi kiểm tra thấy lỗi.",
    "An earlier period: add 'tăng/giảm … so với cùng kỳ' and an annex.": (
        "Kỳ trước: thêm 'tăng/giảm … so với cùng kỳ' và một phụ lục."
    ),
    "Also convert to PDF with LibreOffice (one soffice call for the batch).": (
        "Chuyển thêm sang PDF bằng LibreOffice (một lần gọi soffice cho cả loạt)."
    ),
    "Worker processes for a batch (default: all cores).": "Số tiến trình cho một loạt tệp (mặc định: mọi lõi).",
    "How findings are printed: text for people, json, or github annotations.": (
        "Cách in kết quả: text cho người đọc, json, hoặc github (chú thích GitHub Actions)."
    ),
    "Warnings fail too.": "Cảnh báo cũng tính là không đạt.",
    "Check against these templates, as build would.": "Kiểm tra theo các mẫu trong thư mục này, như lệnh build.",
    "Write here (a file, or a folder) instead of in place.": "Ghi ra đây (một tệp, hoặc một thư mục) thay vì ghi đè.",
    "Worker processes (default: all cores, for 64 files or more).": (
        "Số tiến trình (mặc định: mọi lõi, khi có từ 64 tệp)."
    ),
    "How changes are printed: text, markdown or json.": "Cách in thay đổi: text, markdown hoặc json.",
    "Show what changed (the default).": "Chỉ in những gì thay đổi (mặc định).",
    "Show unchanged numbers too.": "In cả số liệu không đổi.",
    "Compare different units or periods of another kind anyway.": (
        "Vẫn so sánh hai đơn vị khác nhau hoặc hai kỳ khác loại."
    ),
    "Header, period, text and signer.": "Tệp cho tiêu đề, kỳ báo cáo, nội dung viết và người ký.",
    "Where to write the combined data.": "Nơi ghi dữ liệu tổng hợp.",
    "Leave out units whose files have errors, and say so.": "Bỏ qua đơn vị có tệp bị lỗi, và ghi rõ điều đó.",
    "Units expected, one per line: report those missing.": (
        "Danh sách đơn vị phải nộp, mỗi dòng một đơn vị: báo các đơn vị thiếu."
    ),
    "Worker processes (default: all cores from 64 files).": "Số tiến trình (mặc định: mọi lõi, khi có từ 64 tệp).",
    "Folder to write the JSON Schema into.": "Thư mục ghi lược đồ JSON Schema.",
    "Replace an output file that baocao did not write.": "Ghi đè cả tệp ra không do baocao ghi.",
    "Time LibreOffice has for --pdf (default: 120 s, and 10 s for each more report).": (
        "Thời gian dành cho LibreOffice khi có --pdf (mặc định: 120 giây, thêm 10 giây cho mỗi báo cáo nữa)."
    ),
    "Take files written by rollup as units (roll-ups of roll-ups).": (
        "Nhận cả tệp do rollup ghi làm đơn vị (tổng hợp các bản tổng hợp)."
    ),
    "Replace an output file that baocao rollup did not write.": "Ghi đè cả tệp ra không do baocao rollup ghi.",
    "Replace an existing output file (never an input nor a backup).": (
        "Ghi đè tệp ra đã có (không bao giờ ghi đè tệp đầu vào hay bản sao lưu)."
    ),
    "Replace files there that are not schemas baocao wrote.": (
        "Ghi đè cả các tệp ở đó không phải lược đồ do baocao ghi."
    ),
    "Write the Excel form a clerk fills in: from an outline (its id or file), or filled with a unit's report.": (
        "Tạo biểu mẫu Excel để đơn vị điền: từ một đề cương (mã hoặc tệp), hoặc điền sẵn số liệu từ báo cáo của đơn vị."
    ),
    "Where to write the form (default: a name from the outline).": (
        "Nơi ghi biểu mẫu (mặc định: tên theo đề cương và kỳ báo cáo)."
    ),
    "Overwrite the output file if it exists.": "Ghi đè tệp ra nếu đã có.",
    "The period of a form made from an outline: 6 tháng đầu, quý I (or half_year:1).": (
        "Kỳ báo cáo của biểu mẫu tạo từ đề cương: 6 tháng đầu, quý I (hoặc mã 'half_year:1')."
    ),
    "The year of that period.": "Năm của kỳ báo cáo đó.",
    "Read filled forms (files or folders) into unit files; a form with errors writes nothing.": (
        "Đọc biểu mẫu Excel đã điền (tệp hoặc thư mục) thành tệp báo cáo YAML; biểu mẫu có lỗi không ghi tệp nào."
    ),
    "Where to write the unit files (default: beside each).": "Nơi ghi tệp báo cáo (mặc định: cạnh mỗi biểu mẫu).",
    "Overwrite unit files that exist.": "Ghi đè tệp báo cáo nếu đã có.",
    "Also write the report's tables as an .xlsx workbook beside the DOCX, numbers as numbers.": (
        "Ghi thêm các bảng của báo cáo ra sổ làm việc .xlsx cạnh tệp DOCX, số ghi dạng số."
    ),
    "A folder of outlines (đề cương) to look in first for an outline named by id; repeatable.": (
        "Thư mục đề cương, tìm trước tiên khi đề cương được ghi bằng mã; có thể ghi nhiều lần."
    ),
}

current = "vi"  # the language of this command line, set by use()
METAVARS = {"vi": ("[TÙY CHỌN]", "LỆNH [THAM SỐ]..."), "en": ("[OPTIONS]", "COMMAND [ARGS]...")}
PARAM_METAVARS = {"LEVEL": "CẤP", "PERIOD": "KỲ"}
"""The names of option values that are words, in Vietnamese."""
_english: dict[int, str | None] = {}  # each command's and option's help as written, by id


def asked(args: Sequence[str]) -> str:
    """The language a command line asks for: the last ``--lang``, else Vietnamese."""
    lang = "vi"
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in LANGS:
            lang = args[index + 1]
        elif arg.startswith("--lang=") and arg.removeprefix("--lang=") in LANGS:
            lang = arg.removeprefix("--lang=")
    return lang


def use(lang: str, group: click.Group) -> None:
    """Speak ``lang`` in click's messages and in the help of ``group`` and its commands."""
    global current
    current = lang
    words = CLICK if lang == "vi" else {}

    def translate(message: str) -> str:
        return words.get(message, message)

    def ntranslate(singular: str, plural: str, n: int) -> str:
        return translate(singular if n == 1 else plural)

    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = translate if words else gettext.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ntranslate if words else gettext.ngettext  # type: ignore[attr-defined]
    options, commands = METAVARS[lang]
    group.subcommand_metavar = commands
    for command in [group, *group.commands.values()]:
        command.options_metavar = options
        _speak(command)
        for param in command.params:
            _speak(param)
            if isinstance(param, click.Option) and param.metavar in {*PARAM_METAVARS, *PARAM_METAVARS.values()}:
                english = next((k for k, v in PARAM_METAVARS.items() if param.metavar in (k, v)), param.metavar)
                param.metavar = PARAM_METAVARS[english] if lang == "vi" else english


def word(text: str) -> str:
    """``text``, written in English in the code, in the current language."""
    return (HELP.get(text) or CLICK.get(text) or text) if current == "vi" else text


def _speak(holder: click.Command | click.Parameter) -> None:
    text = _english.setdefault(id(holder), getattr(holder, "help", None))
    if text is not None:
        holder.help = word(text)
