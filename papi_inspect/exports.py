"""Excel export of a list: exactly the rows and columns the user sees on screen, nothing more."""

import io

from django.contrib.admin.utils import label_for_field, lookup_field
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from papi_inspect.extensions import extension_modules

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell_value(value):
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.strftime("%d/%m/%Y %H:%M") if hasattr(value, "hour") else value.strftime("%d/%m/%Y")
    return str(value)


def changelist_workbook(model_admin, request, queryset, progress=None):
    """An .xlsx of `queryset` with the changelist's columns (list_display), as bytes.

    The columns are the changelist's own, so a field the screen never shows — a denouncer's
    identity above all — cannot reach a spreadsheet either.
    """
    columns = [name for name in model_admin.get_list_display(request) if name != "action_checkbox"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(model_admin.model._meta.verbose_name_plural)[:31]
    sheet.append([str(label_for_field(name, model_admin.model, model_admin)) for name in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    total = queryset.count() if progress else 0
    for index, obj in enumerate(queryset.iterator(chunk_size=500) if progress else queryset):
        if progress and index % 200 == 0:
            progress(5 + int(90 * index / max(total, 1)), f"Đang ghi dòng {index + 1}/{total}")
        row = []
        for name in columns:
            _, _, value = lookup_field(name, obj, model_admin)
            row.append(_cell_value(value))
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_filename(model):
    stamp = timezone.localdate().strftime("%Y%m%d")
    return f"{slugify(str(model._meta.verbose_name_plural), allow_unicode=False) or model._meta.model_name}-{stamp}.xlsx"


def background_exporter():
    """The app that runs large exports as background jobs (its `exports` module), or None.

    The core owns the export and an app owns the job queue, so the core asks for it through an
    extension module instead of importing it: `BACKGROUND_OVER` rows and `start(model_admin, request,
    queryset)` returning the response that shows the job.
    """
    modules = extension_modules("exports")
    return modules[0] if modules else None


def export_response(model_admin, request, queryset):
    """The export as a download, or, for a large list, a background job and its progress page."""
    exporter = background_exporter()
    if exporter is not None and queryset.count() > exporter.BACKGROUND_OVER:
        return exporter.start(model_admin, request, queryset)
    response = HttpResponse(changelist_workbook(model_admin, request, queryset), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(model_admin.model)}"'
    return response
