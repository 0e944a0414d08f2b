"""The legal-deadline engine: rules as data, counted as BLDS 2015 Art. 147–148 says."""

import datetime

import pytest

from papi_inspect.calendar import WorkingCalendar
from papi_inspect.deadlines import (
    DeadlineError, DeadlineStatus, compute_deadline, deadline_status, rule_in_force, unconfirmed_note,
)
from papi_inspect.models import CalendarOverride, DeadlineRule

pytestmark = pytest.mark.django_db

D = datetime.date


def due(code, start, **options):
    return compute_deadline(code, start, **options).due


def skipped_days(deadline):
    return [day for day, _ in deadline.skipped]


# --- Counting (BLDS 2015 Art. 147, 148) -----------------------------------------------------


def test_it_does_not_count_the_event_day_art_147():
    """A 10-day limit from Monday 2/3/2026 ends on Thursday 12/3, not Wednesday 11/3."""
    deadline = compute_deadline("complaint.accept", D(2026, 3, 2))
    assert deadline.due == D(2026, 3, 12)
    assert deadline.length == 10 and deadline.skipped == []
    assert deadline.rule.citation == "Luật Khiếu nại 2011, Điều 27"


def test_it_counts_calendar_days_and_working_days_differently():
    """"ngày" counts every day (complaint.accept); "ngày làm việc" counts working days only (petition.process)."""
    start = D(2026, 3, 2)
    assert due("complaint.accept", start) == D(2026, 3, 12)
    assert due("petition.process", start) == D(2026, 3, 16)


def test_it_moves_a_calendar_limit_ending_on_a_weekend_to_monday_art_148_5():
    deadline = compute_deadline("complaint.accept", D(2026, 3, 4))  # last day Saturday 14/3
    assert deadline.due == D(2026, 3, 16)
    assert deadline.skipped == [(D(2026, 3, 14), "Thứ Bảy"), (D(2026, 3, 15), "Chủ nhật")]


def test_it_moves_a_calendar_limit_ending_in_tet_2026_to_monday_23_february():
    """Last day Saturday 14/2/2026, first day of the Tết break; the limit ends on the next working day (Art. 148(5))."""
    deadline = compute_deadline("complaint.accept", D(2026, 2, 4))
    assert deadline.due == D(2026, 2, 23)
    assert skipped_days(deadline) == [D(2026, 2, day) for day in range(14, 23)]
    assert dict(deadline.skipped)[D(2026, 2, 17)] == "Tết Nguyên Đán"


def test_it_counts_working_days_across_tet_2026():
    """7 working days (Luật Tố cáo 2018 Art. 24) from Thursday 12/2/2026: Fri 13/2, then 23/2–2/3."""
    deadline = compute_deadline("denunciation.initial", D(2026, 2, 12))
    assert deadline.due == D(2026, 3, 2)
    # Only real holidays are listed, not the ordinary weekends around them.
    assert skipped_days(deadline) == [D(2026, 2, day) for day in (16, 17, 18, 19, 20)]


def test_it_applies_the_2026_new_year_swap_to_a_working_day_limit():
    """5 working days (Luật Tố cáo 2018 Art. 29) from Monday 5/1/2026 end on make-up Saturday 10/1."""
    assert due("denunciation.notify", D(2026, 1, 5)) == D(2026, 1, 10)
    assert compute_deadline("denunciation.notify", D(2026, 1, 5), calendar=WorkingCalendar(overrides=[])).due == D(2026, 1, 12)


def test_it_skips_new_year_and_the_swapped_2_january_2026():
    deadline = compute_deadline("denunciation.notify", D(2025, 12, 31))
    assert deadline.due == D(2026, 1, 9)  # 1/1 and 2/1 off, then 5/1–9/1
    assert skipped_days(deadline) == [D(2026, 1, 1), D(2026, 1, 2)]
    assert "Nghỉ bù Tết Dương lịch 2026" in dict(deadline.skipped)[D(2026, 1, 2)]


def test_it_moves_a_calendar_limit_ending_on_the_swapped_2_january_2026_to_monday():
    assert due("complaint.accept", D(2025, 12, 23)) == D(2026, 1, 5)
    # Ending on make-up Saturday 10/1 it stays there: that Saturday is a working day.
    assert due("complaint.accept", D(2025, 12, 31)) == D(2026, 1, 10)


@pytest.mark.parametrize("start", [D(2026, 4, 20), D(2026, 4, 21)])
def test_it_moves_a_limit_ending_on_30_april_or_1_may_2026_to_monday_4_may(start):
    deadline = compute_deadline("complaint.accept", start)
    assert deadline.due == D(2026, 5, 4)
    assert D(2026, 5, 1) in skipped_days(deadline)
    assert skipped_days(deadline)[-2:] == [D(2026, 5, 2), D(2026, 5, 3)]


