"""The tablet in headless Chromium at tablet sizes: sign-in, checklist with a photo, a signed finding, offline work, a conflict."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doctypes.discipline_check import services as checks
from doctypes.discipline_check.models import CheckResult
from doctypes.finding.models import Finding
from papi_inspect.models import Attachment
from tablet.models import SyncReceipt
from tests.base import load_people
from tests.tablet.builders import fieldwork_inspection, inspectors_check, other_inspector
from tests.tablet.steps import (
    BOTH_SIZES, BROWSER_TEST, LANDSCAPE, PORTRAIT, image_size, photo_file, saved_and_back, shot, sign_in, synced,
    wait_until,
)

pytestmark = BROWSER_TEST


@BOTH_SIZES
def test_signing_in_shows_todays_work(open_tablet, viewport):
    people = load_people()
    inspection = fieldwork_inspection()
    check = inspectors_check(scheduled_on=timezone.localdate())
    _, page = open_tablet(viewport)
    sign_in(page, people.inspector)
    assert page.locator(f"[data-inspection='{inspection.pk}']").is_visible()
    assert page.locator(f"[data-check='{check.pk}']").is_visible()
    assert page.locator("#net-status").inner_text() == "Trực tuyến"
    # Who is signed in shows at both sizes: on a shared tablet the next person sees it is not them.
    assert page.locator("#tablet-user").is_visible() and "Lê Thanh Tra" in page.locator("#tablet-user").inner_text()
    assert page.locator("#storage-warning").count() == 0
    if viewport is PORTRAIT:
        shot(page, "home")


def test_a_wrong_password_stays_on_the_sign_in_page(open_tablet):
    _, page = open_tablet(PORTRAIT)
    page.goto("/tablet/login/")
    page.fill("#id_username", load_people().inspector.username)
    page.fill("#id_password", "sai-mat-khau")
    page.click("button[type=submit]")
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page.locator(".alert-danger").inner_text()


def test_completing_a_checklist_with_a_photo(open_tablet, tmp_path):
    people = load_people()
    check = inspectors_check()
    first, second = list(check.template.items.all())[:2]
    _, page = open_tablet(PORTRAIT)
    sign_in(page, people.inspector)
    page.click(f"[data-check='{check.pk}']")
    page.click(f"label[for='o-{first.pk}-fail']")
    assert page.locator(f"#item-{first.pk} [data-photos]").is_visible()
    page.fill(f"#note-{first.pk}", "Bộ phận một cửa không có người trực")
    page.set_input_files(f"#gallery-{first.pk}", photo_file(tmp_path))
    page.wait_for_selector(f"#item-{first.pk} .photo-preview img")
    shot(page, "checklist")
    page.click(f"#save-{first.pk}")
    page.click(f"label[for='o-{second.pk}-pass']")
    page.click(f"#save-{second.pk}")
    synced(page, 2)
    failed = CheckResult.objects.get(check_record=check, item=first)
    assert (failed.outcome, failed.note) == ("fail", "Bộ phận một cửa không có người trực")
    assert CheckResult.objects.get(check_record=check, item=second).outcome == "pass"
    photo = Attachment.objects.get(object_id=failed.pk, content_type__model="checkresult")
    assert photo.mime_type == "image/jpeg" and image_size(photo) == (1600, 1200)  # resized on the device


def test_logging_a_finding_with_a_signature_photo_and_gps(open_tablet, tmp_path):
    people = load_people()
    inspection = fieldwork_inspection()
    _, page = open_tablet(LANDSCAPE, permissions=["geolocation"], geolocation={"latitude": 21.028511, "longitude": 105.804817})
    sign_in(page, people.inspector)
    page.click(f"[data-inspection='{inspection.pk}']")
    page.click("#new-finding")
    page.fill("#condition", "Sổ theo dõi đê không ghi chép từ tháng 3")
    page.fill("#criteria", "Luật Đê điều 2006 Điều 23")
    page.click("label[for='severity-high']")
    page.fill("#legal_document", "Luật Đê điều 2006")
    page.fill("#legal_article", "23")
    page.set_input_files("#gallery", photo_file(tmp_path))
    page.click("#get-gps")
    wait_until(page, "document.getElementById('latitude').value !== ''")
    page.fill("#signer_name", "Đỗ Trưởng Đơn")
    page.locator("#signature-pad").scroll_into_view_if_needed()
    box = page.locator("#signature-pad").bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 120)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 40 + step * 40, box["y"] + 120 + (30 if step % 2 else -30))
    page.mouse.up()
    shot(page, "finding-form")
    saved_and_back(page, f"**/tablet/inspections/{inspection.pk}/")
    synced(page, 1)
    finding = Finding.objects.get(inspection=inspection)
    assert finding.severity == "high" and finding.recorded_by == people.inspector
    assert (float(finding.latitude), float(finding.longitude)) == (21.028511, 105.804817)
    assert finding.signer_name == "Đỗ Trưởng Đơn" and finding.signed_at is not None
    assert finding.signature.mime_type == "image/png"
    photos = Attachment.objects.filter(object_id=finding.pk, content_type__model="finding").exclude(pk=finding.signature_id)
    assert [p.mime_type for p in photos] == ["image/jpeg"]


def test_offline_work_survives_a_reload_and_syncs_exactly_once(open_tablet):
    people = load_people()
    inspection = fieldwork_inspection()
    check = inspectors_check()
    item = check.template.items.first()
    context, page = open_tablet(PORTRAIT)
    sign_in(page, people.inspector)
    page.goto(f"/tablet/inspections/{inspection.pk}/")

    context.set_offline(True)
    page.goto(f"/tablet/checks/{check.pk}/")  # from the service worker's cache
    expect(page.locator("#net-status")).to_have_text("Mất kết nối – làm việc ngoại tuyến")  # set by the page's script
    page.click(f"label[for='o-{item.pk}-na']")
    page.fill(f"#note-{item.pk}", "Đơn vị không có bộ phận một cửa")
    page.click(f"#save-{item.pk}")
    page.wait_for_selector(f"#item-{item.pk} .local-status")
    page.goto(f"/tablet/inspections/{inspection.pk}/finding/")
    page.fill("#condition", "Kho vật tư dự phòng thiếu bao tải")
    page.fill("#criteria", "Phương án hộ đê năm 2026")
    saved_and_back(page, f"**/tablet/inspections/{inspection.pk}/")
    page.wait_for_selector(".local-finding")
    page.reload()
    wait_until(page, "document.getElementById('sync-count').textContent === '2'")
    assert "Chưa đồng bộ" in page.locator(".local-finding").inner_text()
    page.goto(f"/tablet/checks/{check.pk}/")
    expect(page.locator(f"#item-{item.pk} .local-status")).to_have_text("Đã lưu trên máy – chưa đồng bộ")  # read from the queue
    assert page.locator(f"#o-{item.pk}-na").is_checked()
    assert not Finding.objects.filter(inspection=inspection).exists()
    assert not CheckResult.objects.filter(check_record=check).exclude(outcome=CheckResult.Outcome.PENDING).exists()

    context.set_offline(False)
    synced(page, 2)
    page.goto("/tablet/queue/")
    page.click("#sync-now")
    page.locator(".done-item").nth(1).wait_for()
    assert page.locator(".done-item").count() == 2
    assert Finding.objects.filter(inspection=inspection, condition="Kho vật tư dự phòng thiếu bao tải").count() == 1
    result = CheckResult.objects.get(check_record=check, item=item)
    assert (result.outcome, result.note) == ("na", "Đơn vị không có bộ phận một cửa")
    assert SyncReceipt.objects.filter(user=people.inspector).count() == 2


def test_a_conflict_shows_both_versions_and_the_inspector_chooses(open_tablet):
    people = load_people()
    check = inspectors_check()
    first, second = list(check.template.items.all())[:2]
    checks.record_results(check, by=people.office_clerk, results=[(first, "pass", "", None), (second, "pass", "", None)])
    _, page = open_tablet(LANDSCAPE)
    sign_in(page, people.inspector)
    page.goto(f"/tablet/checks/{check.pk}/")
    # The office corrects both items from the desk after the tablet read them.
    checks.record_results(check, by=people.office_clerk, results=[(first, "na", "Văn phòng sửa", None),
                                                                  (second, "na", "Văn phòng sửa", None)])
    page.click(f"label[for='o-{first.pk}-fail']")
    page.click(f"#save-{first.pk}")
    page.click(f"label[for='o-{second.pk}-fail']")
    page.fill(f"#note-{second.pk}", "Thanh tra viên ghi")
    page.click(f"#save-{second.pk}")
    wait_until(page, "document.querySelectorAll('.local-status.badge-conflict').length === 2")
    page.goto("/tablet/queue/")
    cards = page.locator(".queue-item.conflict")
    cards.nth(1).wait_for()
    assert cards.count() == 2
    assert "Không đạt" in cards.nth(0).locator(".version-mine").inner_text()
    assert "Không áp dụng" in cards.nth(0).locator(".version-server").inner_text()
    assert "Văn phòng sửa" in cards.nth(0).locator(".version-server").inner_text()
    shot(page, "queue-conflict")
    assert CheckResult.objects.get(check_record=check, item=first).outcome == "na"  # nothing overwritten silently
    cards.nth(0).locator(".keep-mine").click()
    page.wait_for_selector(".done-item")
    page.locator(".queue-item.conflict .keep-server").click()
    synced(page, 1)
    assert CheckResult.objects.get(check_record=check, item=first).outcome == "fail"
    assert (CheckResult.objects.get(check_record=check, item=second).note) == "Văn phòng sửa"


def test_an_inspector_cannot_open_another_teams_inspection(open_tablet):
    people = load_people()
    theirs = fieldwork_inspection(leader=other_inspector(), title="Thanh tra của đoàn khác")
    _, page = open_tablet(PORTRAIT)
    sign_in(page, people.inspector)
    assert page.locator(f"[data-inspection='{theirs.pk}']").count() == 0
    response = page.goto(f"/tablet/inspections/{theirs.pk}/")
    assert response.status == 404
    assert page.locator("#not-found-message").inner_text() == "Không tìm thấy cuộc thanh tra trong danh sách việc của bạn."
    api = page.request.post("/api/v1/tablet/sync/", multipart={
        "key": "6f1c2a52-1d1b-4a51-9d7c-0c1f6a4e2b10", "kind": "finding", "author": str(people.inspector.pk),
        "payload": '{"inspection": %d, "condition": "x", "criteria": "y"}' % theirs.pk,
    }, headers={"X-CSRFToken": next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")})
    assert api.status == 403 and api.json()["error"]["code"] == "refused"
    assert not Finding.objects.filter(inspection=theirs).exists()


# Queued as the forms do, after the page's own sync has run, so that nothing is sent before the test says so.
QUEUE_FINDINGS = """async ([inspection, count]) => {
  await Tablet.sync();
  const canvas = Object.assign(document.createElement("canvas"), { width: 320, height: 240 });
  canvas.getContext("2d").fillRect(0, 0, 160, 120);
  for (let n = 1; n <= count; n++) {
    const blob = await new Promise((done) => canvas.toBlob(done, "image/jpeg", 0.8));
    await Tablet.enqueue("finding", { inspection, condition: `Phát hiện số ${n}`, criteria: "Luật Đê điều 2006" },
                         { sync: false, label: `Phát hiện số ${n}`, photos: [{ blob, name: `anh-${n}.jpg` }] });
  }
}"""


def queue_with_findings(open_tablet, viewport, count):
    """A signed-in tablet on its queue page with `count` findings saved on it and not yet sent."""
    people = load_people()
    inspection = fieldwork_inspection()
    _, page = open_tablet(viewport)
    sign_in(page, people.inspector)
    page.goto("/tablet/queue/")
    page.evaluate(QUEUE_FINDINGS, [inspection.pk, count])
    return people, inspection, page


def test_a_proxy_refusing_a_large_batch_makes_the_device_send_fewer_at_once(open_tablet):
    _, inspection, page = queue_with_findings(open_tablet, LANDSCAPE, 3)
    sent = []

    def small_bodies_only(route):
        items = route.request.post_data_buffer.count(b'"key"')
        sent.append(items)
        if items > 1:  # like nginx with a low client_max_body_size
            route.fulfill(status=413, content_type="text/html", body="<html><h1>413 Request Entity Too Large</h1></html>")
        else:
            route.continue_()

    page.route("**/api/v1/tablet/sync/batch/", small_bodies_only)
    page.click("#sync-now")
    synced(page, 3)
    assert sent == [3, 1, 1, 1]
    findings = Finding.objects.filter(inspection=inspection).order_by("pk")
    assert [f.condition for f in findings] == ["Phát hiện số 1", "Phát hiện số 2", "Phát hiện số 3"]
    assert Attachment.objects.filter(content_type__model="finding", object_id__in=[f.pk for f in findings]).count() == 3


def test_a_session_that_ended_keeps_the_queue_until_the_next_sign_in(open_tablet):
    from django.contrib.sessions.models import Session

    people, inspection, page = queue_with_findings(open_tablet, PORTRAIT, 2)
    Session.objects.all().delete()  # the working day is over on the server, or someone signed this tablet out elsewhere
    page.click("#sync-now")
    page.wait_for_selector("#tablet-alert .status-expired")
    assert "Phiên đăng nhập đã hết" in page.locator("#tablet-alert").inner_text()
    assert page.locator("#sync-count").inner_text() == "2"
    assert page.locator(".queue-item.pending").count() == 2  # waiting, not refused
    assert not Finding.objects.filter(inspection=inspection).exists()
    sign_in(page, people.inspector)
    synced(page, 2)
    assert Finding.objects.filter(inspection=inspection).count() == 2


def test_a_nearly_full_storage_is_announced_before_saving_fails(open_tablet):
    context, page = open_tablet(PORTRAIT)
    # The browser's quota for this site, as it reports it on a tablet full of unsent photos.
    context.add_init_script("navigator.storage.estimate = async () => ({ usage: 910, quota: 1000 });")
    sign_in(page, load_people().inspector)
    warning = page.locator("#storage-warning")
    warning.wait_for()
    assert warning.inner_text() == "Bộ nhớ dành cho ứng dụng trên máy này đã dùng 91%: hãy đồng bộ trước khi chụp thêm ảnh."


def test_verifying_a_recommendation_with_a_photo(open_tablet, tmp_path):
    from doctypes.finding.models import Action
    from tests.tablet.builders import verification_due

    people = load_people()
    action = verification_due()
    _, page = open_tablet(LANDSCAPE)
    sign_in(page, people.inspector)
    page.click(f"[data-action='{action.pk}']")
    page.fill("#note", "Đã kiểm tra chứng từ nộp lại tiền")
    page.set_input_files("#gallery", photo_file(tmp_path, "chung-tu.jpg"))
    page.click("#save-verification")
    page.wait_for_url("**/tablet/")
    synced(page, 1)
    action.refresh_from_db()
    assert (action.status, action.verified_by, action.verification_note) == (
        Action.Status.VERIFIED, people.inspector, "Đã kiểm tra chứng từ nộp lại tiền")
    assert Attachment.objects.filter(content_type__model="action", object_id=action.pk).count() == 1
