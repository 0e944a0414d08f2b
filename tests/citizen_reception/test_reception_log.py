"""The reception log (Luật Tiếp công dân 2013 Art. 9; NĐ 64/2014; TT 04/2021) and the head's schedule (Art. 18)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from doctypes.citizen_reception import services
from doctypes.citizen_reception.models import Reception, ReceptionDay
from doctypes.complaint_case.access import may_reveal
from doctypes.complaint_case.models import Petition
from doctypes.org.models import Unit
from papi_inspect.calendar import WorkingCalendar
from papi_inspect.models import CalendarOverride


def office():
    return Unit.objects.get(code="snnmt-vp")


def log(by, **overrides):
    options = {
        "received_on": timezone.localdate() - datetime.timedelta(days=1), "kind": "regular",
        "identity": {"name": "Lê Văn Công Dân", "address": "Xã Tân Mỹ", "id_number": "024099000111"},
        "content": "Đề nghị giải quyết việc cấp giấy chứng nhận", "classification": "complaint", "handling": "guide",
        "unit": office(),
    }
    options.update(overrides)
    return services.log_reception(by=by, **options)


def test_it_logs_a_reception_with_an_encrypted_citizen_and_papi_3_2(people):
    reception = log(people.office_clerk)
    assert reception.code.startswith("TCD-") and "Lê Văn" not in reception.identity_cipher
    assert reception.officer == people.office_clerk
    assert list(reception.papi.values_list("code", flat=True)) == ["3.2"]
    assert reception.history.first().history_change_reason == "Ghi sổ tiếp công dân"


def test_it_requires_a_representative_for_a_group(people):
    with pytest.raises(ValidationError, match="người đại diện"):
        log(people.office_clerk, group_size=8)
    reception = log(people.office_clerk, group_size=8, identity={"name": "Đoàn xã Tân Mỹ", "representative": "Lê Văn Đại"})
    assert reception.is_group


def test_it_requires_an_art_9_ground_for_a_refusal(people):
    with pytest.raises(ValidationError, match="Điều 9"):
        log(people.office_clerk, handling="refused")
    reception = log(people.office_clerk, handling="refused", refusal_ground="already_resolved")
    assert reception.get_refusal_ground_display().endswith("(Điều 9 khoản 3)")


def test_it_requires_a_verbal_statement_to_be_signed(people):
    with pytest.raises(ValidationError, match="ký xác nhận"):
        log(people.office_clerk, verbal_statement="Tôi trình bày việc bồi thường")
    assert log(people.office_clerk, verbal_statement="Tôi trình bày", statement_signed=True).statement_signed


def test_it_refuses_a_reception_dated_in_the_future(people):
    with pytest.raises(ValidationError, match="không được sau ngày hôm nay"):
        log(people.office_clerk, received_on=timezone.localdate() + datetime.timedelta(days=2))


def test_it_creates_a_petition_directly_and_rolls_back_both_on_failure(people):
    reception = log(people.office_clerk, handling="receive", create_petition=True, matter="Cấp giấy chứng nhận")
    assert reception.petition.channel == Petition.Channel.RECEPTION
    assert reception.petition.person_key == reception.person_key
    before = (Reception.objects.count(), Petition.objects.count())
    with pytest.raises(ValidationError):
        log(people.office_clerk, handling="receive", create_petition=True, group_size=3,
            identity={"name": "Đoàn", "representative": ""})
    assert (Reception.objects.count(), Petition.objects.count()) == before


def test_it_protects_the_citizen_of_a_denunciation_reception_like_a_denouncer_tt_04_2021(people):
    reception = log(people.office_clerk, classification="denunciation")
    assert reception.concerns_denunciation
    assert may_reveal(people.office_clerk, reception)  # the officer who received
    assert may_reveal(people.chief_inspector, reception)
    assert not may_reveal(people.office_chief, reception)
    plain = log(people.office_clerk)
    assert may_reveal(people.office_chief, plain)


def test_it_moves_the_heads_fixed_day_to_the_next_working_day_art_18(people):
    # 15/2/2026 falls in the Tết break; 15/3/2026 is a Sunday.
    days = services.publish_schedule(by=people.office_chief, year=2026, day_of_month=15, leader=people.leader)
    by_month = {day.month.month: day for day in days}
    calendar = WorkingCalendar()
    assert len(days) == 12
    for day in days:
        assert calendar.is_working_day(day.held_on) and day.held_on >= day.planned_on
    assert by_month[3].planned_on == datetime.date(2026, 3, 15) and by_month[3].held_on == datetime.date(2026, 3, 16)
    assert by_month[3].moved_because
    assert by_month[2].held_on == calendar.next_working_day(datetime.date(2026, 2, 15)) > datetime.date(2026, 2, 20)


@pytest.mark.parametrize("day_of_month", [1, 30, 31])
def test_every_month_keeps_its_own_reception_day_art_18(people, day_of_month):
    # 31/01/2026 and 28/02/2026 are Saturdays, 30/08/2026 a Sunday: moving forward would leave the month without one.
    days = services.publish_schedule(by=people.office_chief, year=2026, day_of_month=day_of_month, leader=people.leader)
    calendar = WorkingCalendar()
    assert sorted(day.held_on.month for day in days) == list(range(1, 13))
    for day in days:
        assert calendar.is_working_day(day.held_on) and day.held_on.month == day.month.month
    if day_of_month == 31:
        by_month = {day.month.month: day for day in days}
        assert by_month[1].held_on == datetime.date(2026, 1, 30) and by_month[1].moved_because
        assert by_month[2].held_on == datetime.date(2026, 2, 27)
    assert services.months_without_reception(2026) == []


def test_it_follows_calendar_overrides_when_moving_the_day(people):
    CalendarOverride.objects.create(date=datetime.date(2027, 6, 15), kind=CalendarOverride.Kind.DAY_OFF, reason="Nghỉ bù")
    days = services.publish_schedule(by=people.office_chief, year=2027, day_of_month=15, leader=people.leader)
    june = next(day for day in days if day.month.month == 6)
    assert june.held_on == datetime.date(2027, 6, 16)


def test_it_warns_about_months_without_a_leader_reception_day_art_18(people):
    services.publish_schedule(by=people.office_chief, year=2026, day_of_month=15, leader=people.leader)
    ReceptionDay.objects.filter(month=datetime.date(2026, 5, 1)).delete()
    assert services.months_without_reception(2026) == [datetime.date(2026, 5, 1)]


def test_it_records_a_delegate(people):
    day = services.publish_schedule(by=people.office_chief, year=2026, day_of_month=31, leader=people.leader)[1]
    assert day.planned_on == datetime.date(2026, 2, 28)
    services.delegate_reception_day(day, by=people.office_chief, delegate=people.chief_inspector)
    day.refresh_from_db()
    assert day.delegate == people.chief_inspector
