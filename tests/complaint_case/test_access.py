"""Who sees what: each read path twice, with a user who may and one who may not (incl. the outsider)."""

import pytest

from doctypes.org.models import Unit
from tests.base import client_for
from tests.complaint_case.builders import make_complaint, make_denunciation, make_petition
from tests.complaint_case.paths import body_text, read_paths, upload

BUILDERS = {"petition": make_petition, "complaintcase": make_complaint, "denunciation": make_denunciation}


def secret_text(record):
    return getattr(record, "matter", None) or record.subject


def build(kind, people):
    return BUILDERS[kind](people.inspector, handler=people.inspector)


def fetch(client, method, url, data):
    return client.post(url, data) if method == "post" else client.get(url)


@pytest.mark.parametrize("kind", BUILDERS)
@pytest.mark.parametrize("who", ["inspector", "chief_inspector", "leader"])
def test_it_shows_every_path_to_those_who_may(client, people, kind, who):
    record = build(kind, people)
    client_for(client, getattr(people, who))
    for name, method, url, data in read_paths(record, search=record.code):
        response = fetch(client, method, url, data)
        assert response.status_code == 200, (name, response.status_code)
        if name in ("admin list", "admin search", "api list", "api search"):
            assert record.code in response.content.decode(), name


@pytest.mark.parametrize("kind", BUILDERS)
@pytest.mark.parametrize("who", ["unit_staff", "outsider", "office_clerk"])
def test_it_hides_every_path_from_those_who_may_not(client, people, kind, who):
    record = build(kind, people)
    client_for(client, getattr(people, who))
    for name, method, url, data in read_paths(record, search=record.code):
        response = fetch(client, method, url, data)
        assert response.status_code in (200, 302, 403, 404), (name, response.status_code)
        if response.status_code == 200:
            # The search box echoes the code typed, so look for the record's own text instead.
            assert secret_text(record) not in body_text(response), name


def test_it_shows_a_unit_its_own_cases(client, people):
    case = make_complaint(people.unit_staff, unit=Unit.objects.get(code="snnmt-ccthuyloi"))
    client_for(client, people.unit_head)
    assert client.get(f"/api/v1/complaints/{case.pk}/").status_code == 200
    client_for(client, people.outsider)
    assert client.get(f"/api/v1/complaints/{case.pk}/").status_code == 404


@pytest.mark.parametrize("kind", BUILDERS)
def test_it_serves_files_to_those_who_may_and_hides_them_from_others(client, people, kind):
    record = build(kind, people)
    response = upload(client_for(client, people.inspector), record)
    assert response.status_code == 201, response.content
    file_id = response.json()["id"]
    download = client.get(f"/files/{file_id}/")
    assert download.status_code == 200
    assert "Hoang" not in download["Content-Disposition"] and record.code in download["Content-Disposition"]
    for who in ("outsider", "unit_staff"):
        client_for(client, getattr(people, who))
        assert client.get(f"/files/{file_id}/").status_code == 404


def test_it_refuses_a_file_whose_content_does_not_match_its_type(client, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = make_denunciation(people.inspector)
    client_for(client, people.inspector)
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(f"/api/v1/denunciations/{case.pk}/attachments/", {"file": fake})
    assert response.status_code == 400 and "file" in response.json()["error"]["fields"]


def test_it_lets_leadership_read_the_identity_access_log_and_not_unit_staff(client, people):
    from doctypes.complaint_case.services.identity import reveal_identity

    case = make_denunciation(people.inspector, handler=people.inspector)
    reveal_identity(case, by=people.inspector, reason="Liên hệ người tố cáo để bổ sung")
    client_for(client, people.leader)
    assert client.get("/api/v1/identity-access-log/").json()["count"] == 1
    assert client.get("/admin/complaint_case/identityaccesslog/").status_code == 200
    client_for(client, people.unit_staff)
    assert client.get("/api/v1/identity-access-log/").status_code == 403


def test_it_keeps_no_uploaded_file_name_on_a_denunciation_through_the_shared_attachments_api(client, people):
    """Luật Tố cáo 2018 Art. 47: a file named after the denouncer must not carry that name anywhere."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = make_denunciation(people.inspector, handler=people.inspector)
    client_for(client, people.inspector)
    named = SimpleUploadedFile("to-cao-hoang-thi-bi-mat.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = client.post(
        "/api/v1/attachments/", {"record_type": "complaint_case.denunciation", "record_id": case.pk, "file": named}
    )
    assert response.status_code == 201, response.content
    assert response.json()["original_name"] == f"{case.code}-tep-01.pdf"
    download = client.get(response.json()["download_url"])
    assert "bi-mat" not in download["Content-Disposition"]


def test_it_logs_each_download_of_a_protected_original_as_a_reveal(client, people):
    """Luật Tố cáo 2018 Art. 47: an original names the denouncer, so opening it shows in the access log."""
    from doctypes.complaint_case.models import IdentityAccessLog

    case = make_denunciation(people.inspector, handler=people.inspector)
    file_id = upload(client_for(client, people.inspector), case).json()["id"]
    assert client.get(f"/files/{file_id}/").status_code == 200
    entry = IdentityAccessLog.objects.get()
    assert (entry.user, entry.record_type, entry.record_id, entry.granted) == (people.inspector, "denunciation", case.pk, True)
    assert str(file_id) in entry.reason
    client_for(client, people.outsider)
    assert client.get(f"/files/{file_id}/").status_code == 404
    assert IdentityAccessLog.objects.count() == 1, "a refused download discloses nothing and logs nothing new"


def test_it_does_not_log_files_of_an_unprotected_complaint(client, people):
    from doctypes.complaint_case.models import IdentityAccessLog

    case = make_complaint(people.inspector, handler=people.inspector)
    file_id = upload(client_for(client, people.inspector), case).json()["id"]
    assert client.get(f"/files/{file_id}/").status_code == 200
    assert not IdentityAccessLog.objects.exists()