@pytest.mark.parametrize("start", [D(2026, 8, 21), D(2026, 8, 22), D(2026, 8, 23)])
def test_it_moves_a_limit_ending_on_31_august_1_or_2_september_2026_to_thursday_3_september(start):
    """Labour Code 2019 Art. 112: 2/9 and 1/9 off; 31/8 off in exchange for Saturday 22/8."""
    deadline = compute_deadline("complaint.accept", start)
    assert deadline.due == D(2026, 9, 3)
    assert skipped_days(deadline)[-1] == D(2026, 9, 2)


def test_it_counts_working_days_across_national_day_2026():
    deadline = compute_deadline("denunciation.notify", D(2026, 8, 28))
    assert deadline.due == D(2026, 9, 9)
    assert skipped_days(deadline) == [D(2026, 8, 31), D(2026, 9, 1), D(2026, 9, 2)]


def test_it_counts_the_library_make_up_saturday_22_august_2026():
    assert due("denunciation.notify", D(2026, 8, 18)) == D(2026, 8, 24)  # 19, 20, 21, Sat 22, Mon 24
    assert due("complaint.accept", D(2026, 8, 12)) == D(2026, 8, 22)  # a calendar limit may end on it


def test_it_follows_the_24_november_switch_and_takes_the_earlier_date_until_it_is_confirmed():
    start = D(2026, 11, 14)  # a 10-day limit whose last day is Tuesday 24/11/2026
    assert due("complaint.accept", start) == D(2026, 11, 24)
    assert "24/11/2026" in unconfirmed_note(start, D(2026, 11, 24)) and "sớm hơn" in unconfirmed_note(start, D(2026, 11, 24))
    assert unconfirmed_note(start, D(2026, 11, 23)) == ""
    CalendarOverride.objects.filter(date=D(2026, 11, 24)).update(active=False)
    assert due("complaint.accept", start) == D(2026, 11, 25)
    assert unconfirmed_note(start, D(2026, 11, 25)) == ""


def test_it_ends_a_month_limit_on_the_same_day_of_the_month_or_the_last_day():
    """BLDS 2015 Art. 148(3): a month limit ends on the corresponding day, or the month's last day."""
    assert due("citizen_reception.head_day", D(2026, 3, 16)) == D(2026, 4, 16)
    assert due("citizen_reception.head_day", D(2026, 1, 31)) == D(2026, 3, 2)  # 28/2 is a Saturday


# --- Variants (Luật Khiếu nại 2011 Art. 28, 37) ---------------------------------------------


@pytest.mark.parametrize(
    "options, length, expected",
    [
        ({}, 30, D(2026, 4, 1)),
        ({"complex": True}, 45, D(2026, 4, 16)),
        ({"remote": True}, 45, D(2026, 4, 16)),
        ({"complex": True, "remote": True}, 60, D(2026, 5, 4)),  # 1/5 is a holiday
    ],
)
def test_it_uses_the_complex_and_remote_limits_of_first_time_resolution_art_28(options, length, expected):
    deadline = compute_deadline("complaint.resolve", D(2026, 3, 2), **options)
    assert (deadline.length, deadline.due) == (length, expected)


@pytest.mark.parametrize(
    "options, length, expected",
    [
        ({}, 45, D(2026, 4, 16)),
        ({"complex": True}, 60, D(2026, 5, 4)),
        ({"remote": True}, 60, D(2026, 5, 4)),
        ({"complex": True, "remote": True}, 70, D(2026, 5, 11)),
    ],
)
def test_it_uses_the_complex_and_remote_limits_of_second_time_resolution_art_37(options, length, expected):
    deadline = compute_deadline("complaint.resolve_second", D(2026, 3, 2), **options)
    assert (deadline.length, deadline.due) == (length, expected)


# --- Extensions ------------------------------------------------------------------------------


def test_it_allows_two_30_day_extensions_of_denunciation_resolution_art_30():
    start = D(2026, 3, 2)
    assert due("denunciation.resolve", start) == D(2026, 4, 1)
    assert due("denunciation.resolve", start, extensions=1) == D(2026, 5, 4)  # 60 days: 1/5, a holiday
    twice = compute_deadline("denunciation.resolve", start, extensions=2)
    assert (twice.length, twice.extensions, twice.due) == (90, 2, D(2026, 6, 1))  # 31/5 is a Sunday


def test_it_refuses_a_third_extension_of_denunciation_resolution_art_30():
    with pytest.raises(DeadlineError) as error:
        compute_deadline("denunciation.resolve", D(2026, 3, 2), extensions=3)
    assert "tối đa 2 lần" in str(error.value) and "Điều 30" in str(error.value)
    assert error.value.field == "extensions"


