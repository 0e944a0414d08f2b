"""Routes of the tablet: pages under /tablet/ and the API under /api/v1/tablet/."""

from django.urls import path

from tablet import api, views

app_name = "tablet"

urlpatterns = [
    path("tablet/", views.home, name="home"),
    path("tablet/login/", views.LoginView.as_view(), name="login"),
    path("tablet/sw.js", views.service_worker, name="sw"),
    path("tablet/queue/", views.queue, name="queue"),
    path("tablet/inspections/<int:pk>/", views.inspection, name="inspection"),
    path("tablet/inspections/<int:pk>/finding/", views.inspection_finding, name="inspection-finding"),
    path("tablet/checks/<int:pk>/", views.check, name="check"),
    path("tablet/checks/<int:pk>/finding/", views.check_finding, name="check-finding"),
    path("tablet/actions/<int:pk>/verify/", views.verify, name="verify"),
    path("api/v1/tablet/assignments/", api.AssignmentsView.as_view(), name="api-assignments"),
    path("api/v1/tablet/sync/", api.SyncView.as_view(), name="api-sync"),
    path("api/v1/tablet/sync/batch/", api.BatchSyncView.as_view(), name="api-sync-batch"),
    path("tablet/<path:rest>", views.not_found, name="not-found"),
]
