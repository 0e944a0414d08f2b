"""Checks that one record is (or is not) reachable on every path: list, search, detail, history, API, file."""

from django.core.files.uploadedfile import SimpleUploadedFile

from papi_inspect.attachments import attach_file
from tests.base import client_for


def attach_pdf(record, by):
    pdf = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf")
    return attach_file(record, uploaded_file=pdf, by=by, description="Biên bản")


def paths_for(record, *, admin, api, search):
    return {
        "admin list": (f"/admin/{admin}/", {"q": search}),
        "admin detail": (f"/admin/{admin}/{record.pk}/change/", {}),
        "admin history": (f"/admin/{admin}/{record.pk}/history/", {}),
        "api list": (f"/api/v1/{api}/", {"search": search}),
        "api detail": (f"/api/v1/{api}/{record.pk}/", {}),
    }


def assert_reachable(client, user, record, *, admin, api, search, text, attachment=None):
    client_for(client, user)
    for name, (url, params) in paths_for(record, admin=admin, api=api, search=search).items():
        response = client.get(url, params)
        assert response.status_code == 200, (name, response.status_code)
        assert text in response.content.decode(), name
    if attachment is not None:
        assert client.get(f"/files/{attachment.pk}/").status_code == 200


def assert_unreachable(client, user, record, *, admin, api, search, text, attachment=None):
    client_for(client, user)
    for name, (url, params) in paths_for(record, admin=admin, api=api, search=search).items():
        response = client.get(url, params, follow=True)
        assert text not in response.content.decode(), (name, user.username)
        if name == "api detail":
            assert response.status_code in (403, 404), user.username
    history = record.history.first()
    response = client.get(f"/admin/{admin}/{record.pk}/history/{history.history_id}/")
    assert response.status_code in (302, 403, 404), user.username
    if attachment is not None:
        assert client.get(f"/files/{attachment.pk}/").status_code == 404
