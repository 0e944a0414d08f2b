"""The office manages the plan: copy to next year, add, edit and retire tasks; nobody else may."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doctypes.papi.models.plan import Plan, Task
from doctypes.papi.services import add_task, copy_plan_to_year, retire_task, update_task
from tests.papi.builders import make_plan, unit

pytestmark = pytest.mark.django_db


def test_it_copies_a_plan_to_the_next_year_without_retired_tasks(people):
    plan = make_plan()
    retired = plan.groups.get(section="II", number=1).tasks.first()
    retire_task(retired, by=people.office_clerk, reason="Đã lồng ghép vào kế hoạch CCHC")
    copy = copy_plan_to_year(plan, by=people.office_clerk, year=2022)
    copy.refresh_from_db()
    assert copy.year == 2022 and copy.copied_from == plan and copy.status == Plan.Status.DRAFT
    live = Task.objects.filter(group__plan=plan).live().count()
    assert Task.objects.filter(group__plan=copy).count() == live
    assert not Task.objects.filter(group__plan=copy, copied_from=retired).exists()
    assert copy.report_dates.count() == 4
    assert copy.history.first().history_change_reason == "Sao chép từ kế hoạch năm 2021"


def test_it_refuses_to_copy_onto_a_year_that_has_a_plan(people):
    plan = make_plan()
    copy_plan_to_year(plan, by=people.office_chief, year=2022)
    with pytest.raises(ValidationError):
        copy_plan_to_year(plan, by=people.office_chief, year=2022)


def test_it_refuses_plan_management_to_units_and_leadership(people):
    plan = make_plan()
    group = plan.groups.get(section="II", number=5)
    for user in (people.unit_head, people.inspector, people.outsider):
        with pytest.raises(PermissionDenied):
            copy_plan_to_year(plan, by=user, year=2022)
        with pytest.raises(PermissionDenied):
            add_task(group, by=user, text="Việc mới", lead_units=[unit("snnmt-ccthuyloi")])


def test_it_adds_edits_and_retires_a_task(people):
    plan = make_plan()
    group = plan.groups.get(section="II", number=5)
    task = add_task(group, by=people.office_clerk, text="Kiểm tra xả thải ra kênh tưới", lead_units=[unit("snnmt-ccthuyloi")],
                    cooperating_units=[unit("snnmt-ttr")], recurrence=Task.Recurrence.QUARTERLY)
    assert task.order == group.tasks.count() and task.all_dimensions()[0].code == "7"
    update_task(task, by=people.office_clerk, text="Kiểm tra xả thải ra kênh tưới, tiêu", recurrence=Task.Recurrence.YEARLY)
    task.refresh_from_db()
    assert task.recurrence == Task.Recurrence.YEARLY and task.text.endswith("tiêu")
    retire_task(task, by=people.office_clerk, reason="Trùng nhiệm vụ 5.3")
    task.refresh_from_db()
    assert task.status == Task.Status.RETIRED
    assert [h.history_change_reason for h in task.history.all()][:2] == ["Ngừng thực hiện: Trùng nhiệm vụ 5.3", "Sửa nhiệm vụ"]


def test_it_refuses_a_task_without_a_unit_in_charge_or_with_a_unit_of_another_agency(people):
    group = make_plan().groups.get(section="II", number=5)
    with pytest.raises(ValidationError):
        add_task(group, by=people.office_clerk, text="Việc mới", lead_units=[])
    with pytest.raises(ValidationError):
        add_task(group, by=people.office_clerk, text="Việc mới", lead_units=[unit("stc-vp")])


def test_it_adds_and_edits_a_task_in_the_back_office_for_the_office_only(client, people):
    from tests.base import client_for

    plan = make_plan()
    group = plan.groups.get(section="II", number=5)
    form = {"group": group.pk, "text": "Kiểm tra chất lượng nước kênh", "lead_units": [unit("snnmt-ccthuyloi").pk],
            "cooperating_units": [], "recurrence": "quarterly", "status": "open", "dimensions": []}
    assert client_for(client, people.unit_head).post("/admin/papi/task/add/", form).status_code == 403
    response = client_for(client, people.office_clerk).post("/admin/papi/task/add/", form)
    assert response.status_code == 302
    task = Task.objects.get(text="Kiểm tra chất lượng nước kênh")
    assert list(task.lead_units.values_list("code", flat=True)) == ["snnmt-ccthuyloi"]
    response = client.post(f"/admin/papi/task/{task.pk}/change/", {**form, "lead_units": [unit("stc-vp").pk]})
    assert response.status_code == 200  # another agency's unit is not a choice
    client.post(f"/admin/papi/task/{task.pk}/change/", {**form, "cooperating_units": [unit("snnmt-ttr").pk], "recurrence": "yearly"})
    task.refresh_from_db()
    assert task.recurrence == "yearly" and list(task.cooperating_units.values_list("code", flat=True)) == ["snnmt-ttr"]
    assert task.history.first().history_change_reason == "Sửa nhiệm vụ"


def test_it_keeps_the_units_in_charge_in_the_task_history(people):
    plan = make_plan()
    group = plan.groups.get(section="II", number=5)
    task = add_task(group, by=people.office_clerk, text="Kiểm tra xả thải", lead_units=[unit("snnmt-ccthuyloi")])
    update_task(task, by=people.office_clerk, lead_units=[unit("snnmt-ttr")])
    snapshots = [[row.unit_id for row in record.lead_units.all()] for record in task.history.all()]
    assert snapshots[0] == [unit("snnmt-ttr").pk]
    assert [unit("snnmt-ccthuyloi").pk] in snapshots[1:]
    assert task.history.first().history_change_reason == "Sửa nhiệm vụ"
