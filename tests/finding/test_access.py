"""Who reaches findings and actions: the team edits, the subject unit reads and reports progress, outsiders see nothing."""

import datetime

from doctypes.finding.models import Action, Finding
from doctypes.org.models import Unit
from tests.base import client_for
from tests.finding.builders import make_action, make_finding, make_violation
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf

D = datetime.date
FINDING = {"admin": "finding/finding", "api": "findings", "search": "định mức", "text": "Chi sai định mức"}
ACTION = {"admin": "finding/action", "api": "follow-up-actions", "search": "Thu hồi", "text": "Thu hồi số tiền chi sai"}


def test_it_shows_findings_and_actions_to_the_team_leadership_and_the_subject_unit(client, people):
    finding = make_finding()
    action = make_action(finding)
    evidence = attach_pdf(finding, people.inspector)
    for user in (people.chief_inspector, people.inspector, people.leader, people.unit_head, people.unit_staff):
        assert_reachable(client, user, finding, attachment=evidence, **FINDING)
        assert_reachable(client, user, action, **ACTION)


def test_it_hides_findings_and_actions_from_the_outsider_and_other_units(client, people):
    from doctypes.inspection.models import Inspection
    from tests.inspection.builders import advance, make_inspection

    # A finding is about a unit the inspection covered (record_finding): here the forest protection office.
    inspection = advance(make_inspection(subject="snnmt-cckiemlam", title="Thanh tra sử dụng vật tư"), Inspection.Step.REPORTED)
    finding = make_finding(inspection=inspection, unit=Unit.objects.get(code="snnmt-cckiemlam"), title="Lãng phí vật tư")
    action = make_action(finding, owner_unit=finding.unit, description="Bồi hoàn vật tư")
    evidence = attach_pdf(finding, people.inspector)
    hidden_finding = {**FINDING, "search": "vật tư", "text": "Lãng phí vật tư"}
    hidden_action = {**ACTION, "search": "Bồi hoàn", "text": "Bồi hoàn vật tư"}
    for user in (people.outsider, people.unit_staff, people.office_clerk):
        assert_unreachable(client, user, finding, attachment=evidence, **hidden_finding)
        assert_unreachable(client, user, action, **hidden_action)


def test_it_never_lets_the_subject_unit_edit_a_finding(client, people):
    finding = make_finding()
    client_for(client, people.unit_head)
    assert client.post(f"/admin/finding/finding/{finding.pk}/change/", {"title": "Sửa"}).status_code == 403
    response = client.post("/api/v1/findings/", {"inspection": finding.inspection_id, "unit": "snnmt-ccthuyloi", "title": "x",
                                                 "criteria": "x", "condition": "x", "recorded_on": "2026-04-01"},
                           content_type="application/json")
    assert response.status_code == 403
    assert Finding.objects.count() == 1


