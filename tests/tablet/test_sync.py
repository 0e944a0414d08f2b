"""POST /api/v1/tablet/sync/: one item per call, exactly once by its key, 409 on a stale base, refusals with reasons."""

import uuid

import pytest

from doctypes.discipline_check import services as checks
from doctypes.discipline_check.models import CheckResult
from doctypes.finding.models import Action, Finding
from doctypes.inspection.models import Inspection
from papi_inspect.models import Attachment
from tablet.models import SyncReceipt
from tablet.services import version_of
from tests.base import client_for
from tests.inspection.builders import advance
from tests.tablet.builders import (
    finding_payload, fieldwork_inspection, inspectors_check, jpeg, other_inspector, png, sync, verification_due,
)

pytestmark = pytest.mark.django_db


def attachments_of(record):
    return Attachment.objects.filter(object_id=record.pk, content_type__model=record._meta.model_name)


def test_it_records_a_finding_with_photos_gps_and_signature(client, people):
    inspection = fieldwork_inspection()
    response = sync(client_for(client, people.inspector), "finding",
                    finding_payload(inspection, latitude="21.028511", longitude="105.804817", signer_name="Đỗ Trưởng Đơn",
                                    signed_at="2026-12-03T09:15:00+07:00"),
                    photos=[jpeg("a.jpg"), jpeg("b.jpg")], signature=png())
    assert response.status_code == 201, response.content
    finding = Finding.objects.get(pk=response.json()["id"])
    assert finding.inspection == inspection and finding.recorded_by == people.inspector
    assert finding.unit == inspection.subject_units.first()
    assert (str(finding.latitude), str(finding.longitude)) == ("21.028511", "105.804817")
    assert finding.signer_name == "Đỗ Trưởng Đơn" and finding.signed_at.isoformat() == "2026-12-03T02:15:00+00:00"
    assert finding.signature.description == "Chữ ký của Đỗ Trưởng Đơn"
    assert attachments_of(finding).count() == 3
    assert response.json()["version"] == version_of(finding)


def test_a_retried_key_creates_nothing_new(client, people):
    inspection = fieldwork_inspection()
    client = client_for(client, people.inspector)
    key = uuid.uuid4()
    first = sync(client, "finding", finding_payload(inspection), key=key, photos=[jpeg()])
    again = sync(client, "finding", finding_payload(inspection), key=key, photos=[jpeg()])
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"] and again.json()["duplicate"] is True
    assert Finding.objects.filter(inspection=inspection).count() == 1
    assert attachments_of(Finding.objects.get(inspection=inspection)).count() == 1
    assert SyncReceipt.objects.filter(key=key).count() == 1


def test_someone_else_cannot_replay_another_users_key(client, people):
    inspection = fieldwork_inspection()
    key = uuid.uuid4()
    assert sync(client_for(client, people.inspector), "finding", finding_payload(inspection), key=key).status_code == 201
    response = sync(client_for(client, people.chief_inspector), "finding", finding_payload(inspection), key=key)
    assert response.status_code == 422
    assert "đã được dùng" in response.json()["error"]["message"]


