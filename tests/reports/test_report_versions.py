"""Versions: freezing keeps file and data; regenerating after records change makes a new version; jobs and exports."""

import datetime
import io

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from reports import exports
from reports.models import ReportJob, ReportVersion
from reports.render.docx import render_docx
from reports.render.xlsx import render_xlsx
from reports.services import jobs as services_jobs
from reports.services import lifecycle as services
from tests.base import client_for
from tests.complaint_case.builders import DENOUNCER, make_denunciation
from tests.reports.test_report_anti_corruption import arrange
from tests.reports.test_report_reading import docx_indicator, docx_text, xlsx_text

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())
    monkeypatch.delenv("PAPI_IDENTITY_KEY_FILE", raising=False)


def test_a_frozen_version_survives_a_regeneration_after_records_change(people):
    from tests.inspection.builders import advance, make_inspection
    from doctypes.inspection.models import Inspection

    arrange(people)
    report = services.get_or_create_report("anti_corruption", "year", 2025, by=people.inspector)
    first = services.generate_version(report, by=people.inspector)
    draft_docx = first.docx.read()
    # Until a leader freezes it, the version is a draft and both files say so (NĐ 30/2020, Phụ lục I).
    assert docx_text(draft_docx).startswith("DỰ THẢO") and xlsx_text(first.xlsx.read()).startswith("DỰ THẢO")
    services.freeze_version(first, by=people.leader)
    first.refresh_from_db()
    frozen_docx, frozen_data = first.docx.read(), first.data
    assert "DỰ THẢO" not in docx_text(frozen_docx) and "DỰ THẢO" not in xlsx_text(first.xlsx.read())
    assert docx_indicator(frozen_docx, "01/PCTN", "7") == docx_indicator(draft_docx, "01/PCTN", "7") == "2"
    assert frozen_data["draft"] is False and frozen_data["tables"] == services.build_snapshot(report)["tables"]

    advance(make_inspection(year=2025, kind="unscheduled", grounds="anti_corruption", plan=None, title="Thanh tra mới"),
            Inspection.Step.DECIDED, start=datetime.date(2025, 8, 1))
    second = services.generate_version(report, by=people.inspector)
    assert second.number == 2 and not second.is_frozen
    assert docx_indicator(second.docx.read(), "01/PCTN", "7") == "3"

    first.refresh_from_db()
    assert first.is_frozen and first.data == frozen_data
    with first.docx.open("rb") as handle:
        assert handle.read() == frozen_docx
    # The stored data alone renders the same figures: documents come from the snapshot, not the records.
    assert docx_indicator(render_docx(first.data), "01/PCTN", "7") == "2"
    assert load_workbook(io.BytesIO(render_xlsx(first.data)))["01-PCTN"] is not None


def test_a_frozen_version_can_be_neither_changed_nor_deleted(people):
    report = services.get_or_create_report("inspection", "q1", 2025, by=people.inspector)
    version = services.freeze_version(services.generate_version(report, by=people.inspector), by=people.chief_inspector)
    version.data = {"forged": True}
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    with pytest.raises(ValidationError, match="đã được chốt"):
        services.freeze_version(ReportVersion.objects.get(pk=version.pk), by=people.leader)


@pytest.mark.parametrize("who", ["inspector", "office_clerk", "unit_head", "outsider"])
def test_only_leadership_and_the_chief_inspector_freeze(people, who):
    report = services.get_or_create_report("inspection", "q1", 2025, by=people.inspector)
    version = services.generate_version(report, by=people.inspector)
    with pytest.raises(PermissionDenied):
        services.freeze_version(version, by=getattr(people, who))


@pytest.mark.parametrize("who", ["leader", "unit_head", "unit_staff", "outsider"])
def test_only_the_inspectorate_and_the_office_draft(people, who):
    with pytest.raises(PermissionDenied):
        services.get_or_create_report("kntc", "q1", 2025, by=getattr(people, who))
    report = services.get_or_create_report("kntc", "q1", 2025, by=people.office_chief)
    with pytest.raises(PermissionDenied):
        services.generate_version(report, by=getattr(people, who))
    with pytest.raises(PermissionDenied):
        services.update_narrative(report, {"situation": "x"}, by=getattr(people, who))


def test_a_narrative_key_outside_the_outline_is_refused(people):
    report = services.get_or_create_report("kntc", "q1", 2025, by=people.office_chief)
    with pytest.raises(ValidationError, match="không có trong đề cương"):
        services.update_narrative(report, {"budget": "x"}, by=people.office_chief)


def test_a_report_job_enqueued_on_the_database_backend_runs_in_the_worker(people, monkeypatch):
    # The worker drops connections whose autocommit differs from the settings; inside the test's
    # transaction that would be the test's own connection (PostgreSQL), so that one check is off here.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    report = services.get_or_create_report("kntc", "q1", 2025, by=people.chief_inspector)
    job = services_jobs.start_report_job(report, by=people.chief_inspector)
    assert job.status == ReportJob.Status.QUEUED and DBTaskResult.objects.filter(id=job.task_id).exists()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.DONE and job.percent == 100 and job.version.number == 1
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"


def test_a_large_export_runs_as_a_job_without_the_denouncers_identity(client, people, settings, monkeypatch):
    settings.TASKS = IMMEDIATE
    monkeypatch.setattr(exports, "BACKGROUND_OVER", 1)
    cases = [make_denunciation(people.inspector, handler=people.inspector, subject=f"Tố cáo số {n}") for n in range(3)]
    client_for(client, people.inspector)
    changelist = reverse("admin:complaint_case_denunciation_changelist")
    response = client.post(changelist, {"action": "export_to_excel", "_selected_action": [c.pk for c in cases]})
    job = ReportJob.objects.get(kind=ReportJob.Kind.EXPORT)
    assert response.status_code == 302 and response["Location"] == reverse("reports:job", args=[job.pk])
    assert job.status == ReportJob.Status.DONE, job.message
    download = client.get(reverse("reports:job-download", args=[job.pk]))
    content = b"".join(download.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 3 and download["Content-Disposition"].endswith('.xlsx"')
    text = xlsx_text(content)
    assert all(case.code in text for case in cases)
    for secret in DENOUNCER.values():
        assert secret not in text
    # Someone else cannot pick the file up.
    client_for(client, people.chief_inspector)
    assert client.get(reverse("reports:job-download", args=[job.pk])).status_code == 404


def test_a_small_export_is_still_a_direct_download(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    client_for(client, people.inspector)
    response = client.post(reverse("admin:complaint_case_denunciation_changelist"),
                           {"action": "export_to_excel", "_selected_action": [case.pk]})
    assert response.status_code == 200 and not ReportJob.objects.exists()
    text = xlsx_text(response.content)
    assert case.code in text and DENOUNCER["name"] not in text


def test_the_job_page_and_reports_are_closed_to_units(client, people):
    report = services.get_or_create_report("kntc", "q1", 2025, by=people.chief_inspector)
    version = services.generate_version(report, by=people.chief_inspector)
    assert DENOUNCER["name"] not in docx_text(version.docx.read())
    client_for(client, people.unit_staff)
    job = ReportJob.objects.create(kind=ReportJob.Kind.REPORT, report=report, created_by=people.chief_inspector)
    assert client.get(reverse("reports:job", args=[job.pk])).status_code == 404
    assert client.get(reverse("reports:job-status", args=[job.pk])).status_code == 404
