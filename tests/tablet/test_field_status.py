"""What the field trial found: photos saved mid-processing, status only on the queue page, rows that stay "chưa đồng bộ",
findings refused on a check, a check never marked done in the back office, and the queue's missing details."""

import re

from django.contrib.sessions.models import Session
from django.utils import timezone
from playwright.sync_api import expect

from doctypes.discipline_check.models import CheckResult, DisciplineCheck
from doctypes.finding.models import Finding
from papi_inspect.models import Attachment
from tests.base import PASSWORD, load_people
from tests.tablet.builders import fieldwork_inspection, inspectors_check
from tests.tablet.steps import (
    BOTH_SIZES, BROWSER_TEST, LANDSCAPE, PORTRAIT, image_size, photo_file, record_finding, saved_and_back, shot, sign_in,
    synced,
    wait_until,
)

pytestmark = BROWSER_TEST

SYNC = "**/api/v1/tablet/sync/batch/"


def slow_tablet(context, page):
    """A low-end tablet: the CPU four times slower, so ten camera photos take seconds to resize."""
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})


def loaded_photos(page, count):
    """The widths of the back office's photo thumbnails once `count` of them have loaded from the server."""
    wait_until(page, f"""(() => {{ const imgs = document.querySelectorAll("a.check-photo img");
        return imgs.length === {count} && [...imgs].every((img) => img.complete && img.naturalWidth > 0); }})()""")
    return page.locator("a.check-photo img").evaluate_all("imgs => imgs.map((img) => img.naturalWidth)")


@BOTH_SIZES
def test_saving_waits_for_every_photo_still_being_processed(open_tablet, tmp_path, viewport):
    people = load_people()
    inspection = fieldwork_inspection()
    context, page = open_tablet(viewport)
    sign_in(page, people.inspector)
    page.goto(f"/tablet/inspections/{inspection.pk}/finding/")
    page.fill("#condition", "Kè đá đoạn K12 sạt lở chưa được sửa")
    page.fill("#criteria", "Luật Đê điều 2006 Điều 23")
    photos = [photo_file(tmp_path, f"anh-{n}.jpg", size=(3200, 2400), colour=(20 * n, 90, 160)) for n in range(10)]
    slow_tablet(context, page)
    page.set_input_files("#gallery", photos)

    button = page.locator("#save-finding")
    assert button.is_disabled() and "Đang xử lý ảnh" in button.inner_text()
    assert page.locator(".photo-processing").count() >= 1
    # The inspector taps "Lưu phát hiện" at once: the tap lands when the button is back, with every photo in.
    saved_and_back(page, f"**/tablet/inspections/{inspection.pk}/")
    synced(page, 1)
    finding = Finding.objects.get(inspection=inspection)
    stored = Attachment.objects.filter(content_type__model="finding", object_id=finding.pk)
    assert sorted(stored.values_list("original_name", flat=True)) == sorted(f"anh-{n}.jpg" for n in range(10))
    assert {image_size(photo) for photo in stored} == {(1600, 1200)}


def test_a_photo_that_cannot_be_processed_is_named_and_never_dropped_silently(open_tablet, tmp_path):
    people = load_people()
    inspection = fieldwork_inspection()
    _, page = open_tablet(PORTRAIT)
    sign_in(page, people.inspector)
    page.goto(f"/tablet/inspections/{inspection.pk}/finding/")
    page.fill("#condition", "Biển báo công trình thủy lợi bị đổ")
    page.fill("#criteria", "Luật Thủy lợi 2017")
    broken = tmp_path / "anh-hong.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    page.set_input_files("#gallery", [photo_file(tmp_path), str(broken)])
    failed = page.locator(".photo-failed")
    failed.wait_for()
    assert "Không xử lý được ảnh “anh-hong.jpg”" in failed.inner_text()
    page.click("#save-finding")
    assert "Chưa lưu: ảnh anh-hong.jpg không xử lý được" in page.locator(".form-message").inner_text()
    assert page.url.endswith("/finding/") and page.evaluate("async () => (await Tablet.unsynced()).length") == 0
    failed.locator(".remove-photo").click()  # the inspector decides to go without it
    saved_and_back(page, f"**/tablet/inspections/{inspection.pk}/")
    synced(page, 1)
    finding = Finding.objects.get(inspection=inspection)
    assert Attachment.objects.filter(content_type__model="finding", object_id=finding.pk).count() == 1


