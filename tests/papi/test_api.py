"""The PAPI API under /api/v1/: writes go through the services; each endpoint tried by who may and who may not."""

import pytest

from doctypes.papi.models.plan import Plan, Task
from doctypes.papi.models.report import UnitReport
from doctypes.papi.models.score import PapiScore
from tests.base import client_for
from tests.papi.builders import BAC_GIANG_CSV, make_plan, task_of

pytestmark = pytest.mark.django_db


def test_it_lists_plans_and_tasks_by_who_may_see_them(client, people):
    plan = make_plan()
    client_for(client, people.unit_staff)
    assert [row["id"] for row in client.get("/api/v1/papi-plans/").json()["results"]] == [plan.pk]
    tasks = client.get("/api/v1/papi-tasks/", {"page_size": 200}).json()["results"]
    assert tasks and all("snnmt-ccthuyloi" in row["lead_units"] + row["cooperating_units"] for row in tasks)
    office_count = client_for(client, people.office_clerk).get("/api/v1/papi-tasks/").json()["count"]
    assert office_count == Task.objects.filter(group__plan=plan).count() > len(tasks)
    client_for(client, people.outsider)
    assert client.get("/api/v1/papi-plans/").json()["count"] == 0
    assert client.get("/api/v1/papi-tasks/").json()["count"] == 0


