"""The API's side of a shared tablet and of checks run from it: authors, findings on a check, finishing a check."""

import datetime
import uuid

import pytest
from django.utils import timezone

from doctypes.discipline_check import services as checks
from doctypes.discipline_check.models import DisciplineCheck
from doctypes.finding.models import Finding
from papi_inspect.models import Attachment
from tablet.models import SyncReceipt
from tests.base import client_for
from tests.tablet.builders import (
    finding_payload, fieldwork_inspection, inspectors_check, jpeg, other_inspector, sync, sync_batch,
)

pytestmark = pytest.mark.django_db

NOT_THEIRS = ("Mục này do người khác ghi trên máy tính bảng; chỉ người đó được đồng bộ, sau khi đăng nhập. "
              "Mục vẫn được giữ trên máy cho người đó.")


def test_an_item_saved_by_one_inspector_is_refused_under_anothers_session(client, people):
    inspection = fieldwork_inspection()
    # The colleague may record findings on this inspection too: only the author decides.
    inspection.team.create(member=other_inspector(), role="member")
    response = sync(client_for(client, other_inspector()), "finding", finding_payload(inspection), author=people.inspector.pk,
                    photos=[jpeg()])
    assert response.status_code == 403
    assert response.json()["error"] == {"code": "not_author", "message": NOT_THEIRS}
    assert not Finding.objects.filter(inspection=inspection).exists() and not SyncReceipt.objects.exists()


def test_a_batch_answers_each_item_by_its_author(client, people):
    inspection = fieldwork_inspection()
    client = client_for(client, people.inspector)
    response = sync_batch(client, [
        ("finding", finding_payload(inspection, condition="Của tôi")),
        ("finding", finding_payload(inspection, condition="Của người khác"), {"author": other_inspector().pk}),
        ("finding", finding_payload(inspection, condition="Không ghi người"), {"author": None}),
    ])
    assert [(r["status"], r.get("error", {}).get("code")) for r in response.json()["results"]] == [
        (201, None), (403, "not_author"), (400, "invalid")]
    assert list(Finding.objects.filter(inspection=inspection).values_list("condition", "recorded_by")) == [
        ("Của tôi", people.inspector.pk)]


def test_a_retried_key_is_refused_too_when_its_author_is_someone_else(client, people):
    inspection = fieldwork_inspection()
    key = uuid.uuid4()
    assert sync(client_for(client, people.inspector), "finding", finding_payload(inspection), key=key).status_code == 201
    again = sync(client_for(client, other_inspector()), "finding", finding_payload(inspection), key=key, author=people.inspector.pk)
    assert again.status_code == 403 and again.json()["error"]["code"] == "not_author"


def test_the_leader_of_a_check_under_way_records_findings_on_it(client, people):
    check = inspectors_check()
    payload = {"discipline_check": check.pk, "condition": "Không niêm yết thủ tục", "criteria": "Nghị định 61/2018/NĐ-CP"}
    response = sync(client_for(client, people.inspector), "finding", payload, photos=[jpeg()])
    assert response.status_code == 201, response.content
    finding = Finding.objects.get(pk=response.json()["id"])
    assert (finding.discipline_check, finding.unit, finding.recorded_by) == (check, check.unit, people.inspector)
    assert Finding.objects.visible_to(people.inspector).filter(pk=finding.pk).exists()
    # Another inspector is not the check's leader: the check is not theirs to see.
    refused = sync(client_for(client, other_inspector()), "finding", payload)
    assert refused.status_code == 400 and "không có quyền" in refused.json()["error"]["message"]


def test_once_the_check_is_finished_its_findings_are_the_offices(client, people):
    check = inspectors_check()
    for item in check.template.items.all():
        checks.record_results(check, by=people.office_clerk, results=[(item, "pass", "", None)])
    checks.finish_check(check, by=people.office_clerk, conducted_on=check.scheduled_on)
    payload = {"discipline_check": check.pk, "condition": "Ghi sau khi kết thúc", "criteria": "Chỉ thị 26/CT-TTg"}
    response = sync(client_for(client, people.inspector), "finding", payload)
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Bạn không có quyền ghi, sửa phát hiện này."
    assert sync(client_for(client, people.office_clerk), "finding", payload).status_code == 201


