"""Every page and API answer carries a nonce CSP, Permissions-Policy and no-store; production adds HSTS."""

import re
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from tests.base import client_for
from tests.complaint_case.builders import make_complaint
from tests.core.test_settings import run

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def identity_keys(monkeypatch):
    monkeypatch.setenv("PAPI_IDENTITY_KEYS", Fernet.generate_key().decode())


def script_sources(response):
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return policy["script-src"].split(), policy


def pages_of_a_working_day(people):
    case = make_complaint(people.inspector, handler=people.inspector)
    return [
        (people.inspector, "/cases/"),
        (people.inspector, f"/cases/complaints/{case.pk}/"),
        (people.inspector, "/cases/?q=Nguyễn Văn Khiếu"),
        (people.inspector, "/tablet/"),
        (people.inspector, "/api/v1/complaints/"),
        (people.inspector, f"/api/v1/complaints/{case.pk}/"),
        (people.chief_inspector, "/admin/"),
        (people.chief_inspector, "/admin/complaint_case/complaintcase/"),
        (people.chief_inspector, f"/admin/complaint_case/complaintcase/{case.pk}/change/"),
        (people.leader, "/admin/"),
        (people.admin, "/api/docs/"),
    ]


def test_every_page_and_api_answer_has_a_nonce_csp_permissions_policy_and_no_store(client, people):
    for user, url in pages_of_a_working_day(people):
        response = client_for(client, user).get(url)
        assert response.status_code == 200, url
        sources, policy = script_sources(response)
        assert any(source.startswith("'nonce-") for source in sources), url
        assert "'unsafe-inline'" not in sources, url
        assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'", url
        assert "geolocation=(self)" in response["Permissions-Policy"] and "microphone=()" in response["Permissions-Policy"]
        assert "no-store" in response["Cache-Control"], url


def test_the_nonce_is_new_on_every_request_and_given_to_templates(client, people):
    client_for(client, people.inspector)
    first, second = client.get("/cases/"), client.get("/cases/")
    assert script_sources(first)[0] != script_sources(second)[0]
    nonce = next(s for s in script_sources(first)[0] if s.startswith("'nonce-"))[7:-1]
    assert first.context["csp_nonce"] == nonce


def test_only_the_back_office_may_evaluate_strings(client, people):
    """Unfold's Alpine.js needs eval in /admin/; the case screens, the tablet and the API docs do not get it."""
    client_for(client, people.chief_inspector)
    assert "'unsafe-eval'" in script_sources(client.get("/admin/"))[0]
    for url in ("/cases/", "/tablet/", "/api/docs/"):
        assert "'unsafe-eval'" not in script_sources(client.get(url))[0], url


def test_a_signed_out_visitor_gets_the_same_headers_on_the_sign_in_pages(client):
    for url in ("/admin/login/", "/tablet/login/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "nonce-" in response["Content-Security-Policy"] and "no-store" in response["Cache-Control"]


TEMPLATE_DIRS = [ROOT / "papi_inspect", ROOT / "doctypes", ROOT / "reports"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)(?![^>]*type=\"application/(?:json|ld\+json)\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)


def test_no_template_has_an_inline_script_without_the_nonce_or_an_inline_event_handler():
    offenders = []
    for folder in TEMPLATE_DIRS:
        for template in folder.rglob("templates/**/*.html"):
            text = template.read_text(encoding="utf-8")
            if INLINE_SCRIPT.search(text) or EVENT_HANDLER.search(text):
                offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


def test_production_sends_hsts_with_the_csp_over_https(tmp_path):
    """(An API answer: production pages need collectstatic's manifest, which a test run does not build.)"""
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "r = Client(HTTP_HOST='papi.local').get('/api/v1/complaints/', secure=True)\n"
        "print(r.status_code); print(r['Strict-Transport-Security']); print(r['Content-Security-Policy'][:30])\n"
    )
    result = run(
        [sys.executable, "-c", script], DJANGO_SETTINGS_MODULE="papi_inspect.settings", PAPI_ENV="production",
        SECRET_KEY="x" * 50, ALLOWED_HOSTS="papi.local", PAPI_IDENTITY_KEYS=Fernet.generate_key().decode(),
        PAPI_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    status, hsts, csp = result.stdout.splitlines()
    assert status == "401"
    assert hsts == "max-age=31536000; includeSubDomains"
    assert csp.startswith("default-src 'self'; script-src")
