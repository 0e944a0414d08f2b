"""Back office for inspection plans and inspections; steps go through the services."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from doctypes.inspection.access import may_draft_plan, may_edit_inspection
from doctypes.inspection.conclusion_docx import conclusion_docx, conclusion_filename
from doctypes.inspection.models import Inspection, InspectionAmendment, InspectionPlan, InspectionTeamMember
from doctypes.inspection.planning import plan_warnings
from doctypes.inspection.services import add_inspection, approve_inspection_plan, draft_inspection_plan
from doctypes.inspection.steps import INSPECTION_STEPS
from papi_inspect.admin_base import AttachmentInline, TabularInline, VisibleAdmin, call_service
from papi_inspect.admin_steps import StepAdminMixin
from papi_inspect.deadlines import deadline_label
from papi_inspect.state_documents import DOCX_CONTENT_TYPE


STEP_FIELDS = [
    "step", "next_due", "next_due_rule", "decision_number", "decision_date", "decision_signer", "announced_on",
    "fieldwork_started_on", "fieldwork_due", "fieldwork_extensions", "extension_decision_number",
    "extension_decision_date", "fieldwork_ended_on", "reported_on", "appraisal_required", "appraised_on",
    "conclusion_number", "concluded_on", "conclusion_signer", "conclusion_summary", "published_on",
]


class PlannedInspectionInline(TabularInline):
    model = Inspection
    fields = ["title", "quarter", "kind", "step"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(InspectionPlan)
class InspectionPlanAdmin(VisibleAdmin):
    list_display = ["title", "year", "status", "due_on", "deadline", "approved_on"]
    list_filter = ["status", "year"]
    search_fields = ["title", "number"]
    readonly_fields = ["due_on", "drafted_by", "status", "approved_on", "warnings"]
    inlines = [PlannedInspectionInline, AttachmentInline]
    actions = ["export_to_excel", "approve_selected"]

    @admin.action(description=_("Ghi nhận phê duyệt (ngày hôm nay)"), permissions=["change"])
    def approve_selected(self, request, queryset):
        for plan in queryset:
            try:
                approve_inspection_plan(plan, by=request.user, approved_by=plan.approved_by or "Giám đốc Sở",
                                        approved_on=timezone.localdate(), number=plan.number)
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, f"{plan}: {'; '.join(getattr(error, 'messages', [str(error)]))}")
            else:
                messages.success(request, f"{plan}: {_('đã phê duyệt')}")

    @admin.display(description=_("Tình trạng hạn"))
    def deadline(self, plan):
        return deadline_label(plan.due_on, done=plan.status == InspectionPlan.Status.APPROVED)

    @admin.display(description=_("Cảnh báo trùng lặp, tái phạm"))
    def warnings(self, plan):
        if not plan.pk:
            return ""
        texts = [text for items in plan_warnings(plan).values() for text in items]
        return "; ".join(texts) or _("Không có")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or may_draft_plan(request.user, obj))

    def create(self, request, data):
        return call_service(draft_inspection_plan, data, by=request.user)


class TeamInline(TabularInline):
    model = InspectionTeamMember
    fields = ["member", "role"]
    extra = 0


class AmendmentInline(TabularInline):
    model = InspectionAmendment
    fields = ["number", "issued_on", "reason", "changes", "recorded_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Inspection)
class InspectionAdmin(StepAdminMixin, VisibleAdmin):
    workflow = INSPECTION_STEPS
    list_display = ["title", "year", "quarter", "kind", "step", "next_due", "deadline"]
    list_filter = ["step", "kind", "year", "level", "grounds"]
    search_fields = ["title", "decision_number", "conclusion_number", "subject_units__name"]
    autocomplete_fields = ["complaint_case", "denunciation"]
    filter_horizontal = ["subject_units", "papi_dimensions"]
    readonly_fields = STEP_FIELDS + ["actions_links"]
    inlines = [TeamInline, AmendmentInline, AttachmentInline]

    @admin.display(description=_("Tình trạng hạn"))
    def deadline(self, inspection):
        return deadline_label(inspection.next_due)

    def create(self, request, data):
        # add_inspection: a planned inspection belongs to a plan, an unscheduled one states its grounds.
        return call_service(add_inspection, data, by=request.user)

    def get_inlines(self, request, obj):
        # The team is named by the decision step (decide_inspection), not typed on the add form.
        inlines = super().get_inlines(request, obj)
        return inlines if obj is not None else [inline for inline in inlines if inline is not TeamInline]

    @admin.display(description=_("Thao tác"))
    def actions_links(self, inspection):
        if not inspection.pk:
            return ""
        links = [self.step_links(inspection)]
        if inspection.reported_on:
            links.append(format_html('<a class="underline" href="{}">{}</a>', reverse("admin:inspection_inspection_docx", args=[inspection.pk]), _("Tải kết luận (.docx)")))
        return format_html(" · ".join(["{}"] * len(links)), *links)

    def has_change_permission(self, request, obj=None):
        if obj is not None and (obj.is_frozen or not may_edit_inspection(request.user, obj)):
            return False
        return super().has_change_permission(request, obj)

    def get_urls(self):
        return [
            path("<int:pk>/conclusion.docx", self.admin_site.admin_view(self.docx_view), name="inspection_inspection_docx"),
        ] + super().get_urls()

    def docx_view(self, request, pk):
        inspection = get_object_or_404(self.get_queryset(request), pk=pk)
        if not inspection.reported_on:
            raise PermissionDenied
        response = HttpResponse(conclusion_docx(inspection), content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{conclusion_filename(inspection)}"'
        return response
