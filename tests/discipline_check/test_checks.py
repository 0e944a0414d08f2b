"""Discipline checks: the office schedules them, records item results, and scores them comparably."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from doctypes.discipline_check import services
from doctypes.discipline_check.models import DisciplineCheck
from doctypes.org.models import StaffProfile
from tests.base import client_for
from tests.discipline_check.builders import make_check, make_template

D = datetime.date


def _items(template):
    return list(template.items.order_by("order"))


def test_it_lets_only_the_office_schedule_a_check(people):
    for user in (people.inspector, people.unit_head, people.outsider):
        with pytest.raises(PermissionDenied):
            make_check(by=user)
    check = make_check()
    assert check.status == DisciplineCheck.Status.SCHEDULED and not check.announced


def test_it_scores_unit_and_staff_with_not_applicable_items_left_out(people):
    check = make_check()
    hours, badge, conduct, one_stop = _items(check.template)
    staff = StaffProfile.objects.get(user=people.unit_staff)
    services.record_results(check, by=people.office_clerk, results=[
        (hours, "pass", "", None), (one_stop, "na", "Không có bộ phận một cửa", None),
        (badge, "fail", "Không đeo thẻ", staff), (conduct, "pass", "", staff),
    ])
    services.finish_check(check, by=people.office_clerk, conducted_on=D(2026, 11, 10))
    # weights: hours 2 pass, badge 1 fail, conduct 1 pass; one-stop not applicable → 3/4
    assert services.summary_by_unit(check) == 75.0
    assert services.summary_by_staff(check) == {staff: 50.0}


def test_it_refuses_to_finish_a_check_with_items_missing(people):
    check = make_check()
    services.record_results(check, by=people.office_clerk, results=[(_items(check.template)[0], "pass", "", None)])
    with pytest.raises(ValidationError, match="chưa có kết quả"):
        services.finish_check(check, by=people.office_clerk, conducted_on=D(2026, 11, 10))


def test_it_refuses_an_item_from_another_template(people):
    check = make_check()
    other = make_template("Phiếu khác")
    with pytest.raises(ValidationError):
        services.record_results(check, by=people.office_clerk, results=[(_items(other)[0], "pass", "", None)])


def test_it_compares_scores_between_checks_of_the_same_template(people):
    scores = []
    for day, outcome in ((D(2026, 11, 3), "fail"), (D(2026, 11, 17), "pass")):
        check = make_check(scheduled_on=day)
        services.record_results(check, by=people.office_clerk, results=[
            (item, outcome if item.order == 0 else "pass", "", None) for item in _items(check.template)])
        services.finish_check(check, by=people.office_clerk, conducted_on=day)
        scores.append(services.summary_by_unit(check))
    series = services.template_scores(make_template(), user=people.office_chief)
    assert [score for _, score in series] == scores == [60.0, 100.0]
    assert services.template_scores(make_template(), user=people.outsider) == []


def test_the_office_cannot_finish_a_check_on_a_day_still_to_come(client, people):
    check = make_check()
    services.record_results(check, by=people.office_clerk, results=[(item, "pass", "", None) for item in _items(check.template)])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.finish_check(check, by=people.office_clerk, conducted_on=tomorrow)
    assert "sau hôm nay" in error.value.message_dict["conducted_on"][0]
    client_for(client, people.office_clerk)
    response = client.post(f"/api/v1/discipline-checks/{check.pk}/finish/", {"conducted_on": tomorrow.isoformat()},
                           content_type="application/json")
    assert response.status_code == 400 and "conducted_on" in response.json()["error"]["fields"]
    check.refresh_from_db()
    assert check.status != check.Status.DONE
