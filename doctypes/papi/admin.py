"""Back office for PAPI: the reference, plans and tasks (office), unit reports, the roll-up, and scores."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from doctypes.papi import rollup, services
from doctypes.papi.admin_filters import PapiDimensionFilter, PapiProgressFilter
from doctypes.papi.evidence import evidence_of
from doctypes.papi.models import Dimension
from doctypes.papi.models.plan import Plan, PlanReportDate, Task, TaskGroup
from doctypes.papi.models.report import OfficeReport, UnitReport
from doctypes.papi.models.score import PapiScore, Province, ScoreImport
from papi_inspect.admin_base import TabularInline, VisibleAdmin, call_service

LINKS = "papi/admin_links.html"  # the PAPI screens that are not model lists: reports, trend, import


@admin.register(Dimension)
class DimensionAdmin(VisibleAdmin):
    reference_data = True  # the PAPI dimensions as published
    list_display = ["code", "name_vi", "name_en", "parent", "first_year", "last_year"]
    list_filter = ["parent", "first_year", "last_year"]
    search_fields = ["code", "name_vi", "name_en"]


def _run(modeladmin, request, action):
    """Run a service from an admin action; its refusal becomes a message, not an error page."""
    try:
        return action()
    except (ValidationError, PermissionDenied) as error:
        modeladmin.message_user(request, "; ".join(getattr(error, "messages", [str(error)])), messages.ERROR)
        return None


class ReportDateInline(TabularInline):
    model = PlanReportDate
    extra = 0
    fields = ["quarter", "period_label", "unit_due_day", "unit_due_month", "office_due_day", "office_due_month"]


class TaskGroupInline(TabularInline):
    model = TaskGroup
    extra = 0
    fields = ["section", "number", "title", "dimension"]
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(VisibleAdmin):
    reference_data = True  # the province's plan text as issued (its tasks go through add_task/update_task)
    list_before_template = LINKS
    list_display = ["__str__", "title", "year", "status", "implements"]
    list_filter = ["year", "status"]
    search_fields = ["number", "title", "implements"]
    inlines = [ReportDateInline, TaskGroupInline]
    actions = ["export_to_excel", "copy_to_next_year"]

    @admin.action(description=_("Sao chép sang năm sau"), permissions=["add"])
    def copy_to_next_year(self, request, queryset):
        for plan in queryset:
            copy = _run(self, request, lambda plan=plan: services.copy_plan_to_year(plan, by=request.user, year=plan.year + 1))
            if copy:
                self.message_user(request, f"Đã tạo kế hoạch năm {copy.year} (dự thảo).")


class TaskInline(TabularInline):
    model = Task
    extra = 0
    fields = ["order", "text", "recurrence", "status"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(TaskGroup)
class TaskGroupAdmin(VisibleAdmin):
    reference_data = True  # the plan's headings as issued
    list_display = ["__str__", "plan", "dimension"]
    list_filter = ["plan", "section", "dimension"]
    inlines = [TaskInline]


@admin.register(Task)
class TaskAdmin(VisibleAdmin):
    list_display = ["__str__", "recurrence", "status"]
    list_filter = ["group__plan", "group", "recurrence", "status", PapiProgressFilter, PapiDimensionFilter, "lead_units"]
    search_fields = ["text"]
    filter_horizontal = ["lead_units", "cooperating_units", "dimensions"]
    fields = ["group", "text", "lead_units", "cooperating_units", "recurrence", "status", "dimensions", "retired_reason"]
    readonly_fields = ["retired_reason"]
    actions = ["export_to_excel", "retire"]
    change_form_after_template = "papi/task_evidence.html"

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The register entries evidencing the task, only those this user may see (a unit sees its own).
        task = self.get_object(request, object_id) if object_id else None
        extra_context = {**(extra_context or {}), "task_evidence": evidence_of(task, request.user) if task else None}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in ("lead_units", "cooperating_units"):
            kwargs["queryset"] = Unit.objects.visible_to(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "group":
            kwargs["queryset"] = TaskGroup.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def update(self, request, obj, form):
        data = form.cleaned_data
        services.update_task(obj, by=request.user, text=data["text"], recurrence=data["recurrence"],
                             status=None if data["status"] == Task.Status.RETIRED else data["status"],
                             lead_units=list(data["lead_units"]), cooperating_units=list(data["cooperating_units"]),
                             dimensions=list(data["dimensions"]))

    def create(self, request, data):
        return call_service(services.add_task, data, data["group"], by=request.user)

    def save_lines(self, request, form, formsets):
        pass  # update_task already set the units and dimensions

    @admin.action(description=_("Ngừng thực hiện"), permissions=["change"])
    def retire(self, request, queryset):
        for task in queryset:
            reason = "Văn phòng ngừng trong trang quản trị"
            _run(self, request, lambda task=task: services.retire_task(task, by=request.user, reason=reason))


@admin.register(UnitReport)
class UnitReportAdmin(VisibleAdmin):
    list_before_template = LINKS
    list_display = ["__str__", "due_on", "status", "submitted_at", "open_link"]
    list_filter = ["plan", "year", "quarter", "status", "unit"]
    readonly_fields = ["plan", "unit", "year", "quarter", "due_on", "status", "summary", "figures", "submitted_at",
                       "submitted_by"]

    def has_add_permission(self, request):
        return False  # reports are opened from the reporting screen, one per unit and quarter

    def has_change_permission(self, request, obj=None):
        return False  # progress is filled in on the reporting screen, through the services

    @admin.display(description=_("Báo cáo"))
    def open_link(self, report):
        return format_html('<a href="{}">{}</a>', reverse("papi:report", args=[report.pk]), _("Mở"))


@admin.register(OfficeReport)
class OfficeReportAdmin(VisibleAdmin):
    list_before_template = LINKS
    list_display = ["__str__", "due_on", "status", "docx_link"]
    list_filter = ["plan", "year", "quarter", "status"]
    fields = ["plan", "year", "quarter", "due_on", "number", "results", "shortcomings", "next_tasks", "status", "frozen_at",
              "docx_link"]
    actions = ["export_to_excel", "freeze"]

    def get_readonly_fields(self, request, obj=None):
        base = ["due_on", "status", "frozen_at", "docx_link"]
        if obj is None:
            return base
        locked = ["plan", "year", "quarter"]
        return base + locked + (["number", "results", "shortcomings", "next_tasks"] if obj.is_frozen else [])

    def update(self, request, obj, form):
        data = form.cleaned_data
        rollup.update_office_report(obj, by=request.user, results=data.get("results"), shortcomings=data.get("shortcomings"),
                                    next_tasks=data.get("next_tasks"), number=data.get("number"))

    def create(self, request, data):
        return rollup.start_office_report(data["plan"], year=data["year"], quarter=data["quarter"], by=request.user)

    @admin.action(description=_("Chốt báo cáo"), permissions=["change"])
    def freeze(self, request, queryset):
        for report in queryset:
            if _run(self, request, lambda report=report: rollup.freeze_office_report(report, by=request.user)):
                self.message_user(request, f"Đã chốt {report}.")

    @admin.display(description=_("Tệp Word"))
    def docx_link(self, report):
        if not report.pk:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("papi:office-report-docx", args=[report.pk]), _("Tải .docx"))


@admin.register(Province)
class ProvinceAdmin(VisibleAdmin):
    reference_data = True
    list_display = ["code", "name", "note"]
    search_fields = ["code", "name"]


@admin.register(PapiScore)
class PapiScoreAdmin(VisibleAdmin):
    list_before_template = LINKS
    list_display = ["province", "year", "indicator", "score", "rank", "n_provinces", "mean", "minimum", "maximum"]
    list_filter = ["province", "year", "indicator"]
    search_fields = ["label", "indicator"]

    def has_add_permission(self, request):
        return False  # scores enter through the import, which checks scales and keeps the source


@admin.register(ScoreImport)
class ScoreImportAdmin(VisibleAdmin):
    list_display = ["file_name", "province", "years", "created", "updated", "unchanged", "imported_by", "imported_at"]
    readonly_fields = ["file_name", "sha256", "province", "years", "created", "updated", "unchanged", "skipped", "imported_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
