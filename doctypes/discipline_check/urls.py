"""Routes of the discipline_check doctype: the calendar screen and its API under /api/v1/."""

from django.urls import path

from doctypes.discipline_check import views
from doctypes.discipline_check.api import ChecklistTemplateViewSet, DisciplineCheckWriteViewSet

app_name = "discipline_check"

urlpatterns = [
    path("discipline-checks/calendar/", views.calendar_page, name="calendar"),
    path("discipline-checks/calendar/events/", views.calendar_events, name="calendar-events"),
]


def register_api(router):
    router.register("checklist-templates", ChecklistTemplateViewSet)
    router.register("discipline-checks", DisciplineCheckWriteViewSet)
