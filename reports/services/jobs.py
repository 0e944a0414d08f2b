"""Background jobs: generating a report or a large list export, with progress the UI and the CLI show.

The work runs as a django-tasks task (database backend: the `db_worker` that `papi-inspect serve`
starts, no extra server). A job's progress is written with `update()` so the history keeps only the
job's start and end, not every percent.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from papi_inspect.audit import save
from reports.access import may_draft
from reports.models import ReportJob

logger = logging.getLogger(__name__)
FAILED_UNEXPECTEDLY = "Có lỗi hệ thống khi thực hiện; lỗi đã được ghi lại, hãy báo quản trị hệ thống."


def set_progress(job, percent, message):
    ReportJob.objects.filter(pk=job.pk).update(percent=max(0, min(100, int(percent))), message=str(message)[:500])


def _finish(job, *, status, message, **fields):
    job.status, job.message, job.finished_at = status, str(message)[:500], timezone.now()
    if status == ReportJob.Status.DONE:
        job.percent = 100
    for name, value in fields.items():
        setattr(job, name, value)
    save(job, f"Kết thúc: {job.get_status_display()}", by=None)


def start_report_job(report, *, by):
    """Queue the generation of a new version of `report` for `by`; the job shows its progress."""
    from reports import tasks
    from reports.services import lifecycle as services

    if not may_draft(by) or not services.Report.objects.visible_to(by).filter(pk=report.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền tạo báo cáo này."))
    return _queue(tasks.generate_report, ReportJob(kind=ReportJob.Kind.REPORT, report=report, created_by=by,
                                                   params={"report": report.pk}), reason="Yêu cầu tạo báo cáo")


def _queue(task, job, *, reason):
    """Save `job` and enqueue `task` for it in one transaction, so no job waits for a task never queued."""
    with transaction.atomic():
        job.message = "Đang chờ xử lý"
        save(job, reason, by=job.created_by)
        result = task.enqueue(job.pk)
        ReportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def run_report_job(job_id):
    """The task body: generate the version, record it on the job, or record the failure in words."""
    from reports.services import lifecycle as services

    job = ReportJob.objects.select_related("report", "created_by").get(pk=job_id)
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.RUNNING, percent=1, message="Bắt đầu")
    try:
        version = services.generate_version(job.report, by=job.created_by,
                                            progress=lambda percent, message: set_progress(job, percent, message))
    except (ValidationError, PermissionDenied) as error:
        _finish(job, status=ReportJob.Status.FAILED, message="Không tạo được báo cáo: " + "; ".join(_words(error)))
        return None
    except Exception:
        logger.exception("Tạo báo cáo (việc %s) bị lỗi", job.pk)
        _finish(job, status=ReportJob.Status.FAILED, message=FAILED_UNEXPECTEDLY)
        return None
    job.refresh_from_db()
    _finish(job, status=ReportJob.Status.DONE, message=f"Đã tạo phiên bản {version.number}", version=version,
            result_name=version.file_name("docx"))
    return version.pk


def _words(error):
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error) or "Không có quyền."]


def start_export_job(model_admin, request, queryset):
    """Queue an Excel export of `queryset` (already passed through visible_to) with the changelist's columns."""
    from reports import tasks

    opts = model_admin.model._meta
    params = {"app_label": opts.app_label, "model_name": opts.model_name,
              "pks": list(queryset.values_list("pk", flat=True))}
    return _queue(tasks.export_list, ReportJob(kind=ReportJob.Kind.EXPORT, created_by=request.user, params=params),
                  reason="Yêu cầu xuất Excel")


def run_export_job(job_id):
    """The task body: rebuild the queryset as the requester sees it now (visible_to), write the workbook."""
    from django.apps import apps
    from django.contrib import admin
    from django.test import RequestFactory

    from papi_inspect.exports import changelist_workbook, export_filename

    job = ReportJob.objects.select_related("created_by").get(pk=job_id)
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.RUNNING, percent=1, message="Bắt đầu")
    try:
        model = apps.get_model(job.params["app_label"], job.params["model_name"])
        model_admin = admin.site._registry[model]
        request = RequestFactory().get("/")
        request.user = job.created_by
        # Visibility is asked again now: a row the requester lost access to since is not exported.
        queryset = model_admin.get_queryset(request).filter(pk__in=job.params["pks"])
        content = changelist_workbook(model_admin, request, queryset,
                                      progress=lambda percent, message: set_progress(job, percent, message))
        name = export_filename(model)
        job.refresh_from_db()
        job.result.save(f"export-{job.pk}.xlsx", ContentFile(content), save=False)
        _finish(job, status=ReportJob.Status.DONE, message=f"Đã xuất {queryset.count()} dòng", result_name=name)
    except Exception:
        logger.exception("Xuất Excel (việc %s) bị lỗi", job.pk)
        job.refresh_from_db()
        _finish(job, status=ReportJob.Status.FAILED, message=FAILED_UNEXPECTEDLY)
    return job.pk
