"""GET /api/v1/deadlines/compute/: the engine over the API, with structured errors and sign-in required."""

import datetime

import pytest
from django.utils import timezone

from tests.base import client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/deadlines/compute/"


def test_it_computes_a_due_date_with_its_citation_and_skipped_days(client, people):
    client_for(client, people.unit_staff)
    response = client.get(URL, {"rule": "complaint.accept", "start": "2026-02-04"})
    assert response.status_code == 200
    body = response.json()
    assert body["due"] == "2026-02-23"
    assert body["citation"] == "Luật Khiếu nại 2011, Điều 27"
    assert (body["length"], body["unit"], body["unconfirmed"]) == (10, "calendar", False)
    assert {"date": "2026-02-17", "reason": "Tết Nguyên Đán"} in body["skipped"]
    assert len(body["skipped"]) == 9


def test_it_passes_variants_and_extensions_to_the_engine(client, people):
    """Luật Khiếu nại 2011 Art. 28 (complex, remote: 60 days); Luật Tố cáo 2018 Art. 30 (two extensions)."""
    client_for(client, people.inspector)
    body = client.get(URL, {"rule": "complaint.resolve", "start": "2026-03-02", "complex": "true", "remote": "1"}).json()
    assert (body["length"], body["due"]) == (60, "2026-05-04")
    body = client.get(URL, {"rule": "denunciation.resolve", "start": "2026-03-02", "extensions": "2"}).json()
    assert (body["length"], body["extensions"], body["due"]) == (90, 2, "2026-06-01")


def test_it_reports_the_status_against_today(client, people):
    client_for(client, people.inspector)
    forty_days_ago = timezone.localdate() - datetime.timedelta(days=40)
    body = client.get(URL, {"rule": "complaint.accept", "start": forty_days_ago.isoformat()}).json()
    assert body["status"] == "overdue"
    body = client.get(URL, {"rule": "complaint.resolve", "start": timezone.localdate().isoformat()}).json()
    assert body["status"] == "on_time"


def test_it_refuses_a_malformed_date_with_a_structured_error(client, people):
    client_for(client, people.inspector)
    response = client.get(URL, {"rule": "complaint.accept", "start": "30/02/2026"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == "Dữ liệu không hợp lệ."
    assert error["fields"] == {"start": ["Ngày không hợp lệ, dùng dạng YYYY-MM-DD."]}


def test_it_names_every_missing_parameter(client, people):
    client_for(client, people.inspector)
    fields = client.get(URL, {"extensions": "hai"}).json()["error"]["fields"]
    assert set(fields) == {"rule", "start", "extensions"}


def test_it_refuses_an_unknown_rule_and_a_rule_not_in_force(client, people):
    client_for(client, people.inspector)
    unknown = client.get(URL, {"rule": "complaint.nothing", "start": "2026-03-02"})
    assert unknown.status_code == 400
    assert "Không có quy tắc thời hạn mã 'complaint.nothing'" in unknown.json()["error"]["fields"]["rule"][0]
    early = client.get(URL, {"rule": "denunciation.initial", "start": "2018-12-31"})
    assert "không có hiệu lực vào ngày 31/12/2018" in early.json()["error"]["fields"]["rule"][0]


def test_it_puts_a_refused_extension_on_the_extensions_field(client, people):
    """Luật Tố cáo 2018 Art. 30 allows at most two extensions."""
    client_for(client, people.inspector)
    response = client.get(URL, {"rule": "denunciation.resolve", "start": "2026-03-02", "extensions": "3"})
    assert response.status_code == 400
    assert "tối đa 2 lần" in response.json()["error"]["fields"]["extensions"][0]


def test_it_refuses_an_anonymous_caller(client):
    response = client.get(URL, {"rule": "complaint.accept", "start": "2026-03-02"})
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Bạn cần đăng nhập."
    assert "due" not in response.json()


def test_it_refuses_an_inactive_account(client, people):
    people.inspector.is_active = False
    people.inspector.save()
    client.force_login(people.inspector)
    assert client.get(URL, {"rule": "complaint.accept", "start": "2026-03-02"}).status_code in {401, 403}


@pytest.mark.parametrize("rule", ["complaint.accept", "denunciation.initial", "complaint.resolve"])
def test_it_refuses_a_start_so_late_that_the_limit_ends_past_the_calendar(client, people, rule):
    client_for(client, people.unit_staff)
    response = client.get(URL, {"rule": rule, "start": "9999-12-31"})
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "invalid", "message": "Dữ liệu không hợp lệ.",
        "fields": {"start": ["Ngày 31/12/9999 quá xa: hạn xử lý vượt ra ngoài lịch."]},
    }
