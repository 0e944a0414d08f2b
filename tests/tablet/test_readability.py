"""Readable in sunlight and usable with a finger, on every tablet screen and state, at 1024×768 and 768×1024.

axe-core (vendored from npm in tests/tablet/vendor/) checks WCAG 2.2 A/AA, with text contrast ≥ 4.5:1 and touch targets
of at least 44 px; the page itself is measured for what axe does not check: controls against their background ≥ 3:1,
text ≥ 16 px, and button labels centred in their buttons.
"""

from pathlib import Path

from django.contrib.sessions.models import Session
from django.utils import timezone

from doctypes.discipline_check import services as checks
from tests.base import load_people
from tests.tablet.builders import fieldwork_inspection, inspectors_check, other_inspector, verification_due
from tests.tablet.steps import BOTH_SIZES, BROWSER_TEST, PORTRAIT, photo_file, record_finding, shot, sign_in, wait_until

pytestmark = BROWSER_TEST

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
SYNC = "**/api/v1/tablet/sync/batch/"

# axe's target-size is WCAG 2.2's 24 px minimum; the tablet's bar is 44 px (WCAG 2.5.5, a gloved finger in the field).
RUN_AXE = """async () => {
  axe.configure({ checks: [{ id: "target-size", options: { minSize: 44 } }, { id: "target-offset", options: { minOffset: 44 } }] });
  const result = await axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    rules: { "target-size": { enabled: true } },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} – ${n.failureSummary.replace(/\\s+/g, " ")}`));
}"""

