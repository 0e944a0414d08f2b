"""The attachment service and download: private storage, size cap, real content, permission, history."""

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from doctypes.org.models import Unit
from papi_inspect.attachments import attach_file
from papi_inspect.models import Attachment
from tests.base import client_for

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + bytes(20)
EXE = b"MZ\x90\x00" + bytes(60)


def office_package(part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
    return buffer.getvalue()


def upload(name="bien-ban.pdf", content=PDF):
    return SimpleUploadedFile(name, content)


def unit(code="snnmt-ccthuyloi"):
    return Unit.objects.get(code=code)


def stored_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_it_stores_a_file_privately_under_a_random_name(people):
    attachment = attach_file(unit(), uploaded_file=upload("Đơn của ông A.pdf"), by=people.admin, description="Biên bản")
    path = Path(attachment.file.path)
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not path.is_relative_to(Path(settings.STATIC_ROOT))
    assert path.read_bytes() == PDF
    assert "ông A" not in attachment.file.name and attachment.file.name.startswith("org/unit/")
    attachment.refresh_from_db()
    assert (attachment.original_name, attachment.mime_type, attachment.size) == ("Đơn của ông A.pdf", "application/pdf", len(PDF))
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    assert attachment.record == unit() and attachment.uploaded_by == people.admin


def test_it_keeps_the_upload_in_history_with_who_and_why(people):
    attachment = attach_file(unit(), uploaded_file=upload(), by=people.admin)
    entry = attachment.history.get()
    assert entry.history_type == "+"
    assert entry.history_user == people.admin
    assert entry.history_change_reason == "Đính kèm tệp"
    assert entry.file == attachment.file.name and entry.sha256 == attachment.sha256


@pytest.mark.parametrize(
    "name, content, mime_type",
    [
        ("anh.png", PNG, "image/png"),
        ("Quyet dinh.DOCX", office_package("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("so-lieu.xlsx", office_package("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("ghi-chu.txt", "Biên bản làm việc".encode(), "text/plain"),
    ],
)
def test_it_accepts_each_allowed_type_with_matching_content(people, name, content, mime_type):
    assert attach_file(unit(), uploaded_file=upload(name, content), by=people.admin).mime_type == mime_type


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("anh-that.pdf", PNG, "không khớp với loại tệp .pdf"),
        ("chuong-trinh.exe", EXE, "Loại tệp '.exe' không được phép"),
        ("chuong-trinh.pdf", EXE, "không khớp"),
        ("khong-duoi", PDF, "không có phần mở rộng"),
        ("gia.docx", office_package("xl/workbook.xml"), "không khớp"),
        ("nhi-phan.txt", b"abc\x00def", "không khớp"),
        ("trang.html", b"<html></html>", "không được phép"),
    ],
)
def test_it_refuses_content_that_does_not_match_the_declared_type(people, name, content, message):
    with pytest.raises(ValidationError, match=message):
        attach_file(unit(), uploaded_file=upload(name, content), by=people.admin)
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_it_refuses_a_file_above_the_size_cap(people, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    big = PDF + bytes(1025 - len(PDF))
    with pytest.raises(ValidationError, match="vượt quá dung lượng cho phép \\(1 KB\\)") as error:
        attach_file(unit(), uploaded_file=upload("lon.pdf", big), by=people.admin)
    assert error.value.code == "too_large"
    assert not Attachment.objects.exists() and stored_files() == []
    exactly = PDF + bytes(1024 - len(PDF))
    assert attach_file(unit(), uploaded_file=upload("vua.pdf", exactly), by=people.admin).size == 1024


def test_it_refuses_an_empty_file(people):
    with pytest.raises(ValidationError, match="rỗng"):
        attach_file(unit(), uploaded_file=upload("rong.txt", b""), by=people.admin)


@pytest.mark.parametrize("who", ["unit_staff", "outsider", "inspector"])
def test_it_refuses_someone_who_may_not_change_the_record(people, who):
    """unit_staff and the inspector may see the unit but not change it; the outsider cannot even see it."""
    with pytest.raises(PermissionDenied):
        attach_file(unit(), uploaded_file=upload(), by=getattr(people, who))
    assert not Attachment.objects.exists() and stored_files() == []


def test_it_leaves_no_orphan_file_when_the_row_cannot_be_saved(people, monkeypatch):
    def failing_save(self, *args, **kwargs):
        raise IntegrityError("database is locked")

    monkeypatch.setattr(Attachment, "save", failing_save)
    with pytest.raises(IntegrityError):
        attach_file(unit(), uploaded_file=upload(), by=people.admin)
    assert stored_files() == []
    assert not Attachment.objects.exists()


def test_it_shows_a_file_exactly_to_those_who_see_its_record(people):
    ours = attach_file(unit(), uploaded_file=upload(), by=people.admin)
    theirs = attach_file(unit("stc-vp"), uploaded_file=upload("stc.pdf"), by=people.admin)
    assert set(Attachment.objects.visible_to(people.admin)) == {ours, theirs}
    assert set(Attachment.objects.visible_to(people.unit_staff)) == {ours}
    assert set(Attachment.objects.visible_to(people.outsider)) == {theirs}
    assert not Attachment.objects.visible_to(None).exists()


# --- Download: /files/<pk>/ -----------------------------------------------------------------


def test_it_serves_the_file_to_someone_who_sees_the_record(client, people):
    attachment = attach_file(unit(), uploaded_file=upload("Biên bản.pdf"), by=people.admin)
    for user in (people.admin, people.unit_staff):
        client_for(client, user)
        response = client.get(f"/files/{attachment.pk}/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in response["Cache-Control"]


def test_it_hides_the_file_from_someone_who_does_not_see_the_record(client, people):
    attachment = attach_file(unit(), uploaded_file=upload(), by=people.admin)
    client_for(client, people.outsider)
    assert client.get(f"/files/{attachment.pk}/").status_code == 404
    assert client.get("/files/999999/").status_code == 404  # the same answer as for a missing file


def test_it_sends_an_anonymous_visitor_to_sign_in(client, people):
    attachment = attach_file(unit(), uploaded_file=upload(), by=people.admin)
    response = client.get(f"/files/{attachment.pk}/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_it_answers_404_when_the_bytes_are_gone_from_disk(client, people):
    attachment = attach_file(unit(), uploaded_file=upload(), by=people.admin)
    Path(attachment.file.path).unlink()
    client_for(client, people.admin)
    assert client.get(f"/files/{attachment.pk}/").status_code == 404


def test_it_serves_no_private_file_from_a_public_url(client, people):
    attachment = attach_file(unit(), uploaded_file=upload(), by=people.admin)
    with pytest.raises(ValueError):
        attachment.file.url  # the storage has no base URL, so nothing can link to the bytes directly
    client_for(client, people.admin)
    assert client.get(f"/media/{attachment.file.name}").status_code == 404


def test_it_keeps_the_bytes_and_the_history_when_a_row_is_deleted(people):
    from papi_inspect.audit import with_reason

    attachment = attach_file(unit(), uploaded_file=upload(), by=people.admin)
    path, pk = Path(attachment.file.path), attachment.pk
    with_reason(attachment, "Xóa tệp nhầm").delete()
    assert path.read_bytes() == PDF  # history still points at these bytes
    assert [entry.history_type for entry in Attachment.history.filter(id=pk)] == ["-", "+"]
