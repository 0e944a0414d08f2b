"""Back office for units and staff."""

from django.contrib import admin

from doctypes.org.models import StaffProfile, Unit
from papi_inspect.admin_base import AttachmentInline, VisibleAdmin


@admin.register(Unit)
class UnitAdmin(VisibleAdmin):
    list_display = ["code", "name", "kind", "parent", "valid_from", "valid_to", "merged_into"]
    list_filter = ["kind", "valid_to"]
    search_fields = ["code", "name", "short_name"]
    autocomplete_fields = ["parent", "merged_into"]
    inlines = [AttachmentInline]


@admin.register(StaffProfile)
class StaffProfileAdmin(VisibleAdmin):
    list_display = ["full_name", "unit", "position", "inspector_rank", "user"]
    list_filter = ["unit", "inspector_rank"]
    search_fields = ["full_name", "position", "user__username", "user__email"]
    autocomplete_fields = ["unit", "user", "supervisor"]
    list_select_related = ["unit", "user"]
