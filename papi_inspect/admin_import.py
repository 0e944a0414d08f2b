"""The back office's Excel import of a register: upload, preview with per-row errors, confirm; the same
`SheetImporter` as the API, so both refuse the same rows with the same messages."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from unfold.decorators import action

from papi_inspect.sheet_import import decode_upload, encode_upload


class ImportFileForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp Excel (.xlsx)"))


class SheetImportAdminMixin:
    """Adds "Nhập từ Excel" and "Tải mẫu Excel" above the changelist of an admin that sets `importer`."""

    importer = None  # a SheetImporter instance
    actions_list = ["import_sheet", "download_sheet_template"]

    def has_import_sheet_permission(self, request):
        return self.importer.may_import(request.user)

    def _session_key(self):
        return f"sheet_import.{self.model._meta.label_lower}"

    @action(description=gettext_lazy("Nhập từ Excel"), url_path="import-sheet", permissions=["import_sheet"])
    def import_sheet(self, request):
        """Upload → preview with every bad row listed → confirm; nothing is saved until the whole file is clean."""
        if not self.importer.may_import(request.user):
            raise PermissionDenied
        form, preview = ImportFileForm(request.POST or None, request.FILES or None), None
        changelist = f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_changelist"
        if request.method == "POST" and request.POST.get("confirm") and self._session_key() in request.session:
            upload = decode_upload(request.session.pop(self._session_key()))
            try:
                saved = self.importer.run(upload, by=request.user)
            except ValidationError as error:
                messages.error(request, "; ".join(error.messages))
            else:
                messages.success(request, _("Đã nhập %(count)s dòng.") % {"count": len(saved)})
                return redirect(changelist)
        elif request.method == "POST" and form.is_valid():
            content = form.cleaned_data["file"].read()
            preview = self.importer.preview(decode_upload(encode_upload(content)))
            if preview.is_clean:
                request.session[self._session_key()] = encode_upload(content)
        context = {**self.admin_site.each_context(request), "form": form, "preview": preview,
                   "importer": self.importer, "opts": self.model._meta,
                   "title": _("Nhập %(register)s từ Excel") % {"register": self.model._meta.verbose_name_plural}}
        return TemplateResponse(request, "papi_inspect/sheet_import.html", context)

    @action(description=gettext_lazy("Tải mẫu Excel"), url_path="sheet-template", permissions=["import_sheet"])
    def download_sheet_template(self, request):
        response = HttpResponse(self.importer.template(),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="mau-{self.model._meta.model_name}.xlsx"'
        return response
