"""Routes of the complaint_case doctype: API viewsets, the .docx letters and the /cases/ screens."""

from django.urls import path

from doctypes.complaint_case import api
from doctypes.complaint_case.views import front as views_front
from doctypes.complaint_case.views import letters as views

app_name = "complaint_case"


def register_api(router):
    router.register("petitions", api.PetitionViewSet)
    router.register("complaints", api.ComplaintCaseViewSet)
    router.register("denunciations", api.DenunciationViewSet)
    router.register("identity-access-log", api.IdentityAccessLogViewSet)


urlpatterns = [
    path("cases/petitions/<int:pk>/letter.docx", views.petition_letter, name="petition-letter"),
    path("cases/complaints/<int:pk>/decision.docx", views.complaint_decision, name="complaint-decision"),
    path("cases/", views_front.my_cases, name="front-list"),
    path("cases/new/petition/", views_front.new_petition, name="front-new-petition"),
    path("cases/<slug:kind>/<int:pk>/", views_front.case_detail, name="front-detail"),
    path("cases/<slug:kind>/<int:pk>/step/<slug:step>/", views_front.case_step, name="front-step"),
    path("cases/<slug:kind>/<int:pk>/reveal/", views_front.case_reveal, name="front-reveal"),
]