def test_it_extends_initial_denunciation_processing_from_7_to_10_working_days_art_24():
    start = D(2026, 3, 2)
    assert due("denunciation.initial", start) == D(2026, 3, 11)
    extended = compute_deadline("denunciation.initial", start, extensions=1)
    assert (extended.length, extended.due) == (10, D(2026, 3, 16))
    with pytest.raises(DeadlineError):
        compute_deadline("denunciation.initial", start, extensions=2)


def test_it_refuses_extensions_of_a_rule_that_allows_none_and_negative_counts():
    with pytest.raises(DeadlineError, match="tối đa 0 lần"):
        compute_deadline("complaint.accept", D(2026, 3, 2), extensions=1)
    with pytest.raises(DeadlineError, match="không được âm"):
        compute_deadline("complaint.accept", D(2026, 3, 2), extensions=-1)


# --- The rule in force -------------------------------------------------------------------------


def test_it_refuses_an_unknown_rule():
    with pytest.raises(DeadlineError, match="Không có quy tắc thời hạn mã 'complaint.nothing'"):
        compute_deadline("complaint.nothing", D(2026, 3, 2))


def test_it_refuses_a_rule_not_yet_in_force_on_the_start_date():
    """Luật Tố cáo 2018 took effect on 1/1/2019; an event in 2018 is not counted under it."""
    with pytest.raises(DeadlineError) as error:
        compute_deadline("denunciation.initial", D(2018, 12, 31))
    assert "không có hiệu lực vào ngày 31/12/2018" in str(error.value)
    assert "từ 01/01/2019" in str(error.value)
    assert due("denunciation.initial", D(2019, 1, 2)) is not None


def make_rule(**overrides):
    values = {
        "code": "example.versioned_report",
        "name": "Báo cáo kết quả thanh tra",
        "length": 15,
        "unit": DeadlineRule.DayUnit.CALENDAR,
        "start_event": "Ngày kết thúc thanh tra trực tiếp",
        "citation": "Luật Thanh tra 2022, Điều 78",
        "valid_from": D(2023, 7, 1),
        "valid_to": D(2025, 6, 30),
    }
    values.update(overrides)
    return DeadlineRule.objects.create(**values)


def test_it_chooses_the_version_of_a_rule_in_force_on_the_start_date():
    old = make_rule()
    new = make_rule(length=20, citation="Luật Thanh tra 84/2025/QH15", valid_from=D(2025, 7, 1), valid_to=None)
    assert rule_in_force("example.versioned_report", D(2025, 6, 30)) == old
    assert rule_in_force("example.versioned_report", D(2025, 7, 1)) == new
    assert compute_deadline("example.versioned_report", D(2025, 6, 30)).due == D(2025, 7, 15)
    later = compute_deadline("example.versioned_report", D(2025, 7, 1))
    assert (later.length, later.due, later.rule.citation) == (20, D(2025, 7, 21), "Luật Thanh tra 84/2025/QH15")


def test_it_refuses_a_rule_that_expired_before_the_start_date():
    make_rule()
    with pytest.raises(DeadlineError) as error:
        compute_deadline("example.versioned_report", D(2025, 7, 1))
    assert "01/07/2023–30/06/2025" in str(error.value)


def test_it_refuses_an_overlapping_version_of_a_rule():
    from django.core.exceptions import ValidationError

    make_rule()
    overlapping = DeadlineRule(
        code="example.versioned_report", name="x", length=20, start_event="x", citation="x", valid_from=D(2025, 1, 1)
    )
    with pytest.raises(ValidationError):
        overlapping.clean()


# --- Status ----------------------------------------------------------------------------------


def test_it_reports_on_time_due_soon_and_overdue_in_working_days():
    due_day = D(2026, 3, 13)  # a Friday
    assert deadline_status(due_day, today=D(2026, 3, 9)) == DeadlineStatus.ON_TIME  # 4 working days left
    assert deadline_status(due_day, today=D(2026, 3, 10)) == DeadlineStatus.DUE_SOON  # 3 left
    assert deadline_status(due_day, today=due_day) == DeadlineStatus.DUE_SOON  # the due day itself
    assert deadline_status(due_day, today=D(2026, 3, 14)) == DeadlineStatus.OVERDUE


def test_it_counts_the_due_soon_window_in_working_days_across_tet():
    """Eleven calendar days before 23/2/2026, but only two working days (13/2 and 23/2): due soon."""
    assert deadline_status(D(2026, 2, 23), today=D(2026, 2, 12)) == DeadlineStatus.DUE_SOON
    assert deadline_status(D(2026, 3, 2), today=D(2026, 2, 12)) == DeadlineStatus.ON_TIME
