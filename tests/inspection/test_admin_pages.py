"""Every back-office list and add page of the four doctypes renders for those who may, and refuses the rest."""

from doctypes.inspection import demo
from doctypes.discipline_check import demo as check_demo
from doctypes.procedure_review import demo as review_demo
from tests.base import client_for

LISTS = ["inspection/inspectionplan", "inspection/inspection", "finding/finding", "finding/violation", "finding/action",
         "finding/actionprogress", "discipline_check/checklisttemplate", "discipline_check/disciplinecheck",
         "discipline_check/checkresult", "procedure_review/procedure", "procedure_review/procedurereview",
         "procedure_review/latehandlingstat"]


def _demo_users(people):
    return {"chanhthanhtra": people.chief_inspector, "thanhtravien": people.inspector, "vanphong": people.office_clerk,
            "truongdonvi": people.unit_head}


def test_it_renders_every_list_with_demo_data_for_leadership(client, people):
    users = _demo_users(people)
    demo.load(users)
    check_demo.load(users)
    review_demo.load(users)
    client_for(client, people.leader)
    for path in LISTS:
        response = client.get(f"/admin/{path}/")
        assert response.status_code == 200, path
    assert "Quá hạn" in client.get("/admin/inspection/inspection/").content.decode()
    assert client.get("/admin/inspection/inspection/add/").status_code == 403


def test_it_opens_add_pages_only_for_the_owners(client, people):
    owners = {people.chief_inspector: ["inspection/inspectionplan", "inspection/inspection", "finding/finding", "finding/action"],
              people.office_clerk: ["discipline_check/disciplinecheck", "procedure_review/procedurereview", "finding/finding"],
              people.unit_staff: ["finding/actionprogress"]}
    for user, paths in owners.items():
        client_for(client, user)
        for path in paths:
            assert client.get(f"/admin/{path}/add/").status_code == 200, (user.username, path)
    client_for(client, people.unit_head)
    for path in ("inspection/inspection", "finding/finding", "finding/violation", "discipline_check/disciplinecheck"):
        assert client.get(f"/admin/{path}/add/").status_code == 403, path
    client_for(client, people.outsider)  # a unit member elsewhere: no plan, review or statistics lists at all
    for path in ("inspection/inspectionplan", "procedure_review/procedurereview", "procedure_review/latehandlingstat"):
        assert client.get(f"/admin/{path}/").status_code == 403, path
