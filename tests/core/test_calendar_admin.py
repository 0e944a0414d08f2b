"""The override table in the back office: the office chief switches 24/11, others only read."""

import datetime

import pytest

from papi_inspect.calendar import WorkingCalendar
from papi_inspect.models import CalendarOverride, DeadlineRule
from tests.base import client_for

pytestmark = pytest.mark.django_db

CULTURE_DAY = datetime.date(2026, 11, 24)


def switch_form(override, active):
    data = {
        "action": "",
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(override.pk),
        "_save": "Lưu",
    }
    if active:
        data["form-0-active"] = "on"
    return data


def test_it_lets_the_office_chief_make_24_11_a_day_off_once_confirmed(client, people):
    override = CalendarOverride.objects.get(date=CULTURE_DAY)
    assert WorkingCalendar().is_working_day(CULTURE_DAY)  # the earlier deadline while unconfirmed
    client_for(client, people.office_chief)
    response = client.post("/admin/papi_inspect/calendaroverride/?q=Văn+hóa", switch_form(override, False))
    assert response.status_code == 302
    override.refresh_from_db()
    assert override.active is False
    assert not WorkingCalendar().is_working_day(CULTURE_DAY)
    assert override.history.first().history_user == people.office_chief


def test_it_refuses_the_switch_to_an_inspector(client, people):
    override = CalendarOverride.objects.get(date=CULTURE_DAY)
    client_for(client, people.inspector)
    assert client.get("/admin/papi_inspect/calendaroverride/").status_code == 200
    client.post("/admin/papi_inspect/calendaroverride/?q=Văn+hóa", switch_form(override, False))
    override.refresh_from_db()
    assert override.active is True


def test_it_lets_only_administrators_edit_deadline_rules(client, people):
    rule = DeadlineRule.objects.get(code="complaint.accept")
    client_for(client, people.chief_inspector)
    assert client.get(f"/admin/papi_inspect/deadlinerule/{rule.pk}/change/").status_code == 200
    assert client.post(f"/admin/papi_inspect/deadlinerule/{rule.pk}/change/", {"length": 99}).status_code == 403
    client_for(client, people.admin)
    page = client.get("/admin/papi_inspect/deadlinerule/", {"q": "Điều 27"}).content.decode()
    assert "complaint.accept" in page


def test_it_serves_rules_and_overrides_to_staff_over_the_api(client, people):
    assert client.get("/api/v1/deadline-rules/").status_code == 401
    client_for(client, people.unit_staff)
    rules = client.get("/api/v1/deadline-rules/", {"code": "denunciation.resolve"}).json()["results"]
    assert rules[0]["max_extensions"] == 2 and rules[0]["citation"] == "Luật Tố cáo 2018, Điều 30"
    overrides = client.get("/api/v1/calendar-overrides/", {"kind": "day_off"}).json()["results"]
    assert [row["date"] for row in overrides] == ["2026-01-02"]