def test_a_check_result_with_a_photo_then_a_stale_edit_is_a_conflict_with_both_versions(client, people):
    check = inspectors_check()
    item = check.template.items.first()
    client = client_for(client, people.inspector)
    first = sync(client, "check_result", {"check": check.pk, "item": item.pk, "outcome": "fail", "note": "Vắng 2 người",
                                          "base_version": None}, photos=[jpeg()])
    assert first.status_code == 201, first.content
    result = CheckResult.objects.get(check_record=check, item=item)
    assert (result.outcome, result.note) == ("fail", "Vắng 2 người") and attachments_of(result).count() == 1
    base = first.json()["version"]
    # The office corrects the same item from the desk meanwhile.
    checks.record_results(check, by=people.office_clerk, results=[(item, "pass", "Đã có mặt", None)])
    stale = sync(client, "check_result", {"check": check.pk, "item": item.pk, "outcome": "na", "note": "Bản trên máy",
                                          "base_version": base})
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert error["code"] == "conflict"
    assert (error["server"]["outcome"], error["server"]["note"]) == ("pass", "Đã có mặt")
    assert error["server"]["version"] == version_of(result) != base and error["server"]["changed_at"]
    assert (error["mine"]["outcome"], error["mine"]["note"]) == ("na", "Bản trên máy")
    result.refresh_from_db()
    assert result.outcome == "pass"
    # "Keep mine": the device resends on the server's version, with a fresh key.
    kept = sync(client, "check_result", {"check": check.pk, "item": item.pk, "outcome": "na", "note": "Bản trên máy",
                                         "base_version": error["server"]["version"]})
    assert kept.status_code == 201
    result.refresh_from_db()
    assert (result.outcome, result.note) == ("na", "Bản trên máy")
    assert result.history.first().history_user == people.inspector


def test_a_new_result_where_the_server_already_has_one_is_a_conflict(client, people):
    check = inspectors_check()
    item = check.template.items.first()
    checks.record_results(check, by=people.office_clerk, results=[(item, "pass", "", None)])
    response = sync(client_for(client, people.inspector), "check_result",
                    {"check": check.pk, "item": item.pk, "outcome": "fail", "note": "", "base_version": None})
    assert response.status_code == 409
    assert response.json()["error"]["server"]["outcome"] == "pass"


def test_it_refuses_a_finding_on_an_inspection_the_inspector_is_not_on(client, people):
    inspection = fieldwork_inspection(leader=other_inspector())
    response = sync(client_for(client, people.inspector), "finding", finding_payload(inspection))
    assert response.status_code == 403
    assert response.json()["error"] == {"code": "refused", "message": "Bạn không có quyền ghi, sửa phát hiện này."}
    assert not Finding.objects.filter(inspection=inspection).exists()


def test_it_refuses_an_item_for_a_record_no_longer_editable_with_a_reason(client, people):
    inspection = fieldwork_inspection()
    advance(inspection, Inspection.Step.CONCLUDED)
    response = sync(client_for(client, people.inspector), "finding", finding_payload(inspection), photos=[jpeg()])
    assert response.status_code == 422
    assert "đã kết luận" in response.json()["error"]["message"]
    assert not Finding.objects.filter(inspection=inspection).exists()
    assert not SyncReceipt.objects.exists()


def test_it_refuses_a_result_for_a_finished_check(client, people):
    check = inspectors_check()
    for item in check.template.items.all():
        checks.record_results(check, by=people.office_clerk, results=[(item, "pass", "", None)])
    checks.finish_check(check, by=people.office_clerk, conducted_on=check.scheduled_on)
    result = CheckResult.objects.filter(check_record=check).first()
    response = sync(client_for(client, people.inspector), "check_result",
                    {"check": check.pk, "item": result.item_id, "outcome": "fail", "note": "", "base_version": version_of(result)})
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "Cuộc kiểm tra đã kết thúc, không sửa kết quả được."


def test_a_check_someone_else_leads_is_not_found_for_the_inspector(client, people):
    check = inspectors_check(leader=people.office_clerk)
    response = sync(client_for(client, people.inspector), "check_result",
                    {"check": check.pk, "item": check.template.items.first().pk, "outcome": "pass", "base_version": None})
    assert response.status_code == 400
    assert "không có quyền" in response.json()["error"]["fields"]["check"][0]
    # The lines made from the template when the office scheduled it stay unscored.
    assert not CheckResult.objects.filter(check_record=check).exclude(outcome=CheckResult.Outcome.PENDING).exists()


def test_it_refuses_a_photo_that_is_not_an_image(client, people):
    inspection = fieldwork_inspection()
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("anh.jpg", b"MZ\x90\x00" + bytes(200), content_type="image/jpeg")
    response = sync(client_for(client, people.inspector), "finding", finding_payload(inspection), photos=[fake])
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "Tệp 'anh.jpg' không phải là ảnh."
    assert not Finding.objects.filter(inspection=inspection).exists()


