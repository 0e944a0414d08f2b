"""Routes of the citizen_reception doctype: API viewsets and the refusal notice."""

from django.urls import path

from doctypes.citizen_reception import api, views

app_name = "citizen_reception"


def register_api(router):
    router.register("receptions", api.ReceptionViewSet)
    router.register("reception-days", api.ReceptionDayViewSet)


urlpatterns = [
    path("reception/<int:pk>/refusal-notice.docx", views.reception_refusal_notice, name="refusal-notice"),
    path("cases/new/reception/", views.new_reception, name="front-new-reception"),
]
