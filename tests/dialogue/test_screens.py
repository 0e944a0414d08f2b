"""The dialogue register the way its users reach it: back-office forms and steps, the API, and who sees what."""

from django.urls import reverse

from doctypes.dialogue.models import Commitment, Dialogue
from tests.base import client_for
from tests.dialogue.builders import days_ago, make_dialogue, unit
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf
from tests.intake.forms import admin_post, errors_of

ADD = "/admin/dialogue/dialogue/add/"
API = "/api/v1/dialogues/"
DIALOGUE = {"admin": "dialogue/dialogue", "api": "dialogues", "search": "Đồng Quan", "text": "kênh tưới N5 thôn Đồng Quan"}
COMMITMENT = {"admin": "dialogue/commitment", "api": "dialogue-commitments", "search": "Nạo vét",
              "text": "hộ ông Nguyễn Văn Tám"}


def typed(leader):
    return {"held_on": days_ago(10).strftime("%d/%m/%Y"), "leader": leader.pk, "unit": unit("snnmt-cckiemlam").pk,
            "topic": "Chi trả dịch vụ môi trường rừng", "participant_count": "35",
            "participants": "Bà Hoàng Thị Nhung và các hộ nhận khoán", "result": "Giao Chi cục Kiểm lâm rà soát",
            "commitments-TOTAL_FORMS": "1", "commitments-0-content": "Rà soát danh sách hộ chưa được chi trả",
            "commitments-0-owner_unit": unit("snnmt-cckiemlam").pk, "commitments-0-due_on": days_ago(-20).strftime("%d/%m/%Y")}


def test_the_inspectorate_adds_a_dialogue_with_a_commitment_from_the_back_office_form(client, people):
    response = admin_post(client_for(client, people.inspector), ADD, typed(people.leader))
    assert response.status_code == 302, errors_of(response)
    dialogue = Dialogue.objects.get()
    assert dialogue.leader == people.leader and dialogue.participant_count == 35
    assert list(dialogue.commitments.values_list("owner_unit__code", flat=True)) == ["snnmt-cckiemlam"]


def test_the_form_shows_a_vietnamese_reason_when_the_chair_is_no_leader(client, people):
    response = admin_post(client_for(client, people.inspector), ADD, typed(people.inspector))
    assert response.status_code == 200 and "Lãnh đạo Sở chủ trì" in str(errors_of(response))
    assert not Dialogue.objects.exists() and not Commitment.objects.exists()


def test_the_api_records_a_dialogue_and_answers_a_structured_error(client, people):
    client_for(client, people.inspector)
    body = {"held_on": str(days_ago(8)), "leader": people.leader.pk, "unit": unit("snnmt-cccnty").pk,
            "topic": "Hỗ trợ tiêu hủy lợn mắc dịch", "participant_count": 28,
            "commitments": [{"content": "Chi hỗ trợ cho 26 hộ", "owner_unit": unit("snnmt-cccnty").pk, "due_on": str(days_ago(20))}]}
    bad = client.post(API, body, content_type="application/json")
    assert bad.status_code == 400 and "không được trước ngày đối thoại" in bad.json()["error"]["fields"]["due_on"][0]
    body["commitments"][0]["due_on"] = str(days_ago(-20))
    created = client.post(API, body, content_type="application/json")
    assert created.status_code == 201, created.content
    assert created.json()["commitments"][0]["owner_unit"] == "snnmt-cccnty"


def test_the_office_a_unit_and_the_outsider_may_not_record_a_dialogue(client, people):
    for user in (people.office_clerk, people.unit_head, people.outsider):
        client_for(client, user)
        assert client.get(ADD).status_code == 403, user.username
        response = client.post(API, {"held_on": str(days_ago(2)), "leader": people.leader.pk, "unit": unit("snnmt-ttr").pk,
                                     "topic": "x"}, content_type="application/json")
        assert response.status_code == 403, user.username
    assert not Dialogue.objects.exists()


def test_a_commitment_moves_by_its_steps_in_the_back_office_and_the_api_and_its_owner_only_reads(client, people):
    commitment = make_dialogue(people, commitments=[("Nạo vét kênh N5 cho hộ ông Nguyễn Văn Tám", "snnmt-ccthuyloi", -10),
                                                    ("Công bố lịch lấy nước", "snnmt-ccthuyloi", -20)]).commitments.first()
    client_for(client, people.inspector)
    step = reverse("admin:dialogue_commitment_step", args=[commitment.pk, "follow-up"])
    assert client.post(step, {"on": days_ago(3).strftime("%d/%m/%Y"), "note": "Chi cục báo đã thuê máy xúc"}).status_code == 302
    done = client.post(f"/api/v1/dialogue-commitments/{commitment.pk}/result/", {"done_on": str(days_ago(1)), "result": "Đã nạo vét"},
                       content_type="application/json")
    assert done.status_code == 200 and done.json()["done_on"] == str(days_ago(1))
    other = Commitment.objects.exclude(pk=commitment.pk).get()
    client_for(client, people.unit_head)
    assert client.get(reverse("admin:dialogue_commitment_step", args=[other.pk, "result"])).status_code == 403
    refused = client.post(f"/api/v1/dialogue-commitments/{other.pk}/result/", {"done_on": str(days_ago(1)), "result": "x"},
                          content_type="application/json")
    assert refused.status_code == 403
    other.refresh_from_db()
    assert other.done_on is None


def test_the_owner_unit_reads_the_dialogue_and_its_commitment_and_others_see_nothing(client, people):
    dialogue = make_dialogue(people, "snnmt-ttr")
    commitment = dialogue.commitments.get()
    evidence = attach_pdf(dialogue, people.inspector)
    for user in (people.inspector, people.chief_inspector, people.leader, people.unit_head, people.unit_staff):
        assert_reachable(client, user, dialogue, attachment=evidence, **DIALOGUE)
        assert_reachable(client, user, commitment, **COMMITMENT)
    for user in (people.outsider, people.office_clerk):
        assert_unreachable(client, user, dialogue, attachment=evidence, **DIALOGUE)
        assert_unreachable(client, user, commitment, **COMMITMENT)
        exported = client.post("/admin/dialogue/dialogue/", {"action": "export_to_excel", "_selected_action": [dialogue.pk]})
        assert "Đồng Quan" not in exported.content.decode(errors="ignore")


def test_a_commitment_already_recorded_is_not_silently_changed_from_the_dialogue_page(client, people):
    dialogue = make_dialogue(people)
    commitment = dialogue.commitments.get()
    client_for(client, people.inspector)
    changed = {"topic": dialogue.topic, "participant_count": "40", "commitments-0-id": commitment.pk,
               "commitments-0-dialogue": dialogue.pk, "commitments-0-content": "Nội dung bị sửa trên trang đối thoại",
               "commitments-0-owner_unit": commitment.owner_unit_id, "commitments-0-due_on": commitment.due_on.strftime("%d/%m/%Y")}
    response = admin_post(client, f"/admin/dialogue/dialogue/{dialogue.pk}/change/", changed)
    assert response.status_code == 200 and "trên trang của cam kết" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.content.startswith("Nạo vét kênh N5")
