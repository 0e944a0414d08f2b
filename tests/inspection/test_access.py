"""Who reaches an inspection: the inspectorate, leadership and the subject unit read; the outsider sees nothing."""

import datetime

import pytest
from docx import Document
import io

from doctypes.inspection.models import Inspection
from tests.base import client_for
from tests.inspection.builders import advance, make_inspection
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf

D = datetime.date
WHERE = {"admin": "inspection/inspection", "api": "inspections", "search": "đê điều", "text": "quản lý đê điều"}


def test_it_shows_an_inspection_everywhere_to_those_who_may(client, people):
    inspection = advance(make_inspection(), Inspection.Step.DECIDED)
    attachment = attach_pdf(inspection, people.chief_inspector)
    for user in (people.chief_inspector, people.inspector, people.leader, people.unit_head, people.unit_staff):
        assert_reachable(client, user, inspection, attachment=attachment, **WHERE)


def test_it_hides_an_inspection_from_the_outsider_and_unrelated_units(client, people):
    inspection = advance(make_inspection(subject="snnmt-cckiemlam"), Inspection.Step.DECIDED)
    attachment = attach_pdf(inspection, people.chief_inspector)
    for user in (people.outsider, people.unit_staff, people.office_clerk):
        assert_unreachable(client, user, inspection, attachment=attachment, **WHERE)


def test_it_lets_the_subject_unit_read_but_not_edit_or_attach(client, people):
    inspection = make_inspection()
    response = client_for(client, people.unit_head).post(f"/admin/inspection/inspection/{inspection.pk}/change/", {"title": "x"})
    assert response.status_code == 403
    with pytest.raises(Exception):
        attach_pdf(inspection, people.unit_head)


def test_it_runs_a_step_through_the_api_and_reports_errors_as_json(client, people):
    inspection = advance(make_inspection(), Inspection.Step.FIELDWORK)
    api = client_for(client, people.inspector)
    late = inspection.fieldwork_due + datetime.timedelta(days=2)
    response = api.post(f"/api/v1/inspections/{inspection.pk}/end-fieldwork/", {"ended_on": late.isoformat()},
                        content_type="application/json")
    assert response.status_code == 400
    assert "gia hạn" in response.json()["error"]["fields"]["ended_on"][0]
    response = api.post(f"/api/v1/inspections/{inspection.pk}/extend/",
                        {"decided_on": inspection.fieldwork_due.isoformat(), "decision_number": "30/QĐ-TTr"},
                        content_type="application/json")
    assert response.status_code == 200 and response.json()["fieldwork_extensions"] == 1
    response = api.post(f"/api/v1/inspections/{inspection.pk}/end-fieldwork/", {"ended_on": late.isoformat()},
                        content_type="application/json")
    assert response.json()["step"] == Inspection.Step.FIELDWORK_ENDED
    inspection.refresh_from_db()
    assert inspection.history.first().history_change_reason == "Kết thúc tiến hành thanh tra"


def test_it_names_a_missing_step_input_in_the_api_error(client, people):
    inspection = advance(make_inspection(), Inspection.Step.FIELDWORK)
    response = client_for(client, people.inspector).post(f"/api/v1/inspections/{inspection.pk}/extend/",
                                                         {"decided_on": "2026-04-01"}, content_type="application/json")
    assert response.status_code == 400
    assert "decision_number" in response.json()["error"]["fields"]


def test_it_refuses_api_steps_to_users_outside_the_team(client, people):
    inspection = advance(make_inspection(), Inspection.Step.DECIDED)
    body = {"announced_on": "2026-03-05"}
    url = f"/api/v1/inspections/{inspection.pk}/announce/"
    assert client_for(client, people.unit_head).post(url, body, content_type="application/json").status_code == 403
    assert client_for(client, people.outsider).post(url, body, content_type="application/json").status_code == 404


def test_it_records_a_step_from_the_back_office_form(client, people):
    inspection = advance(make_inspection(), Inspection.Step.DECIDED)
    page = client_for(client, people.chief_inspector)
    change = page.get(f"/admin/inspection/inspection/{inspection.pk}/change/").content.decode()
    assert f"/admin/inspection/inspection/{inspection.pk}/step/announce/" in change  # the step offered now
    assert f"/step/report/" not in change  # not one out of order
    assert page.get(f"/admin/inspection/inspection/{inspection.pk}/step/report/").status_code == 200
    response = page.post(f"/admin/inspection/inspection/{inspection.pk}/step/report/", {"reported_on": "2026-03-10"})
    assert "Không thể thực hiện" in response.content.decode()
    response = page.post(f"/admin/inspection/inspection/{inspection.pk}/step/announce/", {"announced_on": "2026-03-05"})
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.step == Inspection.Step.FIELDWORK
    assert client_for(client, people.outsider).get(f"/admin/inspection/inspection/{inspection.pk}/step/announce/").status_code in (302, 404)


def test_it_records_an_amendment_with_its_own_reason_and_changes(client, people):
    inspection = advance(make_inspection(), Inspection.Step.CONCLUDED)
    response = client_for(client, people.chief_inspector).post(
        f"/admin/inspection/inspection/{inspection.pk}/step/amend/",
        {"number": "5/QĐ-SĐ", "issued_on": inspection.concluded_on.isoformat(), "reason": "Sai số tiền thu hồi",
         "changes": "Sửa mục 3: thu hồi 18.500.000 đồng"})
    assert response.status_code == 302
    amendment = inspection.amendments.get()
    assert (amendment.reason, amendment.changes) == ("Sai số tiền thu hồi", "Sửa mục 3: thu hồi 18.500.000 đồng")


def test_it_produces_a_conclusion_docx_that_word_readers_open(client, people):
    from tests.finding.builders import make_action, make_finding, make_violation

    finding = make_finding()
    make_violation(finding)
    make_action(finding, due_on=D(2026, 9, 30))
    inspection = advance(finding.inspection, Inspection.Step.CONCLUDED)
    response = client_for(client, people.unit_head).get(f"/api/v1/inspections/{inspection.pk}/conclusion-docx/")
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "KẾT LUẬN KIỂM TRA" in text and "Chi sai định mức" in text  # 2026: Luật Thanh tra 84/2025
    tables = Document(io.BytesIO(response.content)).tables
    assert any("05/KL-TTr" in cell.text for table in tables for row in table.rows for cell in row.cells)
    assert client_for(client, people.outsider).get(f"/api/v1/inspections/{inspection.pk}/conclusion-docx/").status_code == 404
    admin = client_for(client, people.chief_inspector).get(f"/admin/inspection/inspection/{inspection.pk}/conclusion.docx")
    assert admin.status_code == 200 and admin.content[:2] == b"PK"


def test_it_shows_plans_to_the_inspectorate_and_leadership_only(client, people):
    make_inspection()
    for user, visible in ((people.chief_inspector, True), (people.leader, True), (people.unit_head, False), (people.outsider, False)):
        response = client_for(client, user).get("/api/v1/inspection-plans/")
        count = response.json()["count"] if response.status_code == 200 else 0
        assert (count == 1) is visible, user.username
