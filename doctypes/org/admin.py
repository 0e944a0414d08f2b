"""Back office for units and staff."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import StaffProfile, Unit
from papi_inspect.admin_base import AttachmentInline, VisibleAdmin


class InForceFilter(admin.SimpleListFilter):
    """Units in force today, or those that ended (merged or dissolved)."""

    title = _("hoạt động")
    parameter_name = "in_force"

    def lookups(self, request, model_admin):
        return [("yes", _("Đang hoạt động")), ("no", _("Đã kết thúc"))]

    def queryset(self, request, queryset):
        in_force = Unit.objects.in_force_on(timezone.localdate())
        if self.value() == "yes":
            return queryset.filter(pk__in=in_force)
        if self.value() == "no":
            return queryset.exclude(pk__in=in_force)
        return queryset


@admin.register(Unit)
class UnitAdmin(VisibleAdmin):
    reference_data = True  # the department tree, with validity dates
    list_display = ["code", "name", "kind", "parent", "valid_from", "valid_to", "merged_into"]
    list_filter = [InForceFilter, "kind"]
    search_fields = ["code", "name", "short_name"]
    autocomplete_fields = ["parent", "merged_into"]
    inlines = [AttachmentInline]


@admin.register(StaffProfile)
class StaffProfileAdmin(VisibleAdmin):
    reference_data = True  # who works where, as the personnel office records it
    list_display = ["full_name", "unit", "position", "inspector_rank", "user"]
    list_filter = ["unit", "inspector_rank"]
    search_fields = ["full_name", "position", "user__username", "user__email"]
    autocomplete_fields = ["unit", "user", "supervisor"]
    list_select_related = ["unit", "user"]
