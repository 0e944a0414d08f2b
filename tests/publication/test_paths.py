"""The register the way its users reach it: the back-office form and the API as the keeper, refused to the others,
invisible to the outsider on every path; the import through both; the dashboard panel counting what the list shows."""

from doctypes.publication.models import Publication
from reports.dashboard.panels import register_panels
from tests.base import client_for
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf
from tests.intake.forms import admin_post, errors_of
from tests.publication.builders import D, make_publication, sheet

ADD = "/admin/publication/publication/add/"
PATHS = {"admin": "publication/publication", "api": "publications", "search": "Kim Sơn", "text": "trạm bơm Kim Sơn"}


def _entry(people):
    return make_publication(people.unit_staff, kind="procurement", title="Kế hoạch lựa chọn nhà thầu trạm bơm Kim Sơn",
                            triggered_on=D(2026, 10, 5), published_on=D(2026, 10, 9), channel="portal",
                            note="Bà Đỗ Thị Lan phê duyệt, ông Vũ Đức Anh đăng tải.")


def test_the_unit_adds_an_entry_in_the_back_office_and_the_deadline_is_computed(client, people):
    page = client_for(client, people.unit_staff)
    response = admin_post(page, ADD, {"unit": _unit_id("snnmt-ccthuyloi"),
                                      "kind": "budget_estimate", "title": "Dự toán 2026 Chi cục Thủy lợi",
                                      "triggered_on": "01/10/2026", "published_on": "10/10/2026", "channel": "portal"})
    assert response.status_code == 302, errors_of(response)
    entry = Publication.objects.get(title="Dự toán 2026 Chi cục Thủy lợi")
    assert (entry.due_on, entry.recorded_by, entry.state()) == (D(2026, 10, 16), people.unit_staff, "on_time")
    assert entry.history.first().history_user == people.unit_staff


def test_the_back_office_form_shows_the_services_refusal_in_vietnamese(client, people):
    page = client_for(client, people.unit_staff)
    unit_id = _unit_id("snnmt-ccthuyloi")
    response = admin_post(page, ADD, {"unit": unit_id, "kind": "budget_estimate", "title": "Dự toán",
                                      "triggered_on": "01/10/2026", "published_on": "10/10/2026"})
    assert response.status_code == 200 and "Cần ghi hình thức công khai" in response.content.decode()
    # Another unit of the department is not the staff member's to keep.
    response = admin_post(page, ADD, {"unit": _unit_id("snnmt-khtc"), "kind": "plan", "title": "Kế hoạch",
                                      "triggered_on": "01/10/2026"})
    assert response.status_code == 200 and not Publication.objects.exists()


def test_leadership_reads_but_has_no_add_form_and_the_outsider_is_offered_none_of_the_departments_units(client, people):
    assert client_for(client, people.leader).get(ADD).status_code == 403
    assert client_for(client, people.leader).get("/admin/publication/publication/").status_code == 200
    # The outsider keeps their own agency's register; none of this department's units is offered.
    form = client_for(client, people.outsider).get(ADD).context["adminform"].form
    assert set(form.fields["unit"].queryset.values_list("code", flat=True)) <= {"stc", "stc-vp"}


