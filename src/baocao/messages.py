"""The catalogue of finding codes, with their text in Vietnamese and English.

Each code is stable, has a dotted name, and is never reused once retired.

Each entry: name, severity ("error"/"warning"), then (vi, en) for the message
and (vi, en) for the hint. Texts are ``str.format`` templates over the
finding's params.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Entry(NamedTuple):
    """One code of the catalogue."""

    name: str
    severity: str
    message: tuple[str, str]
    hint: tuple[str, str] = ("", "")


CATALOGUE: dict[str, Entry] = {
    # --- reading the file -------------------------------------------------
    "BC001": Entry(
        "input.encoding",
        "error",
        (
            "Tệp không phải UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI).",
            "The file is not UTF-8 (perhaps Windows-1258, TCVN3 or VNI).",
        ),
        (
            "Mở tệp bằng trình soạn thảo, chuyển phông sang Unicode (Unikey: Ctrl+Shift+F6) "
            "rồi lưu lại với mã hóa UTF-8.",
            "Convert the text to Unicode (Unikey: Ctrl+Shift+F6) and save the file as UTF-8.",
        ),
    ),
    # A variant of a code, chosen by the finding's "variant" param: same code and name, own severity and text.
    "BC001/legacy_font": Entry(
        "input.encoding",
        "warning",
        (
            "Văn bản '{text}' có vẻ gõ bằng phông TCVN3 (ABC) hoặc VNI, không phải Unicode.",
            "The text '{text}' looks typed in a TCVN3 (ABC) or VNI font, not in Unicode.",
        ),
        (
            "Chuyển mã sang Unicode (Unikey: Ctrl+Shift+F6, nguồn TCVN3 hoặc VNI Windows, đích Unicode) "
            "rồi dán lại vào tệp.",
            "Convert it to Unicode (Unikey: Ctrl+Shift+F6, from TCVN3 or VNI Windows to Unicode) and paste it back.",
        ),
    ),
    "BC002": Entry(
        "input.syntax",
        "error",
        ("Lỗi cú pháp YAML: {problem}.", "YAML syntax error: {problem}."),
        (
            "Kiểm tra thụt lề (chỉ dùng dấu cách), dấu hai chấm sau tên khóa và dấu nháy đóng mở.",
            "Check the indentation (spaces only), the colon after each key and closing quotes.",
        ),
    ),
    "BC003": Entry(
        "input.duplicate_key",
        "error",
        (
            "Khóa '{key}' xuất hiện hai lần (lần đầu ở dòng {first_line}).",
            "Key '{key}' appears twice (first at line {first_line}).",
        ),
        (
            "Xóa hoặc đổi tên một trong hai khóa; YAML chỉ giữ giá trị sau cùng.",
            "Remove or rename one of them; YAML would silently keep only the last.",
        ),
    ),
    "BC004": Entry(
        "input.alias",
        "error",
        (
            "Không dùng neo và tham chiếu YAML (&, *, <<).",
            "YAML anchors, aliases and merge keys (&, *, <<) are not allowed.",
        ),
        ("Viết đầy đủ giá trị tại mỗi chỗ cần dùng.", "Write the value out in full where it is needed."),
    ),
    "BC005": Entry(
        "input.tag",
        "error",
        ("Không dùng thẻ kiểu YAML ({tag}).", "YAML type tags ({tag}) are not allowed."),
        ("Xóa thẻ; baocao tự đọc kiểu dữ liệu theo lược đồ.", "Remove the tag; baocao reads each value by its schema."),
    ),
    "BC006": Entry(
        "input.too_deep",
        "error",
        ("Dữ liệu lồng nhau quá sâu (quá {limit} cấp).", "The data nests deeper than {limit} levels."),
        (
            "Tệp báo cáo không cần lồng sâu như vậy; kiểm tra lại thụt lề.",
            "A report never nests this deep; check the indentation.",
        ),
    ),
    "BC007": Entry(
        "input.too_large",
        "error",
        ("Tệp quá lớn ({size}; tối đa {limit}).", "The file is too large ({size}; at most {limit})."),
        ("Mỗi tệp chỉ chứa báo cáo của một đơn vị, một kỳ.", "One file holds one unit's report for one period."),
    ),
    "BC008": Entry(
        "input.control_char",
        "error",
        (
            "Ký tự điều khiển {char} không được phép trong văn bản.",
            "Control character {char} cannot go into a document.",
        ),
        (
            "Xóa ký tự này (thường do dán từ phần mềm khác).",
            "Delete it (it usually comes from pasting out of another program).",
        ),
    ),
    "BC009": Entry(
        "input.tab",
        "error",
        ("Có ký tự tab trong tệp.", "The file contains a tab character."),
        ("Thay tab bằng dấu cách.", "Replace the tab with spaces."),
    ),
    "BC010": Entry(
        "input.empty",
        "error",
        (
            "Tệp rỗng hoặc không phải một bảng khóa: giá trị.",
            "The file is empty or is not a mapping of keys to values.",
        ),
        ("Tệp phải bắt đầu bằng các khóa như 'document:'.", "The file must start with keys such as 'document:'."),
    ),
    "BC011": Entry(
        "input.multiple_documents",
        "error",
        ("Tệp chứa nhiều tài liệu YAML (dấu ---).", "The file holds several YAML documents (---)."),
        ("Mỗi tệp chỉ chứa một báo cáo.", "Put one report in each file."),
    ),
    # --- schema -----------------------------------------------------------
    "BC012": Entry(
        "input.comment_in_value",
        "warning",
        (
            "Phần sau ' #' bị YAML coi là ghi chú và bỏ đi; giá trị chỉ còn '{value}'.",
            "YAML reads the text after ' #' as a comment and drops it; the value is only '{value}'.",
        ),
        (
            "Nếu '#' là một phần nội dung, đặt cả giá trị trong dấu nháy: \"Trạm #1\".",
            "If the '#' belongs to the text, put the whole value in quotes: \"Trạm #1\".",
        ),
    ),
    "BC101": Entry(
        "schema.missing",
        "error",
        ("Thiếu mục bắt buộc '{field}'.", "Required key '{field}' is missing."),
        ("Thêm '{field}:' vào đây.", "Add '{field}:' here."),
    ),
    "BC102": Entry(
        "schema.unknown_key",
        "error",
        ("Khóa '{field}' không có trong mẫu báo cáo.", "Key '{field}' is not part of the report format."),
        ("{suggestion}", "{suggestion_en}"),
    ),
    "BC103": Entry(
        "schema.type",
        "error",
        (
            "Giá trị '{input}' không đúng kiểu: cần {expected}.",
            "Value '{input}' has the wrong type: expected {expected}.",
        ),
    ),
    "BC104": Entry(
        "schema.thousands_separator",
        "error",
        (
            "'{input}' có dấu chấm phân cách hàng nghìn, dễ bị đọc nhầm thành số thập phân.",
            "'{input}' uses a thousands separator, which reads as a decimal point.",
        ),
        ("Viết liền các chữ số: {plain}.", "Write the digits without separators: {plain}."),
    ),
    "BC105": Entry(
        "schema.not_a_number",
        "error",
        ("'{input}' không phải {expected}.", "'{input}' is not {expected_en}."),
        ("Chỉ viết chữ số{decimal_vi}.", "Write digits only{decimal_en}."),
    ),
    "BC106": Entry(
        "schema.leading_zero",
        "error",
        ("Số '{input}' bắt đầu bằng chữ số 0.", "Number '{input}' starts with a zero."),
        (
            "Viết {plain}; số 0 ở đầu chỉ thêm khi in ra văn bản.",
            "Write {plain}; baocao adds the leading zero when it prints the report.",
        ),
    ),
    "BC107": Entry(
        "schema.date",
        "error",
        ("'{input}' không phải ngày hợp lệ.", "'{input}' is not a valid date."),
        ("Viết ngày dạng 27/6/2022 hoặc 2022-06-27.", "Write the date as 27/6/2022 or 2022-06-27."),
    ),
    "BC108": Entry(
        "schema.choice",
        "error",
        ("'{input}' không phải một lựa chọn hợp lệ.", "'{input}' is not one of the allowed values."),
        ("Chọn một trong: {expected}.", "Use one of: {expected}."),
    ),
    "BC109": Entry(
        "schema.range",
        "error",
        ("'{input}' nằm ngoài giới hạn: {limit}.", "'{input}' is out of range: {limit_en}."),
    ),
    "BC110": Entry(
        "schema.invalid",
        "error",
        ("Giá trị không hợp lệ: {detail}.", "Invalid value: {detail_en}."),
    ),
    "BC111": Entry(
        "schema.ambiguous_number",
        "warning",
        (
            "'{value} {unit}' được đọc là số thập phân {value}; nếu là số đếm thì dấu phẩy đã bị hiểu sai.",
            "'{value} {unit}' is read as the decimal {value}; for a count the comma was misread.",
        ),
        (
            "Số đếm viết liền các chữ số: {plain}; nếu đúng là số thập phân, ghi đơn vị đo (km, ha…).",
            "Write a count in plain digits: {plain}; if it is a decimal, give a unit of measure (km, ha…).",
        ),
    ),
    # --- arithmetic -------------------------------------------------------
    "BC201": Entry(
        "totals.sum_mismatch",
        "error",
        (
            "{what}: ghi {stated} nhưng tổng các phần là {computed}.",
            "{what}: stated {stated} but the parts add up to {computed}.",
        ),
        ("Sửa thành {computed}, hoặc sửa phần bị sai.", "Write {computed}, or correct the part that is wrong."),
    ),
    "BC202": Entry(
        "totals.part_exceeds_whole",
        "error",
        (
            "Phần ({part} = {part_value}) lớn hơn tổng ({whole} = {whole_value}).",
            "A part ({part} = {part_value}) exceeds its whole ({whole} = {whole_value}).",
        ),
        ("Kiểm tra lại hai số này.", "Check these two figures."),
    ),
    "BC203": Entry(
        "totals.words_mismatch",
        "error",
        (
            "Số tiền bằng chữ không khớp với tổng: '{stated}'.",
            "The amount in words does not match the total: '{stated}'.",
        ),
        ("Viết: {computed} (hoặc bỏ trống để tự tính).", "Write: {computed} (or leave it out to have it computed)."),
    ),
    "BC204": Entry(
        "totals.duplicate_station",
        "error",
        ("Xã '{name}' có hai đài trong danh sách.", "Commune '{name}' is listed twice."),
        ("Mỗi xã chỉ ghi một dòng.", "List each commune once."),
    ),
    "BC211": Entry(
        "ratios.percent_mismatch",
        "error",
        (
            "Tỷ lệ ghi {stated} không khớp với {count}/{total} = {computed}.",
            "Stated {stated} does not match {count}/{total} = {computed}.",
        ),
        ("Sửa thành {computed}, hoặc bỏ tỷ lệ để tự tính.", "Write {computed}, or leave the percentage out."),
    ),
    "BC212": Entry(
        "ratios.count_exceeds_total",
        "error",
        (
            "Số đạt được ({part_value}) lớn hơn tổng số ({whole_value}).",
            "The count ({part_value}) exceeds the total ({whole_value}).",
        ),
        ("Kiểm tra lại hai số này.", "Check these two figures."),
    ),
    "BC213": Entry(
        "ratios.zero_total",
        "error",
        ("Tổng số bằng 0 nên không tính được tỷ lệ.", "The total is zero, so no percentage can be computed."),
        ("Bỏ tỷ lệ hoặc sửa tổng số.", "Remove the percentage or correct the total."),
    ),
    "BC214": Entry(
        "ratios.percent_over_100",
        "error",
        ("Chỉ tiêu {stated}% vượt quá 100%.", "Target {stated}% is over 100%."),
    ),
    # --- the document's form ------------------------------------------------
    "BC301": Entry(
        "document.symbol",
        "error",
        (
            "Ký hiệu '{stated}' không đúng: báo cáo có ký hiệu bắt đầu bằng BC, không có dấu cách.",
            "Symbol '{stated}' is wrong: a report's symbol starts with BC and has no spaces.",
        ),
        ("Ví dụ: BC-UBND, BC-STTTT.", "For example: BC-UBND, BC-STTTT."),
    ),
    "BC302": Entry(
        "document.number_form",
        "error",
        ("Số, ký hiệu '{stated}' không đúng dạng.", "Number '{stated}' has no known form."),
        (
            "Viết liền, không dấu cách: 90/KH-UBND, 19-CT/TU hoặc 43/2011/NĐ-CP.",
            "No spaces: 90/KH-UBND, 19-CT/TU or 43/2011/NĐ-CP.",
        ),
    ),
    "BC303": Entry(
        "document.number_zero",
        "warning",
        (
            "Số văn bản '{stated}' nhỏ hơn 10 cần có số 0 ở đầu.",
            "Number '{stated}' is below 10 and takes a leading zero.",
        ),
        ("Viết {padded}.", "Write {padded}."),
    ),
    "BC304": Entry(
        "document.type_code",
        "error",
        (
            "'{stated}': mã '{code}' không phải của loại văn bản '{type}'.",
            "'{stated}': code '{code}' does not belong to a '{type}'.",
        ),
        (
            "Loại '{type}' dùng mã {expected} (công văn không có mã loại; 'CV' không phải mã).",
            "A '{type}' uses {expected} (a công văn has no type code; 'CV' is not one).",
        ),
    ),
    "BC305": Entry(
        "document.cited_after_report",
        "error",
        (
            "Văn bản được dẫn có ngày {cited}, sau ngày báo cáo {report}.",
            "The cited document is dated {cited}, after the report ({report}).",
        ),
        ("Kiểm tra ngày của văn bản được dẫn hoặc ngày báo cáo.", "Check the cited date or the report date."),
    ),
    "BC306": Entry(
        "document.before_period_end",
        "warning",
        (
            "Ngày báo cáo {report} trước ngày chốt số liệu kỳ {period}: số liệu tính {window} ({basis}).",
            "The report is dated {report}, before the figures of {period} are complete: "
            "they run {window_en} ({basis_en}).",
        ),
        (
            "Nếu báo cáo sớm có chủ ý, ghi số liệu tính đến ngày nào: trong document thêm cutoff: {{end: {report}}}.",
            "If the report is early on purpose, state up to which day its figures run: "
            "add cutoff: {{end: {report}}} to document.",
        ),
    ),
    "BC307": Entry(
        "document.place",
        "error",
        (
            "Địa danh '{stated}' không đúng: chỉ ghi tên địa danh, viết hoa chữ đầu.",
            "Place '{stated}' is wrong: write the place name only, capitalised.",
        ),
        (
            "Ví dụ: place: Bình Sơn (dòng 'ngày … tháng … năm …' được tự tạo).",
            "For example: place: Bình Sơn (the date is written by baocao).",
        ),
    ),
    "BC308": Entry(
        "document.archive_in_recipients",
        "warning",
        (
            "Dòng '{stated}' trong nơi nhận được thay bằng mục 'archive'.",
            "Line '{stated}' among the recipients is replaced by 'archive'.",
        ),
        (
            "Xóa dòng này; ghi phần sau 'Lưu:' vào 'archive', ví dụ archive: VT, VH&TT.",
            "Remove it; put what follows 'Lưu:' in 'archive', e.g. archive: VT, VH&TT.",
        ),
    ),
    "BC309": Entry(
        "document.signer_title",
        "error",
        (
            "Tên người ký '{stated}' có học hàm, học vị hoặc danh xưng.",
            "The signer's name '{stated}' carries a title or honorific.",
        ),
        ("Nghị định 30 chỉ ghi họ và tên.", "Decree 30 prints the name only."),
    ),
    "BC310": Entry(
        "document.after_deadline",
        "warning",
        (
            "Ngày báo cáo {report} sau thời hạn {deadline} do {set_by} đặt ra.",
            "The report is dated {report}, after the deadline {deadline} set by {set_by}.",
        ),
        (
            "Kiểm tra ngày báo cáo; nếu thời hạn đã được gia hạn, sửa deadline trong requested_by.",
            "Check the report's date; if the deadline was extended, correct deadline in requested_by.",
        ),
    ),
    "BC311": Entry(
        "document.cutoff_outside_period",
        "error",
        (
            "Số liệu tính {window} không kết thúc trong kỳ {period}: ngày chốt phải từ {low} đến {end}.",
            "Figures running {window_en} do not end within {period}: the cut-off falls from {low} to {end}.",
        ),
        (
            "Kiểm tra ngày và năm của cutoff; bỏ cutoff thì số liệu tính {rule} (Nghị định 09/2019).",
            "Check the day and year of cutoff; without it the figures run {rule_en} (Decree 09/2019).",
        ),
    ),
    "BC312": Entry(
        "document.signer_placeholder",
        "warning",
        (
            "Tên người ký '{stated}' là chỗ để trống, chưa phải họ và tên.",
            "The signer's name '{stated}' is a placeholder, not a name.",
        ),
        (
            "Ghi họ và tên người ký trước khi trình ký; báo cáo in chỗ này nghiêng, không đậm.",
            "Write the signer's full name before signing; the report prints the placeholder italic, not bold.",
        ),
    ),
    # --- consistency ------------------------------------------------------
    "BC501": Entry(
        "consistency.key_conflict",
        "error",
        ("Mã '{key}' đã dùng ở {first} với số liệu khác.", "Key '{key}' is used at {first} with other values."),
        (
            "Cùng một chỉ tiêu phải có cùng số liệu; nếu là chỉ tiêu khác, đặt mã khác.",
            "The same quantity must carry the same values; if it is another one, give it another key.",
        ),
    ),
    # --- templates --------------------------------------------------------
    "BC401": Entry(
        "template.not_found",
        "error",
        ("Không có mẫu cho loại báo cáo '{kind}'.", "There is no template for report kind '{kind}'."),
        ("Các loại có sẵn: {available}.", "Available kinds: {available}."),
    ),
    "BC402": Entry(
        "template.error",
        "error",
        (
            "Lỗi trong mẫu {template}, dòng {template_line}: {problem}.",
            "Error in template {template}, line {template_line}: {problem}.",
        ),
        ("Sửa mẫu; dữ liệu không có lỗi.", "Fix the template; the data is not at fault."),
    ),
    "BC403": Entry(
        "template.unused",
        "warning",
        (
            "Mục '{field}' có dữ liệu nhưng mẫu '{kind}' không đưa vào báo cáo.",
            "'{field}' has data but template '{kind}' does not put it in the report.",
        ),
        (
            "Chuyển nội dung sang mục khác hoặc dùng loại báo cáo có mục này.",
            "Move it to a section the template shows, or choose a report kind that has it.",
        ),
    ),
}


def _entry(code: str, params: dict[str, Any] | None = None) -> Entry:
    variant = (params or {}).get("variant")
    return CATALOGUE.get(f"{code}/{variant}") or CATALOGUE[code] if variant else CATALOGUE[code]


def name(code: str) -> str:
    """Dotted name of a code."""
    return _entry(code).name


def is_warning(code: str, params: dict[str, Any] | None = None) -> bool:
    """True when findings of this code (and variant, in ``params``) are warnings."""
    return _entry(code, params).severity == "warning"


def render(code: str, part: str, lang: str, params: dict[str, Any]) -> str:
    """The message or hint of ``code`` in ``lang`` ("vi" or "en")."""
    texts: tuple[str, str] = getattr(_entry(code, params), part)
    template = texts[1] if lang == "en" else texts[0]
    return template.format_map(_Defaults(params))


class _Defaults(dict[str, Any]):
    """Params for ``format_map``: a missing key renders as empty text."""

    def __missing__(self, key: str) -> str:
        return ""
