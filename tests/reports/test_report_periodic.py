"""Periodic reports (inspection: 01–02/TTr; reception and petitions: 01/TCD, 02/XLD, 03/GQKN, 04/GQTC):
every figure of every table read back from the .docx and the .xlsx, a few checked by hand."""

import datetime

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError

from doctypes.citizen_reception import services as reception_services
from doctypes.complaint_case.services import denunciation as services_denunciation
from doctypes.org.models import Unit
from reports.periods import resolve_period
from reports.services import lifecycle as services
from reports.snapshot import format_value, plain
from reports.tables.build import build_table
from tests.complaint_case.builders import DENOUNCER, inspectorate, make_denunciation, make_petition
from tests.reports.test_report_anti_corruption import arrange as arrange_inspections
from tests.reports.test_report_reading import (
    docx_tables, docx_text, docx_unit_figure, xlsx_sheets, xlsx_text, xlsx_unit_figure,
)
from tests.reports.test_tables_kntc import processed

D = datetime.date


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def arrange_kntc(people):
    by = people.chief_inspector
    office = Unit.objects.get(code="snnmt-vp")
    reception_services.log_reception(by=by, received_on=D(2025, 4, 2), kind="regular", identity={"name": "A"},
                                     content="Hỏi về đất", classification="request", handling="guide", unit=office)
    reception_services.log_reception(by=by, received_on=D(2025, 4, 3), kind="regular", identity={"name": "B", "representative": "B"},
                                     content="Đoàn khiếu nại", classification="complaint", handling="guide", unit=office,
                                     group_size=6)
    processed(make_petition(by, received_on=D(2025, 5, 2)), by, kind="complaint", on=D(2025, 5, 5))
    processed(make_petition(by, received_on=D(2025, 5, 4), matter="Tố cáo nhận hối lộ"), by, kind="denunciation",
              anti_corruption=True, on=D(2025, 5, 6))
    processed(make_petition(by, received_on=D(2025, 5, 7), matter="Ngoài thẩm quyền"), by, kind="complaint",
              competence=False, outcome="guide", on=D(2025, 5, 8))
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=D(2025, 5, 10), unit=inspectorate())
    services_denunciation.accept_denunciation(case, by=people.inspector, accepted_on=D(2025, 5, 12))


def assert_every_figure_reads_back(docx, xlsx, report, period, user):
    """Each figure of each table: the .docx and the .xlsx (both in the form's layout) show build_table's value."""
    printed, sheets = docx_tables(docx), xlsx_sheets(xlsx)
    checked = 0
    for code in report.spec.tables:
        table = build_table(code, period=period, units=report.owner.family_ids())
        lines = printed[code]
        printed_numbering = next(line for line in lines if line[0] == "MS")
        rows = list(sheets[code.replace("/", "-")].iter_rows(values_only=True))
        numbering = list(next(row for row in rows if row and row[0] == "MS"))
        for row in table.rows:
            sheet_row = next(line for line in rows if line and line[0] == row.label)
            for column in table.columns:
                value = plain(row.cells[column.code].value)
                line = next(line for line in lines if line[0] == row.label)
                assert line[printed_numbering.index(column.code)] == format_value(value), (code, row.label, column.code)
                assert sheet_row[numbering.index(column.code)] == value, (code, row.label, column.code)
                checked += 1
    return checked


def test_the_kntc_report_for_six_months_shows_every_figure(people):
    arrange_kntc(people)
    report = services.get_or_create_report("kntc", "h1", 2025, by=people.chief_inspector)
    version = services.generate_version(report, by=people.chief_inspector)
    docx, xlsx = version.docx.read(), version.xlsx.read()
    assert docx_unit_figure(docx, "01/TCD", "1") == "2" and docx_unit_figure(docx, "01/TCD", "2") == "7"
    assert xlsx_unit_figure(xlsx, "02/XLD", "1") == 3 and xlsx_unit_figure(xlsx, "02/XLD", "2") == 3
    assert xlsx_unit_figure(xlsx, "04/GQTC", "2") == 1 and docx_unit_figure(docx, "04/GQTC", "4") == "1"
    checked = assert_every_figure_reads_back(docx, xlsx, report, resolve_period("h1", 2025), people.chief_inspector)
    assert checked > 4 * 20
    assert "đã tiếp 2 lượt với 7 người" in report.narrative["results"]
    assert "Tiếp nhận 3 đơn, đã xử lý 3 đơn." in report.narrative["results"]
    text = docx_text(docx)
    assert "từ ngày 15/12/2024 đến ngày 14/06/2025" in text and "II. KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN" in text
    assert "6 tháng đầu năm 2025" in text
    for secret in DENOUNCER.values():
        assert secret not in text and secret not in xlsx_text(xlsx) and secret not in str(version.data)


def test_the_inspection_report_for_the_year_shows_every_figure(people):
    arrange_inspections(people)
    report = services.get_or_create_report("inspection", "year", 2025, by=people.inspector)
    version = services.generate_version(report, by=people.inspector)
    docx, xlsx = version.docx.read(), version.xlsx.read()
    assert docx_unit_figure(docx, "01/TTr", "1") == "3" and docx_unit_figure(docx, "01/TTr", "6") == "2"
    assert xlsx_unit_figure(xlsx, "01/TTr", "10") == 42.5
    assert docx_unit_figure(docx, "02/TTr", "6") == "10"
    assert assert_every_figure_reads_back(docx, xlsx, report, resolve_period("year", 2025), people.inspector) > 2 * 25
    assert "đã triển khai 3 cuộc thanh tra" in report.narrative["results"]


def test_a_quarter_without_narrative_carries_only_the_tables(people):
    report = services.get_or_create_report("inspection", "q2", 2025, by=people.inspector)
    version = services.generate_version(report, by=people.inspector)
    assert report.narrative == {} and version.data["sections"] == []
    content = version.docx.read()
    text = docx_text(content)
    assert "chỉ gồm các biểu số liệu" in text and "III. PHƯƠNG HƯỚNG" not in text
    assert set(docx_tables(content)) == {"01/TTr", "02/TTr", "03/TTr"}
    assert "từ ngày 15/03/2025 đến ngày 14/06/2025" in text


@pytest.mark.parametrize("kind, period, year, message", [
    ("anti_corruption", "q9", 2025, "Kỳ báo cáo không hợp lệ"),
    ("inspection", "q5", 2025, "Kỳ báo cáo không hợp lệ"),
    ("kntc", "year", 1999, "Năm báo cáo không hợp lệ"),
    ("budget", "year", 2025, "Loại báo cáo không hợp lệ"),
])
def test_bad_requests_are_refused_in_words(people, kind, period, year, message):
    with pytest.raises(ValidationError) as error:
        services.get_or_create_report(kind, period, year, by=people.inspector)
    assert message in str(error.value)


def test_the_cut_off_and_the_circular_come_from_the_period_data(people):
    # The annual report for 2024 closed its data on 14/12/2024, under TT 01/2024 (fixtures/report_periods.json).
    report = services.get_or_create_report("anti_corruption", "year", 2024, by=people.chief_inspector)
    version = services.generate_version(report, by=people.chief_inspector)
    text = docx_text(version.docx.read())
    assert "Thực hiện Thông tư 01/2024/TT-TTCP quy định chế độ báo cáo" in text
    assert "từ ngày 15/12/2023 đến ngày 14/12/2024" in text
    assert version.data["period"]["start"] == "2023-12-15" and version.data["period"]["end"] == "2024-12-14"
