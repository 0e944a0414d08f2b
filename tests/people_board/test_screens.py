"""The board's register the way its users reach it: the back-office forms and steps, the API, and who sees what."""

from django.urls import reverse

from doctypes.people_board.models import Board, Recommendation
from tests.base import client_for
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf
from tests.intake.forms import admin_post, errors_of
from tests.people_board.builders import days_ago, make_board, make_recommendation, unit

ADD = "/admin/people_board/recommendation/add/"
API = "/api/v1/people-board-recommendations/"
PATHS = {"admin": "people_board/recommendation", "api": "people-board-recommendations", "search": "Đồng Quan",
         "text": "thôn Đồng Quan"}


def typed(board, *, due):
    return {"board": board.pk, "made_on": days_ago(30).strftime("%d/%m/%Y"), "owner_unit": unit("snnmt-cckiemlam").pk,
            "due_on": due.strftime("%d/%m/%Y"), "content": "Rà soát việc chi trả khoán bảo vệ rừng cho hộ ông Lường Văn Páo"}


def test_the_office_adds_a_recommendation_from_the_back_office_form(client, people):
    board = make_board(people)
    response = admin_post(client_for(client, people.office_clerk), ADD, typed(board, due=days_ago(-10)))
    assert response.status_code == 302, errors_of(response)
    recommendation = Recommendation.objects.get()
    assert recommendation.owner_unit.code == "snnmt-cckiemlam"
    assert recommendation.history.first().history_change_reason == "Ghi kiến nghị của Ban TTND"
    assert list(recommendation.papi.values_list("code", flat=True)) == ["1", "3"]


def test_the_form_shows_a_vietnamese_reason_for_a_due_date_before_the_recommendation(client, people):
    board = make_board(people)
    response = admin_post(client_for(client, people.office_clerk), ADD, typed(board, due=days_ago(40)))
    assert response.status_code == 200
    assert "không được trước ngày kiến nghị" in str(errors_of(response))
    assert not Recommendation.objects.exists()


def test_the_office_sets_up_a_board_with_its_members_from_the_back_office(client, people):
    client_for(client, people.office_clerk)
    rows = {"members-TOTAL_FORMS": "1", "members-0-full_name": "Hoàng Minh Đức", "members-0-role": "head",
            "members-0-from_on": days_ago(30).strftime("%d/%m/%Y")}
    response = admin_post(client, "/admin/people_board/board/add/", {
        "unit": unit("snnmt-ttkn").pk, "term_from": days_ago(30).strftime("%d/%m/%Y"),
        "term_to": days_ago(-700).strftime("%d/%m/%Y"), **rows})
    assert response.status_code == 302, errors_of(response)
    assert list(Board.objects.get().members.values_list("full_name", "role")) == [("Hoàng Minh Đức", "head")]


def test_a_unit_and_the_inspectorate_get_no_add_form_and_no_api_write(client, people):
    board = make_board(people)
    for user in (people.unit_head, people.inspector, people.outsider):
        client_for(client, user)
        assert client.get(ADD).status_code == 403, user.username
        response = client.post(API, {"board": board.pk, "made_on": str(days_ago(3)), "content": "x",
                                     "owner_unit": unit("snnmt-ccthuyloi").pk, "due_on": str(days_ago(-3))},
                               content_type="application/json")
        assert response.status_code == 403, user.username
    assert not Recommendation.objects.exists()


def test_the_office_records_a_recommendation_through_the_api_with_a_structured_error_for_bad_input(client, people):
    board = make_board(people)
    client_for(client, people.office_clerk)
    body = {"board": board.pk, "made_on": str(days_ago(10)), "content": "Niêm yết công khai kết quả giải quyết đơn của bà Nguyễn Thị Lụa",
            "owner_unit": unit("snnmt-ccthuyloi").pk, "due_on": str(days_ago(20))}
    bad = client.post(API, body, content_type="application/json")
    assert bad.status_code == 400
    assert "không được trước ngày kiến nghị" in bad.json()["error"]["fields"]["due_on"][0]
    created = client.post(API, {**body, "due_on": str(days_ago(-20))}, content_type="application/json")
    assert created.status_code == 201, created.content
    assert created.json()["owner_unit"] == "snnmt-ccthuyloi" and created.json()["deadline_status"]


