"""The legal-deadline engine: find the rule in force and count its limit as the civil code says."""

import datetime
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import time

from papi_inspect.calendar import RECHECK_SECONDS, working_calendar
from papi_inspect.models import DeadlineRule

DUE_SOON_WORKING_DAYS = 3


class DeadlineError(ValueError):
    """A deadline cannot be computed; the message is meant for the user, `field` names the bad input."""

    def __init__(self, message, *, field="rule"):
        super().__init__(message)
        self.field = field


class DeadlineStatus(models.TextChoices):
    ON_TIME = "on_time", _("Trong hạn")
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")


@dataclass(frozen=True)
class Deadline:
    rule: DeadlineRule
    start: datetime.date
    due: datetime.date
    length: int
    extensions: int = 0
    skipped: list = field(default_factory=list)  # [(date, why)] days passed over as days off


class _RuleCache:
    """The rules by code, read once per process and again after a change (signals in this process; in the others
    the rules are read again every RECHECK_SECONDS): `compute_deadline` runs per record in lists and reminders."""

    def __init__(self):
        self.by_code, self.checked = None, 0.0

    def forget(self, **_kwargs):
        self.by_code = None

    def rules(self, code):
        now = time.monotonic()
        if self.by_code is None or now - self.checked >= RECHECK_SECONDS:
            by_code = {}
            for rule in DeadlineRule.objects.order_by("code", "valid_from"):
                by_code.setdefault(rule.code, []).append(rule)
            self.by_code, self.checked = by_code, now
        return self.by_code.get(code, [])


_RULES = _RuleCache()


def forget_rules(**_kwargs):
    """Drop the cached rules (a rule changed); the next call reads them again."""
    _RULES.forget()


def _connect():
    from django.db.models.signals import post_delete, post_save

    from papi_inspect.models import reference_changed

    for signal in (post_save, post_delete, reference_changed):
        signal.connect(forget_rules, sender=DeadlineRule, dispatch_uid=f"forget-rules-{id(signal)}")


_connect()


def rule_in_force(code, on):
    """The rule with `code` in force on the date of the event that starts the clock."""
    rules = _RULES.rules(code)
    if not rules:
        raise DeadlineError(f"Không có quy tắc thời hạn mã '{code}'.")
    for rule in rules:
        if rule.is_in_force_on(on):
            return rule
    periods = ", ".join(
        f"{r.valid_from:%d/%m/%Y}–{r.valid_to:%d/%m/%Y}" if r.valid_to else f"từ {r.valid_from:%d/%m/%Y}" for r in rules
    )
    raise DeadlineError(f"Quy tắc '{code}' không có hiệu lực vào ngày {on:%d/%m/%Y} (hiệu lực: {periods}).")


def compute_deadline(code, start, *, complex=False, remote=False, extensions=0, calendar=None):
    """Due date of a time limit that starts with an event on `start`.

    Counting follows Bộ luật Dân sự 2015: the event day is not counted (Art. 147); a limit ends
    at the end of its last day (Art. 148(1)); a calendar-day limit whose last day is a day off
    ends on the next working day (Art. 148(5)); "ngày làm việc" counts working days only.
    Each extension adds the rule's extension length to the limit.
    """
    rule = rule_in_force(code, start)
    if extensions < 0:
        raise DeadlineError("Số lần gia hạn không được âm.", field="extensions")
    if extensions > rule.max_extensions:
        raise DeadlineError(
            f"Quy tắc '{code}' chỉ cho phép gia hạn tối đa {rule.max_extensions} lần ({rule.citation}).",
            field="extensions",
        )
    calendar = calendar or working_calendar()
    length = rule.length_for(complex=complex, remote=remote) + extensions * (rule.extension_length or 0)
    try:
        due, skipped = _count(rule, start, length, calendar)
    except (OverflowError, ValueError):  # the limit would end after 31/12/9999, the last day a date can hold
        raise DeadlineError(f"Ngày {start:%d/%m/%Y} quá xa: hạn xử lý vượt ra ngoài lịch.", field="start")
    return Deadline(rule=rule, start=start, due=due, length=length, extensions=extensions, skipped=skipped)


def _count(rule, start, length, calendar):
    if rule.unit == DeadlineRule.DayUnit.WORKING:
        due = calendar.add_working_days(start, length)
        skipped = _days_off(calendar, start + datetime.timedelta(days=1), due, holidays_only=True)
    else:
        if rule.unit == DeadlineRule.DayUnit.MONTH:
            last_day = start + relativedelta(months=length)
        else:
            last_day = start + datetime.timedelta(days=length)
        due = calendar.next_working_day(last_day)
        skipped = _days_off(calendar, last_day, due - datetime.timedelta(days=1), holidays_only=False)
    return due, skipped


def _days_off(calendar, first, last, *, holidays_only):
    if last < first:
        return []
    # Only the days off are visited (the calendar's tables list them), not every day of the limit.
    off = calendar.days_off(first, last) if hasattr(calendar, "days_off") else [
        first + datetime.timedelta(days=n) for n in range((last - first).days + 1)
        if not calendar.is_working_day(first + datetime.timedelta(days=n))]
    return [(day, calendar.why_not_working(day)) for day in off if not holidays_only or calendar.is_holiday(day)]


def deadline_status(due, *, today=None, calendar=None):
    """On time, due within 3 working days (due today included), or overdue."""
    today = today or timezone.localdate()
    if today > due:
        return DeadlineStatus.OVERDUE
    calendar = calendar or working_calendar()
    if calendar.working_days_between(today, due) <= DUE_SOON_WORKING_DAYS:
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.ON_TIME


def unconfirmed_note(start, due, *, calendar=None):
    """What to say on a record whose deadline counts over a day of unconfirmed status (e.g. 24/11), or "".

    Such a day is counted the way that gives the earlier deadline (legal-rules.md §2: 24/11 "Ngày Văn hóa
    Việt Nam" is pending), and the record says so, so that no one relies on a day that may not exist.
    """
    if not (start and due):
        return ""
    days = (calendar or working_calendar()).unconfirmed_days(start, due)
    if not days:
        return ""
    return gettext("Hạn có tính qua ngày %(days)s, chưa xác nhận là ngày nghỉ hay ngày làm việc (%(reason)s); hạn đang "
                   "được tính theo hướng sớm hơn cho đến khi có văn bản.") % {
        "days": ", ".join(f"{day:%d/%m/%Y}" for day, _reason in days), "reason": days[0][1]}


def deadline_label(due, *, done=False):
    """"Trong hạn / Sắp đến hạn / Quá hạn" for an open item's list column, or an empty string."""
    if done or due is None:
        return ""
    return DeadlineStatus(deadline_status(due)).label
