"""List filters of the plan's tasks, which the dashboard links to: progress and the PAPI dimension served."""

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doctypes.papi.models import Dimension, UnitReport, UnitReportEntry


def papi_task_done_q():
    """A plan task is done when marked done or reported done in a submitted unit report (papi.services.dimension_progress)."""
    reported_done = UnitReportEntry.objects.filter(
        report__status=UnitReport.Status.SUBMITTED, progress=UnitReportEntry.Progress.DONE
    ).values("task_id")
    return Q(status="done") | Q(pk__in=reported_done)


class PapiDimensionFilter(admin.SimpleListFilter):
    """Tasks serving a PAPI dimension: their own links, or their content area's dimension when they name none."""

    title = _("chỉ số PAPI phục vụ")
    parameter_name = "papi_dimension"

    def lookups(self, request, model_admin):
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