def test_follow_up_and_result_are_steps_of_the_back_office_and_the_api_and_the_owner_unit_only_reads(client, people):
    recommendation = make_recommendation(people, make_board(people))
    client_for(client, people.office_clerk)
    step = reverse("admin:people_board_recommendation_step", args=[recommendation.pk, "follow-up"])
    response = client.post(step, {"on": days_ago(5).strftime("%d/%m/%Y"), "note": "Gọi điện nhắc ông Vi Văn Thắng, Chi cục"})
    assert response.status_code == 302
    answered = client.post(f"{API}{recommendation.pk}/result/", {"done_on": str(days_ago(1)), "result": "Đã niêm yết"},
                           content_type="application/json")
    assert answered.status_code == 200 and answered.json()["done_on"] == str(days_ago(1))
    assert [f["note"] for f in answered.json()["follow_ups"]] == ["Gọi điện nhắc ông Vi Văn Thắng, Chi cục"]
    other = make_recommendation(people, recommendation.board, content="Kiến nghị khác")
    client_for(client, people.unit_head)
    assert client.get(reverse("admin:people_board_recommendation_step", args=[other.pk, "result"])).status_code == 403
    refused = client.post(f"{API}{other.pk}/result/", {"done_on": str(days_ago(1)), "result": "x"}, content_type="application/json")
    assert refused.status_code == 403
    other.refresh_from_db()
    assert other.done_on is None


def test_the_owner_unit_sees_its_recommendation_and_another_unit_and_the_outsider_see_nothing(client, people):
    recommendation = make_recommendation(people, make_board(people))
    evidence = attach_pdf(recommendation, people.office_clerk)
    for user in (people.office_clerk, people.unit_head, people.unit_staff, people.leader):
        assert_reachable(client, user, recommendation, attachment=evidence, **PATHS)
    hidden = make_recommendation(people, recommendation.board, owner="snnmt-cckiemlam", content="Rà soát trực rừng ở Sơn Động")
    hidden_paths = {**PATHS, "search": "Sơn Động", "text": "trực rừng ở Sơn Động"}
    assert_unreachable(client, people.unit_staff, hidden, **hidden_paths)
    for user in (people.outsider, people.inspector):
        assert_unreachable(client, user, recommendation, attachment=evidence, **PATHS)
        exported = client.post("/admin/people_board/recommendation/", {"action": "export_to_excel",
                                                                       "_selected_action": [recommendation.pk]})
        assert "Đồng Quan" not in exported.content.decode(errors="ignore")
        assert client.get(f"/api/v1/people-boards/{recommendation.board_id}/").status_code == 404


def test_a_recommendation_evidences_the_plan_task_it_carries_out_for_those_who_see_it(client, people):
    from doctypes.papi.evidence import evidence_of
    from tests.papi.builders import make_plan, task_of

    task = task_of(make_plan(), "snnmt-vp", section="III")
    board = make_board(people)
    client_for(client, people.office_clerk)
    created = client.post(API, {"board": board.pk, "made_on": str(days_ago(10)), "content": "Giám sát công khai TTHC tại bộ phận một cửa",
                                "owner_unit": unit("snnmt-vp").pk, "due_on": str(days_ago(-20)), "plan_tasks": [task.pk]},
                          content_type="application/json")
    assert created.status_code == 201, created.content
    assert [record.pk for _name, record, _url in evidence_of(task, people.office_clerk)] == [created.json()["id"]]
    assert "Giám sát công khai TTHC" in client.get(f"/admin/papi/task/{task.pk}/change/").content.decode()
    assert evidence_of(task, people.outsider) == [] and evidence_of(task, people.unit_staff) == []


def test_a_member_leaving_is_corrected_on_the_board_page_through_the_service_and_a_date_out_of_term_is_refused(client, people):
    board = make_board(people)
    head = board.members.get(role="head")
    url = f"/admin/people_board/board/{board.pk}/change/"
    client_for(client, people.office_clerk)
    others = {f"members-{i}-{key}": value for i, member in enumerate(board.members.order_by("role", "full_name"))
              for key, value in (("id", member.pk), ("board", board.pk), ("full_name", member.full_name), ("role", member.role),
                                 ("from_on", member.from_on.strftime("%d/%m/%Y")))}
    row = next(i for i, member in enumerate(board.members.order_by("role", "full_name")) if member.pk == head.pk)
    leaving = {**others, f"members-{row}-to_on": days_ago(3).strftime("%d/%m/%Y"), "term_from": board.term_from.strftime("%d/%m/%Y"),
               "term_to": board.term_to.strftime("%d/%m/%Y"), "unit": board.unit.pk}
    response = admin_post(client, url, leaving)
    assert response.status_code == 302, errors_of(response)
    head.refresh_from_db()
    assert head.to_on == days_ago(3) and head.history.first().history_change_reason == "Sửa thành viên Ban TTND"
    early = {**leaving, f"members-{row}-from_on": days_ago(900).strftime("%d/%m/%Y")}
    response = admin_post(client, url, early)
    assert response.status_code == 200 and "ngoài nhiệm kỳ" in response.content.decode()
    head.refresh_from_db()
    assert head.from_on == board.term_from
