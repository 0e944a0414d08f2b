"""The case register as its users reach it: the inspectorate enters cases from the back office and the API, units and
leadership read, another agency sees nothing; bad input is refused with a reason; last year's sheet is imported."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from doctypes.org.models import Unit
from doctypes.pctn_case import services
from doctypes.pctn_case.importer import PctnCaseImporter
from doctypes.pctn_case.models import PctnCase
from tests.base import client_for
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf

D = datetime.date
PATHS = {"admin": "pctn_case/pctncase", "api": "pctn-cases", "search": "duy tu", "text": "duy tu kênh"}
ADD_URL = "/admin/pctn_case/pctncase/add/"


def _case(people, **extra):
    values = {"unit": Unit.objects.get(code="snnmt-ccthuyloi"), "title": "Chứng từ khống tiền duy tu kênh",
              "detected_on": D(2026, 3, 12), "channel": "self_check", **extra}
    return services.record_case(by=people.inspector, people=[{"label": "Thủ quỹ", "role": "other"}], **values)


def _form(**values):
    data = {"unit": Unit.objects.get(code="snnmt-ccthuyloi").pk, "title": "Lập chứng từ khống", "detected_on": "12/03/2026",
            "channel": "self_check", "kind": "corruption", "amount_detected": "45000000", "land_detected": "0",
            "whistleblowers_protected": "0", "whistleblowers_retaliated": "0", "retaliators_handled": "0",
            "whistleblowers_rewarded": "0"}
    for prefix, rows in (("people", 1), ("recoveries", 1)):
        data.update({f"{prefix}-TOTAL_FORMS": str(rows), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
                     f"{prefix}-MAX_NUM_FORMS": "1000"})
    data.update({"people-0-label": "Chi cục trưởng", "people-0-role": "head", "people-0-head_responsible": "on",
                 "people-0-discipline": "reprimand", "people-0-disciplined_on": "10/06/2026",
                 "recoveries-0-recorded_on": "01/07/2026", "recoveries-0-measure": "administrative",
                 "recoveries-0-amount": "30000000", "recoveries-0-land": "0"})
    ct = "papi_inspect-attachment-content_type-object_id"
    data.update({f"{ct}-TOTAL_FORMS": "0", f"{ct}-INITIAL_FORMS": "0", f"{ct}-MIN_NUM_FORMS": "0", f"{ct}-MAX_NUM_FORMS": "1000"})
    data.update(values)
    return data


def test_the_inspectorate_enters_a_case_from_the_back_office(client, people):
    response = client_for(client, people.inspector).post(ADD_URL, _form())
    assert response.status_code == 302, response.content.decode()[:3000]
    case = PctnCase.objects.get()
    assert case.code.startswith("VV2026-") and case.recorded_by == people.inspector
    person = case.people.get()
    assert (person.role, person.head_responsible, person.discipline) == ("head", True, "reprimand")
    assert case.recoveries.get().amount == 30_000_000
    assert case.history.first().history_user == people.inspector


def test_the_back_office_refuses_bad_input_with_a_reason_and_saves_nothing(client, people):
    page = client_for(client, people.inspector)
    response = page.post(ADD_URL, _form(**{"people-0-role": "other"}))
    assert response.status_code == 200 and "Chỉ người đứng đầu hoặc cấp phó" in response.content.decode()
    response = page.post(ADD_URL, _form(non_state="on"))
    assert "Ghi tên doanh nghiệp, tổ chức khu vực ngoài nhà nước" in response.content.decode()
    response = page.post(ADD_URL, _form(**{"recoveries-0-recorded_on": "01/01/2026"}))
    assert "không được trước ngày phát hiện" in response.content.decode()
    assert not PctnCase.objects.exists()


def test_roles_that_do_not_keep_the_register_cannot_add(client, people):
    for user in (people.unit_head, people.leader, people.office_clerk, people.outsider):
        response = client_for(client, user).post(ADD_URL, _form())
        assert response.status_code in (302, 403) and not PctnCase.objects.exists(), user.username
        response = client_for(client, user).post("/api/v1/pctn-cases/", {}, content_type="application/json")
        assert response.status_code == 403, user.username


def test_the_inspectorate_enters_a_case_through_the_api(client, people):
    api = client_for(client, people.chief_inspector)
    body = {"unit": "snnmt-ccthuyloi", "title": "Nhận tiền bỏ qua vi phạm", "detected_on": "2026-05-20", "channel": "other",
            "kind": "corruption", "people": [{"label": "Cán bộ địa bàn", "role": "other", "prosecuted_on": "2026-09-15"}],
            "recoveries": [{"recorded_on": "2026-10-30", "measure": "judicial", "amount": "50000000", "land": "800"}]}
    response = api.post("/api/v1/pctn-cases/", body, content_type="application/json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["people"][0]["prosecuted_on"] == "2026-09-15" and data["recoveries"][0]["land"] == "800.0"
    bad = api.post("/api/v1/pctn-cases/", {**body, "people": [{"label": "X", "role": "other", "discipline": "warning"}]},
                   content_type="application/json")
    assert bad.status_code == 400 and "disciplined_on" in str(bad.json())
    outside = api.post("/api/v1/pctn-cases/", {**body, "unit": "stc-vp"}, content_type="application/json")
    assert outside.status_code in (400, 403) and PctnCase.objects.count() == 1


def test_it_shows_a_case_to_the_inspectorate_leadership_and_the_unit(client, people):
    case = _case(people)
    evidence = attach_pdf(case, people.inspector)
    for user in (people.inspector, people.chief_inspector, people.leader, people.unit_head, people.unit_staff):
        assert_reachable(client, user, case, attachment=evidence, **PATHS)


def test_it_hides_a_case_from_another_agency_and_other_units(client, people):
    case = _case(people)
    evidence = attach_pdf(case, people.inspector)
    for user in (people.outsider, people.office_clerk):
        assert_unreachable(client, user, case, attachment=evidence, **PATHS)
    response = client_for(client, people.outsider).post("/admin/pctn_case/pctncase/", {
        "action": "export_to_excel", "_selected_action": [case.pk]})
    assert "duy tu" not in response.content.decode(errors="ignore")


def test_a_unit_reads_but_may_not_correct(client, people):
    case = _case(people)
    api = client_for(client, people.unit_head)
    assert api.patch(f"/api/v1/pctn-cases/{case.pk}/", {"title": "Sửa"}, content_type="application/json").status_code == 403
    assert client_for(client, people.inspector).patch(
        f"/api/v1/pctn-cases/{case.pk}/", {"title": "Chứng từ khống tiền duy tu kênh loại 2"},
        content_type="application/json").status_code == 200


def test_a_violation_is_linked_to_one_case_only(people):
    from tests.pctn_case.builders import concluded_violation
    violation = concluded_violation(people)
    _case(people, channel="inspection", violation=violation, title="Chi sai chế độ")
    try:
        _case(people, channel="inspection", violation=violation, title="Lần hai")
    except Exception as error:  # noqa: BLE001 - the service's ValidationError
        assert "đã được ghi thành một vụ việc khác" in str(error)
    else:
        raise AssertionError("a second case for the same violation was saved")


def _sheet(rows):
    book = Workbook()
    book.active.append([column.header for column in PctnCaseImporter.columns])
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return SimpleUploadedFile("so-vu-viec.xlsx", stream.getvalue())


GOOD = ["snnmt-ccthuyloi", "Sử dụng xe công sai mục đích", "03/11/2025", "Hoạt động khác", "Lãng phí", "Không", "", "12000000",
        "", "", "20/12/2025"]
BAD = ["snnmt-khong-co", "Vụ việc", "40/11/2025", "Hoạt động khác", "Lãng phí", "Có", "", "", "", "", ""]


def test_the_import_previews_errors_and_saves_only_a_clean_file_through_the_api(client, people):
    api = client_for(client, people.inspector)
    response = api.post("/api/v1/pctn-cases/import/", {"file": _sheet([GOOD, BAD])})
    assert response.status_code == 200 and [e["row"] for e in response.json()["errors"]] == [3]
    response = api.post("/api/v1/pctn-cases/import/", {"file": _sheet([GOOD, BAD]), "confirm": "1"})
    assert response.status_code == 400 and not PctnCase.objects.exists()
    response = api.post("/api/v1/pctn-cases/import/", {"file": _sheet([GOOD]), "confirm": "1"})
    assert response.status_code == 201 and PctnCase.objects.get().kind == "waste"
    assert client_for(client, people.unit_head).post("/api/v1/pctn-cases/import/", {"file": _sheet([GOOD])}).status_code == 403


def test_the_import_in_the_back_office_saves_after_a_clean_preview(client, people):
    page = client_for(client, people.inspector)
    url = "/admin/pctn_case/pctncase/import-sheet/"
    response = page.post(url, {"file": _sheet([GOOD, BAD])})
    assert "Dòng 3" in response.content.decode() or "3" in response.content.decode()
    assert not PctnCase.objects.exists()
    page.post(url, {"file": _sheet([GOOD])})
    response = page.post(url, {"confirm": "1"})
    assert response.status_code == 302 and PctnCase.objects.count() == 1
    assert client_for(client, people.unit_head).get(url).status_code in (302, 403)


def test_a_person_added_on_the_case_page_goes_through_the_same_checks(client, people):
    from tests.locking import form_data
    case = _case(people)
    page = client_for(client, people.inspector)
    url = f"/admin/pctn_case/pctncase/{case.pk}/change/"
    data = form_data(page.get(url), "pctncase_form")
    data.update({"people-TOTAL_FORMS": ["2"], "people-1-case": [str(case.pk)], "people-1-label": ["Kế toán"],
                 "people-1-role": ["other"], "people-1-discipline": ["warning"]})
    response = page.post(url, data)
    assert response.status_code == 200 and "phải ghi cùng nhau" in response.content.decode()
    assert case.people.count() == 1
    response = page.post(url, {**form_data(response, "pctncase_form"), "people-1-disciplined_on": ["10/06/2026"]})
    assert response.status_code == 302 and case.people.get(label="Kế toán").discipline == "warning"


def test_the_dashboard_panel_counts_handled_and_considered_cases_as_the_list_shows(client, people):
    """No deadline: a case has a handling result or is still being considered (01/PCTN rows 87–88); none is overdue."""
    from reports.dashboard.panels import register_panels

    _case(people, handled_on=D(2026, 5, 2))
    _case(people, title="Nhận tiền của doanh nghiệp khi nghiệm thu")
    _case(people, title="Chi sai chế độ công tác phí")
    panel = next(row for row in register_panels(people.chief_inspector) if str(row["title"]).startswith("Vụ việc tham nhũng"))
    assert panel["overdue"] is None and (panel["done"].value, panel["due"].value) == (1, 2)
    page = client_for(client, people.chief_inspector)
    for state in ("done", "due"):
        assert page.get(panel[state].url).context["cl"].result_count == panel[state].value, state
    theirs = [row for row in register_panels(people.outsider) if str(row["title"]).startswith("Vụ việc tham nhũng")]
    assert all(row["done"].value == row["due"].value == 0 for row in theirs)  # another agency counts none of ours
    assert "papi-registers" in page.get("/admin/").content.decode()
