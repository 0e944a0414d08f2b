"""The one sweep: a known denouncer's name appears in no response, export, file name, letter or
notification, for any user, on any path (Luật Tố cáo 2018 Art. 9(1)(b), 47; QĐ 774/QĐ-TTg "Mật")."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from doctypes.citizen_reception import services as reception_services
from doctypes.complaint_case import services, services_denunciation as denunciations
from doctypes.complaint_case.services_identity import reveal_identity
from doctypes.org.models import Unit
from papi_inspect.models import Notification
from tests.base import client_for
from tests.complaint_case.builders import DENOUNCER, days_ago, inspectorate, make_denunciation
from tests.complaint_case.paths import body_text, read_paths, upload

NAME = DENOUNCER["name"]
SECRETS = [NAME, DENOUNCER["id_number"], DENOUNCER["phone"], DENOUNCER["address"], "Bi-Mat", "Bí Mật"]


def arrange(people):
    """A denunciation through every channel: reception, petition (with a transfer letter), case, files, reminders."""
    reception = reception_services.log_reception(
        by=people.office_clerk, received_on=days_ago(30), kind="regular", identity=dict(DENOUNCER),
        content="Tố cáo việc nhận tiền cấp phép", classification="denunciation", handling="receive",
        unit=Unit.objects.get(code="snnmt-vp"), create_petition=True, matter="Tố cáo nhận tiền cấp phép",
    )
    petition = reception.petition
    services.classify_petition(petition, by=people.office_clerk, content_kind="denunciation", eligible=True, within_competence=False)
    services.record_petition_outcome(petition, by=people.office_clerk, outcome="transfer", decided_on=days_ago(29),
                                     transfer_to="Thanh tra tỉnh")
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(80))
    denunciations.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(78))
    denunciations.request_overdue_report(case, by=people.chief_inspector, requested_on=days_ago(1))
    return reception, petition, case


def test_it_never_shows_the_denouncers_identity_on_any_path(client, people):
    reception, petition, case = arrange(people)
    client_for(client, people.inspector)
    for record in (reception, petition, case):
        client_for(client, people.office_clerk if record is not case else people.inspector)
        assert upload(client, record, name=f"don-{NAME}.pdf").status_code == 201
    # The handler reveals once: the log, not the name, is what others can read afterwards.
    reveal_identity(case, by=people.inspector, reason="Liên hệ người tố cáo để bổ sung")
    call_command("send_reminders", date=str(timezone.localdate()))

    checked = 0
    for who in ("leader", "chief_inspector", "inspector", "office_clerk", "office_chief", "admin", "unit_staff", "outsider"):
        client_for(client, getattr(people, who))
        urls = [("api notifications", "get", "/api/v1/notifications/", None),
                ("api access log", "get", "/api/v1/identity-access-log/", None),
                ("admin access log", "get", "/admin/complaint_case/identityaccesslog/", None),
                ("api attachments", "get", "/api/v1/attachments/", None),
                ("admin reveal form", "get", f"/admin/complaint_case/denunciation/{case.pk}/reveal/", None),
                ("transfer letter", "get", f"/cases/petitions/{petition.pk}/letter.docx", None)]
        for record in (reception, petition, case):
            urls += read_paths(record, search=record.code)
            urls.append(("api search by name", "get", f"/api/v1/{read_paths(record)[5][2].split('/')[3]}/?search={NAME}", None))
        for attachment_id in client.get("/api/v1/attachments/").json().get("results", []):
            urls.append(("file", "get", f"/files/{attachment_id['id']}/", None))
        for name, method, url, data in urls:
            response = client.post(url, data) if method == "post" else client.get(url)
            text = body_text(response)
            for secret in SECRETS:
                assert secret not in text, f"{who}: {name} {url} shows {secret!r}"
            checked += 1
    for message in Notification.objects.all():
        for secret in SECRETS:
            assert secret not in f"{message.subject} {message.body} {message.link}"
    assert checked > 150 and Notification.objects.exists()


def test_it_finds_nothing_when_searching_by_the_denouncers_name(client, people):
    make_denunciation(people.inspector, handler=people.inspector)
    client_for(client, people.chief_inspector)
    assert client.get("/api/v1/denunciations/", {"search": NAME}).json()["count"] == 0
    assert client.get("/api/v1/denunciations/", {"search": DENOUNCER["id_number"]}).json()["count"] == 0
    response = client.get("/admin/complaint_case/denunciation/", {"q": "Bí Mật"})
    assert response.context["cl"].result_count == 0