# What axe leaves out. Controls: their border or fill against what is behind them ≥ 3:1 (WCAG 1.4.11). Text: ≥ 16 px.
# Buttons: the label's middle within 3 px of the button's middle.
MEASURE = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const opaque = (c) => { const v = rgb(c); return v.length < 4 || v[3] > 0.5; };
  const behind = (node) => {
    for (let n = node.parentElement; n; n = n.parentElement) {
      const bg = getComputedStyle(n).backgroundColor;
      if (opaque(bg) && rgb(bg).length) return rgb(bg);
    }
    return [255, 255, 255];
  };
  const shown = (node) => { const r = node.getBoundingClientRect(); const s = getComputedStyle(node);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none"; };
  const problems = [];
  const name = (node) => `${node.tagName.toLowerCase()}${node.id ? "#" + node.id : ""}.${[...node.classList].join(".")} "${(node.innerText || node.value || "").trim().slice(0, 30)}"`;
  for (const control of document.querySelectorAll(".btn, .form-control, .form-select")) {
    if (!shown(control) || control.disabled) continue;
    const s = getComputedStyle(control), back = behind(control);
    const fill = opaque(s.backgroundColor) && rgb(s.backgroundColor).length ? ratio(rgb(s.backgroundColor), back) : 1;
    const border = parseFloat(s.borderTopWidth) > 0 ? ratio(rgb(s.borderTopColor), back) : 1;
    if (Math.max(fill, border) < 3) problems.push(`control contrast ${Math.max(fill, border).toFixed(2)}:1 ${name(control)}`);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const parent = text.parentElement;
    if (!text.textContent.trim() || !parent || !shown(parent) || parent.closest(".visually-hidden, script, style")) continue;
    const size = parseFloat(getComputedStyle(parent).fontSize);
    if (size < 16) problems.push(`text ${size}px ${name(parent)}`);
  }
  for (const button of document.querySelectorAll(".btn")) {
    if (!shown(button) || !button.innerText.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(button);
    const text = [...range.getClientRects()].filter((r) => r.height > 0);
    if (!text.length) continue;
    const top = Math.min(...text.map((r) => r.top)), bottom = Math.max(...text.map((r) => r.bottom));
    const box = button.getBoundingClientRect();
    const off = Math.abs((top + bottom) / 2 - (box.top + box.bottom) / 2);
    if (off > 3) problems.push(`label ${off.toFixed(1)}px off centre ${name(button)}`);
  }
  return problems;
}"""


def audit(page, screen, findings):
    """axe-core and the measurements above, on the whole page as it is now; problems are collected per screen."""
    page.add_script_tag(path=str(AXE))
    problems = page.evaluate(RUN_AXE) + page.evaluate(MEASURE)
    findings.extend(f"{screen}: {problem}" for problem in problems)


@BOTH_SIZES
def test_every_tablet_screen_is_readable_in_sunlight_and_usable_with_a_finger(open_tablet, tmp_path, viewport):
    people = load_people()
    inspection = fieldwork_inspection()
    check = inspectors_check(scheduled_on=timezone.localdate())
    first, second = list(check.template.items.all())[:2]
    action = verification_due(inspection=inspection)
    # axe-core is injected as an inline script, which the page's CSP rightly refuses: the audit is the test's own.
    context, page = open_tablet(viewport, bypass_csp=True)
    problems = []

    sign_in(page, people.inspector)
    audit(page, "home", problems)
    context.route(SYNC, lambda route: route.abort())  # the server out of reach: the status says so on every page
    record_finding(page, f"/tablet/inspections/{inspection.pk}/", "Sổ theo dõi đê không ghi từ tháng 3")
    page.wait_for_selector("#tablet-alert .status-unreachable")
    audit(page, "inspection, unsent", problems)

    page.goto(f"/tablet/inspections/{inspection.pk}/finding/")
    broken = tmp_path / "anh-hong.jpg"
    broken.write_bytes(b"not a photo")
    page.set_input_files("#gallery", [photo_file(tmp_path), str(broken)])
    page.wait_for_selector(".photo-failed")
    page.wait_for_selector(".photo-preview img")
    audit(page, "finding form", problems)

    page.goto(f"/tablet/checks/{check.pk}/")
    checks.record_results(check, by=people.office_clerk, results=[(second, "pass", "Văn phòng ghi", None)])
    page.click(f"label[for='o-{first.pk}-fail']")
    page.click(f"#save-{first.pk}")
    page.click(f"label[for='o-{second.pk}-na']")
    page.click(f"#save-{second.pk}")
    wait_until(page, "document.querySelectorAll('.local-status').length === 2")
    audit(page, "checklist", problems)

    page.goto(f"/tablet/actions/{action.pk}/verify/")
    audit(page, "verification", problems)

    page.goto("/tablet/queue/")
    page.evaluate("""(inspection) => Tablet.enqueue("finding", { inspection, condition: "Thiếu tiêu chí", criteria: "" },
                                                   { label: "Thiếu tiêu chí", sync: false })""", inspection.pk)
    context.unroute(SYNC)
    page.click("#sync-now")
    page.wait_for_selector(".queue-item.conflict")
    page.wait_for_selector(".queue-item.refused")
    audit(page, "queue", problems)
    if viewport is PORTRAIT:
        shot(page, "queue-refused-conflict")

    page.evaluate("""(inspection) => Tablet.enqueue("finding", { inspection, condition: "Cống số 3 hỏng", criteria: "Luật Thủy lợi" },
                                                   { label: "Cống số 3 hỏng", sync: false })""", inspection.pk)
    Session.objects.all().delete()
    page.click("#sync-now")
    page.wait_for_selector("#tablet-alert .status-expired")
    audit(page, "queue, session expired", problems)
    page.goto("/tablet/nothing-here/")
    audit(page, "not found", problems)
    page.goto("/tablet/login/")
    page.wait_for_selector(".other-owner")
    audit(page, "sign-in, another's work on the tablet", problems)

    sign_in(page, people.inspector)
    second_tab = context.new_page()
    second_tab.goto("/tablet/queue/")
    page.click("nav button[type=submit]")
    page.wait_for_url("**/tablet/login/")
    sign_in(page, other_inspector())
    second_tab.wait_for_selector("#locked-notice")
    audit(second_tab, "a tab left open by the previous inspector", problems)
    audit(page, "home of the next inspector", problems)

    assert problems == [], "\n".join(problems)
