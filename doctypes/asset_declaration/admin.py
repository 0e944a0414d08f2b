"""Back office of the asset declaration register: rules and positions as reference data, duties through the services."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from unfold.decorators import action

from doctypes.asset_declaration import services
from doctypes.asset_declaration.access import may_keep_declarations
from doctypes.asset_declaration.imports import DeclarationImporter
from doctypes.asset_declaration.models import DeclarationDuty, DeclarationRule, DeclaringPosition
from papi_inspect.admin_base import VisibleAdmin, call_service
from papi_inspect.admin_filters import due_status_filter
from papi_inspect.admin_import import SheetImportAdminMixin


@admin.register(DeclarationRule)
class DeclarationRuleAdmin(VisibleAdmin):
    reference_data = True  # thresholds and dates as the law sets them, each with its validity
    list_display = ["citation", "valid_from", "valid_to", "asset_threshold", "change_threshold", "due_day", "due_month"]


@admin.register(DeclaringPosition)
class DeclaringPositionAdmin(VisibleAdmin):
    reference_data = True
    list_display = ["title", "citation", "active"]
    search_fields = ["title"]


# The steps a change form may take, in order: fields set → the service that sets them.
STEPS = [
    ({"submitted_on"}, lambda duty, by, data: services.receive_declaration(duty, by=by, submitted_on=data["submitted_on"])),
    ({"published_on", "published_where"}, lambda duty, by, data: services.publish_declaration(
        duty, by=by, published_on=data["published_on"], published_where=data["published_where"])),
    ({"selected_on"}, lambda duty, by, data: services.select_for_verification(duty, by=by, selected_on=data["selected_on"])),
    ({"verified_on", "result"}, lambda duty, by, data: services.record_verification(
        duty, by=by, verified_on=data["verified_on"], result=data["result"])),
    ({"discipline", "disciplined_on", "discipline_measure"}, lambda duty, by, data: services.record_discipline(
        duty, by=by, discipline=data["discipline"], disciplined_on=data["disciplined_on"], measure=data["discipline_measure"])),
]
STEP_FIELDS = [name for fields, _step in STEPS for name in sorted(fields)]


@admin.register(DeclarationDuty)
class DeclarationDutyAdmin(SheetImportAdminMixin, VisibleAdmin):
    importer = DeclarationImporter()
    actions_list = ["create_year_duties", *SheetImportAdminMixin.actions_list]
    list_display = ["person", "unit", "position", "year", "kind", "due_on", "submitted_on", "published_on", "verified_on",
                    "discipline"]
    list_filter = [due_status_filter("due_on", "submitted_on"), "year", "kind", "result", "discipline", "unit"]
    search_fields = ["person__first_name", "person__staff_profile__full_name", "position"]
    filter_horizontal = ["plan_tasks"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["person", "year", "kind", "unit", "position", "plan_tasks"]
        return ["person", "unit", "position", "year", "kind", "source", "due_on", *STEP_FIELDS, "plan_tasks"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None:
            form.base_fields["unit"].required = False  # left blank: the service takes the person's unit
        return form

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["person", "unit", "year", "kind", "source", "due_on"]

    def create(self, request, data):
        return call_service(services.add_duty, data, by=request.user)

    def update(self, request, obj, form):
        """Each step whose fields the form changed goes through its service, in the order of the process."""
        changed = set(form.changed_data)
        duty = self.expect_seen_version(DeclarationDuty.objects.get(pk=obj.pk), form)
        stepped = False
        for fields, step in STEPS:
            if not changed & fields:
                continue
            missing = sorted(name for name in fields if not form.cleaned_data.get(name))
            if missing:
                # A step is taken whole (date and what was decided), never half-typed as a correction.
                raise ValidationError({name: _("Cần ghi đủ thông tin của bước này.") for name in missing})
            duty = step(duty, request.user, form.cleaned_data)
            stepped = True
        if not stepped:
            super().update(request, obj, form)

    def has_create_year_duties_permission(self, request):
        return may_keep_declarations(request.user)

    @action(description=gettext_lazy("Lập danh sách kê khai năm nay"), url_path="create-year-duties",
            permissions=["create_year_duties"])
    def create_year_duties(self, request):
        """The current year's duties from the staff list (positions that declare every year, inspectors)."""
        year = timezone.localdate().year
        if request.method != "POST":
            context = {**self.admin_site.each_context(request), "year": year, "opts": self.model._meta,
                       "title": _("Lập danh sách kê khai năm %(year)s") % {"year": year}}
            return TemplateResponse(request, "asset_declaration/create_year_duties.html", context)
        try:
            created = services.create_year_duties(by=request.user, year=year)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, "; ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Đã lập %(count)s nghĩa vụ kê khai.") % {"count": len(created)})
        return redirect("admin:asset_declaration_declarationduty_changelist")
