"""Report back office: who sees the list, detail, history and files; generate through a job; freeze; narrative form."""

import pytest
from django.urls import reverse

from reports.models import Report, ReportJob, ReportVersion
from reports.services import jobs as services_jobs
from reports.services import lifecycle as services
from tests.base import client_for
from tests.reports.test_report_reading import docx_text

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DRAFTERS = ("chief_inspector", "inspector", "office_clerk", "office_chief")
NOBODY = ("unit_head", "unit_staff", "outsider")


@pytest.fixture
def version(people):
    report = services.get_or_create_report("kntc", "q1", 2025, by=people.chief_inspector)
    return services.generate_version(report, by=people.chief_inspector)


def paths(version):
    report = version.report
    return {
        "list": reverse("admin:reports_report_changelist"),
        "detail": reverse("admin:reports_report_change", args=[report.pk]),
        "history": reverse("admin:reports_report_history", args=[report.pk]),
        "docx": reverse("reports:version-download", args=[version.pk, "docx"]),
        "xlsx": reverse("reports:version-download", args=[version.pk, "xlsx"]),
    }


@pytest.mark.parametrize("who", DRAFTERS + ("leader",))
def test_the_inspectorate_the_office_and_leadership_see_the_report_and_its_files(client, people, version, who):
    client_for(client, getattr(people, who))
    urls = paths(version)
    listing = client.get(urls["list"])
    assert listing.status_code == 200 and str(version.report) in listing.content.decode()
    detail = client.get(urls["detail"])
    assert detail.status_code == 200 and version.file_name("docx") in detail.content.decode()
    assert client.get(urls["history"]).status_code == 200
    for kind in ("docx", "xlsx"):
        response = client.get(urls[kind])
        assert response.status_code == 200
        name = response["Content-Disposition"]
        assert f"bao-cao-kntc-q1-2025-v1.{kind}" in name
        # File names name the report, never a person.
        assert "chanhtt" not in name and "Chánh" not in name and "Tran" not in name


@pytest.mark.parametrize("who", NOBODY)
def test_units_and_outsiders_see_no_report_anywhere(client, people, version, who):
    client_for(client, getattr(people, who))
    urls = paths(version)
    for key in ("list", "detail", "history"):
        assert client.get(urls[key]).status_code == 403, key
    for key in ("docx", "xlsx"):
        assert client.get(urls[key]).status_code == 404
    assert client.get(reverse("admin:reports_report_generate", args=[version.report.pk])).status_code in (403, 404)
    assert client.post(reverse("admin:reports_report_freeze", args=[version.pk])).status_code in (403, 404)


def test_leadership_reads_but_may_not_edit_nor_generate(client, people, version):
    generate = reverse("admin:reports_report_generate", args=[version.report.pk])
    detail = reverse("admin:reports_report_change", args=[version.report.pk])
    client_for(client, people.inspector)
    assert generate in client.get(detail).content.decode()
    client_for(client, people.leader)
    page = client.get(detail).content.decode()
    assert generate not in page and "I. TÌNH HÌNH KHIẾU NẠI, TỐ CÁO" in page
    response = client.post(detail, {"number": 7, "place": "X", "signer_authority": "A", "signer_name": "B", "recipients": ""})
    assert response.status_code == 403
    assert client.post(reverse("admin:reports_report_generate", args=[version.report.pk])).status_code == 403
    version.report.refresh_from_db()
    assert version.report.number is None


