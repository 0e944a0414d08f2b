"""The one sweep: a known denouncer's name appears in no response, export, file name, letter,
notification, /cases/ screen or verifier's redacted file, for any user, on any path (Luật Tố cáo 2018 Art. 9(1)(b), 47; QĐ 774/QĐ-TTg "Mật")."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from docx import Document
from django.utils import timezone

from doctypes.citizen_reception import services as reception_services
from doctypes.complaint_case.models import RedactedCopy
from doctypes.complaint_case.services import denunciation as denunciations
from doctypes.complaint_case.services import petition as services
from doctypes.complaint_case.services import verification
from doctypes.complaint_case.services.identity import reveal_identity
from doctypes.org.models import Unit
from papi_inspect.attachments import attach_file
from papi_inspect.models import Attachment, Notification
from tests.base import client_for
from tests.complaint_case.builders import DENOUNCER, days_ago, inspectorate, make_denunciation
from tests.complaint_case.paths import body_text, read_paths, upload

NAME = DENOUNCER["name"]
ENTITLED = ("inspector", "chief_inspector")
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


def verification_team(people, case):
    """The verifier gets redacted copies of a .docx and a .txt naming the denouncer, and of a scan."""
    letter = Document()
    letter.add_paragraph(f"Tôi là {NAME}, CCCD {DENOUNCER['id_number']}, ở {DENOUNCER['address']}, ĐT {DENOUNCER['phone']}.")
    data = io.BytesIO()
    letter.save(data)
    named = [attach_file(case, uploaded_file=SimpleUploadedFile(f"don-{NAME}.docx", data.getvalue()), by=people.inspector),
             attach_file(case, uploaded_file=SimpleUploadedFile("ghi-chu.txt", f"Người tố cáo: {NAME}".encode()), by=people.inspector)]
    verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)
    made, scans = verification.make_redacted_copies(case, by=people.inspector)
    for copy in made:
        verification.confirm_redacted_copy(case, by=people.inspector, copy=copy)
    pdf = SimpleUploadedFile("ban-che.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    verification.upload_redacted_copy(case, by=people.inspector, original=scans[0], uploaded_file=pdf)
    return {f"/files/{attachment.pk}/" for attachment in named}


def front_paths(reception, petition, case):
    """The /cases/ screens: list, search (by name too), filters and each case's detail."""
    paths = [("cases list", "get", "/cases/", None), ("cases all", "get", "/cases/?scope=all", None),
             # The search box echoes what the user typed; what matters is the rows found (the htmx answer).
             ("cases search by name", "htmx", f"/cases/?scope=all&q={NAME}", None),
             ("cases search by code", "get", f"/cases/?scope=all&q={case.code}", None),
             ("cases overdue", "get", "/cases/?scope=all&due=overdue", None),
             ("redacted copies api", "get", f"/api/v1/denunciations/{case.pk}/redacted-copies/", None)]
    for kind, record in (("petitions", petition), ("denunciations", case)):
        paths.append((f"cases detail {kind}", "get", f"/cases/{kind}/{record.pk}/", None))
    return paths


def test_it_never_shows_the_denouncers_identity_on_any_path(client, people):
    reception, petition, case = arrange(people)
    client_for(client, people.inspector)
    for record in (reception, petition, case):
        client_for(client, people.office_clerk if record is not case else people.inspector)
        assert upload(client, record, name=f"don-{NAME}.pdf").status_code == 201
    # The handler reveals once: the log, not the name, is what others can read afterwards.
    named_originals = verification_team(people, case)
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
        urls += front_paths(reception, petition, case)
        urls += [("named original", "get", url, None) for url in sorted(named_originals)]
        for record in (reception, petition, case):
            urls += read_paths(record, search=record.code)
            urls.append(("api search by name", "get", f"/api/v1/{read_paths(record)[5][2].split('/')[3]}/?search={NAME}", None))
        for attachment_id in client.get("/api/v1/attachments/").json().get("results", []):
            urls.append(("file", "get", f"/files/{attachment_id['id']}/", None))
        for name, method, url, data in urls:
            if method == "htmx":
                response = client.get(url, HTTP_HX_REQUEST="true")
            else:
                response = client.post(url, data) if method == "post" else client.get(url)
            text = body_text(response)
            if url in named_originals:
                # Only the handler and the chief inspector, entitled to the identity, get these originals;
                # their content names the person by design, their file name must not.
                assert (response.status_code == 200) == (who in ENTITLED), f"{who}: {url}"
                text = " ".join(f"{key}: {value}" for key, value in response.items())
            for secret in SECRETS:
                assert secret not in text, f"{who}: {name} {url} shows {secret!r}"
            checked += 1
    for message in Notification.objects.all():
        for secret in SECRETS:
            assert secret not in f"{message.subject} {message.body} {message.link}"
    assert checked > 200 and Notification.objects.exists()
    # The sweep did reach the verifier's redacted files (and the copies are what they get).
    assert RedactedCopy.objects.filter(denunciation=case).count() == 3
    assert Attachment.objects.visible_to(people.unit_staff).count() == 3


def test_it_finds_nothing_when_searching_by_the_denouncers_name(client, people):
    make_denunciation(people.inspector, handler=people.inspector)
    client_for(client, people.chief_inspector)
    assert client.get("/api/v1/denunciations/", {"search": NAME}).json()["count"] == 0
    assert client.get("/api/v1/denunciations/", {"search": DENOUNCER["id_number"]}).json()["count"] == 0
    response = client.get("/admin/complaint_case/denunciation/", {"q": "Bí Mật"})
    assert response.context["cl"].result_count == 0
