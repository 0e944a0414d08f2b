"""The core's `exports` extension: a list export of more than BACKGROUND_OVER rows runs as a report job."""

from django.shortcuts import redirect

from reports.services.jobs import start_export_job

BACKGROUND_OVER = 2000  # rows: above this a list export is a background job with a progress page


def start(model_admin, request, queryset):
    """Queue the export and send the user to the job's progress page."""
    job = start_export_job(model_admin, request, queryset)
    return redirect("reports:job", job.pk)
