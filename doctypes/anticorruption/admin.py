"""Back office of the anti-corruption registers: each add form calls its service, each step on a rotation too."""

from django.contrib import admin

from doctypes.anticorruption import services
from doctypes.anticorruption.imports import (ConflictImporter, DisciplineImporter, DocumentImporter, GiftImporter,
                                             RotationImporter, SessionImporter)
from doctypes.anticorruption.models import (ConductDiscipline, ConflictOfInterest, GiftHandover, JobRotation,
                                            OutreachSession, PreventionDocument, SessionAttendance)
from papi_inspect.admin_base import AttachmentInline, TabularInline, VisibleAdmin, call_service
from papi_inspect.admin_filters import due_status_filter
from papi_inspect.admin_import import SheetImportAdminMixin


class PersonUnitOptionalMixin:
    """On the add form the unit may be left blank: the service takes the person's unit."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None and "unit" in form.base_fields:
            form.base_fields["unit"].required = False
        return form


class AttendanceInline(TabularInline):
    model = SessionAttendance
    fields = ["unit", "count"]
    extra = 1


@admin.register(OutreachSession)
class OutreachSessionAdmin(SheetImportAdminMixin, VisibleAdmin):
    importer = SessionImporter()
    list_display = ["topic", "kind", "held_on", "unit", "materials_published"]
    list_filter = ["kind", "held_on", "unit"]
    search_fields = ["topic", "note"]
    date_hierarchy = "held_on"
    filter_horizontal = ["papi_dimensions", "plan_tasks"]
    inlines = [AttendanceInline, AttachmentInline]

    def create(self, request, data):
        attendance = [(row["unit"], row["count"]) for row in self.inline_rows(request, SessionAttendance)]
        return call_service(services.record_session, data, by=request.user, attendance=attendance)


@admin.register(PreventionDocument)
class PreventionDocumentAdmin(SheetImportAdminMixin, VisibleAdmin):
    importer = DocumentImporter()
    list_display = ["number", "title", "issued_on", "action", "scope", "unit"]
    list_filter = ["action", "scope", "issued_on"]
    search_fields = ["number", "title"]
    filter_horizontal = ["papi_dimensions", "plan_tasks"]
    inlines = [AttachmentInline]

    def create(self, request, data):
        return call_service(services.record_document, data, by=request.user)


@admin.register(JobRotation)
class JobRotationAdmin(SheetImportAdminMixin, PersonUnitOptionalMixin, VisibleAdmin):
    importer = RotationImporter()
    list_display = ["person", "position", "unit", "due_on", "current_due", "done_on", "deferred_until"]
    list_filter = [due_status_filter("current_due", "done_on"), "unit"]
    search_fields = ["position", "person__first_name", "person__staff_profile__full_name", "deferral_reason"]
    filter_horizontal = ["plan_tasks"]
    inlines = [AttachmentInline]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["person", "unit", "position", "held_since", "period_years", "plan_tasks"]
        return ["person", "unit", "position", "held_since", "period_years", "due_on", "current_due",
                "done_on", "new_position", "deferred_until", "deferral_reason", "plan_tasks"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        settled = ["done_on", "new_position", "deferred_until", "deferral_reason"] if obj.done_on else []
        return ["person", "unit", "position", "held_since", "period_years", "due_on", "current_due", *settled]

    def create(self, request, data):
        return call_service(services.schedule_rotation, data, by=request.user)

    def update(self, request, obj, form):
        """Setting the rotation date rotates, setting a new term defers; anything else is a correction."""
        data, changed = form.cleaned_data, set(form.changed_data)
        stored = self.expect_seen_version(JobRotation.objects.get(pk=obj.pk), form)
        if "done_on" in changed and data.get("done_on"):
            services.rotate(stored, by=request.user, done_on=data["done_on"], new_position=data.get("new_position", ""))
        elif changed & {"deferred_until", "deferral_reason"}:
            services.defer_rotation(stored, by=request.user, until=data.get("deferred_until"),
                                    reason=data.get("deferral_reason", ""))
        else:
            super().update(request, obj, form)


class PersonalRegisterAdmin(PersonUnitOptionalMixin, VisibleAdmin):
    """The registers about one person: listed by person and unit, searched by name."""

    search_fields = ["person__first_name", "person__staff_profile__full_name"]
    service = None

    def create(self, request, data):
        return call_service(type(self).service, data, by=request.user)


@admin.register(ConflictOfInterest)
class ConflictOfInterestAdmin(SheetImportAdminMixin, PersonalRegisterAdmin):
    importer = ConflictImporter()
    service = services.record_conflict
    list_display = ["person", "unit", "declared_on", "handling", "handled_on"]
    list_filter = ["handling", "declared_on", "unit"]
    search_fields = [*PersonalRegisterAdmin.search_fields, "matter"]

    def update(self, request, obj, form):
        """Recording how the conflict was handled goes through its service; anything else is a correction."""
        if set(form.changed_data) & {"handling", "handled_on"}:
            stored = self.expect_seen_version(ConflictOfInterest.objects.get(pk=obj.pk), form)
            services.handle_conflict(stored, by=request.user, handling=form.cleaned_data.get("handling", ""),
                                     handled_on=form.cleaned_data.get("handled_on"))
        else:
            super().update(request, obj, form)


@admin.register(GiftHandover)
class GiftHandoverAdmin(SheetImportAdminMixin, PersonalRegisterAdmin):
    importer = GiftImporter()
    service = services.record_gift
    list_display = ["person", "unit", "description", "value", "received_on", "handed_over_on"]
    list_filter = ["received_on", "unit"]
    search_fields = [*PersonalRegisterAdmin.search_fields, "description"]


@admin.register(ConductDiscipline)
class ConductDisciplineAdmin(SheetImportAdminMixin, PersonalRegisterAdmin):
    importer = DisciplineImporter()
    service = services.record_conduct_discipline
    list_display = ["person", "unit", "ground", "measure", "decided_on"]
    list_filter = ["ground", "decided_on", "unit"]
