"""The complaint's step "dialogue" (Luật Khiếu nại 2011 Art. 30) records a Dialogue in the register, from the back
office and the API; the case keeps no text of its own, and a case recorded before keeps its typed text readable."""

from django.urls import reverse

from doctypes.complaint_case.dialogue_link import dialogue_result
from doctypes.complaint_case.models import ComplaintCase
from doctypes.complaint_case.services import complaint as complaints
from doctypes.dialogue.models import Dialogue
from tests.base import client_for
from tests.complaint_case.builders import days_ago, make_complaint
from tests.dialogue.builders import make_dialogue
from tests.reports.test_report_reading import docx_text


def verified(people, **options):
    case = make_complaint(people.inspector, handler=people.inspector, complainant_name="Bà Lò Thị Hoa", **options)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    return complaints.record_verification(case, by=people.inspector, verified_on=days_ago(10), result="Đúng một phần")


def decision_text(client, people, case):
    complaints.decide_complaint(case, by=people.inspector, decided_on=days_ago(1), decision_number="7/QĐ-SNNMT",
                                result="amended", conclusion="Sửa một phần")
    return docx_text(client_for(client, people.inspector).get(f"/cases/complaints/{case.pk}/decision.docx").content)


def test_the_back_office_step_records_a_new_dialogue_linked_to_the_case(client, people):
    case = verified(people)
    client_for(client, people.inspector)
    url = reverse("admin:complaint_case_complaintcase_step", args=[case.pk, "dialogue"])
    page = client.get(url)
    assert page.status_code == 200 and "Cuộc đối thoại đã ghi trong sổ" in page.content.decode()
    response = client.post(url, {"held_on": days_ago(5).strftime("%d/%m/%Y"), "leader": people.leader.pk,
                                 "place": "Trụ sở Thanh tra Sở", "participants": "Bà Lò Thị Hoa, đại diện UBND xã",
                                 "result": "Bà Hoa giữ nguyên yêu cầu bồi thường phần đất vườn", "version": case.version})
    assert response.status_code == 302, response.content.decode()[:500]
    case.refresh_from_db()
    dialogue = Dialogue.objects.get()
    assert case.status == ComplaintCase.Status.DIALOGUED and case.dialogue_on == days_ago(5) and case.dialogue_result == ""
    assert list(dialogue.complaint_cases.all()) == [case]
    assert (dialogue.kind, dialogue.leader, dialogue.unit) == (Dialogue.Kind.COMPLAINT, people.leader, case.unit)
    page = client.get(reverse("admin:complaint_case_complaintcase_change", args=[case.pk])).content.decode()
    assert "Bà Hoa giữ nguyên yêu cầu bồi thường phần đất vườn" in page
    front = client.get(f"/cases/complaints/{case.pk}/").content.decode()
    assert "Bà Hoa giữ nguyên yêu cầu bồi thường phần đất vườn" in front
    assert "Bà Hoa giữ nguyên yêu cầu bồi thường phần đất vườn" in decision_text(client, people, case)


def test_the_back_office_step_without_a_result_says_why_in_vietnamese_and_changes_nothing(client, people):
    case = verified(people)
    client_for(client, people.inspector)
    url = reverse("admin:complaint_case_complaintcase_step", args=[case.pk, "dialogue"])
    response = client.post(url, {"held_on": days_ago(5).strftime("%d/%m/%Y"), "version": case.version})
    assert response.status_code == 200 and "Cần ghi kết quả đối thoại" in response.content.decode()
    case.refresh_from_db()
    assert case.status == ComplaintCase.Status.VERIFIED and not Dialogue.objects.exists()


def test_the_api_step_links_the_case_to_a_dialogue_already_in_the_register(client, people):
    case = verified(people, level=2)
    held = make_dialogue(people, "snnmt-ttr", held=4, commitments=[],
                         topic="Lãnh đạo Sở đối thoại về bồi thường thu hồi đất")
    client_for(client, people.inspector)
    response = client.post(f"/api/v1/complaints/{case.pk}/dialogue/", {"dialogue": held.pk}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "dialogued" and response.json()["dialogue_on"] == str(days_ago(4))
    assert list(held.complaint_cases.all()) == [case] and Dialogue.objects.count() == 1
    early = verified(people)
    before = make_dialogue(people, "snnmt-ttr", held=20, commitments=[], topic="Đối thoại trước khi xác minh xong")
    refused = client.post(f"/api/v1/complaints/{early.pk}/dialogue/", {"dialogue": before.pk}, content_type="application/json")
    assert refused.status_code == 400 and "không được trước ngày xác minh" in refused.json()["error"]["fields"]["dialogue_on"][0]


def test_a_unit_that_cannot_work_the_case_gets_no_step(client, people):
    case = verified(people)
    for user in (people.unit_staff, people.outsider):
        client_for(client, user)
        url = reverse("admin:complaint_case_complaintcase_step", args=[case.pk, "dialogue"])
        assert client.post(url, {"held_on": days_ago(5).strftime("%d/%m/%Y"), "result": "x"}).status_code in (403, 404)
        response = client.post(f"/api/v1/complaints/{case.pk}/dialogue/", {"held_on": str(days_ago(5)), "result": "x"},
                               content_type="application/json")
        assert response.status_code in (403, 404)
    case.refresh_from_db()
    assert case.status == ComplaintCase.Status.VERIFIED and not Dialogue.objects.exists()


def test_a_case_whose_dialogue_was_typed_before_the_register_keeps_its_text(client, people):
    case = verified(people)
    complaints.record_dialogue(case, by=people.inspector, held_on=days_ago(5), result="Hai bên thống nhất hướng giải quyết")
    assert dialogue_result(case) == "Hai bên thống nhất hướng giải quyết"
    assert "Hai bên thống nhất hướng giải quyết" in decision_text(client, people, case)
