"""List filters every doctype shares, which the dashboard links to: deadline status and handler.

Each filter works on the changelist's own queryset (already `visible_to(request.user)`), so a
number on the dashboard and the list it opens count the same rows.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Case, DateField, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from papi_inspect.calendar import working_calendar
from papi_inspect.deadlines import DUE_SOON_WORKING_DAYS, DeadlineStatus

# The current deadline of each record type as a database expression, so lists and counts are
# computed in SQL. Each mirrors the model's Python `current_due` (tests/reports compare them):
# label -> [(statuses, due field)]; a status not listed has no current deadline.
CURRENT_DUE = {
    "complaint_case.petition": [(("received", "classified"), "process_due")],
    "complaint_case.complaintcase": [(("received",), "accept_due"), (("accepted", "verified", "dialogued"), "resolve_due")],
    "complaint_case.denunciation": [(("received",), "initial_due"), (("accepted",), "resolve_due")],
    # A follow-up action is due until it is verified or closed (finding/admin.py `deadline`).
    "finding.action": [(("open", "in_progress"), "due_on")],
}

NO_DEADLINE = "none"


def current_due(model):
    """The expression giving `model`'s current due date, NULL when the record has none."""
    branches = [When(status__in=statuses, then=F(field)) for statuses, field in CURRENT_DUE[model._meta.label_lower]]
    return Case(*branches, default=Value(None), output_field=DateField())


def due_soon_limit(today=None, calendar=None):
    """The first day that is no longer "due soon": due dates in [today, limit) are due soon.

    `deadline_status` calls a date due soon when at most 3 working days lie in (today, due]; that
    count only grows with the due date, so the set is an interval ending the day before the 4th
    working day after today.
    """
    today = today or timezone.localdate()
    calendar = calendar or working_calendar()
    return calendar.add_working_days(today, DUE_SOON_WORKING_DAYS + 1)


def deadline_q(status, *, today=None, limit=None):
    """The Q over the alias `open_due` selecting one DeadlineStatus (or records without a deadline)."""
    today = today or timezone.localdate()
    if status == NO_DEADLINE:
        return Q(open_due__isnull=True)
    if status == DeadlineStatus.OVERDUE:
        return Q(open_due__lt=today)
    limit = limit or due_soon_limit(today)
    if status == DeadlineStatus.DUE_SOON:
        return Q(open_due__gte=today, open_due__lt=limit)
    if status == DeadlineStatus.ON_TIME:
        return Q(open_due__gte=limit)
    raise ValueError(status)


class DeadlineStatusFilter(admin.SimpleListFilter):
    """Overdue / due within 3 working days / on time / no deadline, as the deadline engine says."""

    title = _("tình trạng hạn")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [*DeadlineStatus.choices, (NO_DEADLINE, _("Không có hạn đang chạy"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value not in {choice for choice, _label in self.lookup_choices}:
            return queryset
        return queryset.alias(open_due=current_due(queryset.model)).filter(deadline_q(value))


class HandlerFilter(admin.SimpleListFilter):
    """The person assigned; only the handlers of records this user may see are offered."""

    title = _("người được giao")
    parameter_name = "handler"
    NOBODY = "none"

    def lookups(self, request, model_admin):
        handler_ids = model_admin.get_queryset(request).order_by().values("handler_id").distinct()
        people = get_user_model().objects.filter(pk__in=handler_ids).order_by("first_name", "username")
        return [(str(user.pk), user.get_full_name() or user.username) for user in people] + [(self.NOBODY, _("Chưa giao"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.NOBODY:
            return queryset.filter(handler__isnull=True)
        if value and value.isdigit():
            return queryset.filter(handler_id=int(value))
        return queryset


class DueStatus:
    """The states of a register's duty (a publication, a rotation, a declaration, a commitment)."""

    DONE = "done"
    DUE = "due"
    OVERDUE = "overdue"


def due_status_filter(due_field, done_field):
    """A list filter "done / due / overdue" for a register whose duty is due on `due_field` and met on `done_field`;
    the dashboard's register panels link to it with the same parameter, so a count and its list agree. A register with
    no deadline (`due_field` None) is only done or not yet done."""

    class DueStatusFilter(admin.SimpleListFilter):
        title = _("tình trạng thực hiện")
        parameter_name = "due_status"

        def lookups(self, request, model_admin):
            if due_field is None:
                return [(DueStatus.DONE, _("Đã có kết quả")), (DueStatus.DUE, _("Chưa có kết quả"))]
            return [(DueStatus.DONE, _("Đã thực hiện")), (DueStatus.DUE, _("Chưa đến hạn")),
                    (DueStatus.OVERDUE, _("Quá hạn"))]

        def queryset(self, request, queryset):
            return queryset.filter(due_status_q(self.value(), due_field, done_field)) if self.value() in (
                DueStatus.DONE, DueStatus.DUE, DueStatus.OVERDUE) else queryset

    return DueStatusFilter


def due_status_q(status, due_field, done_field, *, today=None):
    """The condition of one duty status; without a deadline, "due" is every duty not yet done and none is overdue."""
    today = today or timezone.localdate()
    open_ = Q(**{f"{done_field}__isnull": True})
    if status == DueStatus.DONE:
        return ~open_
    if due_field is None:
        return open_ if status == DueStatus.DUE else Q(pk__in=[])
    overdue = Q(**{f"{due_field}__lt": today})
    return open_ & (overdue if status == DueStatus.OVERDUE else ~overdue)
