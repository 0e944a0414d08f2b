"""Workflow steps in the back office: one small form per step, validated by the API's input
serializer and carried out by the same service, so each rule exists once."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

TEXT_FIELDS = {"result", "reason", "conclusion", "handling", "note"}


def staff():
    return get_user_model().objects.filter(is_active=True, staff_profile__isnull=False).select_related("staff_profile").order_by(
        "staff_profile__full_name")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.staff_profile.full_name} – {user.staff_profile.position}"

    def clean(self, value):
        user = super().clean(value)
        return user.pk if user is not None else None


def _form_field(name, field):
    required = field.required
    if isinstance(field, serializers.DateField):
        return forms.DateField(label=name, required=required, widget=forms.DateInput(attrs={"type": "date"}))
    if isinstance(field, serializers.BooleanField):
        return forms.NullBooleanField(label=name, required=False)
    if isinstance(field, serializers.ChoiceField):
        return forms.ChoiceField(label=name, required=required, choices=[("", "—"), *field.choices.items()])
    if isinstance(field, serializers.FileField):
        return forms.FileField(label=name, required=required)
    if isinstance(field, serializers.PrimaryKeyRelatedField):
        if field.queryset is not None and field.queryset.model is get_user_model():
            # People are chosen by name; the serializer still receives the id.
            return StaffChoiceField(label=name, required=required, queryset=staff())
        return forms.IntegerField(label=name, required=required)
    widget = forms.Textarea(attrs={"rows": 3}) if name in TEXT_FIELDS else None
    return forms.CharField(label=name, required=required, widget=widget)


def form_for(serializer_class):
    """A Django form with one input per serializer field (labels are the field names the service takes)."""
    fields = {name: _form_field(name, field) for name, field in serializer_class().fields.items()}
    return type("StepForm", (forms.Form,), fields)


class StepAdminMixin:
    """Adds /<pk>/step/<name>/ for each entry of `steps` = {name: (label, input serializer, service)}."""

    steps = {}

    def get_urls(self):
        opts = self.model._meta
        return [
            path("<int:object_id>/step/<slug:step>/", self.admin_site.admin_view(self.step_view),
                 name=f"{opts.app_label}_{opts.model_name}_step"),
            *super().get_urls(),
        ]

    def step_view(self, request, object_id, step):
        record = self.get_queryset(request).filter(pk=object_id).first()
        if record is None or step not in self.steps:
            raise Http404
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        label, serializer_class, service = self.steps[step]
        form = form_for(serializer_class)(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            serializer = serializer_class(data={k: v for k, v in form.cleaned_data.items() if v not in (None, "")})
            if serializer.is_valid():
                try:
                    service(record, by=request.user, **serializer.validated_data)
                except (ValidationError, PermissionDenied) as error:
                    form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
                else:
                    messages.success(request, _("Đã ghi: %s") % label)
                    opts = record._meta
                    return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]))
            else:
                for field, errors in serializer.errors.items():
                    form.add_error(field if field in form.fields else None, " ".join(str(e) for e in errors))
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "record": record, "form": form,
                   "title": label}
        return TemplateResponse(request, "complaint_case/step.html", context)

    def step_links(self, record):
        opts = record._meta
        return format_html_join(" · ", '<a href="{}">{}</a>', (
            (reverse(f"admin:{opts.app_label}_{opts.model_name}_step", args=[record.pk, name]), label)
            for name, (label, _serializer, _service) in self.steps.items()
        )) or "—"

    step_links.short_description = _("bước xử lý")


def download_link(url, label):
    return format_html('<a href="{}">{}</a>', url, label)
