"""/api/v1/attachments/: multipart upload through the attachment service, lists scoped by visible_to."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from doctypes.org.models import Unit
from papi_inspect.attachments import attach_file
from papi_inspect.models import Attachment
from tests.base import client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/attachments/"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + bytes(20)
EXE = b"MZ\x90\x00" + bytes(60)


def unit(code="snnmt-ccthuyloi"):
    return Unit.objects.get(code=code)


def post_file(client, name="bien-ban.pdf", content=PDF, record_type="org.unit", record_id=None, **extra):
    data = {
        "record_type": record_type,
        "record_id": record_id if record_id is not None else unit().pk,
        "file": SimpleUploadedFile(name, content),
        **extra,
    }
    return client.post(URL, data)  # the test client sends multipart/form-data by default


def stored_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_it_uploads_a_file_onto_a_record_the_caller_may_change(client, people):
    client_for(client, people.admin)
    response = post_file(client, description="Quyết định thành lập")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["record"] == {"type": "org.unit", "id": unit().pk}
    assert (body["original_name"], body["mime_type"], body["size"]) == ("bien-ban.pdf", "application/pdf", len(PDF))
    assert body["download_url"] == f"/files/{body['id']}/"
    assert "file" not in body  # the storage path is never disclosed
    attachment = Attachment.objects.get(pk=body["id"])
    assert attachment.record == unit() and attachment.description == "Quyết định thành lập"
    entry = attachment.history.get()
    assert (entry.history_user, entry.history_change_reason) == (people.admin, "Đính kèm tệp")
    assert client.get(body["download_url"]).status_code == 200


def test_it_refuses_an_upload_from_staff_who_may_only_view_the_record(client, people):
    client_for(client, people.unit_staff)
    response = post_file(client)
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Bạn không có quyền thực hiện thao tác này."
    assert not Attachment.objects.exists() and stored_files() == []


def test_it_answers_not_found_to_an_outsider_uploading_onto_a_record_they_cannot_see(client, people):
    client_for(client, people.outsider)
    response = post_file(client)
    assert response.status_code == 404
    assert not Attachment.objects.exists() and stored_files() == []


def test_it_refuses_an_anonymous_upload(client, people):
    assert post_file(client).status_code == 401
    assert not Attachment.objects.exists()


def test_it_refuses_an_oversized_file_on_the_file_field(client, people, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    client_for(client, people.admin)
    response = post_file(client, "lon.pdf", PDF + bytes(2048))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "vượt quá dung lượng cho phép" in error["fields"]["file"][0]
    assert not Attachment.objects.exists() and stored_files() == []


@pytest.mark.parametrize(
    "name, content, message",
    [("anh.pdf", PNG, "không khớp với loại tệp .pdf"), ("setup.exe", EXE, "Loại tệp '.exe' không được phép")],
)
def test_it_refuses_a_file_whose_content_is_not_what_it_claims(client, people, name, content, message):
    client_for(client, people.admin)
    response = post_file(client, name, content)
    assert response.status_code == 400
    assert message in response.json()["error"]["fields"]["file"][0]
    assert not Attachment.objects.exists() and stored_files() == []


@pytest.mark.parametrize("record_type", ["org.nothing", "khonghople", "auth.user"])
def test_it_refuses_a_record_type_that_takes_no_attachments(client, people, record_type):
    client_for(client, people.admin)
    response = post_file(client, record_type=record_type, record_id=people.admin.pk)
    assert response.status_code == 400
    assert "record_type" in response.json()["error"]["fields"]


def test_it_requires_the_record_and_the_file(client, people):
    client_for(client, people.admin)
    response = client.post(URL, {"record_type": "org.unit"})
    assert response.status_code == 400
    assert {"record_id", "file"} <= set(response.json()["error"]["fields"])


def test_it_lists_only_files_of_records_the_caller_sees(client, people):
    ours = attach_file(unit(), uploaded_file=SimpleUploadedFile("ours.pdf", PDF), by=people.admin)
    theirs = attach_file(unit("stc-vp"), uploaded_file=SimpleUploadedFile("theirs.pdf", PDF), by=people.admin)

    client_for(client, people.admin)
    assert {row["id"] for row in client.get(URL).json()["results"]} == {ours.pk, theirs.pk}
    client_for(client, people.unit_staff)
    assert [row["id"] for row in client.get(URL).json()["results"]] == [ours.pk]
    assert client.get(f"{URL}{ours.pk}/").json()["original_name"] == "ours.pdf"
    assert client.get(f"{URL}{theirs.pk}/").status_code == 404
    client_for(client, people.outsider)
    assert [row["id"] for row in client.get(URL).json()["results"]] == [theirs.pk]
    assert client.get(f"{URL}{ours.pk}/").status_code == 404
    assert client.get(URL, {"search": "ours"}).json()["results"] == []


def test_it_lists_nothing_to_an_anonymous_caller(client, people):
    attach_file(unit(), uploaded_file=SimpleUploadedFile("ours.pdf", PDF), by=people.admin)
    response = client.get(URL)
    assert response.status_code == 401
    assert "results" not in response.json()


def test_it_lists_the_files_of_one_record(client, people):
    ours = attach_file(unit(), uploaded_file=SimpleUploadedFile("ours.pdf", PDF), by=people.admin)
    attach_file(unit("snnmt-vp"), uploaded_file=SimpleUploadedFile("office.pdf", PDF), by=people.admin)
    client_for(client, people.unit_staff)
    rows = client.get(URL, {"record_type": "org.unit", "record_id": unit().pk}).json()["results"]
    assert [row["id"] for row in rows] == [ours.pk]
    assert client.get(URL, {"record_type": "org.staffprofile"}).json()["results"] == []
    bad = client.get(URL, {"record_id": "mot"})
    assert bad.status_code == 400 and "record_id" in bad.json()["error"]["fields"]
