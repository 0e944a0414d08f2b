"""Back office for checklist templates, discipline checks and their item results (photos attach to results)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from unfold.admin import TabularInline

from doctypes.discipline_check import services
from doctypes.discipline_check.models import CheckResult, ChecklistItem, ChecklistTemplate, DisciplineCheck
from papi_inspect.admin_base import AttachmentInline, VisibleAdmin
from papi_inspect.deadlines import deadline_label


class ItemInline(TabularInline):
    model = ChecklistItem
    fields = ["order", "area", "text", "weight", "per_staff"]
    extra = 0


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(VisibleAdmin):
    list_display = ["name", "active"]
    list_filter = ["active"]
    search_fields = ["name", "items__text"]
    inlines = [ItemInline]


class ResultInline(TabularInline):
    model = CheckResult
    fields = ["item", "staff", "outcome", "note"]
    extra = 0
    show_change_link = True


@admin.register(DisciplineCheck)
class DisciplineCheckAdmin(VisibleAdmin):
    list_display = ["unit", "scheduled_on", "announced", "template", "status", "deadline", "unit_score"]
    list_filter = ["status", "announced", "template", ("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["unit__name", "summary"]
    date_hierarchy = "scheduled_on"
    list_before_template = "discipline_check/calendar_link.html"
    readonly_fields = ["unit_score", "staff_scores"]
    inlines = [ResultInline, AttachmentInline]

    @admin.display(description=_("Tình trạng hạn"))
    def deadline(self, check):
        return deadline_label(check.scheduled_on, done=check.status == DisciplineCheck.Status.DONE)

    @admin.display(description=_("Điểm đơn vị (%)"))
    def unit_score(self, check):
        return services.summary_by_unit(check) if check.pk else None

    @admin.display(description=_("Điểm từng cán bộ (%)"))
    def staff_scores(self, check):
        if not check.pk:
            return ""
        return "; ".join(f"{staff}: {score}" for staff, score in services.summary_by_staff(check).items()) or "—"


@admin.register(CheckResult)
class CheckResultAdmin(VisibleAdmin):
    list_display = ["check_record", "item", "staff", "outcome"]
    list_filter = ["outcome", "item__area", ("check_record__unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["note", "item__text", "check_record__unit__name"]
    inlines = [AttachmentInline]
