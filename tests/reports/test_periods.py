"""Reporting periods and cut-offs come from fixtures/report_periods.json (TT 06/2025 Điều 6)."""

import datetime

import pytest

from reports.periods import period_containing, period_kinds, resolve_period

D = datetime.date


def test_it_resolves_the_year_from_15_december_to_14_december():
    period = resolve_period("year", 2026)
    assert (period.start, period.end) == (D(2025, 12, 15), D(2026, 12, 14))
    assert period.label == "Báo cáo năm 2026"
    assert period.has_narrative and period.deadline == D(2026, 12, 17)
    assert "06/2025" in period.basis


@pytest.mark.parametrize("kind, start, end, narrative", [
    ("q1", D(2025, 12, 15), D(2026, 3, 14), True),
    ("q2", D(2026, 3, 15), D(2026, 6, 14), False),
    ("q3", D(2026, 6, 15), D(2026, 9, 14), False),
    ("q4", D(2026, 9, 15), D(2026, 12, 14), False),
    ("h1", D(2025, 12, 15), D(2026, 6, 14), True),
    ("m9", D(2025, 12, 15), D(2026, 9, 14), True),
])
def test_it_resolves_each_kind(kind, start, end, narrative):
    period = resolve_period(kind, 2026)
    assert (period.start, period.end, period.has_narrative) == (start, end, narrative)
    assert period.deadline == end.replace(day=17)


def test_a_period_closing_before_30_september_2025_follows_tt_01_2024():
    assert "01/2024" in resolve_period("q2", 2025).basis
    assert "06/2025" in resolve_period("year", 2025).basis


def test_14_december_is_in_the_year_and_15_december_in_the_next():
    assert period_containing("year", D(2026, 12, 14)).year == 2026
    assert period_containing("year", D(2026, 12, 15)).year == 2027


@pytest.mark.parametrize("kind, year", [("q5", 2026), ("year", "2026"), ("year", 1990), ("year", True), ("q1", 2023)])
def test_it_refuses_a_bad_kind_or_year_in_vietnamese(kind, year):
    with pytest.raises(ValueError, match="[Kk]ỳ báo cáo|Năm báo cáo|chế độ báo cáo"):
        resolve_period(kind, year)


def test_the_kinds_are_data():
    assert period_kinds() == ["q1", "q2", "q3", "q4", "h1", "m9", "year"]