def test_an_oversized_photo_is_shrunk(client, people, settings):
    settings.PHOTO_MAX_BYTES = 1024 * 1024
    inspection = fieldwork_inspection()
    big = jpeg("to.jpg", size=(3200, 2400), noisy=True)
    assert big.size > settings.PHOTO_MAX_BYTES
    response = sync(client_for(client, people.inspector), "finding", finding_payload(inspection), photos=[big])
    assert response.status_code == 201, response.content
    stored = attachments_of(Finding.objects.get(inspection=inspection)).get()
    assert stored.size <= settings.PHOTO_MAX_BYTES and stored.mime_type == "image/jpeg"


def test_a_photo_that_cannot_fit_even_shrunk_is_refused(client, people, settings):
    settings.PHOTO_MAX_BYTES = 20 * 1024
    inspection = fieldwork_inspection()
    response = sync(client_for(client, people.inspector), "finding", finding_payload(inspection),
                    photos=[jpeg("to.jpg", size=(3200, 2400), noisy=True)])
    assert response.status_code == 422
    assert "vượt quá dung lượng cho phép (20 KB)" in response.json()["error"]["message"]
    assert not Finding.objects.filter(inspection=inspection).exists()


def test_it_verifies_a_follow_up_action_once(client, people):
    action = verification_due()
    client = client_for(client, people.inspector)
    key = uuid.uuid4()
    payload = {"action": action.pk, "note": "Đã kiểm tra chứng từ nộp tiền", "base_version": version_of(action)}
    assert sync(client, "verification", payload, key=key, photos=[jpeg()]).status_code == 201
    assert sync(client, "verification", payload, key=key).status_code == 200
    action.refresh_from_db()
    assert action.status == Action.Status.VERIFIED and action.verified_by == people.inspector
    assert attachments_of(action).count() == 1


def test_bad_items_get_a_structured_vietnamese_error(client, people):
    client = client_for(client, people.inspector)
    no_key = client.post("/api/v1/tablet/sync/", {"kind": "finding", "payload": "{}"})
    assert no_key.status_code == 400 and no_key.json()["error"]["message"] == "Thiếu mã đồng bộ (UUID) của mục."
    bad_kind = sync(client, "other", {})
    assert bad_kind.status_code == 400 and bad_kind.json()["error"]["message"] == "Loại mục đồng bộ không hợp lệ."
    missing = sync(client, "finding", {"inspection": fieldwork_inspection().pk})
    assert missing.status_code == 400 and set(missing.json()["error"]["fields"]) == {"condition", "criteria"}


def test_an_anonymous_device_is_told_to_sign_in(client, people):
    response = sync(client, "finding", {})
    assert response.status_code == 401


def test_a_finding_can_only_concern_the_inspected_units(client, people):
    inspection = fieldwork_inspection()
    client = client_for(client, people.inspector)
    response = sync(client, "finding", finding_payload(inspection, unit="snnmt-cckiemlam"))  # our agency, not inspected
    # The rule is record_finding's (the same for the back office and the API): the device is told it was refused.
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "Đơn vị không phải là đối tượng của cuộc thanh tra, kiểm tra này."
    # Another agency's unit is not even a choice (issue 13: scoped inputs).
    assert sync(client, "finding", finding_payload(inspection, unit="stc-vp")).status_code == 400
    assert not Finding.objects.filter(inspection=inspection).exists()


def test_a_json_body_that_is_not_an_item_is_refused_not_a_500(client, people):
    """Found by the fuzz (tests/core/test_api_fuzz.py): a body of `null` or a list crashed the sync endpoint."""
    client_for(client, people.inspector)
    for body in ("null", "[]", "42"):
        response = client.post("/api/v1/tablet/sync/", body, content_type="application/json")
        assert response.status_code == 400 and response.json()["error"]["code"] == "invalid", body
    assert not SyncReceipt.objects.exists()
