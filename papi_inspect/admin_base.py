"""The back-office base class every doctype's admin uses: visible_to, history, reasons and edit locking."""

from django.contrib import admin
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from unfold.admin import GenericTabularInline, ModelAdmin

from papi_inspect.audit import ADMIN_EDIT_REASON, delete, save
from papi_inspect import admin_lean
from papi_inspect.admin_locking import VersionedAdminMixin
from papi_inspect.exports import export_response
from papi_inspect.models import Attachment

admin_lean.apply()  # every changelist's cells get the short classes (the admin modules all import this one)


class VisibleAdmin(VersionedAdminMixin, SimpleHistoryAdmin, ModelAdmin):
    """Changelists, search, forms and history all start from `visible_to(request.user)`; an edit from a stale
    form is refused with both versions shown (VersionedAdminMixin)."""

    list_filter_submit = True
    warn_unsaved_form = True
    actions = ["export_to_excel"]
    # A filtered list shows "N results" without a second count of the whole (visible) table: on ten years of
    # records that count is as slow as the page itself (issue 15).
    show_full_result_count = False
    list_per_page = 50

    @admin.display(description=ModelAdmin.action_checkbox.short_description)  # unfold's "select all" box, once
    def action_checkbox(self, obj):
        # unfold's checkbox carries ~550 bytes of classes per row; the lean one is styled once in lean.css.
        return format_html('<input type="checkbox" name="{}" value="{}" class="action-select pi-check" aria-label="{}">',
                           helpers.ACTION_CHECKBOX_NAME, str(obj.pk), _("Chọn bản ghi"))

    @admin.action(description=_("Xuất Excel các dòng đã chọn"), permissions=["view"])
    def export_to_excel(self, request, queryset):
        """Export the selected rows; the queryset already passed through visible_to (large lists: a background job)."""
        return export_response(self, request, queryset)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(admin_lean.collapse_whitespace)
        return response

    def get_queryset(self, request):
        queryset = self.model.objects.visible_to(request.user)
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def _is_visible(self, request, obj):
        return obj is None or self.model.objects.visible_to(request.user).filter(pk=obj.pk).exists()

    # simple-history falls back to the last historical row when get_queryset misses an
    # object, so each object-level check must also ask visible_to, or history would leak.
    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._is_visible(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._is_visible(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._is_visible(request, obj)

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history saves a posted past version even when its button is hidden, and that version
        # carries read-only fields (statuses, frozen conclusions) no form shows: a revert would undo a
        # workflow step behind the services. A past version is for reading; a correction is a new change.
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        save(self.expect_seen_version(obj, form), ADMIN_EDIT_REASON, by=request.user)

    def delete_model(self, request, obj):
        delete(obj, "Xóa trong trang quản trị", by=request.user)


class AttachmentInline(GenericTabularInline):
    """Lists a record's files with download links; uploads go through the attachment service."""

    model = Attachment
    extra = 0
    can_delete = False
    fields = ["download_link", "description", "mime_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    verbose_name_plural = _("Tệp đính kèm")
    template_after = "papi_inspect/attachments/upload_link.html"

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Tệp"))
    def download_link(self, attachment):
        return format_html('<a href="{}">{}</a>', reverse("attachment-download", args=[attachment.pk]), attachment)
