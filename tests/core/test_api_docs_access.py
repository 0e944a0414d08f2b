"""The OpenAPI schema and the Swagger page are for signed-in users; the page runs under the CSP without inline script."""

import json

import pytest

from tests.base import client_for

pytestmark = pytest.mark.django_db


def test_a_stranger_gets_401_for_the_schema_and_the_sign_in_page_for_the_docs(client):
    schema = client.get("/api/schema/?format=json")
    assert schema.status_code == 401
    assert json.loads(schema.content)["error"]["code"] == "not_authenticated"
    docs = client.get("/api/docs/")
    assert docs.status_code == 302 and docs["Location"].startswith("/admin/login/?next=/api/docs/")
    assert client.get("/api/docs/?script=").status_code == 302


def test_a_signed_in_user_reads_the_schema_and_the_docs(client, people):
    client_for(client, people.unit_staff)
    schema = client.get("/api/schema/?format=json")
    assert schema.status_code == 200 and "/api/v1/complaints/" in json.loads(schema.content)["paths"]
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    # The page's own script is a separate file (?script), so script-src needs no 'unsafe-inline'.
    assert "<script>" not in html and "?script" in html
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