def test_it_copies_a_plan_and_adds_and_retires_tasks_for_the_office_only(client, people):
    plan = make_plan()
    group = plan.groups.get(section="II", number=5)
    client_for(client, people.unit_head)
    assert client.post(f"/api/v1/papi-plans/{plan.pk}/copy/", {"year": 2022}).status_code == 403
    response = client.post("/api/v1/papi-tasks/", {"group": group.pk, "text": "Việc", "lead_units": ["snnmt-ccthuyloi"]},
                           content_type="application/json")
    assert response.status_code == 403
    client_for(client, people.office_clerk)
    assert client.post(f"/api/v1/papi-plans/{plan.pk}/copy/", {"year": 2022}).status_code == 201
    assert Plan.objects.filter(year=2022).exists()
    response = client.post("/api/v1/papi-tasks/", {"group": group.pk, "text": "Kiểm tra kênh tiêu", "lead_units": ["snnmt-ccthuyloi"],
                                                   "recurrence": "quarterly"}, content_type="application/json")
    assert response.status_code == 201, response.content
    task_id = response.json()["id"]
    bad = client.post("/api/v1/papi-tasks/", {"group": group.pk, "text": "X", "lead_units": []}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["error"]["fields"]
    assert client.post(f"/api/v1/papi-tasks/{task_id}/retire/", {"reason": "Trùng"}).json()["status"] == "retired"


def test_it_lets_a_unit_report_through_the_api_and_refuses_a_foreign_task(client, people):
    plan = make_plan()
    client_for(client, people.unit_staff)
    response = client.post("/api/v1/papi-unit-reports/", {"plan": plan.pk, "year": 2021, "quarter": 1}, content_type="application/json")
    assert response.status_code == 201, response.content
    report = response.json()
    foreign = task_of(plan, "snnmt-khtc", section="III", number=3)
    refused = client.post(f"/api/v1/papi-unit-reports/{report['id']}/progress/",
                          {"entries": [{"task": foreign.pk, "progress": "done", "result": "x"}]}, content_type="application/json")
    assert refused.status_code == 400 and "không thuộc đơn vị" in str(refused.json()["error"]["fields"])
    entries = [{"task": e["task"], "progress": "done", "result": "Đã làm"} for e in report["entries"]]
    assert client.post(f"/api/v1/papi-unit-reports/{report['id']}/progress/", {"entries": entries}, content_type="application/json").status_code == 200
    assert client.post(f"/api/v1/papi-unit-reports/{report['id']}/submit/").json()["status"] == "submitted"
    frozen = client.post(f"/api/v1/papi-unit-reports/{report['id']}/progress/", {"entries": entries}, content_type="application/json")
    assert frozen.status_code == 400
    client_for(client, people.inspector)
    assert client.get(f"/api/v1/papi-unit-reports/{report['id']}/").status_code == 404
    assert UnitReport.objects.get(pk=report["id"]).history.first().history_change_reason == "Nộp báo cáo quý"


def test_it_runs_the_roll_up_for_the_office_and_hides_it_from_units(client, people):
    plan = make_plan()
    client_for(client, people.office_clerk)
    created = client.post("/api/v1/papi-office-reports/", {"plan": plan.pk, "year": 2021, "quarter": 1}, content_type="application/json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert client.patch(f"/api/v1/papi-office-reports/{pk}/", {"results": "Tóm tắt"}, content_type="application/json").status_code == 200
    assert client.post(f"/api/v1/papi-office-reports/{pk}/freeze/").json()["status"] == "frozen"
    assert client.patch(f"/api/v1/papi-office-reports/{pk}/", {"results": "Sửa"}, content_type="application/json").status_code == 400
    assert client.get(f"/api/v1/papi-office-reports/{pk}/docx/").status_code == 200
    client_for(client, people.unit_head)
    assert client.get(f"/api/v1/papi-office-reports/{pk}/").status_code in (403, 404)
    assert client.post("/api/v1/papi-office-reports/", {"plan": plan.pk, "year": 2021, "quarter": 2}).status_code == 403


def test_it_imports_scores_through_the_api_for_administrators_only(client, people):
    make_plan()
    client_for(client, people.unit_staff)
    with open(BAC_GIANG_CSV, "rb") as sheet:
        assert client.post("/api/v1/papi-score-imports/", {"sheet": sheet, "province_code": "24"}).status_code == 403
    client_for(client, people.admin)
    with open(BAC_GIANG_CSV, "rb") as sheet:
        response = client.post("/api/v1/papi-score-imports/", {"sheet": sheet, "province_code": "24"})
    assert response.status_code == 201 and response.json()["years"] == [2015, 2016, 2017, 2018, 2019, 2023]
    with open(BAC_GIANG_CSV, "rb") as sheet:
        refused = client.post("/api/v1/papi-score-imports/", {"sheet": sheet, "province_code": "1"})
    assert refused.status_code == 400 and "Dòng 1" in refused.json()["error"]["fields"]["sheet"][0]
    client_for(client, people.leader)
    assert client.get("/api/v1/papi-scores/", {"year": 2023, "indicator": "total"}).json()["results"][0]["rank"] == 10
    client_for(client, people.outsider)
    assert client.get("/api/v1/papi-scores/").json()["count"] == 0
    assert PapiScore.objects.visible_to(people.outsider).count() == 0


def test_a_json_body_that_is_not_an_object_is_refused_with_a_structured_error_not_a_500(client, people):
    """Found by the fuzz (tests/core/test_api_fuzz.py): `null` or a list as the body crashed the hand-written actions."""
    plan = make_plan()
    client_for(client, people.unit_staff)
    report = client.post("/api/v1/papi-unit-reports/", {"plan": plan.pk, "year": 2021, "quarter": 2},
                         content_type="application/json").json()
    for body in ("null", "[1, 2]", '"Vũ Cán Bộ"'):
        response = client.post(f"/api/v1/papi-unit-reports/{report['id']}/progress/", body, content_type="application/json")
        assert response.status_code == 400 and response.json()["error"]["code"] == "invalid", (body, response.content)
    client_for(client, people.office_clerk)
    for url in (f"/api/v1/papi-plans/{plan.pk}/copy/", f"/api/v1/papi-tasks/{task_of(plan, 'snnmt-ccthuyloi').pk}/retire/"):
        response = client.post(url, "null", content_type="application/json")
        assert response.status_code == 400 and response.json()["error"]["message"] == "Dữ liệu không hợp lệ.", url