def complete(check, by):
    for item in check.template.items.all():
        checks.record_results(check, by=by, results=[(item, "pass", "", None)])


def test_the_leader_finishes_the_check_from_the_tablet_and_the_office_sees_it_done(client, people):
    check = inspectors_check()
    complete(check, people.inspector)
    today = timezone.localdate()
    response = sync(client_for(client, people.inspector), "check_finish",
                    {"check": check.pk, "conducted_on": today.isoformat(), "summary": "Chấp hành tốt"})
    assert response.status_code == 201, response.content
    check.refresh_from_db()
    assert (check.status, check.conducted_on, check.summary) == (DisciplineCheck.Status.DONE, today, "Chấp hành tốt")
    latest = check.history.first()
    assert latest.history_user == people.inspector and latest.history_change_reason == "Trưởng đoàn kết thúc kiểm tra tại đơn vị"
    office = client_for(client, people.office_clerk).get("/api/v1/discipline-checks/").json()
    assert any(row["id"] == check.pk and row["status"] == "done" for row in office.get("results", office))


def test_finishing_is_refused_with_a_reason_when_the_check_is_not_ready_or_not_theirs(client, people):
    check = inspectors_check()
    client = client_for(client, people.inspector)
    missing = sync(client, "check_finish", {"check": check.pk})
    assert missing.status_code == 422
    assert missing.json()["error"]["message"] == f"Còn {check.template.items.count()} nội dung chưa có kết quả."
    complete(check, people.inspector)
    future = sync(client, "check_finish", {"check": check.pk, "conducted_on": (timezone.localdate() + datetime.timedelta(days=2)).isoformat()})
    assert future.status_code == 422 and future.json()["error"]["message"] == "Ngày thực hiện không được sau hôm nay."
    stranger = sync(client_for(client, other_inspector()), "check_finish", {"check": check.pk})
    assert stranger.status_code == 400 and "không có quyền" in stranger.json()["error"]["message"]
    check.refresh_from_db()
    assert check.status == DisciplineCheck.Status.SCHEDULED
    assert sync(client_for(client, people.inspector), "check_finish", {"check": check.pk}).status_code == 201
    again = sync(client, "check_finish", {"check": check.pk})
    assert again.status_code == 422 and again.json()["error"]["message"] == "Cuộc kiểm tra đã kết thúc."


def test_the_back_office_shows_a_checks_photos_to_the_office_and_to_nobody_else(client, people):
    check = inspectors_check()
    item = check.template.items.first()
    result = checks.record_result(check, by=people.inspector, item=item, outcome="fail", note="Vắng", photos=[jpeg("cua.jpg")])
    photo = Attachment.objects.get(content_type__model="checkresult", object_id=result.pk)
    office = client_for(client, people.office_clerk)
    for url in (f"/admin/discipline_check/disciplinecheck/{check.pk}/change/", f"/admin/discipline_check/checkresult/{result.pk}/change/"):
        page = office.get(url).content.decode()
        assert f'class="check-photo" href="/files/{photo.pk}/"' in page, url
    assert office.get(f"/files/{photo.pk}/").status_code == 200
    outsider = client_for(client, people.outsider)
    assert outsider.get(f"/admin/discipline_check/disciplinecheck/{check.pk}/change/").status_code != 200
    assert outsider.get(f"/files/{photo.pk}/").status_code == 404


def test_the_photo_size_messages_name_the_limit_that_was_passed(client, people, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    settings.PHOTO_MAX_BYTES = 20 * 1024
    inspection = fieldwork_inspection()
    client = client_for(client, people.inspector)
    huge = jpeg("qua-lon.jpg", size=(2400, 1800), noisy=True)
    assert huge.size > settings.ATTACHMENT_MAX_BYTES
    refused = sync(client, "finding", finding_payload(inspection), photos=[huge])
    assert refused.status_code == 422
    assert "vượt quá dung lượng cho phép (1 MB)" in refused.json()["error"]["message"]
    shrunk = sync(client, "finding", finding_payload(inspection), photos=[jpeg("vua.jpg", size=(800, 600), noisy=True)])
    assert shrunk.status_code == 422
    assert "đã được thu nhỏ nhưng vẫn vượt quá dung lượng cho phép (20 KB)" in shrunk.json()["error"]["message"]
