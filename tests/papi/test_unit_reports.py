"""Quarterly unit reports: own tasks only, evidence attached, frozen once submitted, overdue when missing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from doctypes.papi.models.report import UnitReport, UnitReportEntry
from doctypes.papi.services import (
    attach_evidence, reporting_board, save_report_progress, start_unit_report, submit_unit_report, tasks_of_unit,
)
from tests.papi.builders import make_plan, task_of, unit

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _start(people, quarter=1):
    plan = make_plan()
    return plan, start_unit_report(plan, unit=unit("snnmt-ccthuyloi"), year=2021, quarter=quarter, by=people.unit_staff)


def test_it_opens_a_report_with_one_row_per_task_of_the_unit_and_the_plans_due_date(people):
    plan, report = _start(people)
    assert report.due_on == datetime.date(2021, 3, 15)
    assert set(report.entries.values_list("task_id", flat=True)) == set(tasks_of_unit(plan, unit("snnmt-ccthuyloi")).values_list("pk", flat=True))
    assert report.entries.filter(task=task_of(plan, "snnmt-ccthuyloi")).exists()
    assert not report.entries.filter(task=task_of(plan, "snnmt-khtc", section="III", number=3)).exists()


def test_it_refuses_to_report_for_another_unit(people):
    plan = make_plan()
    with pytest.raises(PermissionDenied):
        start_unit_report(plan, unit=unit("snnmt-khtc"), year=2021, quarter=1, by=people.unit_staff)
    with pytest.raises(PermissionDenied):
        start_unit_report(plan, unit=unit("snnmt-ccthuyloi"), year=2021, quarter=1, by=people.outsider)
    with pytest.raises(PermissionDenied):  # leadership oversees the reports, it does not write them
        start_unit_report(plan, unit=unit("snnmt-ccthuyloi"), year=2021, quarter=1, by=people.leader)


def test_it_refuses_progress_on_a_task_that_is_not_the_units_own(people):
    plan, report = _start(people)
    foreign = task_of(plan, "snnmt-khtc", section="III", number=3)
    with pytest.raises(ValidationError, match="không thuộc đơn vị"):
        save_report_progress(report, by=people.unit_staff, progress={foreign.pk: ("done", "Đã công khai")})


def test_it_records_progress_with_evidence_then_freezes_on_submit(people):
    plan, report = _start(people)
    entries = list(report.entries.all())
    save_report_progress(report, by=people.unit_staff, summary="Hoàn thành phần lớn nhiệm vụ.",
                         progress={e.task_id: ("done", f"Đã thực hiện nhiệm vụ {e.task.order}") for e in entries})
    evidence = attach_evidence(entries[0], by=people.unit_staff, uploaded_file=SimpleUploadedFile("bien-ban.pdf", PDF))
    assert evidence.object_id == entries[0].pk
    submit_unit_report(report, by=people.unit_head, now=datetime.datetime(2021, 3, 10, 9, tzinfo=datetime.timezone.utc))
    report.refresh_from_db()
    assert report.status == UnitReport.Status.SUBMITTED and not report.is_late
    assert report.entries.filter(progress=UnitReportEntry.Progress.DONE).count() == len(entries)
    with pytest.raises(ValidationError, match="đã nộp"):
        save_report_progress(report, by=people.unit_staff, progress={entries[0].task_id: ("in_progress", "Sửa")})
    with pytest.raises(ValidationError, match="đã nộp"):
        attach_evidence(entries[0], by=people.unit_staff, uploaded_file=SimpleUploadedFile("them.pdf", PDF))
    assert report.history.first().history_change_reason == "Nộp báo cáo quý"


def test_it_refuses_to_submit_a_report_with_tasks_left_blank(people):
    _, report = _start(people)
    with pytest.raises(ValidationError, match="chưa có kết quả"):
        submit_unit_report(report, by=people.unit_staff)


def test_it_shows_a_missing_report_as_overdue_and_a_late_one_as_late(people):
    plan, report = _start(people)
    save_report_progress(report, by=people.unit_staff,
                         progress={e.task_id: ("in_progress", "Đang làm") for e in report.entries.all()})
    submit_unit_report(report, by=people.unit_staff, now=datetime.datetime(2021, 3, 20, 9, tzinfo=datetime.timezone.utc))
    board = {row["unit"].code: row["state"] for row in reporting_board(plan, year=2021, quarter=1, today=datetime.date(2021, 3, 22))}
    assert board["snnmt-ccthuyloi"] == "late"
    assert board["snnmt-khtc"] == "overdue"
    before = {row["unit"].code: row["state"] for row in reporting_board(plan, year=2021, quarter=2, today=datetime.date(2021, 4, 1))}
    assert before["snnmt-khtc"] == "pending"


def test_it_lets_a_unit_see_only_its_own_reports(people):
    _, report = _start(people)
    assert UnitReport.objects.visible_to(people.unit_head).filter(pk=report.pk).exists()
    assert UnitReport.objects.visible_to(people.office_clerk).filter(pk=report.pk).exists()
    assert UnitReport.objects.visible_to(people.leader).filter(pk=report.pk).exists()
    assert not UnitReport.objects.visible_to(people.inspector).filter(pk=report.pk).exists()
    assert not UnitReport.objects.visible_to(people.outsider).exists()


def test_it_serves_evidence_and_history_only_to_those_who_see_the_report(client, people):
    from tests.base import client_for

    _, report = _start(people)
    entry = report.entries.first()
    evidence = attach_evidence(entry, by=people.unit_staff, uploaded_file=SimpleUploadedFile("bien-ban.pdf", PDF))
    download = f"/files/{evidence.pk}/"
    history = f"/admin/papi/unitreport/{report.pk}/history/"
    assert client_for(client, people.unit_head).get(download).status_code == 200
    assert client_for(client, people.office_clerk).get(download).status_code == 200
    assert client.get(history).status_code == 200
    for outsider in (people.inspector, people.outsider):
        assert client_for(client, outsider).get(download).status_code == 404
        assert client.get(history).status_code in (302, 403, 404)


def test_each_prefilled_figure_links_to_the_records_that_make_it(client, people):
    """The unit's report shows a figure counted from records as a link; the page lists those records, as many as the
    reader may see, and the report's other readers get the same page; one who may not read the report gets none."""
    from tests.anticorruption.builders import make_session
    from tests.base import client_for

    thuy_loi = unit("snnmt-ccthuyloi")
    ours = make_session(people, unit=thuy_loi, topic="Quán triệt Luật PCTN cho Chi cục Thủy lợi",
                        held_on=datetime.date(2021, 2, 10), attendance=[(thuy_loi, 25)])
    make_session(people, unit=thuy_loi, topic="Tập huấn quý sau", held_on=datetime.date(2021, 5, 10), attendance=[(thuy_loi, 9)])
    plan, report = _start(people)
    figures = {f["key"]: f for rows in report.figures.values() for f in rows}
    assert figures["anticorruption_sessions"]["value"] == 1 and figures["anticorruption_sessions"]["linked"]
    assert figures["anticorruption_participants"]["value"] == 25 and figures["anticorruption_participants"]["linked"]
    page = client_for(client, people.unit_staff).get(f"/papi/reports/{report.pk}/").content.decode()
    url = f"/papi/reports/{report.pk}/figures/anticorruption_sessions/"
    assert f'href="{url}"' in page
    listing = client.get(url)
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Quán triệt Luật PCTN cho Chi cục Thủy lợi" in text and "Tập huấn quý sau" not in text
    assert f"/admin/anticorruption/outreachsession/{ours.pk}/change/" in text
    assert "Quán triệt Luật PCTN" in client_for(client, people.leader).get(url).content.decode()
    assert client_for(client, people.outsider).get(url).status_code == 404
    assert client_for(client, people.unit_staff).get(f"/papi/reports/{report.pk}/figures/no_such_figure/").status_code == 404


def test_a_register_entry_linked_to_a_task_evidences_it_on_the_units_report(client, people):
    """'Task done' can point to records: a session recorded for the task is listed beside the uploaded files."""
    from tests.anticorruption.builders import make_session
    from tests.base import client_for

    plan, report = _start(people)
    task = task_of(plan, "snnmt-ccthuyloi")
    make_session(people, unit=unit("snnmt-ccthuyloi"), topic="Tuyên truyền nhiệm vụ PAPI tại Chi cục Thủy lợi",
                 held_on=datetime.date(2021, 2, 10), plan_tasks=[task])
    page = client_for(client, people.unit_staff).get(f"/papi/reports/{report.pk}/").content.decode()
    assert "Tuyên truyền nhiệm vụ PAPI tại Chi cục Thủy lợi" in page
    assert "/admin/anticorruption/outreachsession/" in page
