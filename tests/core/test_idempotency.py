"""Idempotency-Key on API writes: a retry after a lost answer replays the first answer instead of writing twice."""

import datetime
import json
import threading
import uuid
from http.client import HTTPConnection

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from doctypes.complaint_case.models import ComplaintCase, Petition
from doctypes.finding.models import ActionProgress
from papi_inspect.models import IdempotentRequest
from tests.base import client_for
from tests.complaint_case.builders import days_ago, inspectorate
from tests.core.conftest import crash_script
from tests.finding.builders import make_action, make_finding

pytestmark = pytest.mark.django_db

PROGRESS = {"reported_on": "2026-05-04", "note": "Ông Vũ Cán Bộ đã nộp 12 triệu đồng vào tài khoản tạm giữ"}


def post(client, url, data, key=None, **headers):
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return client.post(url, data, content_type="application/json", **headers)


def test_without_a_key_a_retried_progress_report_is_recorded_twice(client, people):
    """The fault the review found: a client that did not hear back and retries writes the progress twice."""
    action = make_action(make_finding())
    client_for(client, people.unit_staff)
    url = f"/api/v1/follow-up-actions/{action.pk}/progress/"
    assert post(client, url, PROGRESS).status_code == 200
    assert post(client, url, PROGRESS).status_code == 200
    assert ActionProgress.objects.filter(action=action).count() == 2


def test_a_retried_progress_report_with_its_key_is_recorded_once_and_answered_the_same(client, people):
    action = make_action(make_finding())
    client_for(client, people.unit_staff)
    url = f"/api/v1/follow-up-actions/{action.pk}/progress/"
    first = post(client, url, PROGRESS, key="b3f1c2d4-tien-do-thang-5")
    retry = post(client, url, PROGRESS, key="b3f1c2d4-tien-do-thang-5")
    assert first.status_code == retry.status_code == 200
    assert retry.content == first.content and retry["Idempotent-Replayed"] == "true"
    assert ActionProgress.objects.filter(action=action).count() == 1
    assert len(first.json()["progress"]) == 1


def test_the_same_key_with_another_body_is_refused_in_vietnamese(client, people):
    action = make_action(make_finding())
    client_for(client, people.unit_staff)
    url = f"/api/v1/follow-up-actions/{action.pk}/progress/"
    assert post(client, url, PROGRESS, key="khoa-tien-do-1").status_code == 200
    other = post(client, url, {**PROGRESS, "note": "Bà Lò Thị Hoa nộp thêm 3 triệu"}, key="khoa-tien-do-1")
    assert other.status_code == 422
    assert other.json() == {"error": {"code": "idempotency_key_reused", "message": (
        "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác trong 24 giờ qua. "
        "Mỗi thao tác ghi mới cần một khóa mới.")}}
    assert ActionProgress.objects.filter(action=action).count() == 1


def test_another_user_with_the_same_key_never_gets_the_first_answer(client, people):
    action = make_action(make_finding())
    client_for(client, people.unit_staff)
    url = f"/api/v1/follow-up-actions/{action.pk}/progress/"
    assert post(client, url, PROGRESS, key="khoa-chung").status_code == 200
    # The outsider (another department) may not see the action: its own answer, not the stored one.
    client_for(client, people.outsider)
    refused = post(client, url, PROGRESS, key="khoa-chung")
    assert refused.status_code == 404 and "Idempotent-Replayed" not in refused
    assert "12 triệu" not in refused.content.decode()
    assert ActionProgress.objects.filter(action=action).count() == 1


def test_a_refusal_is_not_remembered_so_the_corrected_request_may_reuse_the_key(client, people):
    action = make_action(make_finding())
    client_for(client, people.unit_staff)
    url = f"/api/v1/follow-up-actions/{action.pk}/progress/"
    missing_note = post(client, url, {"reported_on": "2026-05-04"}, key="khoa-sua-loi")
    assert missing_note.status_code == 400 and "note" in missing_note.json()["error"]["fields"]
    assert post(client, url, PROGRESS, key="khoa-sua-loi").status_code == 200
    assert ActionProgress.objects.filter(action=action).count() == 1


def test_a_retried_case_step_is_taken_once(client, people):
    client_for(client, people.inspector)
    created = post(client, "/api/v1/complaints/", {
        "subject": "Khiếu nại bồi thường đất", "complained_act": "QĐ 15/QĐ-UBND", "complainant_name": "Bà Lò Thị Hoa",
        "received_on": str(days_ago(20)), "unit": inspectorate().pk,
    }).json()
    url = f"/api/v1/complaints/{created['id']}/accept/"
    first = post(client, url, {"accepted_on": str(days_ago(18))}, key="thu-ly-khieu-nai")
    retry = post(client, url, {"accepted_on": str(days_ago(18))}, key="thu-ly-khieu-nai")
    assert first.status_code == retry.status_code == 200 and retry.content == first.content
    case = ComplaintCase.objects.get(pk=created["id"])
    assert case.history.filter(history_change_reason__icontains="thụ lý").count() == 1
    # Without the key the same retry is refused by the service: the case is already accepted.
    assert post(client, url, {"accepted_on": str(days_ago(18))}).status_code == 400


