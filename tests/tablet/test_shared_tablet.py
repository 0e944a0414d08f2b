"""One tablet, several inspectors: work is credited to whoever saved it, never to whoever is signed in when it is sent."""

import json

from django.contrib.sessions.models import Session

from doctypes.discipline_check.models import CheckResult
from doctypes.finding.models import Finding
from tests.base import load_people
from tests.tablet.builders import fieldwork_inspection, inspectors_check, other_inspector, third_inspector
from tests.tablet.steps import BOTH_SIZES, BROWSER_TEST, PORTRAIT, record_finding, sign_in, sign_out, synced, wait_until

pytestmark = BROWSER_TEST

SYNC = "**/api/v1/tablet/sync/batch/"


class SyncLine:
    """The tablet's line to the sync endpoint: cut at will, and every request that gets through noted with the
    authors of its items and the server's answer for each (code "not_author": sent under another's session)."""

    def __init__(self, context):
        self.down = False
        self.sent = []  # [(authors of the items, [(status, error code) per item])]
        context.route(SYNC, self._pass)

    def _pass(self, route):
        if self.down:
            route.abort()
            return
        body = route.request.post_data_buffer.decode("utf-8", "replace")
        items, _ = json.JSONDecoder().raw_decode(body[body.index('[{"key"'):])
        response = route.fetch()
        results = response.json().get("results", []) if response.status == 200 else []
        self.sent.append(({item["author"] for item in items},
                          [(result["status"], result.get("error", {}).get("code")) for result in results]))
        route.fulfill(response=response)

    def refused_as_not_theirs(self):
        return [answer for answer in self.sent if any(code == "not_author" for _, code in answer[1])]


HIDE_USER_COOKIE = """(() => {
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(document, "cookie", {
    get() { return cookie.get.call(document).split("; ").filter((c) => !c.startsWith("papi_tablet_user=")).join("; "); },
    set(value) { cookie.set.call(document, value); },
  });
})();"""


SAVE_FINDINGS = """async ([inspection, name]) => {
  for (let n = 2; n <= 20; n++) {
    const condition = `Phát hiện số ${n} của ${name}`;
    await Tablet.enqueue("finding", { inspection, condition, criteria: "Luật Đê điều 2006 Điều 23", severity: "medium" },
                         { label: condition, sync: false });
  }
  await Tablet.refresh();
}"""


def network_comes_back(context):
    """The connection drops and returns: every open page's "online" event starts its automatic sync."""
    context.set_offline(True)
    context.set_offline(False)


@BOTH_SIZES
def test_a_tab_left_open_never_sends_one_inspectors_finding_under_the_next_ones_session(open_tablet, viewport):
    people, other = load_people(), other_inspector()
    inspection = fieldwork_inspection()
    context, first = open_tablet(viewport)
    line = SyncLine(context)
    sign_in(first, people.inspector)
    second = context.new_page()
    line.down = True
    record_finding(second, f"/tablet/inspections/{inspection.pk}/", "Sổ theo dõi đê không ghi từ tháng 3")
    second.wait_for_selector(".local-finding")

    # The inspector signs out in the first tab and a colleague signs in there; the second tab is still open.
    sign_out(first)
    assert "Máy này còn 1 mục chưa đồng bộ của Lê Thanh Tra" in first.locator("#device-owners").inner_text()
    sign_in(first, other)
    assert "Máy này còn 1 mục chưa đồng bộ của Lê Thanh Tra" in first.locator("#device-owners").inner_text()
    line.down = False
    network_comes_back(context)
    second.wait_for_selector("#locked-notice")
    second.wait_for_timeout(1000)  # its automatic sync runs on "online" at once; the trial saw it sent within 2 s

    notice = second.locator("#locked-notice").inner_text()
    assert "Máy đang đăng nhập bằng tài khoản của người khác, không phải Lê Thanh Tra" in notice
    assert second.locator("#tablet-page").inner_text().strip() == ""  # the inspector's work is off the screen
    assert second.locator(".local-finding, #sync-count").count() == 0
    assert not Finding.objects.filter(inspection=inspection).exists()
    assert line.refused_as_not_theirs() == [] and line.sent == []  # never even sent under the colleague's session
    assert first.locator("#sync-count").inner_text() == "0"  # the colleague's own queue is empty

    # The inspector comes back: the finding goes, once, in their name.
    sign_out(first)
    sign_in(first, people.inspector)
    synced(first, 1)
    finding = Finding.objects.get(inspection=inspection)
    assert finding.recorded_by == people.inspector and finding.condition == "Sổ theo dõi đê không ghi từ tháng 3"
    assert first.locator("#device-owners").inner_text().strip() == ""


