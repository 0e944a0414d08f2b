"""Who reaches discipline checks: the office and leadership; the checked unit reads its own; outsiders nothing."""

import datetime

from django.utils import timezone

from doctypes.discipline_check import services
from doctypes.discipline_check.models import CheckResult
from doctypes.finding.services import record_finding
from tests.base import client_for
from tests.discipline_check.builders import D, make_check
from tests.inspection.builders import unit
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf

CHECK = {"admin": "discipline_check/disciplinecheck", "api": "discipline-checks", "search": "Thủy", "text": "Thủy lợi"}


def _check_with_photo(people, **overrides):
    check = make_check(**overrides)
    item = check.template.items.order_by("order").first()
    result = services.record_results(check, by=people.office_clerk, results=[(item, "fail", "Đi muộn 15 phút", None)])[0]
    return check, result, attach_pdf(result, people.office_clerk)


def test_it_shows_a_check_and_its_photos_to_the_office_leadership_and_the_checked_unit(client, people):
    check, result, photo = _check_with_photo(people)
    for user in (people.office_clerk, people.office_chief, people.leader, people.unit_head):
        assert_reachable(client, user, check, **CHECK)
        assert client.get(f"/files/{photo.pk}/").status_code == 200


def test_it_hides_a_check_from_the_outsider_inspectors_and_other_units(client, people):
    check, result, photo = _check_with_photo(people, unit=unit("snnmt-cckiemlam"))
    hidden = {**CHECK, "search": "Kiểm", "text": "Kiểm lâm"}
    for user in (people.outsider, people.unit_staff, people.inspector):
        assert_unreachable(client, user, check, attachment=photo, **hidden)


def test_it_lets_the_checked_unit_read_but_not_change_results(client, people):
    check, result, _ = _check_with_photo(people)
    response = client_for(client, people.unit_head).post(f"/admin/discipline_check/checkresult/{result.pk}/change/", {"outcome": "pass"})
    assert response.status_code == 403
    assert CheckResult.objects.get(pk=result.pk).outcome == "fail"


def test_it_records_a_finding_from_a_check_for_the_office_only(people):
    check, _, _ = _check_with_photo(people)
    finding = record_finding(by=people.office_clerk, unit=check.unit, title="Đi muộn", criteria="Nội quy", condition="15 phút",
                             recorded_on=D(2026, 11, 10), discipline_check=check)
    assert finding.discipline_check == check
    import pytest
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        record_finding(by=people.inspector, unit=check.unit, title="x", criteria="x", condition="x",
                       recorded_on=D(2026, 11, 10), discipline_check=check)


def test_it_shows_the_score_and_deadline_status_in_the_api(client, people):
    check, _, _ = _check_with_photo(people)
    data = client_for(client, people.office_clerk).get(f"/api/v1/discipline-checks/{check.pk}/").json()
    assert data["score"] == 0.0 and data["deadline_status"] == "Quá hạn"


def test_it_lets_only_the_office_edit_templates(client, people):
    assert client_for(client, people.office_clerk).get("/admin/discipline_check/checklisttemplate/add/").status_code == 200
    assert client_for(client, people.unit_head).get("/admin/discipline_check/checklisttemplate/add/").status_code == 403


def test_it_runs_a_check_through_the_api_for_the_office_only(client, people):
    from tests.discipline_check.builders import make_template

    template = make_template()
    body = {"template": template.pk, "unit": "snnmt-ccthuyloi", "scheduled_on": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(), "announced": False}
    assert client_for(client, people.unit_head).post("/api/v1/discipline-checks/", body, content_type="application/json").status_code == 403
    api = client_for(client, people.office_clerk)
    response = api.post("/api/v1/discipline-checks/", body, content_type="application/json")
    assert response.status_code == 201, response.content
    url = f"/api/v1/discipline-checks/{response.json()['id']}"
    response = api.post(f"{url}/finish/", {"conducted_on": "2026-12-01"}, content_type="application/json")
    assert response.status_code == 400 and "chưa có kết quả" in str(response.json()["error"])
    rows = [{"item": item.pk, "outcome": "pass"} for item in template.items.all()]
    assert api.post(f"{url}/results/", {"results": rows}, content_type="application/json").status_code == 200
    response = api.post(f"{url}/finish/", {"conducted_on": "2026-12-01"}, content_type="application/json")
    assert response.json()["status"] == "done" and response.json()["score"] == 100.0
