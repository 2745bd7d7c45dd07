"""The catalogue of finding codes, with their text in Vietnamese and English.

Each code is stable, has a dotted name, and is never reused once retired.

Each entry: name, severity ("error"/"warning"), then (vi, en) for the message
and (vi, en) for the hint. Texts are ``str.format`` templates over the
finding's params.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import PurePath
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
        ("Lỗi cú pháp YAML: {problem}.", "YAML syntax error: {problem_en}."),
        ("{fix}", "{fix_en}"),
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
    "BC009/line": Entry(
        "input.tab",
        "error",
        ("Có ký tự tab trong tệp.", "The file contains a tab character."),
        ("Thay tab bằng dấu cách, viết: {line}", "Replace the tab with spaces: {line}"),
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
    "BC013": Entry(
        "input.by_topic",
        "error",
        (
            "Tệp viết theo dạng cũ, theo chủ đề ('{key}:' …), không theo mục (sections): baocao không đọc dạng này.",
            "The file is written by topic ('{key}:' …), the old format, not as sections: baocao no longer reads it.",
        ),
        (
            "Chạy: baocao upgrade {file} (viết lại theo mục, giữ bản cũ .bak).",
            "Run: baocao upgrade {file} (rewrites it as sections, keeping the original as .bak).",
        ),
    ),
    "BC013/rows": Entry(
        "input.by_topic",
        "error",
        (
            "Tệp tổng hợp ghi số liệu từng đơn vị theo dạng cũ ('{key}:' trong rollup.units): "
            "baocao không đọc dạng này.",
            "The rolled-up file keeps each unit's values the old way ('{key}:' in rollup.units): "
            "baocao no longer reads it.",
        ),
        (
            "Chạy: baocao upgrade {file} (ghi lại các dòng theo dạng mới, giữ bản cũ .bak).",
            "Run: baocao upgrade {file} (rewrites the rows, keeping the original as .bak).",
        ),
    ),
    "BC101": Entry(
        "schema.missing",
        "error",
        ("Thiếu mục bắt buộc '{field}'.", "Required key '{field}' is missing."),
        ("Thêm '{field}:' vào đây.", "Add '{field}:' here."),
    ),
    "BC101/cell": Entry(
        "schema.missing",
        "error",
        ("Ô bắt buộc còn trống ({field}).", "A required cell is blank ({field})."),
        ("Điền vào ô nền vàng này.", "Fill in this yellow cell."),
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
    "BC103/nested_list": Entry(
        "schema.type",
        "error",
        (
            "Dòng '- - {first}' là một danh sách nằm trong danh sách, không phải một đoạn văn.",
            "The line '- - {first}' is a list inside the list, not a paragraph.",
        ),
        (
            "Gạch đầu dòng của đoạn văn viết trong dấu nháy: - \"- {first}\" (mỗi đoạn một dòng '- ').",
            "A paragraph's bullet goes inside quotes: - \"- {first}\" (one '- ' line a paragraph).",
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
        ("Chọn một trong: {expected}.", "Use one of: {expected_en}."),
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
    "BC110/blank_beside": Entry(
        "schema.invalid",
        "error",
        (
            "'{missing}' còn để trống trong khi '{given}' đã ghi {value}.",
            "'{missing}' is blank while '{given}' is written ({value}).",
        ),
        (
            "Ghi cả hai: count là số đạt được, total là tổng số (ví dụ count: 1688, total: 2945); "
            "nếu chỉ biết tỷ lệ, xóa count và total rồi ghi percent.",
            "Write both: count is the number reached, total the whole (count: 1688, total: 2945); "
            "with only a rate, remove count and total and write percent.",
        ),
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
    "BC112": Entry(
        "schema.row_length",
        "error",
        (
            "Dòng '{first}' có {cells} ô, bảng có {columns} cột.",
            "The row '{first}' has {cells} cells; the table has {columns} columns.",
        ),
        (
            'Mỗi dòng viết đủ {columns} ô theo thứ tự các cột ({names}); ô không có số liệu ghi "".',
            'Write {columns} cells a row, in the order of the columns ({names}); a blank cell is "".',
        ),
    ),
    "BC112/comma": Entry(
        "schema.row_length",
        "error",
        (
            "Dòng '{first}' có {cells} ô, bảng có {columns} cột: '{a},{b}' bị đọc thành hai ô '{a}' và '{b}'.",
            "The row '{first}' has {cells} cells; the table has {columns} columns: '{a},{b}' reads as two cells.",
        ),
        (
            'Số thập phân trong dòng viết […] phải đặt trong dấu nháy: "{a},{b}", hoặc viết {a}.{b}.',
            'A decimal in a row written […] goes in quotes: "{a},{b}", or write {a}.{b}.',
        ),
    ),
    "BC112/short": Entry(
        "schema.row_length",
        "error",
        (
            "Dòng '{first}' chỉ có {cells} ô, bảng có {columns} cột: các ô thiếu sẽ in trống.",
            "The row '{first}' has only {cells} cells; the table has {columns} columns: the others would print blank.",
        ),
        (
            'Viết đủ {columns} ô theo thứ tự các cột ({names}); ô không có số liệu ghi "".',
            'Write all {columns} cells, in the order of the columns ({names}); a blank cell is "".',
        ),
    ),
    "BC113": Entry(
        "schema.total_row",
        "error",
        (
            "Dòng '{first}' là dòng tổng: baocao tự tính dòng tổng cộng, không ghi vào các dòng của bảng.",
            "The row '{first}' is a total: baocao computes the total row; it is not one of the table's rows.",
        ),
        (
            "Xóa dòng này; để in dòng tổng cộng ghi total: true, để đối chiếu tổng đã có ghi total: {{cột: số}}.",
            "Delete this row; write total: true to print the total row, or total: {{column: number}} to check yours.",
        ),
    ),
    "BC114": Entry(
        "schema.fractional_count",
        "warning",
        (
            "'{value} {unit}': số đếm không có phần lẻ.",
            "'{value} {unit}': a count has no fraction.",
        ),
        (
            "Ghi số nguyên (làm tròn theo cách đơn vị tính); nếu là số đo, ghi đơn vị đo (km, ha, giờ…).",
            "Write a whole number; if it is a measure, give its unit (km, ha, giờ…).",
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
    # --- numbers in sentences (baocao.blocks.prose) -------------------------
    "BC221": Entry(
        "prose.parts_sum",
        "error",
        (
            "Tổng số ghi {stated} nhưng các phần kể ra cộng lại là {parts} = {computed}.",
            "The total is stated as {stated} but the parts listed add up to {parts} = {computed}.",
        ),
        (
            "Sửa tổng số thành {computed}, hoặc sửa phần bị sai; "
            "nếu các phần chỉ là một số trong tổng, viết 'trong đó'.",
            "Write {computed} for the total, or correct the wrong part; if the parts are only some of it, "
            "write 'trong đó'.",
        ),
    ),
    "BC222": Entry(
        "prose.parts_exceed_total",
        "error",
        (
            "Tổng số ghi {stated} nhưng các phần 'trong đó' đã là {parts} = {computed}, nhiều hơn tổng.",
            "The total is stated as {stated} but its parts ('trong đó') already make {parts} = {computed}.",
        ),
        (
            "Nếu các phần đúng, tổng số ít nhất là {computed}; nếu tổng số đúng, sửa phần bị sai.",
            "If the parts are right the total is at least {computed}; if the total is right, correct the wrong part.",
        ),
    ),
    "BC223": Entry(
        "prose.shares_sum",
        "error",
        (
            "Các tỷ lệ kể ra cộng lại là {computed}, không phải 100%.",
            "The shares listed add up to {computed}, not 100%.",
        ),
        (
            "Sửa tỷ lệ bị sai; nếu các phần chỉ là một số trong tổng, viết 'trong đó'.",
            "Correct the wrong share; if the shares are only some of the whole, write 'trong đó'.",
        ),
    ),
    "BC224": Entry(
        "prose.remainder",
        "error",
        (
            "Còn lại ghi {stated} nhưng {total} - {done} = {computed}.",
            "The remainder is stated as {stated} but {total} - {done} = {computed}.",
        ),
        (
            "Sửa thành {computed}, hoặc sửa tổng số hay số đã thực hiện.",
            "Write {computed}, or correct the total or the part done.",
        ),
    ),
    "BC225": Entry(
        "prose.change_mismatch",
        "error",
        (
            "Mức thay đổi ghi {stated} không khớp với từ {old} lên/xuống {new}: {computed}.",
            "The change stated, {stated}, does not match {old} to {new}: {computed}.",
        ),
        (
            "Sửa thành {computed}, hoặc sửa một trong hai giá trị.",
            "Write {computed}, or correct one of the two values.",
        ),
    ),
    "BC226": Entry(
        "prose.change_in_points",
        "error",
        (
            "Tỷ lệ thay đổi {points} điểm phần trăm nhưng ghi là {stated} (phần trăm của giá trị cũ).",
            "The rate changed by {points} percentage points but the text says {stated} (per cent of the old value).",
        ),
        (
            "Viết '{points} điểm phần trăm'.",
            "Write '{points} điểm phần trăm' (percentage points).",
        ),
    ),
    "BC227": Entry(
        "prose.change_direction",
        "error",
        (
            "Ghi '{stated}' nhưng giá trị đi từ {old} đến {new}.",
            "The text says '{stated}' but the value goes from {old} to {new}.",
        ),
        ("Viết '{other}', hoặc sửa một trong hai giá trị.", "Write '{other}', or correct one of the two values."),
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
    "BC301/party": Entry(
        "document.symbol",
        "error",
        (
            "Ký hiệu '{stated}' không đúng: văn bản của tổ chức Đảng có ký hiệu '{wanted}/<cơ quan ban hành>', "
            "in sau số: 'Số 45-{wanted}/HU'.",
            "Symbol '{stated}' is wrong: a Party document's symbol is '{wanted}/<issuing body>', "
            "printed after its number: 'Số 45-{wanted}/HU'.",
        ),
        ("Ví dụ: BC/HU, BC/TU, BC/ĐU; công văn CV/HU.", "For example: BC/HU, BC/TU, BC/ĐU; a công văn CV/HU."),
    ),
    "BC301/dispatch": Entry(
        "document.symbol",
        "error",
        (
            "Ký hiệu '{stated}' không đúng cho công văn (form: dispatch): công văn không có chữ viết tắt tên loại "
            "(BC là của báo cáo), không có dấu cách.",
            "Symbol '{stated}' is wrong for a công văn (form: dispatch): a công văn has no type code "
            "(BC is a report's) and no spaces.",
        ),
        (
            "Ký hiệu công văn là <cơ quan>-<đơn vị soạn thảo>, ví dụ UBND-VHTT; hoặc bỏ form: dispatch.",
            "A công văn's symbol is <body>-<drafting unit>, e.g. UBND-VHTT; or leave out form: dispatch.",
        ),
    ),
    "BC301/dispatch_cv": Entry(
        "document.symbol",
        "warning",
        (
            "Ký hiệu '{stated}': 'CV' không phải chữ viết tắt của Nghị định 30 "
            "(công văn không có chữ viết tắt tên loại).",
            "Symbol '{stated}': 'CV' is not an abbreviation of Decree 30 (a công văn has no type code).",
        ),
        ("Ví dụ: UBND-VHTT, STTTT-BCVT.", "For example: UBND-VHTT, STTTT-BCVT."),
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
    "BC313": Entry(
        "document.signer_authority",
        "warning",
        (
            "Người ký là {title}, cấp phó ký thay người đứng đầu: Nghị định 30 ghi '{head}' trên chức vụ.",
            "The signer is a deputy ({title}) signing for the head: Decree 30 writes '{head}' above the title.",
        ),
        (
            "Ghi trong signer: {fix} (báo cáo đã in '{head}'); người được giao quyền cấp trưởng ghi authority: Q.",
            "Write in signer: {fix} (the report already prints '{head}'); an acting head writes authority: Q.",
        ),
    ),
    "BC313/head_signs": Entry(
        "document.signer_authority",
        "error",
        (
            "'KT. {head}' trên chức vụ '{title}': người đứng đầu tự ký thì không ghi KT.",
            "'KT. {head}' above the title '{title}': the head signing for himself writes no KT.",
        ),
        (
            "Bỏ authority và head_title; cấp phó ký thay thì title là chức vụ cấp phó, ví dụ Phó Giám đốc.",
            "Remove authority and head_title; a deputy signing for the head has the deputy's title, e.g. Phó Giám đốc.",
        ),
    ),
    "BC314": Entry(
        "document.signer_collective",
        "error",
        (
            "'TM. {stated}': TM. chỉ ghi trước tên một tập thể (Ủy ban nhân dân, Ban Chỉ đạo), "
            "không ghi trước cơ quan do người đứng đầu điều hành.",
            "'TM. {stated}': TM. goes before a collective body only (Ủy ban nhân dân, Ban Chỉ đạo), "
            "not before a body run by its head.",
        ),
        (
            "Bỏ on_behalf_of; cấp phó ký thay ghi authority: KT, head_title: Giám đốc (KT. GIÁM ĐỐC).",
            "Remove on_behalf_of; a deputy signing for the head writes authority: KT, head_title: Giám đốc.",
        ),
    ),
    "BC630/block": Entry(
        "document.placeholder",
        "error",
        (
            "{field}: '{stated}' còn dấu … chưa điền.",
            "{field}: '{stated}' still holds a '…' to fill in.",
        ),
        (
            "Ghi nội dung thay cho dấu … (dấu … không được in); ô không có số liệu thì để trống.",
            "Write the text in place of the '…' (a '…' is not printed); leave a cell without a figure blank.",
        ),
    ),
    "BC630": Entry(
        "document.placeholder",
        "error",
        (
            "{field}: '{stated}' còn dấu … chưa điền.",
            "{field}: '{stated}' still holds a '…' to fill in.",
        ),
        (
            "Ghi đầy đủ thay cho dấu … (ví dụ: Ủy ban nhân dân xã Minh Tân).",
            "Write the full text in place of the '…' (e.g. Ủy ban nhân dân xã Minh Tân).",
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
    "BC502": Entry(
        "consistency.text_vs_table",
        "error",
        (
            "Đoạn văn ghi {stated} nhiệm vụ {status} nhưng bảng nhiệm vụ của báo cáo có {counted}.",
            "The text says {stated} tasks {status_en} but the report's task table has {counted}.",
        ),
        (
            "Sửa thành {counted}, hoặc sửa kết quả, tiến độ của nhiệm vụ trong bảng.",
            "Write {counted}, or correct the result of the task in the table.",
        ),
    ),
    "BC502/column": Entry(
        "consistency.text_vs_table",
        "error",
        (
            "Đoạn văn ghi tổng số {stated} {noun} nhưng cột '{column}' của bảng trong mục cộng được {counted}.",
            "The text says a total of {stated} {noun} but column '{column}' of the section's table "
            "adds up to {counted}.",
        ),
        (
            "Sửa thành {counted}, hoặc sửa các ô của cột '{column}'.",
            "Write {counted}, or correct the cells of column '{column}'.",
        ),
    ),
    # --- the outline ------------------------------------------------------
    "BC404": Entry(
        "outline.empty_section",
        "warning",
        ("Mục '{title}' không có nội dung nên không được in.", "Section '{title}' holds nothing and is not printed."),
        ("Viết nội dung dưới mục (content) hoặc xóa mục.", "Write its content, or remove the section."),
    ),
    "BC404/required": Entry(
        "outline.empty_section",
        "warning",
        ("Mục '{title}' không có nội dung nên không được in.", "Section '{title}' holds nothing and is not printed."),
        (
            "Viết nội dung dưới mục (content); đề cương yêu cầu mục này nên không xóa được.",
            "Write its content; the outline asks for this section, so it stays.",
        ),
    ),
    "BC405": Entry(
        "outline.too_deep",
        "error",
        (
            "Mục lồng {depth} cấp, nhưng cách đánh số '{numbering}' chỉ có {levels} cấp.",
            "A section nested {depth} levels deep, but numbering '{numbering}' has {levels} levels.",
        ),
        (
            "Thêm cấp vào numbering (tối đa 8, theo thứ tự A. I. 1. 1.1. a) (1) (i) - +) hoặc bớt một cấp mục.",
            "Add a level to numbering (at most 8, in the order A. I. 1. 1.1. a) (1) (i) - +) or nest less deeply.",
        ),
    ),
    "BC406": Entry(
        "outline.table_too_wide",
        "error",
        (
            "Bảng '{title}' in ra {count} cột (kể cả cột TT), Word chỉ cho tối đa {limit} cột.",
            "Table '{title}' prints {count} columns (the TT column included); Word allows at most {limit}.",
        ),
        (
            "Tách thành hai bảng, bỏ cột TT (numbered: false), hoặc gộp bớt cột.",
            "Split it into two tables, drop the TT column (numbered: false), or merge columns.",
        ),
    ),
    # --- the đề cương --------------------------------------------------------
    "BC601": Entry(
        "outline.not_found",
        "error",
        ("Không tìm thấy đề cương '{name}'.", "Outline '{name}' was not found."),
        (
            "Ghi mã một đề cương có sẵn ({available}), đường dẫn tệp .yaml (tính từ thư mục của tệp này), "
            "hoặc chỉ thư mục đề cương bằng --outlines.",
            "Name a known outline ({available}), a .yaml path (relative to this file's folder), "
            "or give the folder of outlines with --outlines.",
        ),
    ),
    "BC601/not_outline": Entry(
        "outline.not_found",
        "error",
        (
            "'{name}' không phải tệp đề cương: nội dung của nó không được đọc ra.",
            "'{name}' is not an outline file: nothing of it is shown.",
        ),
        (
            "Đề cương là tệp .yaml/.yml bắt đầu bằng khóa 'outline:'. Ghi mã một đề cương ({available}) "
            "hoặc đường dẫn tới tệp đề cương cấp trên gửi.",
            "An outline is a .yaml/.yml file that starts with the key 'outline:'. Name a known outline "
            "({available}) or the path of the file the superior sent.",
        ),
    ),
    "BC602": Entry(
        "outline.invalid",
        "error",
        (
            "Đề cương '{name}' ({path}) có lỗi nên chưa kiểm tra được theo đề cương.",
            "Outline '{name}' ({path}) has errors, so the report cannot be checked against it.",
        ),
        (
            "Sửa các lỗi trong tệp đề cương (liệt kê ở trên) hoặc báo cơ quan ban hành.",
            "Fix the outline file's errors (listed above) or tell whoever issued it.",
        ),
    ),
    "BC604": Entry(
        "content.blank",
        "error",
        ("'{what}' còn để trống.", "'{what}' is still blank."),
        (
            "Điền số liệu (value, count và total, percent…) hoặc xóa khối nếu không báo cáo; khối trống không được in.",
            "Fill in the value (value, count and total, percent…) or remove the block; a blank block is not printed.",
        ),
    ),
    "BC604/required": Entry(
        "content.blank",
        "error",
        ("'{what}' còn để trống.", "'{what}' is still blank."),
        (
            "Điền số liệu (value, count và total, percent…); đề cương yêu cầu mục này nên không xóa khối được: "
            "chưa có số liệu thì ghi lý do vào note.",
            "Fill in the value (value, count and total, percent…); the outline asks for it, so the block stays: "
            "without a figure, say why in its note.",
        ),
    ),
    "BC604/cell": Entry(
        "content.blank",
        "error",
        ("'{what}' còn để trống.", "'{what}' is still blank."),
        (
            "Điền các ô nền vàng của mục này; mục không có số liệu thì ghi rõ trong ô Ghi chú.",
            "Fill in this item's yellow cells; for an item without figures, say so in its note cell.",
        ),
    ),
    "BC604/text": Entry(
        "content.blank",
        "error",
        ("Mục '{what}' còn dấu … chưa viết.", "Section '{what}' still holds a '…' to write."),
        (
            'Thay dấu … bằng đoạn văn của mục (mỗi dòng một đoạn; gạch đầu dòng viết trong dấu nháy: - "- Nội dung"); '
            "dấu … không được in.",
            "Replace the '…' with the section's text (a paragraph a line, '- ' for bullets); a '…' is not printed.",
        ),
    ),
    # --- conformance to the đề cương (checks/conformance.py) -------------------------------------
    "BC603": Entry(
        "outline.missing",
        "error",
        (
            "Đề cương yêu cầu '{label}' ({kind} mã {key}) ở mục '{title}', nhưng mục này chưa có.",
            "The outline asks for '{label}' ({kind} key {key}) in section '{title}', which lacks it.",
        ),
        (
            "Thêm khối {kind}: {{key: {key}, …}} vào content của mục '{title}'.",
            "Add the block {kind}: {{key: {key}, …}} to the content of section '{title}'.",
        ),
    ),
    "BC603/item_moved": Entry(
        "outline.missing",
        "error",
        (
            "Đề cương yêu cầu '{label}' (mã {key}) ở mục '{title}', nhưng tệp ghi ở mục '{found}'.",
            "The outline asks for '{label}' (key {key}) in section '{title}', but the file has it in '{found}'.",
        ),
        (
            "Chuyển khối {kind} mã {key} sang content của mục '{title}'.",
            "Move the {kind} block with key {key} to the content of section '{title}'.",
        ),
    ),
    "BC603/text": Entry(
        "outline.missing",
        "error",
        (
            "Đề cương yêu cầu viết '{label}' ở mục '{title}', nhưng mục này chưa có đoạn văn nào.",
            "The outline asks for '{label}' in section '{title}', which has no paragraph.",
        ),
        ("Viết nội dung đó vào content của mục '{title}'.", "Write it in the content of section '{title}'."),
    ),
    "BC603/section": Entry(
        "outline.missing",
        "error",
        (
            "Đề cương yêu cầu mục con '{title}' (mã {key}) ở đây, nhưng tệp chưa có.",
            "The outline asks for a sub-section '{title}' (key {key}) here, which the file lacks.",
        ),
        (
            "Thêm vào sections của mục này: {{key: {key}, title: {title}, content: […]}}.",
            "Add {{key: {key}, title: {title}, content: […]}} to this section's sections.",
        ),
    ),
    "BC603/top_section": Entry(
        "outline.missing",
        "error",
        (
            "Đề cương yêu cầu mục '{title}' (mã {key}), nhưng tệp chưa có.",
            "The outline asks for section '{title}' (key {key}), which the file lacks.",
        ),
        (
            "Thêm vào sections: {{key: {key}, title: {title}, content: […]}}, theo thứ tự của đề cương.",
            "Add {{key: {key}, title: {title}, content: […]}} to sections, in the outline's order.",
        ),
    ),
    "BC605": Entry(
        "outline.not_in_outline",
        "warning",
        (
            "Mục '{title}' không có trong đề cương; vẫn được in ở chỗ đã viết.",
            "Section '{title}' is not in the outline; it is still printed where written.",
        ),
        (
            "Nếu mục này ứng với một mục của đề cương, ghi đúng key hoặc tiêu đề của mục đó; nếu không, có thể giữ.",
            "If it answers a section of the outline, write that section's key or title; otherwise it may stay.",
        ),
    ),
    "BC605/section_under": Entry(
        "outline.not_in_outline",
        "warning",
        (
            "Mục '{title}' không ở chỗ đề cương đặt; vẫn được in ở chỗ đã viết.",
            "Section '{title}' is not where the outline puts it; it is still printed where written.",
        ),
        ("Chuyển mục này vào trong mục '{under}'.", "Move it into section '{under}'."),
    ),
    "BC605/section_top": Entry(
        "outline.not_in_outline",
        "warning",
        (
            "Mục '{title}' không ở chỗ đề cương đặt; vẫn được in ở chỗ đã viết.",
            "Section '{title}' is not where the outline puts it; it is still printed where written.",
        ),
        (
            "Đề cương đặt mục này ở cấp ngoài cùng: chuyển nó ra sections của báo cáo.",
            "The outline has it at the top level: move it to the report's sections.",
        ),
    ),
    "BC605/item": Entry(
        "outline.not_in_outline",
        "warning",
        (
            "Mã '{key}' ở mục '{title}' không có trong đề cương; vẫn được in ở chỗ đã viết.",
            "Key '{key}' in section '{title}' is not in the outline; it is still printed where written.",
        ),
        (
            "Nếu đây là một số liệu đề cương yêu cầu, ghi đúng mã của đề cương; nếu không, có thể giữ.",
            "If it is an item the outline asks for, write the outline's key; otherwise it may stay.",
        ),
    ),
    "BC605/item_elsewhere": Entry(
        "outline.not_in_outline",
        "warning",
        (
            "Đề cương yêu cầu mã '{key}' ở mục '{under}', không ở mục '{title}'; vẫn được in ở chỗ đã viết.",
            "The outline asks for key '{key}' in section '{under}', not in '{title}'; it is printed where written.",
        ),
        ("Chuyển khối này sang mục '{under}'.", "Move the block to section '{under}'."),
    ),
    "BC606": Entry(
        "outline.unit",
        "error",
        (
            "'{key}' ghi đơn vị '{stated}', đề cương yêu cầu '{expected}'.",
            "'{key}' is stated in '{stated}'; the outline asks for '{expected}'.",
        ),
        (
            "Đổi số liệu sang đơn vị '{expected}' và ghi unit: {expected}.",
            "Convert the value to '{expected}' and write unit: {expected}.",
        ),
    ),
    "BC606/column": Entry(
        "outline.unit",
        "error",
        (
            "Bảng '{key}' thiếu cột '{title}' (mã {column}) của biểu mẫu.",
            "Table '{key}' lacks the form's column '{title}' (key {column}).",
        ),
        (
            "Thêm cột {{key: {column}, title: {title}, …}} như trong đề cương.",
            "Add the column {{key: {column}, title: {title}, …}} as the outline has it.",
        ),
    ),
    "BC606/column_type": Entry(
        "outline.unit",
        "error",
        (
            "Cột '{column}' của bảng '{key}' có kiểu '{stated}', biểu mẫu yêu cầu '{expected}'.",
            "Column '{column}' of table '{key}' is of type '{stated}'; the form asks for '{expected}'.",
        ),
        ("Ghi type: {expected} và điền ô theo kiểu đó.", "Write type: {expected} and fill the cells in that type."),
    ),
    "BC606/column_unit": Entry(
        "outline.unit",
        "error",
        (
            "Cột '{column}' của bảng '{key}' ghi đơn vị '{stated}', biểu mẫu yêu cầu '{expected}'.",
            "Column '{column}' of table '{key}' is in '{stated}'; the form asks for '{expected}'.",
        ),
        (
            "Đổi số liệu sang '{expected}' và ghi unit: {expected}.",
            "Convert to '{expected}' and write unit: {expected}.",
        ),
    ),
    "BC606/row": Entry(
        "outline.unit",
        "error",
        (
            "Bảng '{key}' thiếu dòng '{row}' của biểu mẫu.",
            "Table '{key}' lacks the form's row '{row}'.",
        ),
        (
            "Thêm một dòng có cột đầu ghi đúng '{row}' (để trống ô nếu không có số liệu).",
            "Add a row whose first cell is '{row}' (leave cells blank when there is no figure).",
        ),
    ),
    "BC606/choices": Entry(
        "outline.unit",
        "error",
        (
            "'{key}' cho chọn {stated}, đề cương yêu cầu chọn trong {expected}.",
            "'{key}' offers {stated}; the outline asks for one of {expected}.",
        ),
        (
            "Ghi choices như trong đề cương và trả lời bằng một trong các lựa chọn đó.",
            "Write the outline's choices and answer with one of them.",
        ),
    ),
    "BC607": Entry(
        "outline.order",
        "warning",
        (
            "Mục '{title}' không theo thứ tự của đề cương: phải đứng trước mục '{other}'.",
            "Section '{title}' is out of the outline's order: it comes before '{other}'.",
        ),
        ("Chuyển mục '{title}' lên trước mục '{other}'.", "Move '{title}' before '{other}'."),
    ),
    "BC607/after": Entry(
        "outline.order",
        "warning",
        (
            "Mục '{title}' không theo thứ tự của đề cương: phải đứng sau mục '{other}'.",
            "Section '{title}' is out of the outline's order: it comes after '{other}'.",
        ),
        ("Chuyển mục '{title}' xuống sau mục '{other}'.", "Move '{title}' after '{other}'."),
    ),
    "BC608": Entry(
        "outline.regime",
        "error",
        (
            "Đề cương '{outline}' không dành cho '{what}': chỉ cho {allowed}.",
            "Outline '{outline}' is not for '{what}': only for {allowed}.",
        ),
        (
            "Kiểm tra cấp đơn vị (level) và kỳ báo cáo (period), hoặc ghi đúng đề cương trong document.outline.",
            "Check the unit's level and period, or name the right outline in document.outline.",
        ),
    ),
    "BC609": Entry(
        "outline.block_type",
        "error",
        (
            "Mã '{key}' ghi là {kind}, đề cương yêu cầu {expected}.",
            "Key '{key}' is written as {kind}; the outline asks for {expected}.",
        ),
        (
            "Viết lại khối dưới dạng {expected}: {{key: {key}, …}}.",
            "Write the block as {expected}: {{key: {key}, …}}.",
        ),
    ),
    "BC610": Entry(
        "outline.renamed",
        "warning",
        (
            "Tệp đề cương '{name}' mang mã '{id}', không phải '{name}'.",
            "The outline file '{name}' has id '{id}', not '{name}'.",
        ),
        (
            "Ghi document.outline: {id}, hoặc đặt tên tệp đề cương theo mã của nó ({id}.yaml).",
            "Write document.outline: {id}, or name the outline file after its id ({id}.yaml).",
        ),
    ),
    # --- workbooks: the form a clerk fills in Excel (baocao form, baocao import) --------------
    "BC701": Entry(
        "workbook.old_format",
        "error",
        (
            "Tệp .xls (Excel 97-2003): baocao đọc biểu mẫu .xlsx.",
            "An .xls file (Excel 97-2003): baocao reads .xlsx forms.",
        ),
        (
            "Mở tệp trong Excel, chọn Tệp → Lưu như → Sổ làm việc Excel (*.xlsx), rồi dùng tệp .xlsx.",
            "Open it in Excel, File → Save As → Excel Workbook (*.xlsx), and use the .xlsx file.",
        ),
    ),
    "BC702": Entry(
        "workbook.unreadable",
        "error",
        (
            "Không đọc được tệp như một sổ làm việc Excel ({problem}).",
            "Cannot read the file as an Excel workbook ({problem}).",
        ),
        (
            "Tệp hỏng hoặc không phải .xlsx: mở bằng Excel và lưu lại dạng .xlsx, hoặc xin lại biểu mẫu.",
            "The file is damaged or not an .xlsx: open it in Excel and save it as .xlsx, or ask for the form again.",
        ),
    ),
    "BC703": Entry(
        "workbook.not_a_form",
        "error",
        (
            "Sổ làm việc này không phải biểu mẫu do baocao tạo (không có trang ẩn '{sheet}').",
            "This workbook is not a form made by baocao (it has no hidden sheet '{sheet}').",
        ),
        (
            "Điền vào biểu mẫu nhận được (tạo bằng baocao form), không điền vào một bảng tự tạo.",
            "Fill in the form you were sent (made by baocao form), not a workbook of your own.",
        ),
    ),
    "BC704": Entry(
        "workbook.edited_layout",
        "error",
        (
            "Trang ẩn '{sheet}' của biểu mẫu đã bị sửa, hoặc biểu mẫu do phiên bản khác của baocao tạo ({problem}).",
            "The form's hidden sheet '{sheet}' was edited, or another version of baocao made the form ({problem}).",
        ),
        (
            "Xin lại biểu mẫu gốc và chép số liệu sang; không sửa trang ẩn.",
            "Ask for the original form and copy the values into it; do not edit the hidden sheet.",
        ),
    ),
    "BC705": Entry(
        "workbook.other_outline",
        "error",
        (
            "Biểu mẫu làm theo một bản khác của đề cương '{name}': đề cương đã đổi từ khi tạo biểu mẫu.",
            "The form was made from another version of the outline '{name}': the outline changed since.",
        ),
        (
            "Tạo lại biểu mẫu (baocao form {name} -o bieu-mau.xlsx) và chép số liệu sang.",
            "Make the form again (baocao form {name} -o form.xlsx) and copy the values into it.",
        ),
    ),
    "BC706": Entry(
        "workbook.moved",
        "error",
        (
            "Ô này phải là '{expected}' nhưng là '{found}': dòng, cột đã bị chèn, xóa hoặc sửa tên.",
            "This cell should hold '{expected}' but holds '{found}': a row or column was inserted, deleted or renamed.",
        ),
        (
            "Hoàn tác việc chèn, xóa (Ctrl+Z) hoặc dùng lại biểu mẫu gốc; nội dung thêm ghi vào ô Ghi chú.",
            "Undo the insertion or deletion (Ctrl+Z) or start again from the form; write anything more in a note cell.",
        ),
    ),
    "BC707": Entry(
        "workbook.merged",
        "error",
        (
            "Các ô {range} đã bị gộp: giá trị của các ô bị gộp không còn.",
            "The cells {range} were merged: the values of the merged cells are lost.",
        ),
        (
            "Bỏ gộp ô (Trang đầu → Gộp và căn giữa → Bỏ gộp ô) và điền lại từng ô.",
            "Unmerge the cells (Home → Merge & Center → Unmerge Cells) and fill each again.",
        ),
    ),
    "BC708": Entry(
        "workbook.number_as_text",
        "warning",
        (
            "'{text}' được gõ dạng chữ trong ô số; đọc là {value}.",
            "'{text}' was typed as text in a number cell; read as {value}.",
        ),
        (
            "Gõ số trực tiếp, không có dấu ' ở đầu ô, để Excel nhận là số.",
            "Type the number itself, without a leading ', so that Excel takes it as a number.",
        ),
    ),
    "BC709": Entry(
        "workbook.ambiguous_number",
        "error",
        (
            "'{text}' có thể hiểu theo hai cách: dấu chấm, dấu phẩy là phân cách nghìn hay số thập phân?",
            "'{text}' can be read two ways: is the point or comma a thousands mark or a decimal one?",
        ),
        (
            "Gõ số trực tiếp vào ô (Excel nhận là số), hoặc ghi kiểu Việt Nam: nghìn dấu chấm, thập phân dấu phẩy.",
            "Type the number as a number, or write it the Vietnamese way: a point for thousands, a comma for decimals.",
        ),
    ),
    "BC710": Entry(
        "workbook.percent_fraction",
        "warning",
        (
            "Tỷ lệ ghi {value}: nếu là {percent}%, cần ghi {percent}.",
            "The rate reads {value}: if {percent}% is meant, write {percent}.",
        ),
        ("Tỷ lệ ghi theo phần trăm: 95 là 95%.", "Rates are written in percent: 95 is 95%."),
    ),
    "BC711": Entry(
        "workbook.outside",
        "warning",
        (
            "Ô này có nội dung ('{text}') ngoài các ô điền của biểu mẫu: baocao không đọc.",
            "This cell holds '{text}' outside the form's input cells: baocao does not read it.",
        ),
        (
            "Chuyển nội dung vào ô nền vàng của mục (hoặc ô Ghi chú), hoặc xóa đi.",
            "Move it into the item's yellow cell (or its note), or delete it.",
        ),
    ),
    "BC712": Entry(
        "workbook.missing_sheet",
        "error",
        (
            "Thiếu trang tính '{sheet}' của biểu mẫu (đã xóa hoặc đổi tên).",
            "The form's sheet '{sheet}' is missing (deleted or renamed).",
        ),
        (
            "Đổi lại đúng tên trang tính, hoặc dùng lại biểu mẫu gốc.",
            "Rename the sheet back, or start again from the form.",
        ),
    ),
    "BC713": Entry(
        "workbook.too_large",
        "error",
        (
            "Trang tính '{sheet}' dùng tới {rows} dòng, {cols} cột: quá lớn cho một biểu mẫu.",
            "The sheet '{sheet}' reaches {rows} rows and {cols} columns: too large for a form.",
        ),
        (
            "Xóa các ô ở xa phía dưới, bên phải biểu mẫu, rồi lưu lại.",
            "Clear the cells far below or right of the form, and save it again.",
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
            "Chuyển nội dung sang mục khác, hoặc dùng mẫu có đưa mục này vào báo cáo.",
            "Move it to a section the template shows, or use a template that shows it.",
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
    return shown(template.format_map(_Defaults(params)))


class _Defaults(dict[str, Any]):
    """Params for ``format_map``: a missing key renders as empty text."""

    def __missing__(self, key: str) -> str:
        return ""


# --- why a command could not run (exit code 2), and other words of the command line ---------
USAGE: dict[str, tuple[str, str]] = {
    "no_such_file": ("{path}: không có tệp này.", "{path}: no such file."),
    "no_such_path": ("{path}: không có tệp hoặc thư mục này.", "{path}: no such file or folder."),
    "empty_path": ("'{path}': đường dẫn rỗng, không chỉ tệp nào.", "'{path}': an empty path names no file."),
    "dangling_link": (
        "{path}: là liên kết tới {target}, nhưng tệp đó không tồn tại.",
        "{path}: a link to {target}, which does not exist.",
    ),
    "is_folder": ("{path}: là thư mục, không phải tệp.", "{path}: is a folder, not a file."),
    "cannot_read": ("{path}: không đọc được ({reason}).", "{path}: cannot read ({reason})."),
    "cannot_write_in": ("Không ghi được vào thư mục {path} ({reason}).", "Cannot write in {path} ({reason})."),
    "cannot_write": ("Không ghi được {path} ({reason}).", "Cannot write {path} ({reason})."),
    "stdin_needs_output": (
        "Đọc từ đầu vào chuẩn thì phải có -o/--output.",
        "Reading from standard input needs -o/--output.",
    ),
    "output_is_input": (
        "Tệp ghi ra {path} chính là tệp đầu vào; chọn -o/--output khác.",
        "The output {path} is the input file; choose another -o/--output.",
    ),
    "output_among_inputs": (
        "Tệp ghi ra {path} là một trong các tệp đầu vào; chọn -o/--output khác.",
        "The output {path} is one of the inputs; choose another -o/--output.",
    ),
    "output_unusable": (
        "Không dùng được {path} làm tệp ghi ra ({reason}).",
        "Cannot use {path} as the output ({reason}).",
    ),
    "output_not_regular": (
        "Tệp ghi ra {path} đã có và không phải tệp thường (thiết bị, FIFO, thư mục); chọn -o/--output khác.",
        "The output {path} exists and is not a regular file; choose another -o/--output.",
    ),
    "output_is_folder": (
        "Tệp ghi ra {path} là một thư mục; ghi '{path}/' để ghi vào trong thư mục đó.",
        "The output {path} is a folder; write '{path}/' to write into it.",
    ),
    "output_is_backup": (
        "Tệp ghi ra {path} là một bản sao lưu (.bak); baocao không ghi đè bản sao lưu, chọn -o/--output khác.",
        "The output {path} is a backup (.bak); baocao never overwrites a backup: choose another -o/--output.",
    ),
    "output_not_ours": (
        "{path} đã có và không phải do baocao ghi ra; thêm --force để ghi đè, hoặc chọn -o/--output khác.",
        "{path} exists and was not written by baocao; add --force to replace it, or choose another -o/--output.",
    ),
    "outputs_collide": (
        "{first} và {second} cùng ghi ra {path}; không ghi gì. Đổi tên một tệp, hoặc ghi mỗi tệp ra một thư mục.",
        "{first} and {second} would both write {path}; nothing was written. Rename one, or give each its folder.",
    ),
    "backup_exists": (
        "Bản sao lưu {path} đã có; baocao không ghi đè nó. Chuyển nó đi nơi khác, hoặc ghi ra tệp khác bằng -o.",
        "The backup {path} exists; baocao does not overwrite it. Move it away, or write elsewhere with -o.",
    ),
    "rollup_not_valid": (
        "{path}: giá trị tổng hợp tại {where} là {value}, không hợp lệ (thường là tổng quá 15 chữ số); không ghi gì. "
        "Kiểm tra số liệu của các đơn vị (đơn vị tính, số gõ thừa chữ số).",
        "{path}: the rolled-up value at {where} is {value}, which would not validate (usually a sum past 15 "
        "digits); nothing was written. Check the units' figures (their unit, a digit typed twice).",
    ),
    "stdout_lost": (
        "không ghi được ra đầu ra chuẩn ({reason}); những gì lệnh đã làm vẫn còn, phần in ra bị mất.",
        "standard output could not be written ({reason}); what the command did stands, what it printed is lost.",
    ),
    "limit_not_positive": ("{name}={value}: phải là một số dương.", "{name}={value}: expected a positive number."),
    "cannot_convert": ("Không chuyển được {path} ({reason}).", "Cannot convert {path} ({reason})."),
    "path_reason": ("{path}: {reason}", "{path}: {reason}"),
    "pdf_failures": ("Không tạo được PDF: {failures}.", "No PDF was made: {failures}."),
    "pdf_left_as_was": (
        "{path}: {reason}; báo cáo và PDF của nó được giữ nguyên như trước.",
        "{path}: {reason}; it and its PDF were left as they were.",
    ),
    "pdf_timeout": ("LibreOffice không xong trong {seconds} giây", "LibreOffice did not finish within {seconds} s"),
    "pdf_no_start": ("không chạy được LibreOffice ({reason})", "LibreOffice could not start ({reason})"),
    "pdf_exit": ("{problem} (soffice thoát với mã {code}: {said})", "{problem} (soffice exited with {code}: {said})"),
    "pdf_said": ("{problem} (soffice báo: {said})", "{problem} (soffice said: {said})"),
    "pdf_none": ("LibreOffice không tạo ra PDF", "LibreOffice made no PDF"),
    "pdf_unreadable": (
        "không đọc được PDF LibreOffice tạo ra ({reason})",
        "cannot read the PDF LibreOffice made ({reason})",
    ),
    "pdf_old": ("PDF cũ hơn lần chạy này", "the PDF is older than this run"),
    "pdf_not_pdf": ("LibreOffice ghi ra một tệp không phải PDF", "LibreOffice wrote a file that is not a PDF"),
    "pdf_no_pages": ("PDF LibreOffice tạo ra không có trang nào", "the PDF LibreOffice made has no pages"),
    "pdf_lost_rows": (
        "PDF LibreOffice tạo ra thiếu {count} dòng bảng có trong DOCX ({rows}); "
        "mở DOCX bằng Word hoặc LibreOffice để kiểm tra bảng đó",
        "the PDF LibreOffice made lacks {count} table rows the DOCX has ({rows}); "
        "open the DOCX in Word or LibreOffice to check that table",
    ),
    "pdf_not_moved": (
        "không chuyển được PDF và DOCX vào chỗ ({reason})",
        "cannot move the PDF and DOCX into place ({reason})",
    ),
    "rollup_as_unit": (
        "{path}: do baocao rollup tạo ra; lấy làm một đơn vị thì {count} đơn vị của nó bị tính hai lần "
        "(bỏ tệp này ra, hoặc dùng --include-rollups để tổng hợp các bản tổng hợp)",
        "{path}: written by baocao rollup; taken as a unit it would count its {count} units twice "
        "(leave it out, or use --include-rollups to roll up roll-ups)",
    ),
    "unit_in_rollup": (
        "{path}: đơn vị '{name}' đã được tính trong {other}",
        "{path}: unit '{name}' is also counted in {other}",
    ),
    "templates_not_folder": ("--templates {path}: không phải thư mục.", "--templates {path}: not a folder."),
    "compare_one": ("--compare chỉ dùng cho một báo cáo mỗi lần.", "--compare takes one report at a time."),
    "other_outline": (
        "{path}: báo cáo theo đề cương '{theirs}', các đơn vị khác theo đề cương '{ours}' "
        "(sửa document.outline của tệp này, hoặc bỏ tệp ra khỏi lần tổng hợp)",
        "{path}: answers the outline '{theirs}', the other units answer '{ours}' "
        "(correct this file's document.outline, or leave the file out of the roll-up)",
    ),
    "forged_outline": (
        "{path}: đề cương '{name}' của tệp này khác nội dung với đề cương cùng mã của {other} "
        "(cùng mã nhưng khác mục, nhãn hoặc đơn vị tính); dùng đúng tệp đề cương cấp trên gửi.",
        "{path}: its outline '{name}' says other things than the outline of that id {other} follows "
        "(same id, other items, labels or units); use the file the superior sent.",
    ),
    "upgraded_with_backup": ("{target} (bản cũ: {backup})", "{target} (backup: {backup})"),
    "upgrade_stdin": ("upgrade đọc tệp, không đọc đầu vào chuẩn.", "upgrade reads files, not standard input."),
    "upgrade_rollup": (
        "{path}: tệp do baocao rollup viết; chuyển tệp của từng đơn vị rồi tổng hợp lại.",
        "{path}: a file baocao rollup wrote; upgrade the units' files and roll them up again.",
    ),
    "already_sections": (
        "{path}: đã viết theo mục (sections); không có gì để chuyển.",
        "{path}: already written as sections; nothing to upgrade.",
    ),
    "no_outline_for_kind": (
        "{path}: loại '{kind}' không có đề mục dựng sẵn để chuyển sang (có: {known}).",
        "{path}: kind '{kind}' has no built-in outline to upgrade to (known: {known}).",
    ),
    "upgrade_unreadable": (
        "{path}: tệp đã chuyển không đọc lại được ({code}); xin báo lỗi này.",
        "{path}: the upgraded file does not read back ({code}); please report this.",
    ),
    "several_into_folder": (
        "-o {path}: nhiều tệp thì ghi vào một thư mục.",
        "-o {path}: several files go into a folder.",
    ),
    "compare_refused": ("--compare {path}: {problems}.", "--compare {path}: {problems}."),
    "not_comparable": ("{problems} (thêm --force để vẫn so sánh).", "{problems} (use --force to compare anyway)."),
    "different_units": ("hai đơn vị khác nhau: '{old}' và '{new}'", "different units: '{old}' and '{new}'"),
    "other_period_kind": ("hai kỳ khác loại: {old} và {new}", "periods of another kind: {old} and {new}"),
    "old_is_newer": (
        "{old_path} ({old}) là kỳ sau {new_path} ({new})",
        "{old_path} ({old}) is newer than {new_path} ({new})",
    ),
    "expect_unreadable": ("--expect {path}: không đọc được ({reason}).", "--expect {path}: cannot read ({reason})."),
    "no_soffice": (
        "Không tìm thấy LibreOffice (soffice); cài đặt để tạo PDF, ví dụ "
        "`apt-get install libreoffice-writer-nogui` trên Debian/Ubuntu, rồi chạy lại lệnh.",
        "LibreOffice (soffice) is not on PATH; install it to make PDFs, e.g. "
        "`apt-get install libreoffice-writer-nogui` on Debian/Ubuntu, then run the command again.",
    ),
    "font_lacks_vietnamese": (
        "Phông LibreOffice dùng thay Times New Roman thiếu chữ tiếng Việt ({missing}), nên PDF sẽ lẫn phông "
        "trong từng chữ; cài một phông cùng cỡ chữ với Times có đủ các chữ này, ví dụ "
        "`apt-get install fonts-liberation2` (Liberation Serif 2) hoặc `apt-get install fonts-texgyre` "
        "(TeX Gyre Termes) trên Debian/Ubuntu, rồi chạy lại lệnh.",
        "The font LibreOffice will use for Times New Roman lacks Vietnamese letters ({missing}), so the PDF "
        "would mix fonts inside words; install a Times-metric font that has them, e.g. "
        "`apt-get install fonts-liberation2` (Liberation Serif 2) or `apt-get install fonts-texgyre` (TeX Gyre "
        "Termes) on Debian/Ubuntu, then run the command again.",
    ),
    "another_period": ("{path}: khác kỳ báo cáo với tệp --unit", "{path}: another period than the --unit file"),
    "several_kinds": ("các tệp thuộc nhiều loại báo cáo: {kinds}", "inputs of several report kinds: {kinds}"),
    "same_unit": ("{path}: cùng đơn vị với {other}", "{path}: the same unit as {other}"),
    "no_valid_input": ("không có tệp hợp lệ nào", "no valid input"),
    "data_errors": ("dữ liệu có lỗi", "errors in the data"),
    "not_built": ("Không tạo báo cáo vì dữ liệu có lỗi.", "No report was written: the data has errors."),
    "not_compared": ("Không so sánh vì dữ liệu có lỗi.", "Nothing was compared: the data has errors."),
    "not_imported": ("Không nhập biểu mẫu nào vì có lỗi.", "No form was imported: there are errors."),
    "not_rolled_up": ("Không tổng hợp vì dữ liệu có lỗi.", "Nothing was rolled up: the data has errors."),
    "missing_unit": ("thiếu báo cáo của {name}", "no report from {name}"),
    "left_out": (
        "không tổng hợp {name} ({path}: lỗi {codes}); báo cáo ghi đơn vị này là đã nhận nhưng dữ liệu có lỗi",
        "left out {name} ({path}: errors {codes}); the report lists it as received with errors",
    ),
    "with_errors": ("{name} ({path}): dữ liệu có lỗi {codes}", "{name} ({path}): its data has errors {codes}"),
    "nothing_rolled_up": (
        "không ghi {output}: {count} tệp có lỗi. Sửa các lỗi nêu trên rồi chạy lại, hoặc thêm --skip-invalid "
        "để tổng hợp các đơn vị còn lại (báo cáo sẽ ghi các đơn vị có lỗi là đã nhận nhưng chưa tổng hợp)",
        "{output} was not written: {count} files have errors. Fix them and run again, or add --skip-invalid "
        "to roll up the other units (the report lists those with errors as received but not rolled up)",
    ),
    "next_rollup": (
        "{path}: tệp do baocao rollup ghi; chạy 'baocao next' cho tệp của các đơn vị và tệp --unit.",
        "{path}: a file written by baocao rollup; run 'baocao next' on the units' files and the --unit file.",
    ),
    "exists_use_force": (
        "{path} đã có; thêm --force để ghi đè, hoặc chọn -o khác.",
        "{path} exists; add --force to overwrite it, or choose another -o.",
    ),
    "next_unreadable": (
        "{path}: tệp kỳ sau không đọc lại được ({code}); không ghi gì. Hãy báo lỗi này kèm tệp.",
        "{path}: the next period's file does not read back ({code}); nothing was written. Please report it.",
    ),
    "not_carried": (
        "Không lập tệp kỳ sau vì dữ liệu có lỗi.",
        "No next period's file was written: the data has errors.",
    ),
    "new_bad_period": (
        "--period {value}: không rõ kỳ báo cáo; ghi ví dụ '6 tháng đầu', 'quý I', 'tháng 3', '9 tháng', 'năm' "
        "(hoặc mã: 'half_year:1', 'quarter:1').",
        "--period {value}: unknown period; write one of month, quarter, half_year, nine_months, year, "
        "with its number where it has one (half_year:2, quarter:1).",
    ),
    "new_period_number": (
        "--period {value}: kỳ {kind} có số thứ tự từ 1 đến {limit}, ví dụ '{example}'.",
        "--period {value}: periods of the kind {kind} are numbered 1 to {limit}, e.g. {example}.",
    ),
    "new_bad_year": (
        "Năm '{value}': ghi năm của kỳ, từ 1990 đến 2100.",
        "Year '{value}': write the year, 1990 to 2100.",
    ),
    "new_level_not_asked": (
        "--level {level}: đề cương {id} dành cho đơn vị {known}.",
        "--level {level}: the outline {id} is for units of level {known}.",
    ),
    "new_level_needed": (
        "Đề cương {id} dành cho đơn vị {known}: ghi cấp của đơn vị bằng --level (khi không hỏi, --no-input).",
        "The outline {id} is for units of level {known}: give the unit's level with --level (with --no-input).",
    ),
    "new_period_not_asked": (
        "--period {kind}: đề cương {id} yêu cầu báo cáo kỳ {known}.",
        "--period {kind}: the outline {id} asks for reports of {known}.",
    ),
    "new_no_outline": (
        "--outline {name}: không tìm thấy đề cương này (có: {available}); ghi mã đề cương hoặc đường dẫn tệp .yaml, "
        "`baocao new --list` để xem các đề cương.",
        "--outline {name}: no such outline (known: {available}); give an outline's id or a .yaml file, "
        "`baocao new --list` lists them.",
    ),
    "form_needs_xlsx": (
        "-o {path}: biểu mẫu ghi ra tệp .xlsx (hoặc một thư mục).",
        "-o {path}: a form is written as an .xlsx file (or into a folder).",
    ),
    "form_not_written": ("Không tạo biểu mẫu vì tệp có lỗi.", "No form was written: the file has errors."),
    "import_needs_workbook": (
        "{path}: baocao import đọc biểu mẫu Excel (.xlsx); tệp YAML thì dùng trực tiếp.",
        "{path}: baocao import reads Excel forms (.xlsx); a YAML file is used as it is.",
    ),
    "import_no_forms": (
        "{path}: thư mục không có biểu mẫu Excel (.xlsx) nào để nhập.",
        "{path}: the folder holds no Excel form (.xlsx) to import.",
    ),
    "import_needs_yaml": (
        "-o {path}: tệp báo cáo ghi ra là .yaml (hoặc một thư mục cho nhiều biểu mẫu).",
        "-o {path}: the unit file written is a .yaml (or a folder, for several forms).",
    ),
    "import_summary": ("{done}/{total} biểu mẫu đã nhập.", "{done}/{total} forms imported."),
    "import_not_written": (
        "{path}: có lỗi, không ghi tệp nào; sửa trong biểu mẫu rồi nhập lại.",
        "{path}: it has errors, nothing was written; fix them in the form and import it again.",
    ),
    "new_too_large": (
        "{path}: tệp lập từ đề cương này sẽ dài {size}, quá {ratio} lần đề cương; không ghi gì. "
        "Hãy kiểm tra đề cương (số cột, số dòng của các bảng).",
        "{path}: the file written from this outline would take {size}, over {ratio} times the outline; "
        "nothing was written. Check the outline (its tables' columns and rows).",
    ),
    "new_unreadable": (
        "{path}: tệp lập từ đề cương này không đọc lại được ({code}); không ghi gì. Hãy báo lỗi này kèm đề cương.",
        "{path}: the file written from this outline does not read back ({code}); nothing was written. "
        "Please report it with the outline.",
    ),
    "new_not_outline": (
        "{path}: không phải tệp đề cương (tệp .yaml/.yml có khóa 'outline:'); không đọc nội dung của nó.",
        "{path}: not an outline file (a .yaml/.yml file with the key 'outline:'); nothing of it is shown.",
    ),
    "new_not_written": ("Không tạo tệp vì đề cương có lỗi.", "Nothing was written: the outline has errors."),
    "new_listed": ("Các đề cương ({count}):", "Outlines ({count}):"),
    "new_none_listed": (
        "Không có đề cương nào trong: {folders}.",
        "No outline in: {folders}.",
    ),
    "new_list_hint": (
        "Tạo tệp báo cáo: baocao new --outline MÃ -o TỆP.yaml",
        "Start a report: baocao new --outline ID -o FILE.yaml",
    ),
    "new_built_in": ("có sẵn", "built in"),
    "ask_level": (
        "Cấp đơn vị (cấp xã, cấp huyện, sở, cấp tỉnh, bộ, trung ương)",
        "Level (commune, district, department, province, ministry, national)",
    ),
    "ask_issuing_body": (
        "Tên cơ quan ban hành (ví dụ: Ủy ban nhân dân xã Minh Tân)",
        "Issuing body (e.g. Ủy ban nhân dân xã Minh Tân)",
    ),
    "ask_parent_body": ("Cơ quan chủ quản (Enter: không có)", "Parent body (Enter: none)"),
    "ask_short_name": ("Tên gọi trong văn bản", "Short name used in sentences"),
    "ask_area": ("Địa bàn ('trên địa bàn …')", "Area ('trên địa bàn …')"),
    "ask_place": ("Địa danh (dòng 'Địa danh, ngày … tháng … năm …')", "Place name of the date line"),
    "ask_period": (
        "Kỳ báo cáo (6 tháng đầu, 6 tháng cuối, quý I, tháng 3, 9 tháng, năm…)",
        "Period (half_year:2, quarter:1, year…)",
    ),
    "ask_year": ("Năm của kỳ báo cáo", "Year of the period"),
    "ask_symbol": ("Ký hiệu văn bản (ví dụ: BC-UBND)", "Document symbol (e.g. BC-UBND)"),
    "ask_subject": ("Trích yếu", "Subject (trích yếu)"),
    "ask_signer_title": ("Chức vụ người ký", "Signer's title"),
    "ask_signer_name": ("Họ và tên người ký (Enter: để trống, ký tay)", "Signer's name (Enter: leave blank)"),
    "internal": ("lỗi bên trong baocao: {error}", "internal error: {error}"),
    "internal_hint": (
        "Xin gửi báo lỗi này kèm tệp đầu vào; không có tệp nào được ghi.",
        "Please report this with the input file; nothing was written.",
    ),
}

# Why the system could not read or write, for the errors users meet; keyed "errno.NAME".
USAGE.update(
    {
        f"errno.{errno.errorcode[number]}": texts
        for number, texts in {
            errno.ENOENT: ("không có tệp hoặc thư mục này", "no such file or folder"),
            errno.EACCES: ("không có quyền", "permission denied"),
            errno.EPERM: ("không được phép", "operation not permitted"),
            errno.EISDIR: ("là thư mục", "is a folder"),
            errno.ENOTDIR: ("một phần của đường dẫn không phải thư mục", "a part of the path is not a folder"),
            errno.ENOSPC: ("đĩa đã đầy", "no space left on the disk"),
            errno.EBADF: ("đã bị đóng", "it is closed"),
            errno.EROFS: ("ổ đĩa chỉ đọc", "read-only file system"),
            errno.ELOOP: ("liên kết vòng", "too many levels of links"),
            errno.ENAMETOOLONG: ("tên tệp quá dài", "file name too long"),
        }.items()
    }
)


@dataclass(frozen=True)
class Phrase:
    """Something to tell the user, kept as a key of :data:`USAGE` and its params until a language is chosen.

    A key that is not in the catalogue is text said the same in both languages.
    Params may be phrases, or lists of phrases (joined with "; ").
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        """The phrase in ``lang``."""
        params = _Defaults({name: _said(value, lang) for name, value in self.params.items()})
        if self.key not in USAGE:
            return self.key.format_map(params) if self.params else shown(self.key)
        vi, en = USAGE[self.key]
        return (en if lang == "en" else vi).format_map(params)


