"""The API writes through the same services: creation, steps, structured errors and the logged reveal."""

import datetime

from django.utils import timezone

from doctypes.complaint_case.models import ComplaintCase, Denunciation, IdentityAccessLog, Petition
from tests.base import client_for
from tests.complaint_case.builders import DENOUNCER, days_ago, inspectorate, make_denunciation


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_it_registers_a_petition_and_never_returns_the_identity(client, people):
    client_for(client, people.office_clerk)
    response = post(client, "/api/v1/petitions/", {
        "received_on": str(days_ago(1)), "channel": "online", "matter": "Xả thải ra kênh tưới",
        "unit": inspectorate().pk, "identity": {"name": "Trịnh Văn Gửi", "phone": "0900111222"},
    })
    assert response.status_code == 201, response.content
    body = response.json()
    assert "Trịnh" not in response.content.decode() and "identity_cipher" not in body and "person_key" not in body
    assert body["deadline_status"] in ("on_time", "due_soon")
    assert Petition.objects.get(pk=body["id"]).history.first().history_change_reason == "Tiếp nhận đơn"


def test_it_refuses_a_future_receipt_with_a_structured_vietnamese_error(client, people):
    client_for(client, people.inspector)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = post(client, "/api/v1/complaints/", {
        "subject": "Khiếu nại", "complained_act": "QĐ 1", "complainant_name": "Ông A", "received_on": str(tomorrow),
        "unit": inspectorate().pk,
    })
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and "không được sau ngày hôm nay" in error["fields"]["received_on"][0]
    assert not ComplaintCase.objects.exists()


def test_it_runs_a_complaint_through_its_steps_and_refuses_one_out_of_order(client, people):
    client_for(client, people.inspector)
    created = post(client, "/api/v1/complaints/", {
        "subject": "Khiếu nại bồi thường", "complained_act": "QĐ 15/QĐ-UBND", "complainant_name": "Bà Lò Thị Hoa",
        "received_on": str(days_ago(30)), "unit": inspectorate().pk, "level": 2,
    }).json()
    url = f"/api/v1/complaints/{created['id']}/"
    assert post(client, url + "accept/", {"accepted_on": str(days_ago(28))}).status_code == 200
    premature = post(client, url + "decide/", {"decided_on": str(days_ago(1)), "decision_number": "9/QĐ",
                                               "result": "upheld", "conclusion": "x"})
    assert premature.status_code == 400 and "Chưa xác minh" in premature.json()["error"]["fields"]["status"][0]
    assert post(client, url + "verify/", {"verified_on": str(days_ago(10)), "result": "Đúng một phần"}).status_code == 200
    assert post(client, url + "dialogue/", {"held_on": str(days_ago(5)), "result": "Đã đối thoại"}).status_code == 200
    decided = post(client, url + "decide/", {"decided_on": str(days_ago(1)), "decision_number": "9/QĐ",
                                             "result": "amended", "conclusion": "Sửa một phần"})
    assert decided.status_code == 200 and decided.json()["status"] == "decided"
    docx = client.get(f"/cases/complaints/{created['id']}/decision.docx")
    assert docx.status_code == 200 and docx["Content-Disposition"].endswith('.docx"')


