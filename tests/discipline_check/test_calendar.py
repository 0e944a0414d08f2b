"""The discipline-check calendar: month and week views fed only with the checks the user may see."""

from tests.base import client_for
from tests.discipline_check.builders import D, make_check
from tests.inspection.builders import unit


def test_it_serves_the_calendar_page_with_the_vendored_fullcalendar(client, people):
    page = client_for(client, people.office_clerk).get("/discipline-checks/calendar/")
    assert page.status_code == 200
    assert "discipline_check/vendor/fullcalendar-6.1.15/index.global.min.js" in page.content.decode()
    assert "calendar/" in client.get("/admin/discipline_check/disciplinecheck/").content.decode()


def test_it_feeds_each_user_only_the_checks_they_may_see(client, people):
    make_check(scheduled_on=D(2026, 11, 10), unit=unit("snnmt-ccthuyloi"))
    make_check(scheduled_on=D(2026, 11, 12), unit=unit("snnmt-cckiemlam"), announced=True)
    make_check(scheduled_on=D(2026, 12, 20))
    window = {"start": "2026-11-01T00:00:00+07:00", "end": "2026-12-01T00:00:00+07:00"}
    office = client_for(client, people.office_clerk).get("/discipline-checks/calendar/events/", window).json()
    assert sorted(event["start"] for event in office) == ["2026-11-10", "2026-11-12"]
    assert any("đột xuất" in event["title"] for event in office)
    unit_view = client_for(client, people.unit_staff).get("/discipline-checks/calendar/events/", window).json()
    assert [event["start"] for event in unit_view] == ["2026-11-10"]
    assert client_for(client, people.outsider).get("/discipline-checks/calendar/events/", window).json() == []
    client.logout()
    assert client.get("/discipline-checks/calendar/events/", window).status_code == 302
