"""A publication names the plan task it carries out; the task's page lists it to those who may see the entry only."""

from doctypes.papi.evidence import evidence_of
from doctypes.papi.models.plan import Task
from tests.base import client_for
from tests.papi.builders import make_plan


def test_an_entry_recorded_through_the_api_evidences_its_plan_task(client, people):
    task = Task.objects.filter(group__plan=make_plan()).live().first()
    response = client_for(client, people.office_clerk).post(
        "/api/v1/publications/", {"unit": "snnmt-vp", "kind": "plan", "title": "Kế hoạch PAPI đăng Cổng thông tin",
                                  "triggered_on": "2026-02-02", "published_on": "2026-02-03", "channel": "portal",
                                  "plan_tasks": [task.pk]}, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert response.json()["plan_tasks"] == [task.pk]
    assert [str(record) for _name, record, _url in evidence_of(task, people.leader)] == ["Kế hoạch: Kế hoạch PAPI đăng Cổng thông tin"]
    assert evidence_of(task, people.unit_staff) == []  # the office's entry is not the irrigation unit's to see
