"""Back-office page to upload a file onto a record the user may see and change."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from unfold.widgets import UnfoldAdminFileFieldWidget, UnfoldAdminTextInputWidget

from papi_inspect.attachments import ALLOWED_TYPES, attach_file, may_attach_to


class AttachmentUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp"), widget=UnfoldAdminFileFieldWidget)
    description = forms.CharField(
        label=_("Mô tả"), max_length=255, required=False, widget=UnfoldAdminTextInputWidget
    )


def find_record(user, app_label, model_name, pk):
    """The record if `user` may see it; a missing record and a hidden one both give 404."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404(_("Không có loại hồ sơ này."))
    if not hasattr(model.objects, "visible_to"):
        raise Http404(_("Loại hồ sơ này không nhận tệp đính kèm."))
    record = model.objects.visible_to(user).filter(pk=pk).first()
    if record is None:
        raise Http404(_("Không tìm thấy hồ sơ."))
    return record


def record_admin_url(record):
    """The record's change page in the back office, or the attachment list if it has none."""
    opts = record._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return reverse("admin:papi_inspect_attachment_changelist")


def _upload_view(request, app_label, model_name, pk):
    record = find_record(request.user, app_label, model_name, pk)
    if not may_attach_to(request.user, record):
        raise PermissionDenied(_("Bạn không có quyền đính kèm tệp vào hồ sơ này."))
    form = AttachmentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = attach_file(
                record, uploaded_file=form.cleaned_data["file"], by=request.user,
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("Đã đính kèm tệp “%(name)s”.") % {"name": attachment.original_name})
            return redirect(record_admin_url(record))
    context = {
        **admin.site.each_context(request),
        "title": _("Đính kèm tệp vào: %(record)s") % {"record": record},
        "form": form,
        "record": record,
        "opts": record._meta,
        "back_url": record_admin_url(record),
        "allowed_types": ", ".join(sorted(ALLOWED_TYPES)),
        "max_megabytes": f"{settings.ATTACHMENT_MAX_BYTES / (1024 * 1024):g}",
    }
    return TemplateResponse(request, "papi_inspect/attachments/upload.html", context)


# admin_view: sign-in and staff status required, CSRF-protected, never cached.
upload_view = admin.site.admin_view(_upload_view)
