"""Back office for the core records: deadline rules, the calendar overrides and attachments."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from unfold.admin import ModelAdmin

from papi_inspect import admin_accounts  # noqa: F401  (accounts and roles with their history)
from papi_inspect.admin_base import VisibleAdmin
from papi_inspect.models import Attachment, CalendarOverride, DeadlineRule, Notification

admin.site.site_title = _("Thanh tra – Văn phòng Sở")
admin.site.index_title = _("Trang chủ")


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(VisibleAdmin):
    reference_data = True  # the legal deadlines as data, each with its citation
    list_display = ["code", "name", "length", "unit", "max_extensions", "citation", "valid_from", "valid_to", "unconfirmed"]
    list_filter = ["unit", "unconfirmed", "valid_to"]
    search_fields = ["code", "name", "citation"]
    fieldsets = [
        (None, {"fields": ["code", "name", "start_event", "citation", "unconfirmed", "note"]}),
        (_("Thời hạn"), {"fields": ["length", "unit", "complex_length", "remote_length", "remote_complex_length"]}),
        (_("Gia hạn"), {"fields": ["max_extensions", "extension_length"]}),
        (_("Hiệu lực"), {"fields": ["valid_from", "valid_to"]}),
    ]


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(VisibleAdmin):
    reference_data = True  # holidays and swapped working days as announced
    list_display = ["date", "kind", "active", "reason", "source"]
    list_filter = ["kind", "active"]
    list_editable = ["active"]
    search_fields = ["reason", "source"]
    date_hierarchy = "date"


@admin.register(Attachment)
class AttachmentAdmin(VisibleAdmin):
    list_display = ["original_name", "content_type", "object_id", "mime_type", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["content_type", "mime_type"]
    search_fields = ["original_name", "description"]
    readonly_fields = ["content_type", "object_id", "original_name", "mime_type", "size", "sha256", "uploaded_by"]
    fields = readonly_fields + ["description"]

    def has_add_permission(self, request):
        return False


@admin.register(Notification)
class NotificationAdmin(ModelAdmin):
    """Each user's own messages; they are never edited, only read."""

    list_display = ["subject", "created_at", "read_at", "emailed"]
    list_filter = ["read_at", "emailed"]
    search_fields = ["subject", "body"]
    readonly_fields = ["subject", "body", "link", "created_at", "read_at", "emailed"]
    fields = readonly_fields

    def get_queryset(self, request):
        return Notification.objects.visible_to(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
