"""The working-day calendar: the holidays library (Labour Code 2019 Art. 112) plus the override table."""

import datetime

import pytest

from papi_inspect.calendar import WorkingCalendar
from papi_inspect.models import CalendarOverride

pytestmark = pytest.mark.django_db

D = datetime.date


def days(first, last):
    day = first
    while day <= last:
        yield day
        day += datetime.timedelta(days=1)


def library_only():
    """The calendar as the holidays package alone sees it, without the seeded override rows."""
    return WorkingCalendar(overrides=[])


def test_it_gives_civil_servants_tet_2026_off_from_saturday_14_to_sunday_22_february():
    """Tết Bính Ngọ 2026 (Labour Code 2019 Art. 112(1)(b)): nine days off, Friday before and Monday after worked."""
    calendar = WorkingCalendar()
    assert all(not calendar.is_working_day(day) for day in days(D(2026, 2, 14), D(2026, 2, 22)))
    assert calendar.is_working_day(D(2026, 2, 13)) and calendar.is_working_day(D(2026, 2, 23))
    # The weekdays in between are holidays with a name, not mere weekends.
    assert [day.day for day in days(D(2026, 2, 14), D(2026, 2, 22)) if calendar.is_holiday(day)] == [16, 17, 18, 19, 20]
    assert "Tết" in calendar.why_not_working(D(2026, 2, 17))


def test_it_swaps_2_january_2026_off_for_saturday_10_january_from_the_override_table():
    """Văn bản 12729/VPCP-KGVX (25/12/2025): Fri 2/1/2026 off, Sat 10/1/2026 worked; the library knows neither."""
    calendar = WorkingCalendar()
    assert not calendar.is_working_day(D(2026, 1, 1))
    assert not calendar.is_working_day(D(2026, 1, 2))
    assert calendar.is_holiday(D(2026, 1, 2))
    assert "12729" not in calendar.why_not_working(D(2026, 1, 2))  # the readable reason, not the source
    assert "Tết Dương lịch" in calendar.why_not_working(D(2026, 1, 2))
    assert calendar.is_working_day(D(2026, 1, 10))
    # Without the override rows the library alone gets both days wrong.
    assert library_only().is_working_day(D(2026, 1, 2))
    assert not library_only().is_working_day(D(2026, 1, 10))


def test_it_forgets_an_override_row_that_an_administrator_deactivates():
    CalendarOverride.objects.filter(date__in=[D(2026, 1, 2), D(2026, 1, 10)]).update(active=False)
    calendar = WorkingCalendar()
    assert calendar.is_working_day(D(2026, 1, 2))
    assert not calendar.is_working_day(D(2026, 1, 10))


def test_it_keeps_30_april_and_1_may_2026_and_the_hung_kings_substitute_day_off():
    """Labour Code 2019 Art. 112(1)(c)-(e); Giỗ Tổ 2026 falls on Sunday 26/4, so Monday 27/4 is off instead."""
    calendar = WorkingCalendar()
    assert [calendar.is_working_day(D(2026, 4, day)) for day in (26, 27, 28, 29, 30)] == [False, False, True, True, False]
    assert not calendar.is_working_day(D(2026, 5, 1))
    assert calendar.next_working_day(D(2026, 4, 30)) == D(2026, 5, 4)


def test_it_keeps_national_day_2026_off_from_31_august_to_2_september_with_saturday_22_august_worked():
    """Labour Code 2019 Art. 112(1)(đ): 2/9 plus an adjacent day (1/9); 31/8 swapped with make-up Saturday 22/8."""
    calendar = WorkingCalendar()
    assert [calendar.is_working_day(D(2026, 8, 29) + datetime.timedelta(days=n)) for n in range(6)] == [
        False, False, False, False, False, True,  # Sat 29/8, Sun 30/8, Mon 31/8, Tue 1/9, Wed 2/9, Thu 3/9
    ]
    assert calendar.is_working_day(D(2026, 8, 22))  # make-up Saturday from the library
    assert not calendar.is_working_day(D(2026, 8, 29))  # an ordinary Saturday
    assert "22/08/2026" in calendar.why_not_working(D(2026, 8, 31))


def test_it_makes_24_november_switchable_through_its_override_row():
    """24/11 Ngày Văn hóa Việt Nam: a working day by default (the earlier deadline, marked unconfirmed), the library's
    holiday once an administrator switches the row off."""
    culture_day = D(2026, 11, 24)
    row = CalendarOverride.objects.get(date=culture_day)
    assert row.kind == CalendarOverride.Kind.WORKING_DAY and row.active is True and row.unconfirmed is True
    assert WorkingCalendar().is_working_day(culture_day)
    assert WorkingCalendar().unconfirmed_days(D(2026, 11, 1), D(2026, 11, 30)) == [(culture_day, row.reason)]

    row.active = False
    row.save()
    assert not WorkingCalendar().is_working_day(culture_day)
    assert WorkingCalendar().why_not_working(culture_day) == "Ngày Văn hóa Việt Nam"
    assert WorkingCalendar().unconfirmed_days(D(2026, 11, 1), D(2026, 11, 30)) == []


def test_it_lets_an_extra_day_off_beat_the_library():
    calendar = WorkingCalendar(overrides=[(D(2026, 3, 4), CalendarOverride.Kind.DAY_OFF, "Nghỉ đột xuất (bão)")])
    assert not calendar.is_working_day(D(2026, 3, 4))
    assert calendar.is_holiday(D(2026, 3, 4))
    assert calendar.why_not_working(D(2026, 3, 4)) == "Nghỉ đột xuất (bão)"


def test_it_treats_ordinary_weekends_as_days_off_but_not_as_holidays():
    calendar = WorkingCalendar()
    saturday = D(2026, 3, 7)
    assert not calendar.is_working_day(saturday)
    assert not calendar.is_holiday(saturday)
    assert calendar.why_not_working(saturday) == "Thứ Bảy"


def test_it_counts_working_days_without_the_start_day():
    """BLDS 2015 Art. 147: the day of the event is not counted."""
    calendar = WorkingCalendar()
    monday = D(2026, 3, 2)
    assert calendar.add_working_days(monday, 1) == D(2026, 3, 3)
    assert calendar.add_working_days(monday, 5) == D(2026, 3, 9)
    assert calendar.working_days_between(monday, D(2026, 3, 9)) == 5
    assert calendar.working_days_between(D(2026, 3, 9), monday) == -5
    assert calendar.working_days_between(monday, monday) == 0


def test_it_counts_the_make_up_saturday_10_january_2026_as_a_working_day():
    calendar = WorkingCalendar()
    assert calendar.add_working_days(D(2026, 1, 5), 5) == D(2026, 1, 10)
    assert library_only().add_working_days(D(2026, 1, 5), 5) == D(2026, 1, 12)
