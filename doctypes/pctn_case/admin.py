"""Back office of the case register: list, form with the people and recoveries, Excel import."""

from django.contrib import admin

from doctypes.pctn_case import services
from doctypes.pctn_case.importer import PctnCaseImporter
from doctypes.pctn_case.models import PctnCase, PctnCasePerson, PctnRecovery
from papi_inspect.admin_base import AttachmentInline, TabularInline, VisibleAdmin, call_service
from papi_inspect.admin_filters import due_status_filter
from papi_inspect.admin_import import SheetImportAdminMixin


class CaseLineInline(TabularInline):
    """A blank line on the add form; on a case's page lines are added with "Thêm" (a blank line there would be saved)."""

    can_delete = False

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj is not None else 1


class PersonInline(CaseLineInline):
    model = PctnCasePerson
    fields = ["label", "role", "head_responsible", "discipline", "disciplined_on", "prosecuted_on", "sentence", "sentenced_on"]


class RecoveryInline(CaseLineInline):
    model = PctnRecovery
    fields = ["recorded_on", "measure", "amount", "land"]


@admin.register(PctnCase)
class PctnCaseAdmin(SheetImportAdminMixin, VisibleAdmin):
    importer = PctnCaseImporter()
    list_display = ["code", "title", "unit", "detected_on", "channel", "kind", "handled_on"]
    # "Chưa có kết quả" is what 01/PCTN rows 87–88 count as being considered; the dashboard links here.
    list_filter = ["channel", "kind", "non_state", due_status_filter(None, "handled_on"),
                   ("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["code", "title", "non_state_organisation"]
    list_select_related = ["unit"]
    readonly_fields = ["code", "recorded_by"]
    autocomplete_fields = ["violation", "inspection", "denunciation"]
    filter_horizontal = ["papi_dimensions", "plan_tasks"]
    inlines = [PersonInline, RecoveryInline, AttachmentInline]

    def create(self, request, data):
        return call_service(services.record_case, data, by=request.user,
                            people=self.inline_rows(request, PctnCasePerson),
                            recoveries=self.inline_rows(request, PctnRecovery))

    def update(self, request, obj, form):
        services.correct_case(self.expect_seen_version(obj, form), by=request.user)

    def save_lines(self, request, form, formsets):
        # People and recoveries added or corrected on the case's page go through the same checks as on entry.
        form.save_m2m()
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            if formset.model not in (PctnCasePerson, PctnRecovery):
                continue
            for row in formset.forms:
                if not row.has_changed() or not row.cleaned_data:
                    continue
                if formset.model is PctnCasePerson:
                    services.save_person(form.instance, by=request.user, person=row.instance)
                else:
                    services.save_recovery(form.instance, by=request.user, recovery=row.instance)
