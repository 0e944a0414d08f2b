"""Back-office pieces for protected identities: write-only inputs and the logged reveal view."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case.services.identity import reveal_identity, reveal_text
from papi_inspect.identity import IdentityKeyError

IDENTITY_INPUTS = {
    "name": forms.CharField(label=_("Họ và tên"), required=False),
    "address": forms.CharField(label=_("Địa chỉ"), required=False),
    "id_number": forms.CharField(label=_("Số giấy tờ tùy thân"), required=False),
    "phone": forms.CharField(label=_("Điện thoại"), required=False),
    "representative": forms.CharField(label=_("Người đại diện (đoàn đông người)"), required=False),
}


def identity_form(base_form_class):
    """A ModelForm with write-only identity inputs: they are never filled from stored data."""
    fields = {f"identity_{key}": field for key, field in IDENTITY_INPUTS.items()}
    return type("IdentityForm", (base_form_class,), fields)


def identity_from(cleaned_data):
    return {key: cleaned_data.get(f"identity_{key}", "") for key in IDENTITY_INPUTS}


class RevealForm(forms.Form):
    reason = forms.CharField(label=_("Lý do xem danh tính"), widget=forms.Textarea(attrs={"rows": 3}), min_length=10)


class IdentityAdminMixin:
    """Adds /<pk>/reveal/: a reason form, then the identity on a page that is never cached."""

    def get_urls(self):
        opts = self.model._meta
        return [
            path("<int:object_id>/reveal/", self.admin_site.admin_view(self.reveal_view),
                 name=f"{opts.app_label}_{opts.model_name}_reveal"),
            path("<int:object_id>/reveal-text/", self.admin_site.admin_view(self.reveal_text_view),
                 name=f"{opts.app_label}_{opts.model_name}_reveal_text"),
            *super().get_urls(),
        ]

    def _logged_read(self, request, record, service, template, context):
        """The reveal pages' one flow: ask a reason, run the logged `service`, show its answer, never cached.

        A refusal by rule goes back to the record with the message; a bad reason or a missing key stays on the form.
        """
        form = RevealForm(request.POST or None)
        answer = None
        if request.method == "POST" and form.is_valid():
            try:
                answer = service(record, by=request.user, reason=form.cleaned_data["reason"])
            except PermissionDenied as exc:
                messages.error(request, str(exc))
                return redirect(reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk]))
            except (ValidationError, IdentityKeyError) as exc:
                form.add_error(None, " ".join(getattr(exc, "messages", [str(exc)])))
        # admin_view() already marks the response never_cache; no-store keeps it out of every cache.
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "record": record, "form": form,
                   **context(answer)}
        response = TemplateResponse(request, template, context)
        response["Cache-Control"] = "no-store"
        return response

    def reveal_view(self, request, object_id):
        record = self.get_queryset(request).filter(pk=object_id).first()
        if record is None:
            raise Http404
        return self._logged_read(request, record, reveal_identity, "complaint_case/reveal.html", lambda identity: {
            "identity": identity, "labels": {key: field.label for key, field in IDENTITY_INPUTS.items()},
            "title": _("Xem danh tính (được ghi nhật ký)"),
        })

    def reveal_text_view(self, request, object_id):
        """The full text of a protected record's letter and files' descriptions, after a reason; logged."""
        record = self.get_queryset(request).filter(pk=object_id).first()
        if record is None or not getattr(record, "sealed_text_fields", ()):
            raise Http404
        return self._logged_read(request, record, reveal_text, "complaint_case/reveal_text.html", lambda text: {
            "text": text, "files": sorted((text or {}).get("files", {}).items()),
            "fields": [(record._meta.get_field(name).verbose_name, value)
                       for name, value in (text or {}).get("fields", {}).items() if value],
            "title": _("Xem nội dung đầy đủ (được ghi nhật ký)"),
        })

    def reveal_link(self, record):
        opts = record._meta
        return format_html('<a href="{}">{}</a>', reverse(f"admin:{opts.app_label}_{opts.model_name}_reveal", args=[record.pk]),
                           _("Xem danh tính (ghi nhật ký)"))

    reveal_link.short_description = _("danh tính")

    def reveal_text_link(self, record):
        """Lists and forms show the redacted text of a protected record; the full text is one logged step away."""
        if not record.seals_text():
            return "—"
        opts = record._meta
        return format_html('<a href="{}">{}</a>', reverse(f"admin:{opts.app_label}_{opts.model_name}_reveal_text", args=[record.pk]),
                           _("Xem nội dung đầy đủ (ghi nhật ký)"))

    reveal_text_link.short_description = _("nội dung đầy đủ")
