"""POST /api/v1/tablet/sync/batch/: the device's queue in one request, applied in order, one answer per item by its key."""

import json
import uuid

import pytest

from doctypes.discipline_check import services as checks
from doctypes.discipline_check.models import CheckResult
from doctypes.finding.models import Finding
from papi_inspect.models import Attachment
from tablet.models import SyncReceipt
from tablet.services import version_of
from tests.base import client_for
from tests.tablet.builders import (
    BATCH_URL, finding_payload, fieldwork_inspection, inspectors_check, jpeg, other_inspector, png, sync_batch,
)

pytestmark = pytest.mark.django_db


def attachments_of(record):
    return Attachment.objects.filter(object_id=record.pk, content_type__model=record._meta.model_name)


def result(check, item, outcome, note, base_version):
    return "check_result", {"check": check.pk, "item": item.pk, "outcome": outcome, "note": note, "base_version": base_version}


def test_a_batch_is_applied_in_order_with_each_items_own_files(client, people):
    inspection = fieldwork_inspection()
    check = inspectors_check()
    item = check.template.items.first()
    keys = [uuid.uuid4() for _ in range(3)]
    response = sync_batch(client_for(client, people.inspector), [
        ("finding", finding_payload(inspection, condition="Thứ nhất"), {"key": keys[0], "photos": [jpeg("a.jpg"), jpeg("b.jpg")]}),
        (*result(check, item, "fail", "Vắng 2 người", None), {"key": keys[1], "photos": [jpeg("c.jpg")]}),
        ("finding", finding_payload(inspection, condition="Thứ hai", signer_name="Đỗ Trưởng Đơn"),
         {"key": keys[2], "signature": png()}),
    ])
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert [(r["key"], r["status"]) for r in results] == [(str(key), 201) for key in keys]
    first, second = Finding.objects.get(pk=results[0]["id"]), Finding.objects.get(pk=results[2]["id"])
    assert (first.condition, second.condition) == ("Thứ nhất", "Thứ hai") and first.pk < second.pk
    assert attachments_of(first).count() == 2 and attachments_of(second).count() == 1  # the signature only
    assert second.signature.description == "Chữ ký của Đỗ Trưởng Đơn"
    check_result = CheckResult.objects.get(check_record=check, item=item)
    assert attachments_of(check_result).count() == 1 and results[1]["version"] == version_of(check_result)


def test_the_same_batch_sent_again_creates_nothing_new(client, people):
    inspection = fieldwork_inspection()
    client = client_for(client, people.inspector)
    items = [("finding", finding_payload(inspection, condition=f"Số {n}"), {"key": uuid.uuid4(), "photos": [jpeg()]})
             for n in range(3)]
    first = sync_batch(client, items).json()["results"]
    # The answer was lost on the way back; the device sends the whole batch again.
    again = sync_batch(client, items).json()["results"]
    assert [r["status"] for r in first] == [201] * 3 and [r["status"] for r in again] == [200] * 3
    assert [r["id"] for r in again] == [r["id"] for r in first] and all(r["duplicate"] for r in again)
    assert Finding.objects.filter(inspection=inspection).count() == 3
    assert Attachment.objects.filter(content_type__model="finding").count() == 3
    assert SyncReceipt.objects.count() == 3


def test_two_edits_of_one_item_queued_on_one_copy_both_apply_in_order(client, people):
    check = inspectors_check()
    item = check.template.items.first()
    checks.record_results(check, by=people.inspector, results=[(item, "pass", "", None)])
    base = version_of(CheckResult.objects.get(check_record=check, item=item))
    response = sync_batch(client_for(client, people.inspector), [
        result(check, item, "fail", "Lần một", base),
        result(check, item, "fail", "Lần hai", base),
        result(check, item, "na", "Lần ba", base),
    ])
    results = response.json()["results"]
    assert [r["status"] for r in results] == [201, 201, 201], results
    current = CheckResult.objects.get(check_record=check, item=item)
    assert (current.outcome, current.note) == ("na", "Lần ba") and results[-1]["version"] == version_of(current)
    assert [h.note for h in current.history.order_by("history_id")][-3:] == ["Lần một", "Lần hai", "Lần ba"]


def test_a_change_made_by_someone_else_is_still_a_conflict_and_the_rest_of_the_batch_applies(client, people):
    inspection = fieldwork_inspection()
    check = inspectors_check()
    item = check.template.items.first()
    checks.record_results(check, by=people.inspector, results=[(item, "pass", "", None)])
    base = version_of(CheckResult.objects.get(check_record=check, item=item))
    checks.record_results(check, by=people.office_clerk, results=[(item, "pass", "Văn phòng sửa", None)])
    response = sync_batch(client_for(client, people.inspector), [
        result(check, item, "fail", "Bản trên máy", base),
        ("finding", finding_payload(inspection)),
    ])
    conflict, created = response.json()["results"]
    assert conflict["status"] == 409 and conflict["error"]["code"] == "conflict"
    assert conflict["error"]["server"]["note"] == "Văn phòng sửa" and conflict["error"]["mine"]["note"] == "Bản trên máy"
    assert created["status"] == 201 and Finding.objects.filter(inspection=inspection).count() == 1
    assert CheckResult.objects.get(check_record=check, item=item).note == "Văn phòng sửa"


