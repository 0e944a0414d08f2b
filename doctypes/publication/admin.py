"""Back office of the publication register: list with deadline status, form through the service, Excel import."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from doctypes.publication import services
from doctypes.publication.models import Publication
from doctypes.publication.sheet import PublicationImporter
from papi_inspect.admin_base import AttachmentInline, VisibleAdmin, call_service
from papi_inspect.admin_filters import due_status_filter
from papi_inspect.admin_import import SheetImportAdminMixin


@admin.register(Publication)
class PublicationAdmin(SheetImportAdminMixin, VisibleAdmin):
    importer = PublicationImporter()
    list_display = ["title", "kind", "unit", "triggered_on", "due_on", "published_on", "channel", "state_shown"]
    list_filter = [due_status_filter("due_on", "published_on"), "kind", "channel", ("unit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "legal_ground", "note"]
    date_hierarchy = "triggered_on"
    readonly_fields = ["recorded_by", "rule_code"]
    filter_horizontal = ["papi", "plan_tasks"]
    inlines = [AttachmentInline]

    @admin.display(description=_("tình trạng"))
    def state_shown(self, publication):
        return publication.get_state_display()

    def create(self, request, data):
        return call_service(services.record_publication, data, by=request.user)

    def update(self, request, obj, form):
        services.correct_publication(self.expect_seen_version(obj, form), by=request.user)
