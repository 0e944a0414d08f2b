"""List filters the dashboard links to: deadline status, handler and money still to recover.

Each filter works on the changelist's own queryset (already `visible_to(request.user)`), so a
number on the dashboard and the list it opens count the same rows.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Case, DateField, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from papi_inspect.calendar import WorkingCalendar
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
    calendar = calendar or WorkingCalendar()
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


class RecoveryFilter(admin.SimpleListFilter):
    """Violations with money still to recover, or fully recovered."""

    title = _("thu hồi tiền")
    parameter_name = "recovery"
    OUTSTANDING, RECOVERED = "outstanding", "recovered"

    def lookups(self, request, model_admin):
        return [(self.OUTSTANDING, _("Còn phải thu hồi")), (self.RECOVERED, _("Đã thu hồi đủ"))]

    def queryset(self, request, queryset):
        if self.value() == self.OUTSTANDING:
            return queryset.filter(amount_to_recover__gt=F("amount_recovered"))
        if self.value() == self.RECOVERED:
            return queryset.filter(amount_to_recover__gt=0, amount_recovered__gte=F("amount_to_recover"))
        return queryset



def papi_task_done_q():
    """A plan task is done when marked done or reported done in a submitted unit report (papi.services.dimension_progress)."""
    from doctypes.papi.models.report import UnitReport, UnitReportEntry

    reported_done = UnitReportEntry.objects.filter(
        report__status=UnitReport.Status.SUBMITTED, progress=UnitReportEntry.Progress.DONE
    ).values("task_id")
    return Q(status="done") | Q(pk__in=reported_done)


class PapiDimensionFilter(admin.SimpleListFilter):
    """Tasks serving a PAPI dimension: their own links, or their content area's dimension when they name none."""

    title = _("chỉ số PAPI phục vụ")
    parameter_name = "papi_dimension"

    def lookups(self, request, model_admin):
        from doctypes.papi.models import Dimension

        return [(str(d.pk), str(d)) for d in Dimension.objects.all()]

    def queryset(self, request, queryset):
        value = self.value()
        if not (value and value.isdigit()):
            return queryset
        serves = Q(dimensions=int(value)) | Q(dimensions__isnull=True, group__dimension=int(value))
        return queryset.filter(pk__in=queryset.model.objects.filter(serves).values("pk"))


class PapiProgressFilter(admin.SimpleListFilter):
    """Live tasks (not retired), split into done and not yet done as the plan's progress counts them."""

    title = _("tiến độ nhiệm vụ")
    parameter_name = "progress"
    LIVE, DONE, NOT_DONE = "live", "done", "not_done"

    def lookups(self, request, model_admin):
        return [(self.LIVE, _("Đang có hiệu lực")), (self.DONE, _("Đã hoàn thành")), (self.NOT_DONE, _("Chưa hoàn thành"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value not in (self.LIVE, self.DONE, self.NOT_DONE):
            return queryset
        live = queryset.exclude(status="retired")
        if value == self.DONE:
            return live.filter(papi_task_done_q())
        if value == self.NOT_DONE:
            return live.exclude(papi_task_done_q())
        return live
