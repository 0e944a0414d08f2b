"""Routes of the complaint_case doctype: API viewsets and the .docx letters."""

from django.urls import path

from doctypes.complaint_case import api, views

app_name = "complaint_case"


def register_api(router):
    router.register("petitions", api.PetitionViewSet)
    router.register("complaints", api.ComplaintCaseViewSet)
    router.register("denunciations", api.DenunciationViewSet)
    router.register("identity-access-log", api.IdentityAccessLogViewSet)


urlpatterns = [
    path("cases/petitions/<int:pk>/letter.docx", views.petition_letter, name="petition-letter"),
    path("cases/complaints/<int:pk>/decision.docx", views.complaint_decision, name="complaint-decision"),
]
