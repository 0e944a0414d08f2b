"""The annual anti-corruption report: each figure built from records and read back from the .docx and .xlsx."""

import datetime
from decimal import Decimal

import pytest
from cryptography.fernet import Fernet

from doctypes.complaint_case.services import denunciation as services_denunciation
from doctypes.finding import services as finding_services
from doctypes.inspection.models import Inspection
from reports.services import lifecycle as services
from tests.complaint_case.builders import DENOUNCER, make_denunciation
from tests.finding.builders import make_action, make_finding, make_violation
from tests.inspection.builders import advance, make_inspection, unit
from tests.reports.test_report_reading import (
    docx_indicator, docx_tables, docx_text, xlsx_indicator, xlsx_sheets, xlsx_text, xlsx_trace,
)

D = datetime.date
S = Inspection.Step


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def arrange(people):
    """Two anti-corruption inspections (one concluded with three violations), one ordinary, one denunciation."""
    inspection = advance(make_inspection(year=2025, kind="unscheduled", grounds="anti_corruption", plan=None,
                                         title="Thanh tra trách nhiệm phòng, chống tham nhũng"), S.REPORTED, start=D(2025, 3, 2))
    finding = make_finding(inspection=inspection, recorded_on=D(2025, 4, 1))
    first = make_violation(finding, amount_to_recover=Decimal(30_000_000), kind="Nhận tiền khi cấp phép",
                           responsible_person="Người vi phạm A", sanction="discipline")
    make_violation(finding, amount_to_recover=Decimal(12_500_000), kind="Chi sai định mức",
                   responsible_person="Người vi phạm B", sanction="criminal")
    make_violation(finding, amount_to_recover=Decimal(0), kind="Thiếu công khai", sanction="discipline",
                   responsible_unit=unit("snnmt-ccthuyloi"))
    advance(inspection, S.PUBLISHED, start=D(2025, 3, 2))
    action = make_action(finding, violation=first, due_on=D(2025, 9, 30))
    finding_services.report_action_progress(action, by=people.unit_head, reported_on=D(2025, 6, 1), note="Đã nộp",
                                            amount_recovered=Decimal(10_000_000))
    advance(make_inspection(year=2025, kind="unscheduled", grounds="anti_corruption", plan=None,
                            title="Thanh tra công vụ đang tiến hành"), S.DECIDED, start=D(2025, 5, 2))
    advance(make_inspection(year=2025, title="Thanh tra thường"), S.PUBLISHED, start=D(2025, 3, 2))
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=D(2025, 7, 1))
    services_denunciation.accept_denunciation(case, by=people.inspector, accepted_on=D(2025, 7, 3))
    return inspection


def generate(people, by=None):
    report = services.get_or_create_report("anti_corruption", "year", 2025, by=by or people.chief_inspector)
    return report, services.generate_version(report, by=by or people.chief_inspector)


def test_each_figure_of_01_pctn_reads_back_from_the_docx_and_the_xlsx(people):
    arrange(people)
    report, version = generate(people)
    docx, xlsx = version.docx.read(), version.xlsx.read()
    expected = {"7": "2", "8": "1", "9": "2", "10": "1", "11": "1", "12": "1", "13": "1",
                "44": "3", "45": "2", "56": "3", "57": "2", "89": "42,5", "91": "10", "91.1": "10"}
    for key, text in expected.items():
        assert docx_indicator(docx, "01/PCTN", key) == text, key
    numbers = {"89": 42.5, "91": 10, "7": 2, "44": 3}
    for key, value in numbers.items():
        assert xlsx_indicator(xlsx, "01/PCTN", key) == value, key
    # An indicator no record supports is left empty for the drafter, not printed as 0.
    assert docx_indicator(docx, "01/PCTN", "101") == "" and xlsx_indicator(xlsx, "01/PCTN", "101") is None
    # An indicator a register gives and the arranged data leaves at nothing prints 0: it was counted.
    assert docx_indicator(docx, "01/PCTN", "1") == "0"


def test_02_pctn_lists_each_case_with_its_record(people):
    inspection = arrange(people)
    _report, version = generate(people)
    rows = docx_tables(version.docx.read())["02/PCTN"]
    assert rows[0][0] == "TT" and rows[-1][:2] == ["Tổng số:", "3"]
    names = [row[1] for row in rows[1:-1]]
    assert all(inspection.title in name for name in names)
    assert any("Nhận tiền khi cấp phép" in name for name in names)
    trace = [row for row in xlsx_trace(version.xlsx.read()) if row["Biểu"] == "02/PCTN" and row["Cột"] == "1"]
    violation_ids = {row["Mã hồ sơ"] for row in trace if row["Dòng"] != "Tổng số:"}
    assert len(violation_ids) == 3 and all(row["Mô hình"] == "finding.Violation" for row in trace)
    assert all(row["Liên kết"].startswith("/admin/finding/violation/") for row in trace)


def test_the_narrative_is_prefilled_with_counts_and_the_document_has_the_state_format(people):
    arrange(people)
    report, version = generate(people)
    assert "triển khai 2 cuộc thanh tra về phòng, chống tham nhũng" in report.narrative["situation"]
    assert "ban hành kết luận 1 cuộc" in report.narrative["situation"]
    assert "phát hiện 3 vi phạm" in report.narrative["detection"]
    assert "kiến nghị thu hồi 42,5 triệu đồng" in report.narrative["detection"]
    assert "đã thu hồi 10 triệu đồng" in report.narrative["detection"]
    assert "1 vụ việc tố cáo liên quan đến tham nhũng" in report.narrative["detection"]
    assert "công khai 2 kết luận thanh tra" in report.narrative["prevention"]
    text = docx_text(version.docx.read())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "/BC-SNNMT", "BÁO CÁO",
                     "Kết quả công tác phòng, chống tham nhũng, lãng phí, tiêu cực năm 2025", "Nơi nhận:",
                     "từ ngày 15/12/2024 đến ngày 14/12/2025", "I. KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG",
                     report.narrative["detection"], "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", report.signer_name):
        assert expected in text, expected
    assert report.signer_name


def test_the_xlsx_has_a_sheet_per_form_the_facts_and_the_traceability(people):
    arrange(people)
    _report, version = generate(people)
    xlsx = version.xlsx.read()
    assert xlsx_sheets(xlsx).sheetnames == ["01-PCTN", "02-PCTN", "03-PCTN", "So lieu PCTN", "Truy xuat"]
    trace = xlsx_trace(xlsx)
    row_89 = [row for row in trace if row["Biểu"] == "01/PCTN" and row["Dòng"].startswith("89.")]
    assert len(row_89) == 3 and {row["Giá trị"] for row in row_89} == {42.5}
    facts = [row for row in trace if row["Biểu"] == "So lieu PCTN" and row["Cột"] == "denunciations"]
    assert len(facts) == 1 and facts[0]["Mô hình"] == "complaint_case.Denunciation"
    assert "Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025" in xlsx_text(xlsx)


def test_no_report_file_nor_its_data_names_the_denouncer(people):
    arrange(people)
    _report, version = generate(people)
    secrets = [DENOUNCER["name"], DENOUNCER["id_number"], DENOUNCER["phone"], DENOUNCER["address"]]
    texts = [docx_text(version.docx.read()), xlsx_text(version.xlsx.read()), str(version.data),
             version.docx.name, version.xlsx.name]
    for secret in secrets:
        assert all(secret not in text for text in texts), secret
    # The denunciation is there, under its code and pseudonym.
    assert "Người tố cáo" not in version.docx.name and "TC" in str(version.data["facts"]["denunciations"]["records"])