def test_a_retried_create_by_token_makes_one_petition_and_keeps_its_answer_encrypted(people):
    client = Client()
    token = Token.objects.create(user=people.office_clerk)
    body = {"received_on": str(days_ago(1)), "channel": "online", "matter": "Ông Quách Văn Tuấn xả thải ra kênh tưới",
            "unit": inspectorate().pk, "identity": {"name": "Trịnh Văn Gửi", "phone": "0900111222"}}
    auth = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    first = post(client, "/api/v1/petitions/", body, key="don-thu-0001", **auth)
    retry = post(client, "/api/v1/petitions/", body, key="don-thu-0001", **auth)
    assert first.status_code == retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"] and Petition.objects.count() == 1
    stored = IdempotentRequest.objects.get(key="don-thu-0001")
    assert stored.user == people.office_clerk and stored.status_code == 201
    assert "Quách" not in stored.sealed_body and "Qu\\u00e1ch" not in stored.sealed_body


def test_a_key_longer_than_200_characters_is_refused(client, people):
    action = make_action(make_finding())
    client_for(client, people.unit_staff)
    response = post(client, f"/api/v1/follow-up-actions/{action.pk}/progress/", PROGRESS, key="k" * 201)
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_idempotency_key"
    assert not ActionProgress.objects.filter(action=action).exists()


def test_keys_expire_after_a_day_and_the_daily_job_forgets_them(client, people):
    action = make_action(make_finding())
    client_for(client, people.unit_staff)
    url = f"/api/v1/follow-up-actions/{action.pk}/progress/"
    assert post(client, url, PROGRESS, key="khoa-hom-qua").status_code == 200
    IdempotentRequest.objects.filter(key="khoa-hom-qua").update(created_at=timezone.now() - datetime.timedelta(hours=25))
    assert post(client, url, PROGRESS, key="khoa-hom-qua").status_code == 200
    assert ActionProgress.objects.filter(action=action).count() == 2
    IdempotentRequest.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    call_command("purge_idempotency_keys")
    assert not IdempotentRequest.objects.exists()


def test_concurrent_copies_of_one_request_write_once_on_the_production_server(demo_site, demo_server):
    """Copies of one request in flight at once, on gunicorn's two workers and the suite's database engine: the unique
    key makes each copy wait for the first one's transaction, then replay its answer."""
    script = crash_script()
    token, unit_id = script.create_clerk(demo_site.environment)
    run = uuid.uuid4().hex[:8]
    answers = {}

    def send(marker, copy, start):
        body = json.dumps({"received_on": "2026-11-02", "kind": "regular", "identity": {"name": "Bà Lò Thị Hoa"},
                           "content": f"crash-{run}-{marker}", "classification": "request", "handling": "receive",
                           "unit": unit_id})
        headers = {"Authorization": f"Token {token}", "Content-Type": "application/json", "Idempotency-Key": marker}
        start.wait()
        connection = HTTPConnection("127.0.0.1", demo_server.port, timeout=60)
        connection.request("POST", "/api/v1/receptions/", body, headers)
        response = connection.getresponse()
        answers[(marker, copy)] = (response.status, response.read())
        connection.close()

    markers = [f"tiep-dan-{number}" for number in range(6)]
    for marker in markers:
        start = threading.Barrier(3)
        threads = [threading.Thread(target=send, args=(marker, copy, start)) for copy in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    for marker in markers:
        copies = [answers[(marker, copy)] for copy in range(3)]
        assert [status for status, _ in copies] == [201, 201, 201], copies
        assert len({json.loads(body)["id"] for _, body in copies}) == 1
    stored = script.stored_writes(demo_site.database_url, demo_site.data_dir, run)
    assert sorted(content for content, _id, _code in stored) == sorted(f"crash-{run}-{marker}" for marker in markers)


def test_a_retried_upload_is_stored_once_even_with_a_new_multipart_boundary(client, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from papi_inspect.models import Attachment
    from tests.core.test_attachment_api import PDF

    action = make_action(make_finding())
    client_for(client, people.chief_inspector)

    def upload():
        # The test client makes a new boundary per request, as a browser or a retrying client does.
        return client.post("/api/v1/attachments/", {
            "record_type": "finding.finding", "record_id": action.finding_id,
            "file": SimpleUploadedFile("bien-ban-kiem-tra.pdf", PDF), "description": "Biên bản do ông Lê Thanh Tra lập",
        }, HTTP_IDEMPOTENCY_KEY="tai-len-bien-ban")

    first, retry = upload(), upload()
    assert first.status_code == retry.status_code == 201, first.content
    assert retry.content == first.content and retry["Idempotent-Replayed"] == "true"
    assert Attachment.objects.filter(description__startswith="Biên bản do ông").count() == 1


def test_an_identity_reveal_is_never_kept_and_its_retry_is_logged_again(client, people):
    from doctypes.complaint_case.models import IdentityAccessLog
    from tests.complaint_case.builders import DENOUNCER, make_denunciation

    case = make_denunciation(people.inspector, handler=people.inspector)
    url = f"/api/v1/denunciations/{case.pk}/reveal/"
    client_for(client, people.leader)
    assert post(client, url, {"reason": "Lãnh đạo muốn xem"}, key="xem-danh-tinh").status_code == 403
    client_for(client, people.inspector)
    reason = {"reason": "Liên hệ bà Hoàng Thị Bí Mật bổ sung chứng cứ"}
    first = post(client, url, reason, key="xem-danh-tinh")
    retry = post(client, url, reason, key="xem-danh-tinh")
    assert first.status_code == retry.status_code == 200 and "Idempotent-Replayed" not in retry
    assert retry.json()["identity"]["name"] == DENOUNCER["name"]
    assert IdentityAccessLog.objects.filter(granted=True, user=people.inspector, record_id=case.pk).count() == 2
    assert not IdempotentRequest.objects.exists()
