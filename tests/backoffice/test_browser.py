"""The back office in headless Chromium at 1366×768 and 1024×768 (issue 13): intake at the front door and one
workflow step with the dd/mm/yyyy picker. Few and fast; with PAPI_BACKOFFICE_SCREENSHOTS set (see
scripts/backoffice_screenshots.py) each screen is saved into docs/screens/.
"""

import os
from pathlib import Path

import pytest
from django.utils import timezone

from doctypes.citizen_reception.models import Reception
from doctypes.complaint_case.models import Petition
from doctypes.org.models import Unit
from papi_inspect.identity import decrypt_identity
from tests.base import PASSWORD, load_people
from tests.tablet.steps import BROWSER_TEST

pytestmark = BROWSER_TEST

SIZES = pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, {"width": 1024, "height": 768}],
                                ids=["1366x768", "1024x768"])
SHOTS = os.environ.get("PAPI_BACKOFFICE_SCREENSHOTS")


def shot(page, name, viewport):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}-{viewport['width']}x{viewport['height']}.png"))


@pytest.fixture
def open_back_office(browser, live_server):
    contexts = []

    def open_(viewport, user):
        context = browser.new_context(viewport=viewport, base_url=live_server.url, locale="vi-VN")
        context.set_default_timeout(20000)
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto("/admin/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("[type=submit]")
        page.wait_for_url("**/admin/")
        return page, errors

    yield open_
    for context in contexts:
        context.close()


def fits_the_width(page):
    """No sideways scrolling of the page itself at this size."""
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")


def _option_texts(page, selector):
    return page.eval_on_selector_all(f"{selector} option", "options => options.map(o => o.textContent.trim())")


@SIZES
def test_intake_at_the_reception_desk_and_the_petition_register(open_back_office, viewport):
    """The desk opens the reception form (its units are the agency's, in force today) and registers a petition."""
    people = load_people()
    page, errors = open_back_office(viewport, people.inspector)
    page.goto("/admin/citizen_reception/reception/add/")
    units = _option_texts(page, "#id_unit")
    assert "Thanh tra Sở" in units and "Văn phòng Sở Tài chính" not in units
    assert not any("Bắc Giang" in unit for unit in units)  # no pre-merger unit
    assert fits_the_width(page)
    shot(page, "reception-add", viewport)
    # A named citizen at the desk: the date typed as the office writes it, and a refused save keeps what was typed.
    content = f"Bà Lò Thị Mai phản ánh việc cấp phép khai thác nước chậm ({viewport['width']})"
    page.fill("#id_content", content)
    page.fill("#id_identity_name", "Lò Thị Mai")
    page.fill("#id_identity_address", "Bản Mòng, xã Chiềng Ngần")
    page.fill("#id_identity_phone", "0912345678")
    page.select_option("#id_unit", label="Thanh tra Sở")
    page.fill("#id_received_on", "01/01/2099")  # in the future: refused with the reason, nothing lost
    page.click("[name=_save]")
    assert "không được sau ngày hôm nay" in page.locator(".errorlist").first.inner_text()
    assert page.locator("#id_content").input_value() == content
    assert page.locator("#id_identity_name").input_value() == "Lò Thị Mai"
    page.fill("#id_received_on", f"{timezone.localdate():%d/%m/%Y}")
    page.click("[name=_save]")
    page.wait_for_url("**/admin/citizen_reception/reception/")
    reception = Reception.objects.get(content=content)
    assert reception.identity_cipher and "Lò Thị Mai" not in reception.identity_cipher
    assert decrypt_identity(reception.identity_cipher)["name"] == "Lò Thị Mai"

    page.goto("/admin/complaint_case/petition/add/")
    page.fill("#id_received_on", f"{timezone.localdate():%d/%m/%Y}")
    page.select_option("#id_channel", "post")
    page.check("#id_anonymous")
    page.fill("#id_matter", "Phản ánh cán bộ thu tiền khi cấp giấy phép khai thác nước")
    page.select_option("#id_content_kind", "denunciation")
    page.select_option("#id_unit", label="Thanh tra Sở")
    assert fits_the_width(page)
    shot(page, "petition-add", viewport)
    page.click("[name=_save]")
    page.wait_for_url("**/admin/complaint_case/petition/")
    petition = Petition.objects.get(matter__startswith="Phản ánh cán bộ thu tiền")
    assert petition.unit == Unit.objects.get(code="snnmt-ttr") and petition.anonymous
    assert not errors, errors


@SIZES
def test_classifying_a_petition_and_recording_its_outcome_with_the_date_picker(open_back_office, viewport):
    people = load_people()
    from tests.complaint_case.builders import make_petition

    petition = make_petition(people.inspector, handler=people.inspector, content_kind="complaint")
    page, errors = open_back_office(viewport, people.inspector)
    page.goto(f"/admin/complaint_case/petition/{petition.pk}/step/classify/")
    assert page.locator("label[for=id_content_kind]").inner_text().startswith("Loại nội dung")
    assert page.locator("#id_content_kind").input_value() == "complaint"  # what is on record
    page.select_option("#id_eligible", "true")
    page.select_option("#id_within_competence", "true")
    assert fits_the_width(page)
    shot(page, "step-classify", viewport)
    page.get_by_role("button", name="Ghi nhận").click()
    page.wait_for_url(f"**/admin/complaint_case/petition/{petition.pk}/change/")

    page.goto(f"/admin/complaint_case/petition/{petition.pk}/step/outcome/")
    page.select_option("#id_outcome", "accept")
    page.click("#id_decided_on")  # the vendored flatpickr opens, in Vietnamese
    calendar = page.locator(".flatpickr-calendar.open")
    calendar.wait_for()
    assert "Tháng" in calendar.inner_text()  # flatpickr's vi locale: "Tháng mười hai"
    shot(page, "step-outcome-date-picker", viewport)
    page.locator(".flatpickr-calendar.open .flatpickr-day.today").click()
    assert page.locator("#id_decided_on").input_value() == f"{timezone.localdate():%d/%m/%Y}"
    page.get_by_role("button", name="Ghi nhận").click()
    page.wait_for_url(f"**/admin/complaint_case/petition/{petition.pk}/change/")
    petition.refresh_from_db()
    assert petition.eligible and petition.within_competence
    assert petition.outcome == "accept" and petition.outcome_on == timezone.localdate()
    assert not errors, errors