def test_the_api_records_a_duty_then_its_publication(client, people):
    api = client_for(client, people.unit_head)
    response = api.post("/api/v1/publications/", {"unit": "snnmt-ccthuyloi", "kind": "inspection_conclusion",
                                                  "title": "Kết luận kiểm tra nội bộ Chi cục", "triggered_on": "2026-10-01"},
                        content_type="application/json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["due_on"], body["state"], body["papi"]) == ("2026-10-16", "overdue", ["2"])
    response = api.post(f"/api/v1/publications/{body['id']}/publish/", {"published_on": "2026-10-20", "channel": "meeting"},
                        content_type="application/json")
    assert response.status_code == 200 and response.json()["state"] == "late"


def test_the_api_refuses_bad_input_and_other_roles_with_structured_errors(client, people):
    api = client_for(client, people.unit_staff)
    response = api.post("/api/v1/publications/", {"unit": "snnmt-ccthuyloi", "kind": "budget_estimate", "title": "Dự toán",
                                                  "triggered_on": "2099-01-01"}, content_type="application/json")
    assert response.status_code == 400 and "triggered_on" in response.json()["error"]["fields"]
    response = api.post("/api/v1/publications/", {"unit": "snnmt-khtc", "kind": "plan", "title": "Kế hoạch",
                                                  "triggered_on": "2026-10-01"}, content_type="application/json")
    assert response.status_code == 403 and response.json()["error"]["message"]
    leader = client_for(client, people.leader)
    assert leader.post("/api/v1/publications/", {"unit": "snnmt-vp", "kind": "plan", "title": "Kế hoạch",
                                                 "triggered_on": "2026-10-01"}, content_type="application/json").status_code == 403
    entry = _entry(people)
    outsider = client_for(client, people.outsider)
    assert outsider.post(f"/api/v1/publications/{entry.pk}/publish/", {"published_on": "2026-10-20", "channel": "portal"},
                         content_type="application/json").status_code == 404


def test_the_unit_the_office_and_leadership_reach_an_entry_on_every_path(client, people):
    entry = _entry(people)
    evidence = attach_pdf(entry, people.unit_staff)
    for user in (people.unit_staff, people.unit_head, people.office_clerk, people.leader):
        assert_reachable(client, user, entry, attachment=evidence, **PATHS)


def test_another_unit_and_the_outsider_reach_it_on_no_path(client, people):
    entry = _entry(people)
    evidence = attach_pdf(entry, people.unit_staff)
    for user in (people.outsider, people.inspector):
        assert_unreachable(client, user, entry, attachment=evidence, **PATHS)
    export = client_for(client, people.outsider).post("/admin/publication/publication/",
                                                      {"action": "export_to_excel", "_selected_action": [entry.pk]})
    assert "Kim Sơn" not in export.content.decode(errors="ignore")


def test_the_import_previews_errors_saves_nothing_then_saves_a_clean_file_through_the_back_office(client, people):
    page = client_for(client, people.office_clerk)
    url = "/admin/publication/publication/import-sheet/"
    bad = sheet([["snnmt-khtc", "Dự toán ngân sách", "Dự toán 2025", "02/01/2025", "", "", "Cổng thông tin điện tử", "10/01/2025", ""],
                 ["snnmt-xxx", "Dự toán ngân sách", "Dự toán 2025 khác", "02/01/2025", "", "", "", "", ""],
                 ["snnmt-khtc", "Bản tin", "Sai loại", "32/01/2025", "", "", "", "", ""]])
    response = page.post(url, {"file": bad})
    content = response.content.decode()
    assert "snnmt-xxx" in content and "ngày không hợp lệ" in content and not Publication.objects.exists()
    good = sheet([["snnmt-khtc", "Dự toán ngân sách", "Dự toán 2025 của Sở", "02/01/2025", "", "", "Cổng thông tin điện tử", "10/01/2025", "Bà Thu đăng"],
                  ["snnmt-ccthuyloi", "Kế hoạch", "Kế hoạch PCTN 2025", "05/01/2025", "Kế hoạch của tỉnh", "20/01/2025", "", "", ""]])
    assert page.post(url, {"file": good}).status_code == 200
    assert page.post(url, {"confirm": "1"}).status_code == 302
    assert sorted(Publication.objects.values_list("title", "due_on")) == [("Dự toán 2025 của Sở", D(2025, 1, 17)),
                                                                          ("Kế hoạch PCTN 2025", D(2025, 1, 20))]
    assert client_for(client, people.leader).get(url).status_code == 403


def test_the_import_through_the_api_and_a_unit_importing_another_units_rows(client, people):
    rows = [["snnmt-ccthuyloi", "procurement", "KHLCNT kênh N2", "06/01/2025", "", "", "portal", "09/01/2025", ""],
            ["snnmt-khtc", "budget_estimate", "Dự toán 2025", "02/01/2025", "", "", "", "", ""]]
    api = client_for(client, people.unit_staff)
    preview = api.post("/api/v1/publications/import/", {"file": sheet(rows)})
    assert preview.status_code == 200 and preview.json()["clean"] is True
    refused = api.post("/api/v1/publications/import/", {"file": sheet(rows), "confirm": "1"})
    assert refused.status_code == 400 and "Dòng 3" in str(refused.json()["error"]["fields"])
    assert not Publication.objects.exists()
    saved = api.post("/api/v1/publications/import/", {"file": sheet(rows[:1]), "confirm": "1"})
    assert saved.status_code == 201 and saved.json()["imported"] == 1
    assert client_for(client, people.leader).post("/api/v1/publications/import/", {"file": sheet(rows)}).status_code == 403


def test_the_dashboard_panel_counts_what_the_filtered_list_shows(client, people):
    make_publication(people.unit_staff, published_on=D(2026, 10, 10), channel="portal")
    make_publication(people.unit_staff, title="Dự toán bổ sung")  # due 16/10/2026: overdue
    make_publication(people.office_clerk, unit_code="snnmt-khtc", kind="plan", title="Kế hoạch 2027", triggered_on=D(2026, 12, 1))
    make_publication(people.office_clerk, unit_code="snnmt-khtc", kind="budget_settlement", title="Quyết toán",
                     triggered_on=D(2026, 9, 1))
    for user, expected in ((people.office_clerk, (1, 1, 2)), (people.unit_staff, (1, 0, 1)), (people.leader, (1, 1, 2))):
        row = next(r for r in register_panels(user) if r["papi"] == "2")
        assert (row["done"].value, row["due"].value, row["overdue"].value) == expected, user.username
        page = client_for(client, user)
        for state in ("done", "due", "overdue"):
            listed = page.get(row[state].url).context["cl"].result_count
            assert listed == row[state].value, (user.username, state)
    assert not [r for r in register_panels(people.outsider) if r["papi"] == "2" and r["done"].value]


def _unit_id(code):
    from doctypes.org.models import Unit

    return Unit.objects.get(code=code).pk
