"""Asset declarations: the year's duties from the staff list, the rules in force, each step through one service."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from doctypes.asset_declaration import services
from doctypes.asset_declaration.imports import DeclarationImporter
from doctypes.asset_declaration.models import DeclarationDuty, DeclarationRule
from doctypes.org.demo import ensure_staff_user
from doctypes.org.models import StaffProfile, Unit
from papi_inspect.permissions import Role
from reports.dashboard.panels import register_panels
from tests.anticorruption.builders import workbook
from tests.base import client_for
from tests.inspection.paths import assert_reachable, assert_unreachable
from tests.intake.forms import admin_post, errors_of

D = datetime.date
PATHS = {"admin": "asset_declaration/declarationduty", "api": "declaration-duties", "search": "đê điều",
         "text": "Kỹ sư quản lý đê điều"}


def _director(code="snnmt", username="giamdoc.test", name="Ngô Văn Quyết"):
    return ensure_staff_user(username, full_name=name, position="Giám đốc Sở", unit=Unit.objects.get(code=code),
                             role=Role.LEADERSHIP)


def test_the_rules_carry_the_2026_thresholds_with_their_validity(db):
    before, after = DeclarationRule.objects.in_force_on(D(2026, 6, 30)), DeclarationRule.objects.in_force_on(D(2026, 7, 1))
    assert (before.asset_threshold, before.change_threshold) == (50_000_000, 300_000_000)
    assert (after.asset_threshold, after.change_threshold) == (150_000_000, 1_000_000_000)
    assert services.annual_due(2026) == D(2026, 12, 31)


def test_it_builds_the_year_from_the_staff_list_by_position_and_inspector_rank_once(people):
    director, _outside = _director(), _director("stc", "giamdoc.stc", "Lý Thị Tài")
    StaffProfile.objects.filter(user=people.inspector).update(inspector_rank="thanh_tra_vien")
    created = services.create_year_duties(by=people.office_clerk, year=2026)
    assert {duty.person for duty in created} == {director, people.inspector}
    assert {duty.due_on for duty in created} == {D(2026, 12, 31)}
    assert services.create_year_duties(by=people.office_clerk, year=2026) == []
    with pytest.raises(Exception):
        services.create_year_duties(by=people.unit_head, year=2026)


def test_it_adds_a_duty_from_the_back_office_and_receives_it_by_setting_the_date(client, people):
    page = client_for(client, people.office_clerk)
    response = admin_post(page, "/admin/asset_declaration/declarationduty/add/", {
        "person": people.unit_staff.pk, "year": "2026", "kind": "appointment", "unit": "", "position": ""})
    assert response.status_code == 302, errors_of(response)
    duty = DeclarationDuty.objects.get(person=people.unit_staff)
    assert (duty.unit.code, duty.position, duty.due_on) == ("snnmt-ccthuyloi", "Chuyên viên", D(2026, 12, 31))
    change = f"/admin/asset_declaration/declarationduty/{duty.pk}/change/"
    early = admin_post(page, change, {"published_on": "01/12/2026", "published_where": "notice_board"})
    assert early.status_code == 200 and "Chưa nhận bản kê khai" in early.content.decode()
    response = admin_post(page, change, {"submitted_on": "20/11/2026", "published_on": "25/11/2026",
                                         "published_where": "notice_board"})
    assert response.status_code == 302, errors_of(response)
    duty.refresh_from_db()
    assert (duty.submitted_on, duty.published_on) == (D(2026, 11, 20), D(2026, 11, 25))
    assert [h.history_change_reason for h in duty.history.all()[:2]] == ["Công khai bản kê khai", "Nhận bản kê khai"]
    assert client_for(client, people.unit_head).get("/admin/asset_declaration/declarationduty/add/").status_code == 403


def test_the_api_takes_each_step_and_answers_a_wrong_order_with_a_structured_error(client, people):
    api = client_for(client, people.office_clerk)
    response = api.post("/api/v1/declaration-duties/", {"person": people.inspector.pk, "year": 2025},
                        content_type="application/json")
    assert response.status_code == 201
    pk = response.json()["id"]
    wrong = api.post(f"/api/v1/declaration-duties/{pk}/verify/", {"verified_on": "2026-05-01", "result": "truthful"},
                     content_type="application/json")
    assert wrong.status_code == 400 and "verified_on" in wrong.json()["error"]["fields"]
    for step, body in (("receive", {"submitted_on": "2026-01-09"}),
                       ("publish", {"published_on": "2026-01-14", "published_where": "meeting"}),
                       ("select", {"selected_on": "2026-03-02"}),
                       ("verify", {"verified_on": "2026-05-29", "result": "untruthful"}),
                       ("discipline", {"discipline": "untruthful", "disciplined_on": "2026-07-01", "measure": "Khiển trách"})):
        response = api.post(f"/api/v1/declaration-duties/{pk}/{step}/", body, content_type="application/json")
        assert response.status_code == 200, (step, response.json())
    assert response.json()["discipline"] == "untruthful"
    refused = client_for(client, people.unit_head).post("/api/v1/declaration-duties/", {"person": people.unit_staff.pk,
                                                                                       "year": 2026}, content_type="application/json")
    assert refused.status_code == 403


def test_untruthful_discipline_needs_the_verification_saying_so(people):
    duty = services.add_duty(by=people.office_clerk, person=people.inspector, year=2025)
    with pytest.raises(ValidationError):
        services.record_discipline(duty, by=people.office_clerk, discipline="untruthful", disciplined_on=D(2026, 7, 1),
                                   measure="Khiển trách")


def test_a_person_and_their_unit_head_see_the_duty_the_others_do_not(client, people):
    duty = services.add_duty(by=people.office_clerk, person=people.unit_staff, year=2026, position="Kỹ sư quản lý đê điều")
    for user in (people.unit_staff, people.unit_head, people.office_clerk, people.leader):
        assert_reachable(client, user, duty, **PATHS)
    for user in (people.outsider, people.inspector, people.chief_inspector):
        assert_unreachable(client, user, duty, **PATHS)


def test_the_import_previews_then_saves_the_whole_list(client, people):
    headers = DeclarationImporter().headers()
    rows = [["Vũ Cán Bộ", "snnmt-ccthuyloi", "Chuyên viên", 2025, "Kê khai hằng năm", "26/12/2025", "05/01/2026",
             "Niêm yết tại trụ sở"],
            ["Lê Thanh Tra", "snnmt-ttr", "Thanh tra viên", 2025, "annual", None, None, None]]
    page = client_for(client, people.office_clerk)
    url = "/admin/asset_declaration/declarationduty/import-sheet/"
    bad = page.post(url, {"file": workbook(headers, rows + [["Lê Thanh Tra", "snnmt-ttr", "", 2025, "annual", None,
                                                               "05/01/2026", None]])})
    assert "Dòng 4" in bad.content.decode() and not DeclarationDuty.objects.exists()
    assert "Xác nhận nhập" in page.post(url, {"file": workbook(headers, rows)}).content.decode()
    assert page.post(url, {"confirm": "1"}).status_code == 302
    assert DeclarationDuty.objects.get(person=people.unit_staff).published_where == "notice_board"
    response = client_for(client, people.unit_head).post("/api/v1/declaration-duties/import/", {"file": workbook(headers, rows)})
    assert response.status_code == 403


def test_the_dashboard_counts_what_the_filtered_list_shows(client, people):
    late = services.add_duty(by=people.office_clerk, person=people.inspector, year=2025)
    services.add_duty(by=people.office_clerk, person=people.unit_staff, year=2025)
    services.receive_declaration(late, by=people.office_clerk, submitted_on=D(2026, 1, 9))
    services.add_duty(by=people.office_clerk, person=people.chief_inspector, year=2099)
    panel = next(row for row in register_panels(people.office_clerk) if str(row["title"]) == "Kê khai tài sản, thu nhập")
    page = client_for(client, people.office_clerk)
    for state in ("done", "due", "overdue"):
        listed = page.get(panel[state].url)
        assert listed.context["cl"].result_count == panel[state].value == 1, state
