"""The tablet's pages and assignments: sign-in, today's work of the inspector's own team only, every screen renders."""

import datetime

import pytest
from django.utils import timezone

from doctypes.finding.models import Finding
from tests.base import PASSWORD, client_for
from tests.tablet.builders import ASSIGNMENTS_URL, fieldwork_inspection, inspectors_check, other_inspector, verification_due

pytestmark = pytest.mark.django_db


def test_signing_in_leads_to_the_home_screen_and_lasts_the_working_day(client, people, settings):
    page = client.get("/tablet/")
    assert page.status_code == 302 and page["Location"].startswith("/tablet/login/")
    response = client.post("/tablet/login/", {"username": people.inspector.username, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/tablet/"
    assert "Việc của tôi" in response.content.decode()
    assert settings.SESSION_COOKIE_AGE >= 8 * 3600
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_signing_out_on_the_tablet_comes_back_to_the_tablet_sign_in(client, people):
    home = client_for(client, people.inspector).get("/tablet/").content.decode()
    assert 'name="next" value="/tablet/login/"' in home
    response = client.post("/admin/logout/", {"next": "/tablet/login/"})
    assert response.status_code == 302 and response["Location"] == "/tablet/login/"
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_is_refused_in_vietnamese(client, people):
    response = client.post("/tablet/login/", {"username": people.inspector.username, "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_assignments_hold_only_the_inspectors_own_team_work(client, people):
    mine = fieldwork_inspection(title="Thanh tra của đoàn tôi")
    theirs = fieldwork_inspection(leader=other_inspector(), title="Thanh tra của đoàn khác")
    check = inspectors_check(scheduled_on=timezone.localdate())
    office_check = inspectors_check(leader=people.office_clerk, scheduled_on=timezone.localdate())
    action = verification_due(inspection=mine)
    answer = client_for(client, people.inspector).get(ASSIGNMENTS_URL).json()
    assert [i["id"] for i in answer["inspections"]] == [mine.pk]
    assert theirs.pk not in [i["id"] for i in answer["inspections"]]
    assert [c["id"] for c in answer["checks_today"]] == [check.pk] and office_check.pk not in [c["id"] for c in answer["checks_week"]]
    assert len(answer["checks_today"][0]["items"]) == check.template.items.count()
    assert [v["id"] for v in answer["verifications_today"] + answer["verifications_week"]] == [action.pk]
    assert f"/tablet/inspections/{mine.pk}/" in answer["pages"] and f"/tablet/inspections/{theirs.pk}/" not in answer["pages"]
    other = client_for(client, other_inspector()).get(ASSIGNMENTS_URL).json()
    assert [i["id"] for i in other["inspections"]] == [theirs.pk]


def test_assignments_need_a_signed_in_user(client, people):
    assert client.get(ASSIGNMENTS_URL).status_code == 401


def test_every_screen_renders_for_the_inspector(client, people):
    inspection = fieldwork_inspection()
    check = inspectors_check(scheduled_on=timezone.localdate() + datetime.timedelta(days=1))
    action = verification_due(inspection=inspection)
    client = client_for(client, people.inspector)
    home = client.get("/tablet/").content.decode()
    assert inspection.title in home and check.unit.name in home and action.description in home
    pages = {
        f"/tablet/inspections/{inspection.pk}/": "Ghi phát hiện",
        f"/tablet/inspections/{inspection.pk}/finding/": "signature-pad",
        f"/tablet/checks/{check.pk}/": 'capture="environment"',
        f"/tablet/checks/{check.pk}/finding/": "legal-bases",
        f"/tablet/actions/{action.pk}/verify/": "Xác nhận đã thực hiện",
        "/tablet/queue/": "Hàng chờ đồng bộ",
    }
    for url, marker in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert marker in response.content.decode(), url
        # Personal pages: the service worker's own cache keeps them offline; no HTTP cache may (no-store).
        assert response["Cache-Control"] == "private, no-cache, no-store"
    form = client.get(f"/tablet/inspections/{inspection.pk}/finding/").content.decode()
    assert "Luật Thanh tra 2022 (Luật số 11/2022/QH15)" in form and "Chỉ số nội dung PAPI" in form


def test_an_inspector_cannot_open_another_teams_inspection(client, people):
    theirs = fieldwork_inspection(leader=other_inspector())
    client = client_for(client, people.inspector)
    for url in (f"/tablet/inspections/{theirs.pk}/", f"/tablet/inspections/{theirs.pk}/finding/"):
        response = client.get(url)
        assert response.status_code == 404
    other = client_for(client, other_inspector())
    assert other.get(f"/tablet/inspections/{theirs.pk}/").status_code == 200


def test_a_check_or_verification_of_someone_else_is_not_found(client, people):
    check = inspectors_check(leader=people.office_clerk)
    action = verification_due(inspection=fieldwork_inspection(leader=other_inspector()))
    client = client_for(client, people.inspector)
    assert client.get(f"/tablet/checks/{check.pk}/").status_code == 404
    assert client.get(f"/tablet/actions/{action.pk}/verify/").status_code == 404
    assert client_for(client, people.unit_staff).get(f"/tablet/checks/{check.pk}/").status_code == 404


def test_a_finding_shows_its_signer_on_the_inspection_page(client, people):
    inspection = fieldwork_inspection()
    from tests.finding.builders import make_finding
    from tests.tablet.builders import png
    from doctypes.finding import services

    finding = make_finding(inspection=inspection, by=people.inspector)
    services.sign_finding(finding, by=people.inspector, signer_name="Đỗ Trưởng Đơn", image=png(), signed_at=timezone.now())
    page = client_for(client, people.inspector).get(f"/tablet/inspections/{inspection.pk}/").content.decode()
    assert "Đã ký xác nhận: Đỗ Trưởng Đơn" in page
    assert Finding.objects.get(pk=finding.pk).signature.mime_type == "image/png"


def test_the_service_worker_is_served_for_the_tablet_scope(client, people):
    response = client.get("/tablet/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/tablet/"
    body = response.content.decode()
    assert "/static/papi_inspect/vendor/dexie-4.2.1/dexie.min.js" in body and "/static/tablet/queue.js" in body
    assert '"scope": "/tablet/"' in body and '"login": "/tablet/login/"' in body


def test_every_tablet_answer_says_who_is_signed_in_and_the_sign_in_page_says_nobody(client, people):
    inspection = fieldwork_inspection()
    signed_in = client_for(client, people.inspector)
    for url in ("/tablet/", f"/tablet/inspections/{inspection.pk}/", ASSIGNMENTS_URL):
        response = signed_in.get(url)
        assert response["X-Tablet-User"] == str(people.inspector.pk), url
        assert response.cookies["papi_tablet_user"].value == str(people.inspector.pk), url
        assert not response.cookies["papi_tablet_user"]["httponly"]  # the pages' scripts read it
    client.logout()
    login = client.get("/tablet/login/")
    assert login["X-Tablet-User"] == "" and login.cookies["papi_tablet_user"].value == ""
    signed = client.post("/tablet/login/", {"username": other_inspector().username, "password": PASSWORD})
    assert signed.cookies["papi_tablet_user"].value == str(other_inspector().pk)


def test_an_unknown_tablet_address_is_the_tablets_own_page_in_vietnamese(client, people, settings):
    settings.DEBUG = True  # as under `make run`: Django's debug page is what the field trial saw
    client = client_for(client, people.inspector)
    response = client.get("/tablet/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không có trang này trên máy tính bảng." in page and "Về danh sách việc" in page
    assert "Page not found" not in page and "URLconf" not in page
    assert client.get("/tablet/queue")["Location"] == "/tablet/queue/"  # a missing slash still finds its page
    missing = client.get("/tablet/inspections/999999/")
    assert missing.status_code == 404 and "Không tìm thấy cuộc thanh tra trong danh sách việc của bạn." in missing.content.decode()


def test_the_check_page_lists_its_findings_and_a_finished_check_is_no_longer_on_the_tablet(client, people):
    from doctypes.discipline_check import services as checks
    from doctypes.finding import services as findings

    check = inspectors_check()
    findings.record_finding(by=people.office_clerk, discipline_check=check, unit=check.unit, title="Không đeo thẻ công chức",
                            criteria="Chỉ thị 26/CT-TTg", condition="Hai công chức không đeo thẻ", recorded_on=check.scheduled_on)
    client = client_for(client, people.inspector)
    page = client.get(f"/tablet/checks/{check.pk}/").content.decode()
    assert "Không đeo thẻ công chức" in page and 'id="finish-check-button"' in page
    for item in check.template.items.all():
        checks.record_results(check, by=people.inspector, results=[(item, "pass", "", None)])
    checks.finish_check_in_field(check, by=people.inspector, conducted_on=timezone.localdate())
    assert client.get(f"/tablet/checks/{check.pk}/").status_code == 404
