"""The working-day calendar: Vietnam's public holidays plus the back office's override table.

Answers come from per-year tables of working days built once (flags and running counts), so a count of
working days is a subtraction and adding N working days a binary search. The calendar the engine uses
(`working_calendar()`) is built once per process and rebuilt when an override changes: at once in the
process that saved it (post_save, post_delete and the queryset's bulk writes), and within `RECHECK_SECONDS` in the others
(the override rows, a few dozen, are read again and compared).
"""

import datetime
import threading
import time
from bisect import bisect_left
from functools import lru_cache

import holidays

from papi_inspect.models import CalendarOverride

WEEKDAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
RECHECK_SECONDS = 30
ONE_DAY = datetime.timedelta(days=1)


@lru_cache(maxsize=64)
def _library_year(year):
    """Vietnam's holidays for one year (Labour Code 2019 Art. 112), named in Vietnamese."""
    return holidays.country_holidays("VN", years=[year], language="vi")


def _active_overrides():
    rows = list(CalendarOverride.objects.filter(active=True).values_list("date", "kind", "reason", "unconfirmed"))
    return [row[:3] for row in rows], {row[0] for row in rows if row[3]}


class WorkingCalendar:
    """Answers "is this a working day?" for civil servants.

    Order of precedence: an active override row, then the library's holidays and its make-up
    working Saturdays, then the plain rule that Saturday and Sunday are days off.
    """

    def __init__(self, overrides=None, unconfirmed=None):
        if overrides is None:
            overrides, unconfirmed = _active_overrides()
        self._overrides = {day: (kind, reason) for day, kind, reason in overrides}
        self._unconfirmed = set(unconfirmed or ())
        self._years = {}  # year -> (working flags by day of year, running count of working days through each day)
        self._lock = threading.Lock()

    def unconfirmed_days(self, first, last):
        """(day, reason) of the days in [first, last] whose status is still unconfirmed (an override marked so)."""
        return sorted((day, self._overrides[day][1]) for day in self._unconfirmed if first <= day <= last)

    def _library(self, day):
        return _library_year(day.year)

    def _rule_says_working(self, day):
        if day in self._overrides:
            return self._overrides[day][0] == CalendarOverride.Kind.WORKING_DAY
        library = self._library(day)
        if day in library:
            return False
        if day in getattr(library, "weekend_workdays", ()):
            return True
        return day.weekday() < 5

    def _year(self, year):
        table = self._years.get(year)
        if table is None:
            with self._lock:
                first = datetime.date(year, 1, 1)
                days = (datetime.date(year, 12, 31) - first).days + 1
                flags = [self._rule_says_working(first + datetime.timedelta(days=offset)) for offset in range(days)]
                running, total = [], 0
                for flag in flags:
                    total += flag
                    running.append(total)
                table = self._years[year] = (flags, running)
        return table

    def is_working_day(self, day):
        return self._year(day.year)[0][day.timetuple().tm_yday - 1]

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

    def days_off(self, first, last):
        """The days in [first, last] that are not working days, in order (read from the year tables)."""
        days = []
        for year in range(first.year, last.year + 1):
            flags = self._year(year)[0]
            start = first.timetuple().tm_yday - 1 if year == first.year else 0
            stop = last.timetuple().tm_yday if year == last.year else len(flags)
            january = datetime.date(year, 1, 1)
            days += [january + datetime.timedelta(days=index) for index in range(start, stop) if not flags[index]]
        return days

    def _through(self, day):
        """Working days from 1 January of `day`'s year through `day`."""
        return self._year(day.year)[1][day.timetuple().tm_yday - 1]

    def working_days_between(self, start, end):
        """Working days in (start, end]; zero or negative when end is not after start."""
        if end <= start:
            return -self.working_days_between(end, start) if end < start else 0
        count = self._through(end) - self._through(start)
        for year in range(start.year, end.year):
            count += self._year(year)[1][-1]
        return count

    def add_working_days(self, start, count):
        """The day on which `count` working days after `start` have elapsed (start day not counted)."""
        if count <= 0:
            return start
        year, target, low = start.year, self._through(start) + count, start.timetuple().tm_yday
        while True:
            running = self._year(year)[1]
            index = bisect_left(running, target, lo=low)
            if index < len(running):
                return datetime.date(year, 1, 1) + datetime.timedelta(days=index)
            target -= running[-1]
            year, low = year + 1, 0
            if year > datetime.MAXYEAR:
                raise OverflowError("date value out of range")


class _SharedCalendar:
    """The process's calendar, rebuilt after a change of the override table (see the module docstring)."""

    def __init__(self):
        self.calendar, self.stamp, self.checked = None, None, 0.0

    def forget(self, **_kwargs):
        self.calendar = None

    def get(self):
        now = time.monotonic()
        if self.calendar is not None and now - self.checked < RECHECK_SECONDS:
            return self.calendar
        overrides, unconfirmed = _active_overrides()
        stamp = (sorted(overrides), sorted(unconfirmed))
        if self.calendar is None or stamp != self.stamp:
            self.calendar, self.stamp = WorkingCalendar(overrides, unconfirmed), stamp
        self.checked = now
        return self.calendar


_SHARED = _SharedCalendar()


def working_calendar():
    """The calendar built once per process from the active overrides; use it unless a test passes its own."""
    return _SHARED.get()


def forget_calendar(**_kwargs):
    """Drop the shared calendar (an override changed); the next call builds it again."""
    _SHARED.forget()


def _connect():
    from django.db.models.signals import post_delete, post_save

    from papi_inspect.models import reference_changed

    for signal in (post_save, post_delete, reference_changed):
        signal.connect(forget_calendar, sender=CalendarOverride, dispatch_uid=f"forget-calendar-{id(signal)}")


_connect()