@BOTH_SIZES
def test_the_inspection_page_says_when_the_network_is_gone_or_the_session_has_expired(open_tablet, viewport):
    people = load_people()
    inspection = fieldwork_inspection()
    url = f"/tablet/inspections/{inspection.pk}/"
    context, page = open_tablet(viewport)
    sign_in(page, people.inspector)
    context.route(SYNC, lambda route: route.abort())  # the server cannot be reached
    record_finding(page, url, "Cống tiêu số 3 không có người vận hành")
    page.wait_for_selector("#tablet-alert .status-unreachable")
    assert "Chưa gửi được: không có kết nối tới máy chủ" in page.locator("#tablet-alert").inner_text()
    assert page.locator("#net-status").inner_text() == "Chưa gửi được"

    context.set_offline(True)
    page.wait_for_selector("#tablet-alert .status-offline")
    assert page.locator("#net-status").inner_text() == "Mất kết nối – làm việc ngoại tuyến"
    assert "mọi kết quả, phát hiện và ảnh được lưu trên máy" in page.locator("#tablet-alert").inner_text()

    # The working day ends on the server while the tablet is away; the connection comes back.
    Session.objects.all().delete()
    context.unroute(SYNC)
    context.set_offline(False)
    page.wait_for_selector("#tablet-alert .status-expired")
    assert page.locator("#net-status").inner_text() == "Phiên đăng nhập đã hết"
    assert "Phiên đăng nhập đã hết: hãy đăng nhập lại để đồng bộ" in page.locator("#tablet-alert").inner_text()
    assert page.locator("#sync-count").inner_text() == "1" and "Chưa đồng bộ" in page.locator(".local-finding").inner_text()
    if viewport is PORTRAIT:
        shot(page, "session-expired-portrait")

    page.click("#sign-in-again")
    page.fill("#id_username", people.inspector.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**{url}")
    synced(page, 1)
    # The finding moves from "on this device" to "recorded" without a reload, and the alert is gone.
    page.locator("#server-findings .server-finding").wait_for()
    assert "Cống tiêu số 3 không có người vận hành" in page.locator("#server-findings").inner_text()
    assert page.locator(".local-finding").count() == 0
    assert page.locator("#tablet-alert").inner_text().strip() == ""
    assert page.locator("#net-status").inner_text() == "Trực tuyến"
    assert Finding.objects.get(inspection=inspection).recorded_by == people.inspector


@BOTH_SIZES
def test_a_check_finished_on_the_tablet_is_done_in_the_back_office_with_its_photos(open_tablet, tmp_path, viewport):
    people = load_people()
    check = inspectors_check(scheduled_on=timezone.localdate())
    first, *others = list(check.template.items.all())
    url = f"/tablet/checks/{check.pk}/"
    context, page = open_tablet(viewport)
    sign_in(page, people.inspector)
    page.goto(url)
    finish = page.locator("#finish-check-button")
    expect(page.locator("#finish-progress")).to_have_text(f"Đã có kết quả 0/{len(others) + 1} nội dung.")
    assert finish.is_disabled()

    page.click(f"label[for='o-{first.pk}-fail']")
    page.fill(f"#note-{first.pk}", "Bộ phận một cửa vắng người lúc 8 giờ 15")
    page.set_input_files(f"#gallery-{first.pk}", photo_file(tmp_path))
    page.click(f"#save-{first.pk}")
    # The row says it synced as soon as the server took it, without a reload.
    page.locator(f"#item-{first.pk} .local-status[data-status='synced']").wait_for()
    assert page.locator(f"#item-{first.pk} .item-status").inner_text() == "Đã đồng bộ"

    # The check's leader records a finding on it: taken by the server, listed on the check page.
    record_finding(page, url, "Không niêm yết thủ tục cấp phép xả thải", criteria="Nghị định 61/2018/NĐ-CP Điều 13")
    page.locator("#server-findings .server-finding").wait_for()
    assert "Người ghi: Lê Thanh Tra" in page.locator("#server-findings").inner_text()
    finding = Finding.objects.get(discipline_check=check)
    assert finding.recorded_by == people.inspector and finding.unit == check.unit

    for item in others:
        page.click(f"label[for='o-{item.pk}-pass']")
        page.click(f"#save-{item.pk}")
    wait_until(page, f"document.querySelectorAll('.local-status[data-status=synced]').length === {len(others)}")
    assert page.locator(f"#item-{first.pk} .item-status").inner_text() == "Đã có trên máy chủ"  # the page read again
    assert page.locator("#finish-progress").inner_text() == f"Đã có kết quả {len(others) + 1}/{len(others) + 1} nội dung."
    page.fill("#check-summary", "Đơn vị chấp hành tốt, trừ bộ phận một cửa")
    finish.click()
    page.locator("#finish-status .badge-synced").wait_for()
    assert page.locator("#finish-status").inner_text().startswith("Đã đồng bộ: cuộc kiểm tra đã kết thúc.")
    check.refresh_from_db()
    assert (check.status, check.conducted_on, check.summary) == (
        DisciplineCheck.Status.DONE, timezone.localdate(), "Đơn vị chấp hành tốt, trừ bộ phận một cửa")
    assert check.history.first().history_user == people.inspector

    # The office opens the check in the back office: done, with its date, and the photo on the check and its result.
    office, desk = open_tablet(LANDSCAPE)
    desk.goto("/admin/login/")
    desk.fill("#id_username", people.office_clerk.username)
    desk.fill("#id_password", PASSWORD)
    desk.click("button[type=submit]")
    desk.goto(f"/admin/discipline_check/disciplinecheck/{check.pk}/change/")
    # Status and date move only by the finish step, so the page shows them read-only.
    shown = desk.content()
    assert "Đã kiểm tra" in shown and timezone.localdate().strftime("%d/%m/%Y") in shown
    assert desk.locator("#id_status").count() == 0
    # Once among the check's fields, once on the result's row: the same photo, loaded from the server.
    assert loaded_photos(desk, 2) == [1600, 1600]
    result = CheckResult.objects.get(check_record=check, item=first)
    desk.goto(f"/admin/discipline_check/checkresult/{result.pk}/change/")
    assert loaded_photos(desk, 1) == [1600]


def test_the_queue_shows_totals_contents_and_refusals_in_vietnamese(open_tablet):
    people = load_people()
    inspection = fieldwork_inspection()
    _, page = open_tablet(LANDSCAPE)
    sign_in(page, people.inspector)
    page.goto("/tablet/queue/")
    for box, text in [("#queue-conflicts", "Không có xung đột nào."), ("#queue-refused", "Không có mục nào bị từ chối."),
                      ("#queue-pending", "Không còn mục nào chờ đồng bộ."), ("#queue-done", "Chưa có mục nào được đồng bộ gần đây.")]:
        # The boxes are filled by the page's script after load: wait for the text rather than read it once.
        expect(page.locator(box)).to_have_text(text)
    page.context.route(SYNC, lambda route: route.abort())
    page.evaluate(QUEUE_TWO, inspection.pk)
    page.locator("#queue-pending .queue-item").nth(1).wait_for()
    assert re.fullmatch(r"2 mục chưa đồng bộ · 3 ảnh · \d+ KB", page.locator("#queue-summary").inner_text())
    contents = page.locator("#queue-pending .item-contents")
    assert re.search(r" · 2 ảnh \(\d+ KB\) · có chữ ký xác nhận · có vị trí GPS$", contents.nth(0).inner_text())
    assert re.search(r" · 1 ảnh \(\d+ KB\) · chưa có chữ ký · không có vị trí GPS$", contents.nth(1).inner_text())

    page.context.unroute(SYNC)
    page.click("#sync-now")
    page.locator("#queue-refused .queue-item").wait_for()
    reason = page.locator(".refused-reason").inner_text()
    assert reason == "Dữ liệu không hợp lệ. Tiêu chí (quy định phải thực hiện): Trường này không được bỏ trống."
    assert Finding.objects.filter(inspection=inspection).count() == 1


# Two findings as the form queues them: one with two photos, a signature and GPS; one with one photo and no criteria.
QUEUE_TWO = """async (inspection) => {
  const canvas = Object.assign(document.createElement("canvas"), { width: 160, height: 120 });
  canvas.getContext("2d").fillRect(0, 0, 80, 60);
  const blob = () => new Promise((done) => canvas.toBlob(done, "image/jpeg", 0.8));
  const photo = async (name) => ({ name, blob: await blob() });
  const signature = { name: "chu-ky.png", blob: await new Promise((done) => canvas.toBlob(done, "image/png")) };
  await Tablet.enqueue("finding", { inspection, condition: "Đê bao xã Tân An thấm nước", criteria: "Luật Đê điều 2006",
                                    latitude: "21.028511", longitude: "105.804817", signer_name: "Đỗ Trưởng Đơn",
                                    signed_at: new Date().toISOString() },
                       { label: "Đê bao xã Tân An thấm nước", photos: [await photo("a.jpg"), await photo("b.jpg")], signature, sync: false });
  await Tablet.enqueue("finding", { inspection, condition: "Thiếu sổ nhật ký vận hành", criteria: "" },
                       { label: "Thiếu sổ nhật ký vận hành", photos: [await photo("c.jpg")], sync: false });
}"""