@dataclass(frozen=True)
class Words(Phrase):
    """Words said otherwise in each language (a level's name, its code), given whole in ``params``."""

    def text(self, lang: str = "vi") -> str:
        """The words of ``lang``."""
        return shown(str(self.params["en" if lang == "en" else "vi"]))


def named(vi: str, en: str) -> Words:
    """Words said ``vi`` in Vietnamese and ``en`` in English."""
    return Words("", {"vi": vi, "en": en})


def either(items: list[str], lang: str = "vi") -> str:
    """Choices as a sentence offers them: "Có, Không hoặc Chưa" ("Có, Không or Chưa" in English)."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'or' if lang == 'en' else 'hoặc'} {items[-1]}"


def shown(text: str) -> str:
    r"""Text from a file (a file name, a value) as it may be printed: data, never a terminal's command.

    Control characters other than a tab or a line break (an escape that would recolour or retitle the
    terminal) are written ``\x1b``; a byte of a file name that is not UTF-8 is written ``\xff``,
    so that JSON of it is valid UTF-8.
    """
    if text.isprintable():
        return text
    return "".join(_shown_char(char) for char in text)


def _shown_char(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system gave that is not UTF-8 (os.fsdecode)
        return f"\\x{code - 0xDC00:02x}"
    if char in "\n\r\t" or char.isprintable() or (char.isspace() and code >= 0xA0):
        return char
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _said(value: Any, lang: str) -> Any:
    if isinstance(value, (str, PurePath)):
        return shown(str(value))
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, list):
        return "; ".join(str(_said(item, lang)) for item in value)
    return value


def os_reason(exc: OSError) -> Phrase:
    """Why an OSError happened: in both languages when it is a common one, else as the system says it."""
    key = f"errno.{errno.errorcode.get(exc.errno or 0, '')}"
    return Phrase(key) if key in USAGE else Phrase(exc.strerror or str(exc))
