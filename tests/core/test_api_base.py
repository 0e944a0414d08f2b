"""The API base: session and token auth, JSON errors with a message, OpenAPI schema and offline docs."""

import pytest
from rest_framework.authtoken.models import Token

from tests.base import client_for

pytestmark = pytest.mark.django_db


def test_it_answers_anonymous_callers_with_a_json_error(client):
    response = client.get("/api/v1/units/")
    assert response.status_code in (401, 403)
    assert response.json() == {"error": {"code": "not_authenticated", "message": "Bạn cần đăng nhập."}}


def test_it_accepts_a_token(client, people):
    token = Token.objects.create(user=people.inspector)
    response = client.get("/api/v1/units/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    assert response.json()["count"] > 0


def test_it_refuses_a_wrong_token_in_vietnamese(client):
    response = client.get("/api/v1/units/", HTTP_AUTHORIZATION="Token khong-hop-le")
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Thông tin đăng nhập không hợp lệ."


def test_it_reports_a_missing_record_as_json(client, people):
    client_for(client, people.inspector)
    response = client.get("/api/v1/units/999999/")
    assert response.status_code == 404
    assert response.json()["error"] == {"code": "not_found", "message": "Không tìm thấy bản ghi."}


def test_it_publishes_an_openapi_schema_and_docs_without_a_cdn(client, people):
    client_for(client, people.inspector)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/units/" in schema["paths"] and "/api/v1/papi-dimensions/" in schema["paths"]
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs
    assert "cdn" not in docs.lower() and "unpkg" not in docs.lower()


def test_every_endpoint_is_described_in_the_schema_without_a_warning(tmp_path):
    """`check --deploy --fail-level WARNING` (CI) fails on drf-spectacular's warnings: catch them here first."""
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    schema = (tmp_path / "schema.yml").read_text()
    assert "/api/v1/tablet/sync/:" in schema and "/api/v1/tablet/assignments/:" in schema
