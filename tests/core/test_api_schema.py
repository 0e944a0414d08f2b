"""The OpenAPI schema documents each workflow step with its own input, every error, and the Idempotency-Key header."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from papi_inspect.urls import router
from tests.base import client_for


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _resolve(schema, body):
    ref = body["$ref"].split("/")[-1]
    return ref, schema["components"]["schemas"][ref]


def _request_component(schema, path):
    content = schema["paths"][path]["post"].get("requestBody", {}).get("content", {})
    bodies = {_resolve(schema, media["schema"])[0] for media in content.values()}
    assert len(bodies) <= 1, f"{path}: one body in every media type, got {bodies}"
    return next(iter(bodies), None)


def _record_component(schema, prefix):
    """The component a GET of one record answers with: what a step body must not be."""
    detail = schema["paths"][f"/api/v1/{prefix}/{{id}}/"]["get"]
    return _resolve(schema, detail["responses"]["200"]["content"]["application/json"]["schema"])[0]


def _workflows():
    return [(prefix, viewset) for prefix, viewset, _basename in router.registry if getattr(viewset, "workflow", None)]


def test_every_step_is_documented_with_its_own_input_and_answers_the_record(schema):
    checked = 0
    for prefix, viewset in _workflows():
        record = _record_component(schema, prefix)
        for step in viewset.workflow:
            path = f"/api/v1/{prefix}/{{id}}/{step.name}/"
            operation = schema["paths"][path]["post"]
            writable = {name for name, field in step.input().fields.items() if not field.read_only}
            component = _request_component(schema, path)
            assert component != record, f"{path} documents the record ({record}) as its body"
            properties = set(schema["components"]["schemas"][component]["properties"]) if component else set()
            assert properties == writable, f"{path}: body {component} has {properties}, the step reads {writable}"
            answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
            assert _resolve(schema, answer)[0] == record
            checked += 1
    # Petitions, complaints, denunciations, inspections and follow-up actions: every one of their steps.
    assert checked >= 30


def test_no_post_action_on_a_record_is_documented_as_the_record_itself(schema):
    offenders = []
    for prefix, _viewset, _basename in router.registry:
        if f"/api/v1/{prefix}/{{id}}/" not in schema["paths"]:
            continue
        record = _record_component(schema, prefix)
        for path, operations in schema["paths"].items():
            if path.startswith(f"/api/v1/{prefix}/{{id}}/") and path != f"/api/v1/{prefix}/{{id}}/" and "post" in operations:
                if _request_component(schema, path) == record:
                    offenders.append(path)
    assert offenders == []


def test_the_reveal_of_a_denunciation_reads_a_reason_and_answers_the_identity(schema):
    path = "/api/v1/denunciations/{id}/reveal/"
    body = schema["components"]["schemas"][_request_component(schema, path)]
    assert set(body["properties"]) == {"reason"} and body["required"] == ["reason"]
    answer = schema["paths"][path]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(_resolve(schema, answer)[1]["properties"]) == {"record", "identity"}


def test_every_operation_documents_the_structured_error_and_writes_the_idempotency_key(schema):
    error = schema["components"]["schemas"]["Error"]
    assert error["properties"]["error"]["$ref"].endswith("/ErrorDetail")
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            # The tablet's sync documents its own error bodies (with a conflict's both versions); the rest share Error.
            assert {"400", "401", "403"} <= set(operation["responses"]), f"{method} {path}"
            default = operation["responses"]["default"]["content"]["application/json"]["schema"]
            assert default["$ref"].endswith("/Error"), f"{method} {path}"
            headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
            assert ("Idempotency-Key" in headers) == (method in ("post", "put", "patch")), f"{method} {path}"


@pytest.mark.django_db
def test_an_api_url_that_matches_nothing_answers_the_structured_404_and_a_page_stays_html(client, people):
    client_for(client, people.inspector)
    response = client.get("/api/v1/units/1.5/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert response.json() == {"error": {"code": "not_found", "message": "Không tìm thấy bản ghi."}}
    page = client.get("/cases/khong-co-trang-nay/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")
