"""Edit locking in the back office: each change form carries the version it was loaded at; saving a stale form
is refused, and the page shows the stored version beside the one typed, which stays in the form."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext as _

from papi_inspect.locking import VERSION_FIELD, EditConflict, Versioned, expect_version


def shown(field, value):
    """A form value as a person reads it: names rather than ids, labels rather than codes."""
    if value in (None, "") or value == []:
        return "—"
    if isinstance(field, forms.ModelMultipleChoiceField):
        items = list(value) if all(isinstance(item, models.Model) for item in value) else field.queryset.filter(pk__in=value)
        return ", ".join(str(item) for item in items) or "—"
    if isinstance(field, forms.ModelChoiceField):
        item = value if isinstance(value, models.Model) else field.queryset.filter(pk=value).first()
        return str(item) if item is not None else "—"
    if isinstance(field, forms.ChoiceField):
        labels = {}
        for key, label in field.choices:
            labels.update(dict(label) if isinstance(label, (list, tuple)) else {key: label})
        return str(labels.get(value, value))
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime.datetime):
        return value.strftime("%H:%M %d/%m/%Y")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def version_as_of(record, version):
    """The record's field values as saved at `version` ({name: value}), from its history; None if not kept."""
    history = getattr(type(record), "history", None)
    if history is None:
        return None
    saved = history.filter(**{type(record)._meta.pk.attname: record.pk, "version": version}).order_by("-history_date").first()
    if saved is None:
        return None
    return {field.name: getattr(saved, field.attname) for field in type(record)._meta.concrete_fields
            if hasattr(saved, field.attname)}


def _put_in_form(data, name, field, value):
    """Write `value` into the submitted data of `name` as the field's widget would have sent it; False if it cannot."""
    widget = getattr(field.widget, "widget", field.widget)  # the admin wraps related selects
    value = field.prepare_value(value)
    if isinstance(widget, forms.MultiWidget) or isinstance(widget, forms.SelectMultiple) or isinstance(value, (list, tuple)):
        return False
    if isinstance(widget, forms.CheckboxInput):
        if value:
            data[name] = "on"
        else:
            data.pop(name, None)
    elif isinstance(widget, forms.Select):
        data[name] = "" if value is None else str(value)
    else:
        data[name] = "" if value is None else widget.format_value(value) or ""
    return True


def merge_stale_form(form, seen):
    """Compare the stale form with the stored record and with the record as the editor loaded it (version `seen`).

    Fields the editor left as loaded take the stored value (so saving again cannot undo the other person's change);
    fields only the editor changed keep the typed value; fields both changed, or whose loaded value is unknown, are
    returned as (label, stored, typed) for the page to show side by side. Returns (rows, labels of fields taken).
    """
    base = version_as_of(form.instance, seen)
    rows, taken = [], []
    for name in form.changed_data:
        field = form.fields[name]
        if name == VERSION_FIELD or isinstance(field.widget, forms.HiddenInput) or name not in form.cleaned_data:
            continue
        label, stored = field.label or name, form.get_initial_for_field(field, name)  # also a form's own fields
        if base is not None and name not in base and hasattr(form, "loaded_value"):
            # A form field kept elsewhere on the record (a report's sections in its narrative): the form knows where.
            base = {**base, name: form.loaded_value(name, base)}
        if base is not None and name in base:
            if not field.has_changed(base[name], form[name].data) and _put_in_form(form.data, name, field, stored):
                taken.append(label)
                continue
            if not field.has_changed(base[name], field.prepare_value(stored)):
                continue  # only this editor changed it: their value stands
        rows.append((label, shown(field, stored), shown(field, form.cleaned_data[name])))
    return rows, taken


def versioned_form(form_class):
    """`form_class` with a hidden version input, refusing (with both versions) a form loaded before the last save."""

    class VersionedForm(form_class):
        version_seen = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[VERSION_FIELD].initial = self.instance.version
            self.edit_conflict, self.taken_from_stored = None, []

        def clean(self):
            data = super().clean()
            seen = self.cleaned_data.get(VERSION_FIELD)
            if seen is not None and self.instance.pk and seen != self.instance.version:
                self.data = self.data.copy()
                self.edit_conflict, self.taken_from_stored = merge_stale_form(self, seen)
                # The page now carries the stored version: saving again, after reading both, is the editor's choice.
                self.data[VERSION_FIELD] = str(self.instance.version)
                raise EditConflict(self.instance)
            return data

    VersionedForm.__name__ = form_class.__name__
    return VersionedForm


class VersionedAdminMixin:
    """Change forms of versioned records carry the version; the save states it, so a stale form changes nothing."""

    change_form_before_template = "papi_inspect/locking/version_field.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return versioned_form(form) if obj is not None and isinstance(obj, Versioned) else form

    def get_fields(self, request, obj=None):
        # Django lists a form's declared fields among those to lay out; this one is drawn by the template, hidden.
        return [name for name in super().get_fields(request, obj) if name != VERSION_FIELD]

    def expect_seen_version(self, obj, form):
        """`obj`, its next save made conditional on the version the form was loaded at."""
        if isinstance(obj, Versioned) and VERSION_FIELD in getattr(form, "cleaned_data", {}):
            expect_version(obj, form.cleaned_data[VERSION_FIELD])
        return obj

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Someone saved between this form's check and its save (the transaction rolled back): showing the form
            # again runs the check against the newer record, so the editor sees both versions.
            return super().changeform_view(request, object_id, form_url, extra_context)
