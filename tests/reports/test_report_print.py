"""What a provincial inspectorate reads: forms in their own orientation, and no internal note in print."""

import io

import pytest
from cryptography.fernet import Fernet
from docx import Document
from docx.enum.section import WD_ORIENT
from django.urls import reverse

from reports.services import lifecycle as services
from tests.base import client_for
from tests.reports.test_report_reading import docx_tables, docx_text, xlsx_text
from tests.reports.test_tables_kntc import processed
from tests.complaint_case.builders import make_petition

INTERNAL = ("nhập tay", "chưa xác nhận", "suy luận", "Ghi chú: ")  # "Ghi chú" alone is a column of the forms


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


@pytest.fixture
def kntc_version(people):
    import datetime

    by = people.chief_inspector
    processed(make_petition(by, received_on=datetime.date(2025, 5, 2)), by, kind="complaint")
    report = services.get_or_create_report("kntc", "year", 2025, by=by)
    return services.generate_version(report, by=by)


def test_unit_forms_print_units_as_rows_under_the_numbered_columns(kntc_version):
    content = kntc_version.docx.read()
    tables = docx_tables(content)
    for code in ("01/TCD", "02/XLD", "03/GQKN", "04/GQTC"):
        rows = tables[code]
        numbering = next(row for row in rows if row[0] == "MS")
        layout = next(table for table in kntc_version.data["tables"] if table["code"] == code)
        assert numbering[1:] == [column["code"] for column in layout["columns"]], code
        labels = [row[0] for row in rows[rows.index(numbering) + 1:]]
        assert labels == [row["label"] for row in layout["rows"]] and labels[-1] == "Tổng cộng", code
    # 02/XLD's groups span their columns as on the circular's form: one merged cell, not a repeated label.
    width = len(next(table for table in kntc_version.data["tables"] if table["code"] == "02/XLD")["columns"]) + 1
    form = next(table for table in Document(io.BytesIO(content)).tables
                if len(table.columns) == width and any(row.cells[0].text == "MS" for row in table.rows))
    header = form.rows[0].cells  # a merged cell is the same cell under each grid column it spans
    assert len({id(cell._tc) for cell in header}) < len(header) and header[0]._tc is form.rows[1].cells[0]._tc
    sections = Document(io.BytesIO(content)).sections
    assert sections[0].orientation == WD_ORIENT.PORTRAIT and sections[-1].orientation == WD_ORIENT.LANDSCAPE


def test_internal_notes_stay_on_the_screen_and_out_of_print(client, people, kntc_version):
    printed = docx_text(kntc_version.docx.read()) + xlsx_text(kntc_version.xlsx.read())
    assert not [word for word in INTERNAL if word in printed]
    assert any("nhập tay" in note for table in kntc_version.data["tables"] for note in table["notes"])
    client_for(client, people.chief_inspector)
    page = client.get(reverse("admin:reports_report_change", args=[kntc_version.report_id])).content.decode()
    assert "Ghi chú nội bộ (không in)" in page and "02/XLD: " in page and "nhập tay" in page