def test_a_drafter_edits_the_narrative_and_generates_through_a_job(client, people, version, settings):
    settings.TASKS = IMMEDIATE
    client_for(client, people.inspector)
    report = version.report
    detail = reverse("admin:reports_report_change", args=[report.pk])
    form = {"number": 5, "place": "Bắc Giang", "signer_authority": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "signer_name": "Nguyễn Lãnh Đạo",
            "recipients": "UBND tỉnh", "section_kntc__situation": "Tình hình khiếu nại ổn định.", "section_kntc__results": "",
            "section_kntc__assessment": "", "section_kntc__forecast": "", "section_kntc__next_tasks": "", "section_kntc__proposals": "",
            "versions-TOTAL_FORMS": "1", "versions-INITIAL_FORMS": "1", "versions-MIN_NUM_FORMS": "0",
            "versions-MAX_NUM_FORMS": "1000", "versions-0-id": str(version.pk), "versions-0-report": str(report.pk)}
    response = client.post(detail, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    report.refresh_from_db()
    assert report.number == 5 and report.narrative["situation"] == "Tình hình khiếu nại ổn định."
    response = client.post(reverse("admin:reports_report_generate", args=[report.pk]))
    job = ReportJob.objects.get(report=report)
    assert response.status_code == 302 and response["Location"] == reverse("reports:job", args=[job.pk])
    assert job.status == ReportJob.Status.DONE and job.percent == 100 and job.version.number == 2
    page = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' not in page and reverse("reports:job-download", args=[job.pk]) in page
    download = client.get(reverse("reports:job-download", args=[job.pk]))
    assert download.status_code == 200 and "bao-cao-kntc-q1-2025-v2.docx" in download["Content-Disposition"]
    text = docx_text(b"".join(download.streaming_content))
    assert "Số: 05/BC-SNNMT" in text and "Tình hình khiếu nại ổn định." in text
    # Another drafter may not follow someone else's job.
    client_for(client, people.office_clerk)
    assert client.get(reverse("reports:job", args=[job.pk])).status_code == 404
    assert client.get(reverse("reports:job-download", args=[job.pk])).status_code == 404


def test_a_running_job_page_polls_every_second(client, people, version):
    job = ReportJob.objects.create(kind=ReportJob.Kind.REPORT, report=version.report, created_by=people.inspector,
                                   status=ReportJob.Status.RUNNING, percent=40, message="Đang tính biểu 02/XLD")
    client_for(client, people.inspector)
    page = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and 'aria-valuenow="40"' in page and "Đang tính biểu 02/XLD" in page
    assert "htmx.min.js" in page
    status = client.get(reverse("reports:job-status", args=[job.pk])).content.decode()
    assert status.strip().startswith('<div id="job-status"')


def test_a_failed_job_says_so_in_words(client, people, version, settings, monkeypatch):
    settings.TASKS = IMMEDIATE

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "render_docx", broken)
    job = services_jobs.start_report_job(version.report, by=people.inspector)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED and "lỗi hệ thống" in job.message.lower()
    client_for(client, people.inspector)
    page = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert 'role="alert"' in page and "Không hoàn thành được." in page and "disk full" not in page


def test_leadership_freezes_in_the_back_office_and_the_unit_may_not(client, people, version):
    url = reverse("admin:reports_report_freeze", args=[version.pk])
    client_for(client, people.inspector)
    assert client.post(url).status_code == 403
    client_for(client, people.leader)
    assert "Chốt phiên bản này" in client.get(reverse("admin:reports_report_change", args=[version.report.pk])).content.decode()
    assert client.post(url).status_code == 302
    version.refresh_from_db()
    assert version.is_frozen and version.frozen_by == people.leader
    assert Report.objects.get(pk=version.report.pk).status == Report.Status.FROZEN
    again = client.post(url)
    assert "đã được chốt" in again.content.decode()
    assert ReportVersion.objects.filter(report=version.report).count() == 1


def test_a_version_whose_columns_do_not_add_up_cannot_be_frozen(client, people, monkeypatch):
    import datetime

    from cryptography.fernet import Fernet

    from tests.complaint_case.builders import make_complaint

    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    # A complaint case opened with no petition counts in 03/GQKN col 2 but in no petition column: col 1 ≥ col 2 breaks.
    make_complaint(people.chief_inspector, received_on=datetime.date(2025, 2, 3), complainant_name="Ông Đinh Văn Hùng")
    report = services.get_or_create_report("kntc", "q1", 2025, by=people.chief_inspector)
    version = services.generate_version(report, by=people.chief_inspector)
    assert version.data["checks"]
    client_for(client, people.leader)
    page = client.get(reverse("admin:reports_report_change", args=[report.pk])).content.decode()
    assert "Sai quy tắc cộng" in page and "03/GQKN" in page
    refused = client.post(reverse("admin:reports_report_freeze", args=[version.pk])).content.decode()
    assert "Số liệu chưa khớp quy tắc cộng của biểu" in refused and "03/GQKN" in refused
    version.refresh_from_db()
    assert not version.is_frozen and Report.objects.get(pk=report.pk).status != Report.Status.FROZEN