def test_it_records_a_finding_violation_and_action_through_the_api(client, people):
    inspection = make_finding().inspection
    api = client_for(client, people.inspector)
    response = api.post("/api/v1/findings/", {"inspection": inspection.pk, "unit": "snnmt-ccthuyloi", "title": "Hồ sơ thiếu",
                                              "criteria": "Luật", "condition": "Thiếu", "recorded_on": "2026-04-02",
                                              "legal_document": "Luật Đê điều", "legal_article": "7"}, content_type="application/json")
    assert response.status_code == 201, response.content
    finding_id = response.json()["id"]
    response = api.post("/api/v1/violations/", {"finding": finding_id, "responsible_unit": "snnmt-ccthuyloi", "kind": "Thiếu hồ sơ",
                                                "committed_on": "2026-02-01", "amount_to_recover": "1000000"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["amount_outstanding"] == "1000000"
    response = api.post("/api/v1/follow-up-actions/", {"finding": finding_id, "description": "Bổ sung hồ sơ",
                                                       "owner_unit": "snnmt-ccthuyloi", "due_on": "2026-03-01"}, content_type="application/json")
    assert response.status_code == 400 and "due_on" in response.json()["error"]["fields"]


def test_it_follows_an_action_through_the_api_from_progress_to_closure(client, people):
    action = make_action(make_finding())
    unit = client_for(client, people.unit_staff)
    url = f"/api/v1/follow-up-actions/{action.pk}"
    assert unit.post(f"{url}/close/", {"closed_on": "2026-05-01"}, content_type="application/json").status_code == 403
    response = unit.post(f"{url}/progress/", {"reported_on": "2026-05-01", "note": "Đã khắc phục"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == "in_progress"
    inspector = client_for(client, people.inspector)
    response = inspector.post(f"{url}/close/", {"closed_on": "2026-05-02"}, content_type="application/json")
    assert response.status_code == 400 and "xác nhận" in str(response.json()["error"]["fields"])
    assert inspector.post(f"{url}/verify/", {"verified_on": "2026-05-02"}, content_type="application/json").status_code == 200
    response = inspector.post(f"{url}/close/", {"closed_on": "2026-05-03"}, content_type="application/json")
    assert response.json()["status"] == "closed"
    outsider = client_for(client, people.outsider)
    assert outsider.post(f"{url}/progress/", {"reported_on": "2026-05-01", "note": "x"}, content_type="application/json").status_code == 404
    action.refresh_from_db()
    assert action.status == Action.Status.CLOSED


INLINE = {f"papi_inspect-attachment-content_type-object_id-{key}": value
          for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"), ("MAX_NUM_FORMS", "1000"))}


def test_it_lets_the_unit_add_progress_with_evidence_in_the_back_office(client, people):
    action = make_action(make_finding(), violation=None)
    page = client_for(client, people.unit_staff)
    assert page.get("/admin/finding/actionprogress/add/").status_code == 200
    response = page.post("/admin/finding/actionprogress/add/", {"action": action.pk, "reported_on": "2026-05-01", "note": "Đã làm",
                                                                 "amount_recovered": "0", **INLINE})
    assert response.status_code == 302, response.content.decode()[:2000]
    progress = action.progress.get()
    assert attach_pdf(progress, people.unit_staff).pk
    response = page.post("/admin/finding/actionprogress/add/", {"action": action.pk, "reported_on": "2026-05-01", "note": "x",
                                                                 "amount_recovered": "500", **INLINE})
    assert response.status_code == 200 and "không gắn với vi phạm" in response.content.decode()


def test_it_shows_the_deadline_status_of_each_action(client, people):
    make_action(make_finding(), due_on=D(2026, 5, 1))
    response = client_for(client, people.inspector).get("/api/v1/follow-up-actions/")
    assert response.json()["results"][0]["deadline_status"] == "Quá hạn"
    assert "Quá hạn" in client.get("/admin/finding/action/").content.decode()


def test_it_tracks_recovered_amounts_visible_on_the_violation(client, people):
    finding = make_finding()
    violation = make_violation(finding)
    response = client_for(client, people.unit_head).get(f"/api/v1/violations/{violation.pk}/")
    assert response.json()["amount_outstanding"] == "20000000"
    assert client_for(client, people.outsider).get(f"/api/v1/violations/{violation.pk}/").status_code == 404


def test_it_lets_the_unit_upload_evidence_to_its_progress_but_not_to_a_finding(client, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from doctypes.finding import services

    finding = make_finding()
    action = make_action(finding)
    progress = services.report_action_progress(action, by=people.unit_staff, reported_on=D(2026, 5, 1), note="Đã nộp")

    def upload(user, record_type, record_id):
        pdf = SimpleUploadedFile("chung-tu.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
        return client_for(client, user).post("/api/v1/attachments/", {"record_type": record_type, "record_id": record_id, "file": pdf})

    assert upload(people.unit_staff, "finding.actionprogress", progress.pk).status_code == 201
    assert upload(people.unit_staff, "finding.finding", finding.pk).status_code in (403, 400)
    assert upload(people.outsider, "finding.actionprogress", progress.pk).status_code in (403, 404)
    assert upload(people.inspector, "finding.finding", finding.pk).status_code == 201