def test_refused_items_answer_with_their_reason_and_do_not_stop_the_others(client, people):
    mine, theirs = fieldwork_inspection(), fieldwork_inspection(leader=other_inspector(), title="Thanh tra khác")
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("anh.jpg", b"MZ\x90\x00" + bytes(200), content_type="image/jpeg")
    response = sync_batch(client_for(client, people.inspector), [
        ("finding", finding_payload(theirs)),
        ("finding", finding_payload(mine), {"photos": [fake]}),
        ("finding", {"inspection": mine.pk}),
        ("finding", finding_payload(mine, condition="Được ghi")),
    ])
    refused_team, not_image, incomplete, created = response.json()["results"]
    assert (refused_team["status"], refused_team["error"]["code"]) == (403, "refused")
    assert (not_image["status"], not_image["error"]["message"]) == (422, "Tệp 'anh.jpg' không phải là ảnh.")
    assert incomplete["status"] == 400 and set(incomplete["error"]["fields"]) == {"condition", "criteria"}
    assert created["status"] == 201
    assert list(Finding.objects.filter(inspection__in=[mine, theirs]).values_list("condition", flat=True)) == ["Được ghi"]
    assert SyncReceipt.objects.count() == 1


def test_a_key_of_another_users_item_is_refused_in_a_batch(client, people):
    inspection = fieldwork_inspection()
    key = uuid.uuid4()
    sync_batch(client_for(client, people.inspector), [("finding", finding_payload(inspection), {"key": key})])
    response = sync_batch(client_for(client, people.chief_inspector), [("finding", finding_payload(inspection), {"key": key})])
    answer = response.json()["results"][0]
    assert answer["status"] == 422 and "đã được dùng" in answer["error"]["message"]


def test_a_malformed_batch_gets_a_structured_vietnamese_error(client, people):
    client = client_for(client, people.inspector)
    for items in ["", "không phải JSON", "{}", "[]", "[1, 2]"]:
        response = client.post(BATCH_URL, {"items": items})
        assert response.status_code == 400, items
        assert response.json()["error"] == {"code": "invalid", "message": "Danh sách mục đồng bộ (items) không đọc được."}
    too_many = client.post(BATCH_URL, {"items": json.dumps([{"key": str(uuid.uuid4()), "kind": "finding", "payload": {}}] * 51)})
    assert too_many.status_code == 400 and too_many.json()["error"]["message"] == "Mỗi lần gửi tối đa 50 mục."
    odd = client.post(BATCH_URL, {"items": json.dumps([{"kind": "finding"}, {"key": str(uuid.uuid4()), "kind": ["finding"]},
                                                        {"key": str(uuid.uuid4()), "kind": "finding", "payload": "[1"},
                                                        {"key": str(uuid.uuid4()), "kind": "check_result", "author": people.inspector.pk,
                                                         "payload": {"check": [1], "item": {}, "base_version": [2]}},
                                                        {"key": str(uuid.uuid4()), "kind": "finding", "payload": {}}])})
    messages = [(r["status"], r["error"]["message"]) for r in odd.json()["results"]]
    assert messages[:3] == [(400, "Thiếu mã đồng bộ (UUID) của mục."), (400, "Loại mục đồng bộ không hợp lệ."),
                            (400, "Nội dung mục đồng bộ không đọc được.")]
    # Each field under its Vietnamese label, never its English name.
    status, message = messages[3]
    assert status == 400 and message.startswith("Dữ liệu không hợp lệ. Cuộc kiểm tra: ")
    assert "Nội dung kiểm tra: " in message and "Phiên bản đã đọc: " in message and "Kết quả: " in message
    assert "check:" not in message and "base_version" not in message
    assert messages[4] == (400, "Mục đồng bộ thiếu người ghi (author).")
    assert not SyncReceipt.objects.exists()


def test_an_anonymous_device_is_told_to_sign_in_and_nothing_is_applied(client, people):
    inspection = fieldwork_inspection()
    response = sync_batch(client, [("finding", finding_payload(inspection))])
    assert response.status_code == 401
    assert not Finding.objects.filter(inspection=inspection).exists()


def test_a_batch_sent_again_with_a_new_edit_after_it_builds_on_the_replayed_ones(client, people):
    check = inspectors_check()
    item = check.template.items.first()
    client = client_for(client, people.inspector)
    edits = [(*result(check, item, "fail", "Lần một", None), {"key": uuid.uuid4()}),
             (*result(check, item, "fail", "Lần hai", None), {"key": uuid.uuid4()})]
    assert [r["status"] for r in sync_batch(client, edits).json()["results"]] == [201, 201]
    # The answer was lost; meanwhile the inspector edited the item once more, still on the copy the page had.
    again = sync_batch(client, [*edits, result(check, item, "pass", "Lần ba", None)]).json()["results"]
    assert [r["status"] for r in again] == [200, 200, 201], again
    assert CheckResult.objects.get(check_record=check, item=item).note == "Lần ba"
