"""URLs of the reports app: background job progress and downloads of report versions."""

from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("reports/jobs/<int:pk>/", views.job_page, name="job"),
    path("reports/jobs/<int:pk>/status/", views.job_status, name="job-status"),
    path("reports/jobs/<int:pk>/download/", views.job_download, name="job-download"),
    path("reports/versions/<int:pk>/<str:extension>/", views.version_download, name="version-download"),
]
