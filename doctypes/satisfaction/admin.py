"""Back office of the satisfaction results: list by quarter, form through the service, the export's import."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from doctypes.satisfaction import services
from doctypes.satisfaction.models import SatisfactionResult
from doctypes.satisfaction.sheet import SatisfactionImporter
from papi_inspect.admin_base import AttachmentInline, VisibleAdmin, call_service
from papi_inspect.admin_import import SheetImportAdminMixin


@admin.register(SatisfactionResult)
class SatisfactionResultAdmin(SheetImportAdminMixin, VisibleAdmin):
    importer = SatisfactionImporter()
    list_display = ["__str__", "unit", "year", "quarter", "respondents", "satisfied", "not_satisfied", "rate_shown", "source"]
    list_filter = ["year", "quarter", "source", ("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["procedure__code", "procedure__name", "service", "note"]
    readonly_fields = ["recorded_by"]
    autocomplete_fields = ["procedure"]
    filter_horizontal = ["papi", "plan_tasks"]
    inlines = [AttachmentInline]

    @admin.display(description=_("tỷ lệ hài lòng (%)"))
    def rate_shown(self, result):
        return result.rate

    def create(self, request, data):
        return call_service(services.record_result, data, by=request.user)

    def update(self, request, obj, form):
        services.correct_result(self.expect_seen_version(obj, form), by=request.user)
