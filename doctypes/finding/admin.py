"""Back office for findings, violations, follow-up actions and their progress."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doctypes.finding import services
from doctypes.finding.access import may_edit_finding, may_report_progress
from doctypes.finding.admin_filters import RecoveryFilter
from doctypes.finding.models import Action, ActionProgress, Finding, Violation
from doctypes.finding.steps import ACTION_STEPS
from papi_inspect.admin_base import AttachmentInline, TabularInline, VisibleAdmin, call_service
from papi_inspect.admin_filters import DeadlineStatusFilter
from papi_inspect.attachments import files_of
from papi_inspect.admin_steps import StepAdminMixin
from papi_inspect.deadlines import deadline_label


class _ReadOnlyInline(TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ViolationInline(_ReadOnlyInline):
    model = Violation
    fields = ["kind", "responsible_unit", "sanction", "amount_to_recover", "amount_recovered", "repeated"]


class ActionInline(_ReadOnlyInline):
    model = Action
    fields = ["description", "owner_unit", "due_on", "status"]


class ProgressInline(_ReadOnlyInline):
    model = ActionProgress
    fields = ["reported_on", "reported_by", "note", "amount_recovered"]


def _editable(finding):
    return not (finding.inspection_id and finding.inspection.is_frozen)


@admin.register(Finding)
class FindingAdmin(VisibleAdmin):
    list_display = ["title", "unit", "severity", "inspection", "discipline_check", "procedure_review", "recorded_on"]
    list_filter = ["severity", ("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "condition", "legal_document"]
    # The three sources are nullable and each names another row (a check its unit, a review its procedure).
    list_select_related = ["unit", "inspection", "discipline_check__unit", "procedure_review__procedure"]
    filter_horizontal = ["papi_dimensions"]
    readonly_fields = ["recorded_by"]
    inlines = [ViolationInline, ActionInline, AttachmentInline]

    def limit_choices(self, db_field, queryset, request, record):
        if db_field.name == "signature":
            # The signature is one of the finding's own photos; never another record's file (a denunciation's
            # redacted copy, another unit's evidence), which the picker would otherwise reveal by name.
            return files_of(record, queryset)
        return queryset

    def has_change_permission(self, request, obj=None):
        if obj is not None and not (may_edit_finding(request.user, obj) and _editable(obj)):
            return False
        return super().has_change_permission(request, obj)

    def create(self, request, data):
        return call_service(services.record_finding, data, by=request.user)


@admin.register(Violation)
class ViolationAdmin(VisibleAdmin):
    list_display = ["kind", "responsible_unit", "sanction", "amount_to_recover", "amount_recovered", "repeated", "committed_on"]
    list_filter = ["sanction", "repeated", RecoveryFilter, ("responsible_unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["kind", "responsible_person", "responsible_unit__name"]
    list_select_related = ["responsible_unit"]
    readonly_fields = ["repeated", "amount_recovered"]
    inlines = [AttachmentInline]

    def has_change_permission(self, request, obj=None):
        if obj is not None and not (may_edit_finding(request.user, obj.finding) and _editable(obj.finding)):
            return False
        return super().has_change_permission(request, obj)

    def create(self, request, data):
        return call_service(services.record_violation, data, data["finding"], by=request.user)


class ActionForm(forms.ModelForm):
    """Checks the service's rules before saving, so the page shows the message beside the field."""

    def clean(self):
        data = super().clean()
        if not self.instance.pk and data.get("finding") and data.get("due_on"):
            try:
                services.validate_action(data["finding"], due_on=data["due_on"], violation=data.get("violation"))
            except ValidationError as error:
                self.add_error(None, error)
        return data


class ProgressForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        if not self.instance.pk and data.get("action"):
            try:
                services.validate_progress(data["action"], note=data.get("note", ""), amount_recovered=data.get("amount_recovered") or 0)
            except ValidationError as error:
                self.add_error(None, error)
        return data


@admin.register(Action)
class ActionAdmin(StepAdminMixin, VisibleAdmin):
    form = ActionForm
    list_display = ["description", "owner_unit", "due_on", "status", "deadline"]
    list_filter = ["status", DeadlineStatusFilter, ("owner_unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["description", "owner_unit__name", "finding__title"]
    list_select_related = ["owner_unit"]
    readonly_fields = ["status", "step_links", "verified_by", "verified_on", "closed_on", "escalated_on"]
    inlines = [ProgressInline, AttachmentInline]
    actions = ["export_to_excel", "verify_selected", "close_selected"]
    workflow = ACTION_STEPS

    @admin.display(description=_("Tình trạng hạn"))
    def deadline(self, action):
        return deadline_label(action.due_on, done=action.status in (Action.Status.VERIFIED, Action.Status.CLOSED))

    def has_change_permission(self, request, obj=None):
        if obj is not None and not may_edit_finding(request.user, obj.finding):
            return False
        return super().has_change_permission(request, obj)

    def create(self, request, data):
        return call_service(services.recommend_action, data, data["finding"], by=request.user)

    def _run(self, request, queryset, service, done):
        for action in queryset:
            try:
                service(action, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, f"{action}: {'; '.join(getattr(error, 'messages', [str(error)]))}")
            else:
                messages.success(request, f"{action}: {done}")

    @admin.action(description=_("Xác nhận kết quả thực hiện"), permissions=["change"])
    def verify_selected(self, request, queryset):
        self._run(request, queryset, lambda a, by: services.verify_action(a, by=by, verified_on=timezone.localdate()), _("đã xác nhận"))

    @admin.action(description=_("Đóng kiến nghị đã xác nhận"), permissions=["change"])
    def close_selected(self, request, queryset):
        self._run(request, queryset, lambda a, by: services.close_action(a, by=by, closed_on=timezone.localdate()), _("đã đóng"))


@admin.register(ActionProgress)
class ActionProgressAdmin(VisibleAdmin):
    """The owner unit adds progress here; saving goes through report_action_progress."""

    form = ProgressForm
    list_display = ["action", "reported_on", "reported_by", "amount_recovered"]
    search_fields = ["note", "action__description"]
    readonly_fields = ["reported_by"]
    inlines = [AttachmentInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "action":
            kwargs["queryset"] = Action.objects.visible_to(request.user).exclude(status=Action.Status.CLOSED)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if obj is not None and not may_report_progress(request.user, obj.action):
            return False
        return super().has_change_permission(request, obj)

    def create(self, request, data):
        return call_service(services.report_action_progress, data, data["action"], by=request.user)
