"""Readers that take a figure back out of a generated .docx or .xlsx, and the value formatting they rely on."""

import io
from decimal import Decimal

from docx import Document
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from reports.snapshot import format_value, plain


def docx_tables(content):
    """{form code: rows of cell texts} for each "Biểu số …" table of a report .docx, in body order."""
    document = Document(io.BytesIO(content))
    tables, caption = {}, None
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            text = Paragraph(element, document).text.strip()
            if text.startswith("Biểu số "):
                caption = text.removeprefix("Biểu số ")
        elif element.tag.endswith("}tbl") and caption:
            table = DocxTable(element, document)
            tables[caption] = [[cell.text for cell in row.cells] for row in table.rows]
            caption = None
    return tables


def docx_text(content):
    document = Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [paragraph.text for paragraph in section.header.paragraphs]
    return "\n".join(parts)


def docx_unit_figure(content, code, column, unit="Tổng cộng"):
    """A figure of a per-unit form as printed: units as rows, the column under its "MS" number (as the form has it)."""
    rows = docx_tables(content)[code]
    numbering = next(row for row in rows if row[0] == "MS")
    line = next(row for row in rows if row[0] == unit)
    return line[numbering.index(column)]


def docx_indicator(content, code, key):
    rows = docx_tables(content)[code]
    return next(row for row in rows[1:] if row[0] == key)[3]


def xlsx_sheets(content):
    return load_workbook(io.BytesIO(content), data_only=True)


def xlsx_unit_figure(content, code, column, unit="Tổng cộng"):
    """A figure of a per-unit form on its sheet: the column under its "MS" number, the row of the unit."""
    sheet = xlsx_sheets(content)[code.replace("/", "-")]
    rows = list(sheet.iter_rows(values_only=True))
    numbering = next(row for row in rows if row and row[0] == "MS")
    line = next(row for row in rows if row and row[0] == unit)
    return line[list(numbering).index(column)]


def xlsx_indicator(content, code, key):
    sheet = xlsx_sheets(content)[code.replace("/", "-")]
    return next(row for row in sheet.iter_rows(values_only=True) if row and str(row[0] or "") == key)[3]


def xlsx_trace(content):
    sheet = xlsx_sheets(content)["Truy xuat"]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def xlsx_text(content):
    workbook = xlsx_sheets(content)
    return "\n".join(str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True) for value in row
                     if value is not None)


def test_figures_print_in_vietnamese_usage():
    assert format_value(1234567) == "1.234.567"
    assert format_value(plain(Decimal("12.5"))) == "12,5"
    assert format_value(plain(Decimal(30))) == "30"
    assert format_value(None) == "" and format_value(0) == "0"
