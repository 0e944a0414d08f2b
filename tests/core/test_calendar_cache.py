"""The per-year working-day tables give the answers of the old day-by-day walk, and the shared calendar follows
every change of the override table (issue 15)."""

import datetime
import random

import pytest

from papi_inspect.calendar import WorkingCalendar, working_calendar
from papi_inspect.deadlines import compute_deadline, deadline_status
from papi_inspect.models import CalendarOverride, DeadlineRule

D = datetime.date
ONE = datetime.timedelta(days=1)


def walked_between(calendar, start, end):
    """The old implementation: count working days in (start, end] one day at a time."""
    if end <= start:
        return -walked_between(calendar, end, start) if end < start else 0
    count, day = 0, start
    while day < end:
        day += ONE
        count += calendar._rule_says_working(day)
    return count


def walked_add(calendar, start, count):
    day, remaining = start, count
    while remaining > 0:
        day += ONE
        if calendar._rule_says_working(day):
            remaining -= 1
    return day


@pytest.mark.django_db
def test_tables_agree_with_the_day_by_day_walk_over_random_dates():
    rng = random.Random(15)
    overrides = [(D(2026, 11, 24), CalendarOverride.Kind.DAY_OFF, "Ngày Văn hóa Việt Nam"),
                 (D(2025, 4, 26), CalendarOverride.Kind.WORKING_DAY, "Làm bù")]
    calendar = WorkingCalendar(overrides=overrides)
    for _ in range(400):
        start = D(2015, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 14))
        end = start + datetime.timedelta(days=rng.randrange(-400, 800))
        count = rng.randrange(0, 300)
        assert calendar.is_working_day(start) == calendar._rule_says_working(start)
        assert calendar.working_days_between(start, end) == walked_between(calendar, start, end), (start, end)
        assert calendar.add_working_days(start, count) == walked_add(calendar, start, count), (start, count)
        first, last = min(start, end), max(start, end)
        walked_off = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)
                      if not calendar._rule_says_working(first + datetime.timedelta(days=n))]
        assert calendar.days_off(first, last) == walked_off


def test_the_last_representable_year_still_overflows_as_before():
    with pytest.raises(OverflowError):
        WorkingCalendar(overrides=[]).add_working_days(D(9999, 12, 20), 30)


@pytest.mark.django_db
def test_the_shared_calendar_follows_a_saved_changed_and_deleted_override():
    friday = D(2031, 3, 7)
    assert working_calendar().is_working_day(friday)
    row = CalendarOverride.objects.create(date=friday, kind=CalendarOverride.Kind.DAY_OFF, reason="Nghỉ bão")
    assert not working_calendar().is_working_day(friday)
    assert deadline_status(friday + datetime.timedelta(days=5), today=friday - ONE) == "due_soon"
    row.active = False
    row.save()
    assert working_calendar().is_working_day(friday)
    CalendarOverride.objects.filter(pk=row.pk).update(active=True)  # a bulk write tells the cache too
    assert not working_calendar().is_working_day(friday)
    CalendarOverride.objects.filter(pk=row.pk).delete()
    assert working_calendar().is_working_day(friday)


@pytest.mark.django_db
def test_a_changed_rule_is_used_at_once():
    before = compute_deadline("complaint.accept", D(2026, 3, 2)).due
    rule = DeadlineRule.objects.filter(code="complaint.accept").order_by("-valid_from").first()
    DeadlineRule.objects.filter(pk=rule.pk).update(length=rule.length + 10)
    assert compute_deadline("complaint.accept", D(2026, 3, 2)).due > before


@pytest.mark.django_db
def test_the_shared_calendar_is_built_once(django_assert_num_queries):
    working_calendar()
    compute_deadline("complaint.resolve", D(2026, 1, 1))  # reads the rules, once
    with django_assert_num_queries(0):
        for offset in range(300):
            deadline_status(D(2026, 1, 1) + datetime.timedelta(days=offset), today=D(2026, 3, 1))
            compute_deadline("complaint.resolve", D(2026, 1, 1) + datetime.timedelta(days=offset))
