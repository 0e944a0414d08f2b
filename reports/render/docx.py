"""The report as .docx (NĐ 30/2020/NĐ-CP format), rendered from a version's snapshot alone, never from records.

The narrative and signature come first on portrait pages; the statistical tables follow as an
appendix in a landscape section, each in the form's own orientation (TT 06/2025/TT-TTCP: units as
rows, the header groups over the numbered columns MS 1…n), as the companion .xlsx. The layout's
internal notes (what is typed by hand, what is unconfirmed) stay on the screen, never in print.
"""

import datetime
import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from papi_inspect.state_documents import Signature, StateDocument, StateDocumentHeader, document_number, vietnamese_date
from reports.snapshot import format_value

TABLE_PT = 8
WIDE_TABLE_PT = 6.5  # 25–35 columns on a landscape page, as the printed forms are
FIRST_COLUMN_MM = 38
WIDTH_MM = 297 - 30 - 15  # landscape A4 between the margins


def render_docx(data):
    header = data["header"]
    day = datetime.date.fromisoformat(header["date"])
    document = StateDocument(StateDocumentHeader(
        parent_agency=header["parent_agency"], issuing_agency=header["issuing_agency"],
        number=document_number(header["number"], header["symbol"]), place=header["place"], date=day,
        doc_type=header["doc_type"], subject=header["subject"]))
    if data.get("draft"):
        document.mark_draft()
    period = data["period"]
    document.paragraph(
        f"Thực hiện {_circular(period['basis'])} quy định chế độ báo cáo, {header['issuing_agency']} báo cáo "
        f"{header['subject'][0].lower()}{header['subject'][1:]} ({period['line'][0].lower()}{period['line'][1:]}) như sau:")
    _narrative(document, data)
    signature = data["signature"]
    document.sign(Signature(authority=signature["authority"], name=signature["name"], recipients=signature["recipients"]))
    if data["tables"]:
        document.landscape_section()
        number = document_number(header["number"], header["symbol"]).removeprefix("Số:").strip()
        attached = f"(Kèm theo Báo cáo số {number} {vietnamese_date(day)} của {header['issuing_agency']})"
        for index, table in enumerate(data["tables"]):
            if index:
                document.document.add_page_break()
            _table(document, table, attached)
    return document.to_bytes()


def _narrative(document, data):
    if not data["has_narrative"]:
        document.paragraph("Kỳ báo cáo này chỉ gồm các biểu số liệu kèm theo (Thông tư 06/2025/TT-TTCP, Điều 4).")
        return
    printed = set()
    for section in data["sections"]:
        if section["parent"] and section["parent"] not in printed:
            printed.add(section["parent"])
            document.heading(section["parent"])
        document.heading(section["heading"])
        lines = [line.strip() for line in section["text"].splitlines() if line.strip()]
        for line in lines or ["…"]:
            document.paragraph(line)


def _table(document, table, attached):
    document.centered(f"Biểu số {table['code']}", bold=True, size=12)
    document.centered(table["title"], bold=True, size=12)
    document.centered(_period_line(table), italic=True, size=11)
    document.centered(attached, italic=True, size=11)
    if table["layout"] == "indicators":
        rows = [[row["key"] if not row["key"].endswith("A") else "", row["label"],
                 format_value(row["cells"]["ĐVT"]["value"]), format_value(row["cells"]["SỐ LIỆU"]["value"])]
                for row in table["rows"]]
        bold = {index for index, row in enumerate(table["rows"]) if row["heading"]}
        document.table(["MS", "NỘI DUNG", "ĐVT", "SỐ LIỆU"], rows, size=TABLE_PT, bold_rows=bold,
                       align_first=WD_ALIGN_PARAGRAPH.LEFT, widths=_widths([14, 168, 35, 35]))
    elif table["layout"] == "list":
        columns = [column["code"] for column in table["columns"]]
        rows = [[row["label"]] + [format_value(row["cells"][code]["value"]) for code in columns] for row in table["rows"]]
        share = (WIDTH_MM - 14) / max(len(columns), 1)
        document.table(["TT"] + [column["heading"] for column in table["columns"]], rows, size=TABLE_PT,
                       bold_rows={len(rows) - 1}, widths=_widths([14] + [share] * len(columns)))
    else:
        _unit_form(document, table)


def _unit_form(document, table):
    """Units as rows, one column per indicator: the group rows, the heading row, the "MS" numbering row."""
    columns = table["columns"]
    depth = max((len(column["group"]) for column in columns), default=0)
    header = [[""] + [column["group"][level] if len(column["group"]) > level else "" for column in columns]
              for level in range(depth)]
    header.append([table["row_heading"]] + [column["heading"] + (f" ({column['unit']})" if column["unit"] else "")
                                            for column in columns])
    numbering = ["MS"] + [column["code"] for column in columns]
    rows = [numbering] + [[row["label"]] + [format_value(row["cells"][column["code"]]["value"]) for column in columns]
                          for row in table["rows"]]
    share = (WIDTH_MM - FIRST_COLUMN_MM) / max(len(columns), 1)
    size = TABLE_PT if len(columns) <= 20 else WIDE_TABLE_PT
    document.form_table(header, rows, size=size, widths=_widths([FIRST_COLUMN_MM] + [share] * len(columns)),
                        bold_rows={0, len(rows) - 1})


def _circular(basis):
    """"Thông tư 06/2025/TT-TTCP, Điều 4, 6, 7" → "Thông tư 06/2025/TT-TTCP" (the period data names the regime)."""
    match = re.match(r"Thông tư \S+", basis)
    return match.group(0).rstrip(",;.") if match else basis


def _widths(millimetres):
    return [Mm(value) for value in millimetres]


def _period_line(table):
    period = table["period"]
    start, end = (datetime.date.fromisoformat(period[key]) for key in ("start", "end"))
    return f"Số liệu tính từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
