"""Routes of the papi doctype: its screens under /papi/ and its API under /api/v1/."""

from django.urls import path

from doctypes.papi import views
from doctypes.papi.api.dimensions import DimensionViewSet
from doctypes.papi.api.plan import (
    OfficeReportViewSet, PapiScoreViewSet, PlanViewSet, ScoreImportViewSet, TaskViewSet, UnitReportViewSet,
)

app_name = "papi"

urlpatterns = [
    path("papi/reports/", views.my_reports, name="my-reports"),
    path("papi/plans/<int:plan_pk>/reports/start/", views.start_report, name="start-report"),
    path("papi/reports/<int:pk>/", views.report_detail, name="report"),
    path("papi/reports/<int:pk>/figures/<slug:key>/", views.report_figure_records, name="report-figure-records"),
    path("papi/office-reports/<int:pk>/docx/", views.office_report_download, name="office-report-docx"),
    path("papi/scores/import/", views.score_import, name="score-import"),
    path("papi/trend/", views.trend, name="trend"),
]


def register_api(router):
    router.register("papi-dimensions", DimensionViewSet)
    router.register("papi-plans", PlanViewSet)
    router.register("papi-tasks", TaskViewSet)
    router.register("papi-unit-reports", UnitReportViewSet)
    router.register("papi-office-reports", OfficeReportViewSet)
    router.register("papi-scores", PapiScoreViewSet)
    router.register("papi-score-imports", ScoreImportViewSet)
