"""The back-office base class every doctype's admin uses: visible_to, history, reasons, edit locking, and one rule
path: a record is created by its doctype's service, never saved from the form directly."""

import inspect

from django.contrib import admin
from django.contrib.admin import helpers
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from unfold.admin import GenericTabularInline, ModelAdmin
from unfold.admin import TabularInline as UnfoldTabularInline

from papi_inspect import admin_lean
from papi_inspect.audit import ADMIN_EDIT_REASON, delete, reason_shown, save
from papi_inspect.choices import label_people, record_day, scope_choices, with_current
from papi_inspect.admin_locking import VersionedAdminMixin
from papi_inspect.exports import export_response
from papi_inspect.models import Attachment
from papi_inspect.steps import add_errors

admin_lean.apply()  # every changelist's cells get the short classes (the admin modules all import this one)


class Refused(Exception):
    """A service refused the save: the transaction is rolled back and the bound form shown again with the reason."""

    def __init__(self, error):
        super().__init__(error)
        self.error = error


def refusal_form(form_class, error):
    """`form_class`, whose validation adds the service's refusal: the page re-shows what was typed, with the reason."""

    class RefusedForm(form_class):
        def clean(self):
            data = super().clean()
            add_errors(self, error)
            return data

    RefusedForm.__name__ = form_class.__name__
    return RefusedForm


def call_service(service, data, *args, **extra):
    """Call `service` with the form's cleaned `data` it takes as keyword arguments (many-to-many values as lists)."""
    names = {name for name, parameter in inspect.signature(service).parameters.items()
             if parameter.kind is inspect.Parameter.KEYWORD_ONLY}
    values = {name: (list(value) if hasattr(value, "model") and hasattr(value, "filter") else value)
              for name, value in data.items() if name in names and name not in extra}
    return service(*args, **values, **extra)


class ScopedChoicesMixin:
    """Every foreign-key and many-to-many drop-down (and autocomplete) offers only what the user may choose:
    `scope_choices` (visible_to, the user's agency, units in force on the record's date, people by name), plus the
    value already on record. `limit_choices(db_field, queryset, request, record)` narrows one field further."""

    def get_form(self, request, obj=None, **kwargs):
        request._choices_record = obj
        return super().get_form(request, obj, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        request._choices_record = obj
        return super().get_formset(request, obj, **kwargs)

    def limit_choices(self, db_field, queryset, request, record):
        return queryset

    def _scoped(self, db_field, field, request):
        if field is None or getattr(field, "queryset", None) is None:
            return field
        record = getattr(request, "_choices_record", None)
        queryset = scope_choices(field.queryset, request.user, on=record_day(record))
        queryset = self.limit_choices(db_field, queryset, request, record)
        if record is not None and getattr(record, "pk", None) and record._meta.model is db_field.model:
            # What the record already names stays offered (an old record keeps its pre-merger unit).
            if db_field.many_to_one:
                queryset = with_current(queryset, getattr(record, db_field.attname, None))
            elif db_field.many_to_many:
                for pk in getattr(record, db_field.name).values_list("pk", flat=True):
                    queryset = with_current(queryset, pk)
        field.queryset = queryset
        return label_people(field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return self._scoped(db_field, super().formfield_for_foreignkey(db_field, request, **kwargs), request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return self._scoped(db_field, super().formfield_for_manytomany(db_field, request, **kwargs), request)

    def get_search_results(self, request, queryset, search_term):
        # The autocomplete of another admin's field searches here: the same scope as a drop-down.
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            queryset = scope_choices(queryset, request.user)
        return queryset, may_have_duplicates


class TabularInline(ScopedChoicesMixin, UnfoldTabularInline):
    """The inline every doctype uses: its drop-downs are scoped like the form's."""


class VisibleAdmin(ScopedChoicesMixin, VersionedAdminMixin, SimpleHistoryAdmin, ModelAdmin):
    """Changelists, search, forms and history all start from `visible_to(request.user)`; an edit from a stale
    form is refused with both versions shown (VersionedAdminMixin).

    One rule path: adding calls `create(request, data)`, which each admin declares and which calls its doctype's
    service (the same one as /cases/, the tablet and the API); an admin that declares none is refused, unless it is
    marked `reference_data` (catalogues, calendars, units: typed as they are, with their history). Editing calls
    `update(request, obj, form)`: by default an audited correction of the fields the form leaves editable, workflow
    fields being read-only and moved by the declared steps. Subclasses never override `save_model`
    (tests/core/test_conventions.py). A service's refusal (ValidationError, or PermissionDenied on this record) re-shows
    the bound form with the reason, nothing typed lost.
    """

    reference_data = False
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

    def set_history_delta_changes(self, request, page_obj, *args, **kwargs):
        super().set_history_delta_changes(request, page_obj, *args, **kwargs)
        # The history page shows each stored (Vietnamese) reason in the reader's language.
        for entry in page_obj.object_list:
            entry.history_change_reason = reason_shown(entry.history_change_reason)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "_service_refusal", None)
        return refusal_form(form, refusal) if refusal is not None else form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refused:
            # The first pass rolled back (the admin's view is atomic); the second validates the same POST, the
            # form adding the reason, so the page comes back with everything typed and nothing saved.
            request._service_refusal = refused.error
            try:
                return super().changeform_view(request, object_id, form_url, extra_context)
            finally:
                del request._service_refusal

    def has_service(self):
        return self.reference_data or type(self).create is not VisibleAdmin.create

    def create(self, request, data):
        """The doctype's create service for the form's cleaned `data`; returns the record it created."""
        raise ImproperlyConfigured(f"{type(self).__name__} declares no create service (nor reference_data).")

    def update(self, request, obj, form):
        """An audited correction of the fields left editable (the record's history keeps who and why)."""
        save(self.expect_seen_version(obj, form), ADMIN_EDIT_REASON, by=request.user)

    def inline_rows(self, request, model):
        """The cleaned rows typed in the add form's inline for `model` (for a service that takes them)."""
        rows = []
        for formset in getattr(request, "_admin_formsets", ()):
            if formset.model is model:
                rows += [row.cleaned_data for row in formset.forms
                         if row.has_changed() and row.cleaned_data and not row.cleaned_data.get("DELETE")]
        return rows

    def save_model(self, request, obj, form, change):
        try:
            if change:
                self.update(request, obj, form)
            elif self.reference_data and type(self).create is VisibleAdmin.create:
                save(obj, ADMIN_EDIT_REASON, by=request.user)
            # Otherwise the record is created in save_related, where the service also gets the inline rows.
        except (ValidationError, PermissionDenied) as error:
            raise Refused(error) from error

    def save_lines(self, request, form, formsets):
        """On a change: the many-to-many values and the inline lines (an admin whose lines have rules overrides it)."""
        super().save_related(request, form, formsets, True)

    def save_related(self, request, form, formsets, change):
        if change:
            try:
                return self.save_lines(request, form, formsets)
            except (ValidationError, PermissionDenied) as error:
                raise Refused(error) from error
        if self.reference_data and type(self).create is VisibleAdmin.create:
            return super().save_related(request, form, formsets, change)
        request._admin_formsets = formsets
        for formset in formsets:
            # The service saved the lines it takes; the admin's change message reads these lists.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        try:
            created = self.create(request, form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            raise Refused(error) from error
        obj = form.instance
        obj.__dict__.update({key: value for key, value in created.__dict__.items() if not key.startswith("_")})
        obj._state.adding = False

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
