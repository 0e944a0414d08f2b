"""Outreach and training sessions: kept by the office from the back office and the API, read by others as scoped."""

from django.core.exceptions import PermissionDenied, ValidationError
import pytest

from doctypes.anticorruption.models import OutreachSession
from tests.anticorruption.builders import D, make_session, unit
from tests.base import client_for
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf
from tests.intake.forms import admin_post, errors_of

ADD_URL = "/admin/anticorruption/outreachsession/add/"
PATHS = {"admin": "anticorruption/outreachsession", "api": "anticorruption-sessions", "search": "Quán triệt",
         "text": "Quán triệt Luật Phòng"}


def test_it_records_a_session_from_the_back_office_form_with_participants_by_unit(client, people):
    page = client_for(client, people.office_clerk)
    response = admin_post(page, ADD_URL, {
        "unit": unit("snnmt-vp").pk, "topic": "Tập huấn Nghị định 59/2019 cho lãnh đạo phòng", "kind": "training",
        "held_on": "12/03/2026", "materials_published": "3",
        "attendance-TOTAL_FORMS": "2", "attendance-0-unit": unit("snnmt-ttr").pk, "attendance-0-count": "9",
        "attendance-1-unit": unit("snnmt-ccthuyloi").pk, "attendance-1-count": "21"})
    assert response.status_code == 302, errors_of(response)
    session = OutreachSession.objects.get(topic__startswith="Tập huấn Nghị định 59")
    assert (session.kind, session.participants, session.materials_published) == ("training", 30, 3)
    assert session.history.first().history_user == people.office_clerk


def test_it_refuses_the_form_to_a_unit_head_and_shows_a_future_date_in_vietnamese(client, people):
    assert client_for(client, people.unit_head).get(ADD_URL).status_code == 403
    page = client_for(client, people.office_clerk)
    response = admin_post(page, ADD_URL, {"unit": unit("snnmt-vp").pk, "topic": "Quán triệt", "kind": "outreach",
                                          "held_on": "12/03/2099", "materials_published": "0"})
    assert response.status_code == 200 and "không được sau ngày hôm nay" in response.content.decode()
    assert not OutreachSession.objects.exists()


def test_it_records_a_session_through_the_api_and_refuses_others(client, people):
    body = {"unit": "snnmt-vp", "topic": "Quán triệt Chỉ thị 10 về phòng, chống tiêu cực", "kind": "outreach",
            "held_on": "2026-04-02", "materials_published": 1, "attendance": [{"unit": "snnmt-ttr", "count": 7}]}
    response = client_for(client, people.office_clerk).post("/api/v1/anticorruption-sessions/", body, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert response.json()["attendance"] == [{"unit": "snnmt-ttr", "count": 7}]
    for user in (people.inspector, people.unit_head):
        refused = client_for(client, user).post("/api/v1/anticorruption-sessions/", body, content_type="application/json")
        assert refused.status_code == 403
    bad = client_for(client, people.office_clerk).post("/api/v1/anticorruption-sessions/", {**body, "held_on": "2099-01-01"},
                                                       content_type="application/json")
    assert bad.status_code == 400 and "held_on" in bad.json()["error"]["fields"]


def test_it_refuses_a_unit_twice_and_another_agency(people):
    with pytest.raises(ValidationError):
        make_session(people, attendance=[(unit("snnmt-vp"), 3), (unit("snnmt-vp"), 4)])
    with pytest.raises(PermissionDenied):
        make_session(people, unit=unit("stc-vp"))


def test_it_shows_a_session_to_the_office_leadership_inspectorate_and_the_unit(client, people):
    session = make_session(people, unit=unit("snnmt-ccthuyloi"))
    evidence = attach_pdf(session, people.office_clerk)
    for user in (people.office_clerk, people.leader, people.chief_inspector, people.unit_head, people.unit_staff):
        assert_reachable(client, user, session, attachment=evidence, **PATHS)


def test_it_hides_a_session_from_the_outsider_and_other_units(client, people):
    session = make_session(people, unit=unit("snnmt-vp"), held_on=D(2026, 5, 5))
    evidence = attach_pdf(session, people.office_clerk)
    for user in (people.outsider, people.unit_staff):
        assert_unreachable(client, user, session, attachment=evidence, **PATHS)
