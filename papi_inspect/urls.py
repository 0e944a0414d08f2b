"""URL map: back office, API v1 with its schema and docs, attachment downloads, i18n and doctypes."""

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from papi_inspect import admin_attachments, core_api, views
from papi_inspect.extensions import extension_modules
from papi_inspect.notifications_api import NotificationViewSet

router = DefaultRouter()
router.register("deadline-rules", core_api.DeadlineRuleViewSet)
router.register("calendar-overrides", core_api.CalendarOverrideViewSet)
router.register("attachments", core_api.AttachmentViewSet)
router.register("notifications", NotificationViewSet, basename="notification")

doctype_urls = []
for module in extension_modules("urls"):
    if hasattr(module, "register_api"):
        module.register_api(router)
    if getattr(module, "urlpatterns", None):
        doctype_urls.append(path("", include(module)))

# An unknown /api/ URL (a malformed id, a typo) answers like any other API 404.
handler404 = "papi_inspect.views.not_found"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/deadlines/compute/", core_api.compute_deadline_view, name="api-deadline-compute"),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Signed-in users only (SPECTACULAR_SETTINGS["SERVE_PERMISSIONS"]); the docs page sends a browser to the
    # sign-in page, and its script is a separate file so that the CSP needs no inline script.
    path("api/docs/", login_required(SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
    path("files/<int:pk>/", views.download_attachment, name="attachment-download"),
    path(
        "files/upload/<str:app_label>/<str:model_name>/<int:pk>/",
        admin_attachments.upload_view,
        name="attachment-upload",
    ),
    *doctype_urls,
]