def test_it_refuses_a_third_extension_through_the_api_art_30(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    client_for(client, people.inspector)
    url = f"/api/v1/denunciations/{case.pk}/"
    assert post(client, url + "accept/", {"accepted_on": str(days_ago(15))}).status_code == 200
    not_complex = post(client, url + "extend/", {"decided_on": str(days_ago(1)), "decision_number": "1/QĐ-GH",
                                                 "reason": "Phải xác minh tại nhiều địa điểm"})
    assert not_complex.status_code == 400 and "Điều 30" in not_complex.json()["error"]["fields"]["is_complex"][0]
    assert post(client, url + "mark-complex/", {"reason": "Phải xác minh tại ba xã, trưng cầu giám định"}).status_code == 200
    for number in (1, 2):
        extension = {"decided_on": str(days_ago(1)), "decision_number": f"{number}/QĐ-GH", "reason": "Phức tạp, cần giám định thêm"}
        if number == 2:
            once_only = post(client, url + "extend/", extension)
            assert once_only.status_code == 400 and "đặc biệt phức tạp" in once_only.json()["error"]["fields"]["is_especially_complex"][0]
            assert post(client, url + "mark-especially-complex/", {"reason": "Trưng cầu giám định tại ba cơ quan"}).status_code == 200
        assert post(client, url + "extend/", extension).status_code == 200
    third = post(client, url + "extend/", {"decided_on": str(days_ago(1)), "decision_number": "3/QĐ-GH", "reason": "Nữa"})
    assert third.status_code == 400 and "lần thứ ba" in third.json()["error"]["fields"]["extensions"][0]
    assert len(client.get(url).json()["extensions"]) == 2


def test_it_refuses_an_anonymous_denunciation_through_the_api_art_25(client, people):
    client_for(client, people.inspector)
    response = post(client, "/api/v1/denunciations/", {
        "subject": "Tố cáo", "denounced": "Ông X", "received_on": str(days_ago(1)), "unit": inspectorate().pk, "anonymous": True,
    })
    assert response.status_code == 400 and "Điều 25" in response.json()["error"]["fields"]["identity"][0]
    assert not Denunciation.objects.exists()


def test_it_reveals_through_the_api_only_to_the_handler_with_a_reason(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    url = f"/api/v1/denunciations/{case.pk}/reveal/"
    client_for(client, people.leader)
    assert post(client, url, {"reason": "Lãnh đạo muốn xem danh tính"}).status_code == 403
    client_for(client, people.outsider)
    assert post(client, url, {"reason": "Người ngoài muốn xem danh tính"}).status_code == 404
    client_for(client, people.inspector)
    assert post(client, url, {}).status_code == 400
    response = post(client, url, {"reason": "Liên hệ người tố cáo bổ sung chứng cứ"})
    assert response.status_code == 200 and response.json()["identity"]["name"] == DENOUNCER["name"]
    assert response["Cache-Control"] == "no-store"
    log = IdentityAccessLog.objects.filter(granted=True).get()
    assert (log.user, log.record_id) == (people.inspector, case.pk)
    assert IdentityAccessLog.objects.filter(granted=False, user=people.leader).exists()


def test_it_refuses_steps_to_a_user_without_change_permission(client, people):
    case = make_denunciation(people.inspector, handler=people.inspector)
    client_for(client, people.leader)
    assert post(client, f"/api/v1/denunciations/{case.pk}/accept/", {"accepted_on": str(days_ago(1))}).status_code == 403


def test_it_classifies_processes_and_merges_petitions_through_the_api(client, people):
    from tests.complaint_case.builders import make_petition

    first, second = make_petition(people.inspector), make_petition(people.inspector)
    assert second.duplicate_of == first
    client_for(client, people.inspector)
    url = f"/api/v1/petitions/{first.pk}/"
    classified = post(client, url + "classify/", {"content_kind": "complaint", "eligible": True, "within_competence": False})
    assert classified.status_code == 200 and classified.json()["status"] == "classified"
    guided = post(client, url + "outcome/", {"outcome": "guide", "decided_on": str(days_ago(1)), "transfer_to": "UBND xã"})
    assert guided.status_code == 200 and guided.json()["outcome"] == "guide"
    merged = post(client, f"/api/v1/petitions/{second.pk}/merge/", {"into": first.pk})
    assert merged.status_code == 200 and merged.json()["merged_into"] == first.pk
    early = post(client, url + "outcome/", {"outcome": "file", "decided_on": str(days_ago(1))})
    assert early.status_code == 400 and early.json()["error"]["fields"]["status"]


def test_it_opens_a_denunciation_from_an_accepted_petition_keeping_the_ciphertext(client, people):
    from doctypes.complaint_case.services import petition as services
    from tests.complaint_case.builders import make_petition

    petition = make_petition(people.inspector, content_kind="denunciation", identity=dict(DENOUNCER))
    client_for(client, people.inspector)
    data = {"subject": "Tố cáo", "denounced": "Ông Y", "received_on": str(petition.received_on), "unit": inspectorate().pk,
            "petition": petition.pk}
    not_yet = post(client, "/api/v1/denunciations/", data)
    assert not_yet.status_code == 400 and "petition" in not_yet.json()["error"]["fields"]
    services.classify_petition(petition, by=people.inspector, content_kind="denunciation", eligible=True, within_competence=True)
    services.record_petition_outcome(petition, by=people.inspector, outcome="accept", decided_on=days_ago(1))
    created = post(client, "/api/v1/denunciations/", data)
    assert created.status_code == 201, created.content
    case = Denunciation.objects.get(pk=created.json()["id"])
    assert case.identity_cipher == petition.identity_cipher and case.person_key == petition.person_key
