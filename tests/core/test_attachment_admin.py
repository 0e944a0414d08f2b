"""Attachments in the back office: the upload page, the list on the record, the list, detail and history."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from doctypes.org.models import Unit
from papi_inspect.attachments import attach_file
from papi_inspect.models import Attachment
from tests.base import client_for

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + bytes(20)


def unit(code="snnmt-ccthuyloi"):
    return Unit.objects.get(code=code)


def upload_url(record):
    return f"/files/upload/org/unit/{record.pk}/"


def stored_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def attached(people, name="bien-ban.pdf", code="snnmt-ccthuyloi"):
    return attach_file(unit(code), uploaded_file=SimpleUploadedFile(name, PDF), by=people.admin)


# --- The upload page ---------------------------------------------------------------------


def test_it_shows_the_upload_page_with_the_allowed_types_and_cap(client, people):
    client_for(client, people.admin)
    response = client.get(upload_url(unit()))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert ".pdf" in page and "tối đa 20 MB" in page
    assert unit().name in page


def test_it_uploads_a_file_and_returns_to_the_record(client, people):
    client_for(client, people.admin)
    response = client.post(
        upload_url(unit()), {"file": SimpleUploadedFile("Biên bản.pdf", PDF), "description": "Biên bản họp"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/org/unit/{unit().pk}/change/"
    attachment = Attachment.objects.get()
    assert (attachment.record, attachment.original_name, attachment.description) == (unit(), "Biên bản.pdf", "Biên bản họp")
    entry = attachment.history.get()
    assert (entry.history_user, entry.history_change_reason) == (people.admin, "Đính kèm tệp")
    page = client.get(response["Location"]).content.decode()
    assert "Đã đính kèm tệp" in page and "Biên bản.pdf" in page


def test_it_shows_an_oversized_file_as_a_form_error_and_keeps_nothing(client, people, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    client_for(client, people.admin)
    response = client.post(upload_url(unit()), {"file": SimpleUploadedFile("lon.pdf", PDF + bytes(2048))})
    assert response.status_code == 200
    assert "vượt quá dung lượng cho phép (1 KB)" in response.content.decode()
    assert "Tệp chưa được đính kèm" in response.content.decode()
    assert not Attachment.objects.exists() and stored_files() == []


@pytest.mark.parametrize(
    "name, content, message",
    [("anh.pdf", PNG, "không khớp với loại tệp .pdf"), ("setup.exe", b"MZ\x90\x00" + bytes(60), "Loại tệp &#x27;.exe&#x27;")],
)
def test_it_shows_a_disguised_or_forbidden_file_as_a_form_error(client, people, name, content, message):
    client_for(client, people.admin)
    response = client.post(upload_url(unit()), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attachment.objects.exists() and stored_files() == []


def test_it_refuses_the_upload_page_to_staff_who_may_only_view_the_record(client, people):
    client_for(client, people.unit_staff)
    assert client.get(upload_url(unit())).status_code == 403
    assert client.post(upload_url(unit()), {"file": SimpleUploadedFile("a.pdf", PDF)}).status_code == 403
    assert not Attachment.objects.exists() and stored_files() == []


def test_it_hides_a_record_the_user_cannot_see(client, people):
    client_for(client, people.outsider)
    assert client.get(upload_url(unit())).status_code == 404
    assert client.post(upload_url(unit()), {"file": SimpleUploadedFile("a.pdf", PDF)}).status_code == 404
    assert not Attachment.objects.exists()


def test_it_refuses_unknown_record_types_and_sends_anonymous_visitors_to_sign_in(client, people):
    response = client.get(upload_url(unit()))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client_for(client, people.admin)
    assert client.get("/files/upload/org/nothing/1/").status_code == 404
    assert client.get(f"/files/upload/auth/user/{people.admin.pk}/").status_code == 404


# --- Listed on the record, and the attachment screens ------------------------------------


def test_it_lists_the_files_on_the_record_with_download_links(client, people):
    attachment = attached(people)
    for user in (people.admin, people.unit_staff):
        client_for(client, user)
        page = client.get(f"/admin/org/unit/{unit().pk}/change/").content.decode()
        assert "bien-ban.pdf" in page and f"/files/{attachment.pk}/" in page


def test_it_shows_the_outsider_neither_the_record_nor_its_files(client, people):
    attachment = attached(people)
    client_for(client, people.outsider)
    response = client.get(f"/admin/org/unit/{unit().pk}/change/", follow=True)
    assert "bien-ban.pdf" not in response.content.decode()
    assert f"/files/{attachment.pk}/" not in response.content.decode()


def test_it_lists_attachments_only_of_visible_records(client, people):
    attached(people, "cua-so.pdf")
    attached(people, "cua-stc.pdf", code="stc-vp")
    client_for(client, people.admin)
    page = client.get("/admin/papi_inspect/attachment/").content.decode()
    assert "cua-so.pdf" in page and "cua-stc.pdf" in page
    client_for(client, people.unit_staff)
    page = client.get("/admin/papi_inspect/attachment/").content.decode()
    assert "cua-so.pdf" in page and "cua-stc.pdf" not in page
    client_for(client, people.outsider)
    page = client.get("/admin/papi_inspect/attachment/", {"q": "cua"}).content.decode()
    assert "cua-so.pdf" not in page and "cua-stc.pdf" in page


def test_it_opens_an_attachment_and_its_history_for_someone_who_sees_it(client, people):
    attachment = attached(people)
    client_for(client, people.admin)
    assert "bien-ban.pdf" in client.get(f"/admin/papi_inspect/attachment/{attachment.pk}/change/").content.decode()
    history = client.get(f"/admin/papi_inspect/attachment/{attachment.pk}/history/")
    assert history.status_code == 200 and "Đính kèm tệp" in history.content.decode()


def test_it_keeps_an_attachment_and_its_history_from_the_outsider(client, people):
    attachment = attached(people)
    client_for(client, people.outsider)
    detail = client.get(f"/admin/papi_inspect/attachment/{attachment.pk}/change/", follow=True)
    assert detail.redirect_chain == [("/admin/", 302)]  # the admin's answer for an object it does not find
    assert "bien-ban.pdf" not in detail.content.decode()
    history = client.get(f"/admin/papi_inspect/attachment/{attachment.pk}/history/")
    assert history.status_code == 403
    assert "Đính kèm tệp" not in history.content.decode()


def test_it_links_the_upload_page_below_the_record_files_for_those_who_may_change_it(client, people, monkeypatch):
    """The wiring proposed to the lead: AttachmentInline.template_after = the upload link template."""
    from papi_inspect.admin_base import AttachmentInline

    monkeypatch.setattr(AttachmentInline, "template_after", "papi_inspect/attachments/upload_link.html", raising=False)
    client_for(client, people.admin)
    assert upload_url(unit()) in client.get(f"/admin/org/unit/{unit().pk}/change/").content.decode()
    client_for(client, people.unit_staff)
    page = client.get(f"/admin/org/unit/{unit().pk}/change/")
    assert page.status_code == 200 and upload_url(unit()) not in page.content.decode()
