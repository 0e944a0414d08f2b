"""The companion .xlsx of a report, from its snapshot alone: one sheet per form, then the traceability sheet.

Each form's sheet keeps the form's own layout (header groups, the "MS" numbering row, one row per
unit; or the MS/NỘI DUNG/ĐVT/SỐ LIỆU list of 01/PCTN; or the case list of 02/PCTN), without the
layout's internal notes (they are shown on the report's screen). The sheet "Truy xuat" lists, for
every figure, each record that makes it: model, id, neutral label, link.
"""

import datetime
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from papi_inspect.state_documents import DRAFT_MARK

TRACE_SHEET = "Truy xuat"
FACTS_SHEET = "So lieu PCTN"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def sheet_name(code):
    """"01/TCD" → "01-TCD" (Excel forbids "/" in sheet names)."""
    return code.replace("/", "-")


def _number(value):
    """Numbers stay numbers so the sheet can be summed; text as text; unknown (nhập tay) as an empty cell."""
    return None if value is None or value == "" else value


def render_xlsx(data):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in data["tables"]:
        sheet = workbook.create_sheet(sheet_name(table["code"]))
        _heading(sheet, table, data)
        {"indicators": _indicators, "list": _list}.get(table["layout"], _units)(sheet, table)
    if data["facts"]:
        sheet = workbook.create_sheet(FACTS_SHEET)
        sheet.append(["Khóa", "Nội dung", "Số liệu", "Số hồ sơ"])
        for key, fact in data["facts"].items():
            sheet.append([key, fact.get("label", key), _number(fact["value"]), len(fact["records"])])
        _bold_row(sheet, 1)
    _trace(workbook.create_sheet(TRACE_SHEET), data)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _heading(sheet, table, data):
    header = data["header"]
    if data.get("draft"):
        sheet.append([DRAFT_MARK])
        sheet.cell(row=sheet.max_row, column=1).font = BOLD
    sheet.append([f"Biểu số {table['code']}"])
    sheet.append([table["title"]])
    start, end = (datetime.date.fromisoformat(table["period"][key]) for key in ("start", "end"))
    sheet.append([f"Số liệu tính từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"])
    sheet.append([f"(Kèm theo Báo cáo của {header['issuing_agency']})"])
    for row in (1, 2):
        sheet.cell(row=row, column=1).font = BOLD
    sheet.append([])


def _bold_row(sheet, row):
    for cell in sheet[row]:
        cell.font = BOLD
        cell.alignment = WRAP


def _units(sheet, table):
    """Form layout: group rows, the heading row, the "MS" numbering row, then a row per unit and "Tổng cộng"."""
    columns = table["columns"]
    depth = max((len(column["group"]) for column in columns), default=0)
    for level in range(depth):
        sheet.append([""] + [column["group"][level] if len(column["group"]) > level else "" for column in columns])
        _bold_row(sheet, sheet.max_row)
    sheet.append([table["row_heading"]] + [column["heading"] + (f" ({column['unit']})" if column["unit"] else "")
                                           for column in columns])
    _bold_row(sheet, sheet.max_row)
    sheet.append(["MS"] + [column["code"] for column in columns])
    _bold_row(sheet, sheet.max_row)
    for row in table["rows"]:
        sheet.append([row["label"]] + [_number(row["cells"][column["code"]]["value"]) for column in columns])
    _bold_row(sheet, sheet.max_row)
    sheet.column_dimensions["A"].width = 32
    for index in range(2, len(columns) + 2):
        sheet.column_dimensions[get_column_letter(index)].width = 12


def _indicators(sheet, table):
    sheet.append(["MS", "NỘI DUNG", "ĐVT", "SỐ LIỆU"])
    _bold_row(sheet, sheet.max_row)
    for row in table["rows"]:
        ms = "" if row["heading"] or row["key"].endswith("A") else row["key"]
        sheet.append([ms, row["label"], _number(row["cells"]["ĐVT"]["value"]), _number(row["cells"]["SỐ LIỆU"]["value"])])
        if row["heading"]:
            _bold_row(sheet, sheet.max_row)
    sheet.column_dimensions["B"].width = 90


def _list(sheet, table):
    sheet.append(["TT"] + [column["heading"] for column in table["columns"]])
    _bold_row(sheet, sheet.max_row)
    for row in table["rows"]:
        sheet.append([row["label"]] + [_number(row["cells"][column["code"]]["value"]) for column in table["columns"]])
    _bold_row(sheet, sheet.max_row)
    for index in range(2, len(table["columns"]) + 2):
        sheet.column_dimensions[get_column_letter(index)].width = 30


def _trace(sheet, data):
    """One line per (figure, record): which form, row, column and value, and the record behind it."""
    sheet.append(["Biểu", "Dòng", "Cột", "Tên cột", "Giá trị", "Mô hình", "Mã hồ sơ", "Hồ sơ", "Liên kết"])
    _bold_row(sheet, 1)
    for table in data["tables"]:
        headings = {column["code"]: column["heading"] for column in table["columns"]}
        for row in table["rows"]:
            label = f"{row['key']}. {row['label']}" if table["layout"] == "indicators" and row["key"] else row["label"]
            for code, figure in row["cells"].items():
                for record in figure["records"]:
                    sheet.append([table["code"], label, code, headings.get(code, code), _number(figure["value"]),
                                  record["model"], record["pk"], record["label"], record["url"]])
    for key, fact in data["facts"].items():
        for record in fact["records"]:
            sheet.append([FACTS_SHEET, fact.get("label", key), key, fact.get("label", key), _number(fact["value"]),
                          record["model"], record["pk"], record["label"], record["url"]])
    for column, width in zip("ABCDEFGHI", (10, 40, 8, 30, 10, 28, 10, 40, 50)):
        sheet.column_dimensions[column].width = width
