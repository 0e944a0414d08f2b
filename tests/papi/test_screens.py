"""The PAPI screens, each with a user who may and one who may not."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doctypes.papi.models.report import OfficeReport, UnitReport
from doctypes.papi.models.score import PapiScore
from doctypes.papi.rollup import start_office_report
from doctypes.papi.score_import import import_scores
from doctypes.papi.services import start_unit_report
from papi_inspect.models import Attachment
from tests.base import client_for
from tests.papi.builders import BAC_GIANG_CSV, make_plan, unit, wide_sheet
from tests.papi.test_score_import import ROWS

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_it_shows_a_unit_only_its_own_row_and_the_office_every_unit(client, people):
    make_plan()
    page = client_for(client, people.unit_staff).get(reverse("papi:my-reports"), {"year": 2021}).content.decode()
    assert "Chi cục Thủy lợi" in page and "Phòng Kế hoạch - Tài chính" not in page and "Quá hạn" in page
    page = client_for(client, people.office_clerk).get(reverse("papi:my-reports"), {"year": 2021}).content.decode()
    assert "Chi cục Thủy lợi" in page and "Phòng Kế hoạch - Tài chính" in page
    assert client_for(client, people.outsider).get(reverse("papi:my-reports")).status_code == 404


def test_it_lets_a_unit_fill_and_submit_its_report_with_evidence(client, people):
    plan = make_plan()
    client_for(client, people.unit_staff)
    response = client.post(reverse("papi:start-report", args=[plan.pk]), {"year": 2026, "quarter": 1})
    report = UnitReport.objects.get(unit__code="snnmt-ccthuyloi", year=2026, quarter=1)
    assert response.url == reverse("papi:report", args=[report.pk])
    entries = list(report.entries.all())
    data = {"summary": "Ổn", "submit": "1"}
    for entry in entries:
        data[f"e{entry.pk}-progress"] = "done"
        data[f"e{entry.pk}-result"] = "Đã làm"
    data[f"e{entries[0].pk}-evidence"] = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("papi:report", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == UnitReport.Status.SUBMITTED
    assert Attachment.objects.filter(object_id=entries[0].pk, content_type__model="unitreportentry").count() == 1
    data.pop(f"e{entries[0].pk}-evidence")
    response = client.post(reverse("papi:report", args=[report.pk]), {**data, f"e{entries[0].pk}-result": "Sửa"}, follow=True)
    assert "Báo cáo đã nộp, không được sửa" in response.content.decode()
    assert not report.entries.filter(result="Sửa").exists()


def test_it_hides_a_units_report_from_another_unit_and_the_outsider(client, people):
    plan = make_plan()
    report = start_unit_report(plan, unit=unit("snnmt-ccthuyloi"), year=2021, quarter=1, by=people.unit_staff)
    assert client_for(client, people.inspector).get(reverse("papi:report", args=[report.pk])).status_code == 404
    assert client_for(client, people.outsider).get(reverse("papi:report", args=[report.pk])).status_code == 404
    assert client_for(client, people.leader).get(reverse("papi:report", args=[report.pk])).status_code == 200
    assert client_for(client, people.inspector).get("/admin/papi/unitreport/").content.decode().count("Chi cục Thủy lợi –") == 0


def test_it_serves_the_roll_up_docx_to_the_office_and_leadership_only(client, people):
    plan = make_plan()
    report = start_office_report(plan, year=2021, quarter=1, by=people.office_clerk, today=datetime.date(2021, 3, 18))
    url = reverse("papi:office-report-docx", args=[report.pk])
    response = client_for(client, people.office_chief).get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(client, people.leader).get(url).status_code == 200
    assert client_for(client, people.unit_head).get(url).status_code == 404
    assert client_for(client, people.outsider).get(url).status_code == 404


def test_it_edits_and_freezes_the_roll_up_in_the_back_office(client, people):
    plan = make_plan()
    report = start_office_report(plan, year=2021, quarter=1, by=people.office_clerk, today=datetime.date(2021, 3, 18))
    client_for(client, people.office_chief)
    change = reverse("admin:papi_officereport_change", args=[report.pk])
    response = client.post(change, {"number": "12/BC-SNN", "results": "Đã sửa", "shortcomings": "", "next_tasks": "Tiếp tục"})
    assert response.status_code == 302
    client.post(reverse("admin:papi_officereport_changelist"), {"action": "freeze", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.is_frozen and report.results == "Đã sửa" and "areas" in report.figures
    assert client_for(client, people.unit_head).get(change).status_code in (302, 403, 404)


def test_it_previews_then_imports_a_sheet_from_the_back_office(client, people):
    client_for(client, people.admin)
    upload = SimpleUploadedFile("papi_2023.csv", wide_sheet(ROWS), content_type="text/csv")
    page = client.post(reverse("papi:score-import"), {"sheet": upload, "province": "24"})
    text = page.content.decode()
    assert "Xem trước" in text and "Số quan sát" in text and not PapiScore.objects.exists()
    form = {key: page.context[key] for key in ("payload", "sha256", "name", "province", "year")}
    response = client.post(reverse("papi:score-import"), {**form, "confirm": "1"})
    assert response.status_code == 302 and PapiScore.objects.filter(province__code="24", year=2023).count() == 3


def test_it_shows_the_refused_row_and_refuses_the_import_to_a_unit(client, people):
    client_for(client, people.admin)
    page = client.post(reverse("papi:score-import"), {"sheet": SimpleUploadedFile("papi_2023.csv", wide_sheet(ROWS)), "province": "77"})
    assert "bị từ chối" in page.content.decode() and "77" in page.content.decode()
    assert client_for(client, people.unit_staff).get(reverse("papi:score-import")).status_code == 403


def test_it_shows_leadership_the_trend_table_and_the_outsider_nothing(client, people):
    make_plan()
    import_scores(name=BAC_GIANG_CSV.name, data=BAC_GIANG_CSV.read_bytes(), province_code="24")
    page = client_for(client, people.leader).get(reverse("papi:trend"), {"view": "table"}).content.decode()
    assert "Bắc Giang" in page and "2023" in page and "44,32" in page and "cao hơn 44,32" in page and "10/61" in page
    assert "chart.umd.min.js" not in page
    chart = client.get(reverse("papi:trend")).content.decode()
    assert "papi/vendor/chart.umd.min.js" in chart and "cdn" not in chart.lower()
    assert client_for(client, people.outsider).get(reverse("papi:trend")).status_code == 404


def test_it_only_lets_the_office_open_roll_ups_in_the_back_office(client, people):
    make_plan()
    assert client_for(client, people.office_clerk).get("/admin/papi/officereport/").status_code == 200
    assert client_for(client, people.unit_head).get("/admin/papi/officereport/").status_code == 403
    assert OfficeReport.objects.visible_to(people.unit_head).count() == 0


def test_it_links_the_papi_screens_from_the_back_office_lists(client, people):
    page = client_for(client, people.leader).get("/admin/papi/papiscore/").content.decode()
    assert reverse("papi:trend") in page and reverse("papi:score-import") not in page
    page = client_for(client, people.admin).get("/admin/papi/papiscore/").content.decode()
    assert reverse("papi:score-import") in page


def test_it_opens_a_roll_up_from_the_back_office_for_the_office_and_not_for_a_unit(client, people):
    plan = make_plan()
    form = {"plan": plan.pk, "year": 2021, "quarter": 2, "number": "", "results": "", "shortcomings": "", "next_tasks": ""}
    assert client_for(client, people.unit_head).post("/admin/papi/officereport/add/", form).status_code == 403
    response = client_for(client, people.office_clerk).post("/admin/papi/officereport/add/", form)
    assert response.status_code == 302
    report = OfficeReport.objects.get(plan=plan, year=2021, quarter=2)
    assert report.due_on == datetime.date(2021, 6, 20) and report.history.first().history_change_reason == "Lập báo cáo tổng hợp"
