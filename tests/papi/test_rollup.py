"""The office's roll-up to Sở Nội vụ: narrative editable until frozen; frozen keeps its figures; .docx opens."""

import datetime
import io
import os
import shutil
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document

from doctypes.papi.rollup import freeze_office_report, office_report_docx, start_office_report, update_office_report
from doctypes.papi.services import save_report_progress, start_unit_report, submit_unit_report
from tests.papi.builders import make_plan, unit

pytestmark = pytest.mark.django_db
ON_TIME = datetime.datetime(2021, 3, 10, 9, tzinfo=datetime.timezone.utc)


def _unit_report_done(people, plan):
    report = start_unit_report(plan, unit=unit("snnmt-ccthuyloi"), year=2021, quarter=1, by=people.unit_staff)
    save_report_progress(report, by=people.unit_staff, summary="Thiếu kinh phí nạo vét kênh.",
                         progress={e.task_id: ("done", "Đã nạo vét 12 km kênh mương") for e in report.entries.all()})
    return submit_unit_report(report, by=people.unit_head, now=ON_TIME)


def test_it_drafts_the_roll_up_from_the_unit_reports_with_the_offices_due_date(people):
    plan = make_plan()
    _unit_report_done(people, plan)
    report = start_office_report(plan, year=2021, quarter=1, by=people.office_clerk, today=datetime.date(2021, 3, 18))
    assert report.due_on == datetime.date(2021, 3, 20)
    assert "Chi cục Thủy lợi: Đã nạo vét 12 km kênh mương" in report.results
    assert "Thiếu kinh phí" in report.shortcomings and "Phòng Kế hoạch - Tài chính" in report.shortcomings


def test_it_keeps_the_figures_a_frozen_report_was_made_with(people):
    plan = make_plan()
    report = start_office_report(plan, year=2021, quarter=1, by=people.office_chief, today=datetime.date(2021, 3, 18))
    update_office_report(report, by=people.office_chief, results="Kết quả đã biên tập.", number="15/BC-SNN")
    frozen = freeze_office_report(report, by=people.office_chief, today=datetime.date(2021, 3, 18))
    assert frozen.figures["reports_submitted"] == 0
    _unit_report_done(people, plan)  # a unit reports after the freeze
    frozen.refresh_from_db()
    assert frozen.figures["reports_submitted"] == 0 and frozen.results == "Kết quả đã biên tập."
    text = "\n".join(p.text for p in Document(io.BytesIO(office_report_docx(frozen))).paragraphs)
    assert "Số đơn vị phải báo cáo" in text and "đã nộp: 0" in text
    with pytest.raises(ValidationError, match="đã chốt"):
        update_office_report(frozen, by=people.office_chief, results="Sửa sau khi chốt")
    assert frozen.history.first().history_change_reason == "Chốt báo cáo tổng hợp"


def test_it_lets_only_the_office_make_the_roll_up(people):
    plan = make_plan()
    for user in (people.unit_head, people.leader, people.inspector, people.outsider):
        with pytest.raises(PermissionDenied):
            start_office_report(plan, year=2021, quarter=1, by=user)


def test_it_writes_a_docx_in_the_state_format_that_libreoffice_opens(people, tmp_path):
    plan = make_plan()
    _unit_report_done(people, plan)
    report = start_office_report(plan, year=2021, quarter=1, by=people.office_clerk)
    data = office_report_docx(report)
    document = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "I. KẾT QUẢ THỰC HIỆN" in text and "III. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI" in text
    assert any("Đối với chỉ số" in cell.text for table in document.tables for row in table.rows for cell in row.cells)
    soffice = shutil.which("soffice")
    # The check that matters to users; CI sets PAPI_REQUIRE_SOFFICE=1 so it can never be passed over there.
    if soffice or os.environ.get("PAPI_REQUIRE_SOFFICE"):
        path = tmp_path / "rollup.docx"
        path.write_bytes(data)
        # Its own profile: a second LibreOffice on the default one (CI runs both databases at once) would hand the
        # file to the first and write nothing.
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                        "--outdir", str(tmp_path), str(path)],
                       check=True, capture_output=True, timeout=120)
        assert (tmp_path / "rollup.pdf").stat().st_size > 1000
