"""django-tasks tasks (database backend): generate a report version, export a large list to Excel."""

from django_tasks import task

from reports.services import jobs as services_jobs


@task()
def generate_report(job_id):
    return services_jobs.run_report_job(job_id)


@task()
def export_list(job_id):
    return services_jobs.run_export_job(job_id)
