"""The working-day calendar: Vietnam's public holidays plus the back office's override table."""

import datetime
from functools import lru_cache

import holidays

from papi_inspect.models import CalendarOverride

WEEKDAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


@lru_cache(maxsize=64)
def _library_year(year):
    """Vietnam's holidays for one year (Labour Code 2019 Art. 112), named in Vietnamese."""
    return holidays.country_holidays("VN", years=[year], language="vi")


class WorkingCalendar:
    """Answers "is this a working day?" for civil servants.

    Order of precedence: an active override row, then the library's holidays and its make-up
    working Saturdays, then the plain rule that Saturday and Sunday are days off.
    """

    def __init__(self, overrides=None, unconfirmed=None):
        if overrides is None:
            rows = list(CalendarOverride.objects.filter(active=True).values_list("date", "kind", "reason", "unconfirmed"))
            overrides = [row[:3] for row in rows]
            unconfirmed = {row[0] for row in rows if row[3]}
        self._overrides = {day: (kind, reason) for day, kind, reason in overrides}
        self._unconfirmed = set(unconfirmed or ())

    def unconfirmed_days(self, first, last):
        """(day, reason) of the days in [first, last] whose status is still unconfirmed (an override marked so)."""
        return sorted((day, self._overrides[day][1]) for day in self._unconfirmed if first <= day <= last)

    def _library(self, day):
        return _library_year(day.year)

    def is_working_day(self, day):
        if day in self._overrides:
            return self._overrides[day][0] == CalendarOverride.Kind.WORKING_DAY
        library = self._library(day)
        if day in library:
            return False
        if day in getattr(library, "weekend_workdays", ()):
            return True
        return day.weekday() < 5

    def why_not_working(self, day):
        """A readable reason a day is off: the override, the holiday's name or the weekday."""
        if day in self._overrides:
            return self._overrides[day][1]
        name = self._library(day).get(day)
        return name or WEEKDAY_NAMES[day.weekday()]

    def is_holiday(self, day):
        """A day off that is not an ordinary weekend (a holiday or a declared extra day off)."""
        return not self.is_working_day(day) and (day.weekday() < 5 or day in self._overrides or day in self._library(day))

    def next_working_day(self, day):
        """`day` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
        return day

    def previous_working_day(self, day):
        """`day` itself if it is a working day, else the last working day before it."""
        while not self.is_working_day(day):
            day -= datetime.timedelta(days=1)
        return day

    def working_day_in_month(self, day):
        """The working day nearest after `day` in its own month, or the last one before it when the month ends first."""
        after = self.next_working_day(day)
        return after if after.month == day.month else self.previous_working_day(day)

    def working_days_between(self, start, end):
        """Working days in (start, end]; zero or negative when end is not after start."""
        if end <= start:
            return -self.working_days_between(end, start) if end < start else 0
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def add_working_days(self, start, count):
        """The day on which `count` working days after `start` have elapsed (start day not counted)."""
        day, remaining = start, count
        while remaining > 0:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day
