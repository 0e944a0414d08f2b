"""Job progress (htmx polling every second), job results and report version downloads, each permission-checked."""

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from reports.models import ReportJob, ReportVersion

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _job(request, pk):
    # A job waits for the one who asked for it; anyone else gets the same 404 as for a missing job.
    return get_object_or_404(ReportJob.objects.visible_to(request.user).select_related("version", "report"), pk=pk)


@login_required
def job_page(request, pk):
    job = _job(request, pk)
    context = {**admin.site.each_context(request), "job": job, "title": job.get_kind_display()}
    return TemplateResponse(request, "reports/job_progress.html", context)


@login_required
def job_status(request, pk):
    return TemplateResponse(request, "reports/job_status.html", {"job": _job(request, pk)})


def _send(handle, name, content_type):
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _open(field):
    try:
        return field.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ; hãy báo quản trị hệ thống.")


@login_required
def job_download(request, pk):
    job = _job(request, pk)
    if job.status != ReportJob.Status.DONE:
        raise Http404("Việc chưa xong.")
    if job.version_id:
        # A report job leaves a version: its file is served only while the report stays visible.
        version = get_object_or_404(ReportVersion.objects.visible_to(request.user), pk=job.version_id)
        return _send(_open(version.docx), version.file_name("docx"), DOCX)
    if not job.result:
        raise Http404("Việc không để lại tệp.")
    return _send(_open(job.result), job.result_name or f"export-{job.pk}.xlsx", XLSX)


@login_required
def version_download(request, pk, extension):
    if extension not in {"docx", "xlsx"}:
        raise Http404("Không có tệp này.")
    version = get_object_or_404(ReportVersion.objects.visible_to(request.user).select_related("report"), pk=pk)
    field, content_type = (version.docx, DOCX) if extension == "docx" else (version.xlsx, XLSX)
    return _send(_open(field), version.file_name(extension), content_type)