@BOTH_SIZES
def test_after_a_lapsed_session_the_next_inspector_never_gets_the_last_ones_pages_or_queue(open_tablet, viewport):
    people, other = load_people(), other_inspector()
    check = inspectors_check()
    item = check.template.items.first()
    context, page = open_tablet(viewport)
    line = SyncLine(context)
    sign_in(page, people.inspector)
    line.down = True
    page.goto(f"/tablet/checks/{check.pk}/")
    page.click(f"label[for='o-{item.pk}-pass']")
    page.click(f"#save-{item.pk}")
    page.wait_for_selector(f"#item-{item.pk} .local-status")

    # The inspector's session lapses without signing out; a colleague signs in on the same tablet.
    Session.objects.all().delete()
    sign_in(page, other)
    assert page.locator("#tablet-user").is_visible() and "Phan Thanh Hai" in page.locator("#tablet-user").inner_text()
    context.set_offline(True)
    page.goto(f"/tablet/checks/{check.pk}/")  # the inspector's check, kept for offline use: not for the colleague

    assert page.locator("#checklist").count() == 0
    assert "Phan Thanh Hai" in page.locator("#tablet-user").inner_text()
    assert page.locator("#sync-count").inner_text() == "0"
    assert "Máy này còn 1 mục chưa đồng bộ của Lê Thanh Tra" in page.locator("#device-owners").inner_text()
    line.down = False
    context.set_offline(False)
    wait_until(page, "document.getElementById('net-status').dataset.mode === 'online'")
    page.wait_for_timeout(1000)
    assert not CheckResult.objects.filter(check_record=check).exclude(outcome=CheckResult.Outcome.PENDING).exists()
    assert line.sent == []

    sign_out(page)
    sign_in(page, people.inspector)
    synced(page, 1)
    result = CheckResult.objects.get(check_record=check, item=item)
    assert result.outcome == "pass" and result.history.first().history_user == people.inspector


def test_the_server_refuses_an_item_sent_under_someone_elses_session_and_the_tablet_keeps_it(open_tablet):
    """A tab that cannot see who is signed in (as on a browser keeping the cookie from scripts) sends anyway:
    the server is the last guard."""
    people, other = load_people(), other_inspector()
    inspection = fieldwork_inspection()
    context, first = open_tablet(PORTRAIT)
    line = SyncLine(context)
    sign_in(first, people.inspector)
    second = context.new_page()
    second.add_init_script(HIDE_USER_COOKIE)
    line.down = True
    record_finding(second, f"/tablet/inspections/{inspection.pk}/", "Kho vật tư thiếu bao tải")
    second.wait_for_selector(".local-finding")
    sign_out(first)
    sign_in(first, other)
    line.down = False
    network_comes_back(context)

    second.wait_for_selector("#locked-notice")
    assert "chỉ người đó được đồng bộ" in second.locator("#locked-notice").inner_text()
    assert line.refused_as_not_theirs() == [({people.inspector.pk}, [(403, "not_author")])]
    assert not Finding.objects.filter(inspection=inspection).exists()
    sign_out(first)
    sign_in(first, people.inspector)
    synced(first, 1)  # kept waiting, not refused: it goes as soon as its author is back
    assert Finding.objects.get(inspection=inspection).recorded_by == people.inspector


def test_three_inspectors_queue_twenty_findings_each_on_one_tablet_and_each_gets_exactly_their_own(open_tablet):
    inspectors = [load_people().inspector, other_inspector(), third_inspector()]
    inspections = {user: fieldwork_inspection(leader=user, title=f"Thanh tra đê điều – đoàn {user.last_name}") for user in inspectors}
    context, page = open_tablet(PORTRAIT)
    line = SyncLine(context)
    for user in inspectors:
        sign_in(page, user)
        line.down = True
        context.set_offline(True)
        url = f"/tablet/inspections/{inspections[user].pk}/"
        record_finding(page, url, f"Phát hiện số 1 của {user.get_full_name()}")
        # The other nineteen are saved the way the form saves them (its own path is timed above: ~0.8 s a form).
        page.evaluate(SAVE_FINDINGS, [inspections[user].pk, user.get_full_name()])
        wait_until(page, "document.getElementById('sync-count').textContent === '20'")
        context.set_offline(False)
        sign_out(page)
        line.down = False
    assert line.sent == [] and not Finding.objects.exists()
    assert "Máy này còn 20 mục chưa đồng bộ của Đặng Thị Kiểm" in page.locator("#device-owners").inner_text()

    for user in inspectors:
        sign_in(page, user)
        synced(page, 20, timeout=60)
        assert Finding.objects.filter(recorded_by=user).count() == 20
        sign_out(page)

    assert Finding.objects.count() == 60
    for user, inspection in inspections.items():
        mine = Finding.objects.filter(inspection=inspection)
        assert set(mine.values_list("recorded_by", flat=True)) == {user.pk}
        assert sorted(mine.values_list("condition", flat=True)) == sorted(
            f"Phát hiện số {n} của {user.get_full_name()}" for n in range(1, 21))
    # One batch per person, each holding only their items, all taken: nothing was sent under another's session.
    assert [authors for authors, _ in line.sent] == [{user.pk} for user in inspectors]
    assert all(answers == [(201, None)] * 20 for _, answers in line.sent)
    assert page.locator("#device-owners").inner_text().strip() == ""
