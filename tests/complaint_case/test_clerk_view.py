"""The office clerk who registered a petition follows it read-only: no identity, no content, no files, no actions.

Decision: the office keeps the register of incoming petitions and answers citizens who ask
where theirs stands, so the clerk keeps its status, outcome and deadlines once it goes to the
inspectorate; what it says, who sent it, its files and letters stay with those
who work on it.
"""

from doctypes.complaint_case.models import IdentityAccessLog, Petition
from doctypes.complaint_case.services import petition as services
from tests.base import client_for
from tests.complaint_case.builders import days_ago, inspectorate
from tests.complaint_case.paths import upload

SENDER = "Đinh Thị Gửi Đơn"
CONTENT = "Nội dung chi tiết do người gửi trình bày"


def registered(people):
    petition = services.register_petition(
        by=people.office_clerk, received_on=days_ago(4), channel="post", matter="Cấp giấy chứng nhận quyền sử dụng đất",
        unit=inspectorate(), handler=people.inspector, identity={"name": SENDER, "id_number": "024111000222"},
        content_kind="complaint", summary=CONTENT,
    )
    services.classify_petition(petition, by=people.inspector, content_kind="complaint", eligible=True, within_competence=False)
    services.record_petition_outcome(petition, by=people.inspector, outcome="transfer", decided_on=days_ago(1),
                                     transfer_to="UBND huyện Yên Thế")
    assert upload(client_for_inspector(people), petition).status_code == 201
    return Petition.objects.get(pk=petition.pk)


def client_for_inspector(people):
    from django.test import Client

    return client_for(Client(), people.inspector)


def test_the_clerk_follows_the_petition_it_registered(client, people):
    petition = registered(people)
    assert petition.registered_by == people.office_clerk
    client_for(client, people.office_clerk)
    body = client.get(f"/api/v1/petitions/{petition.pk}/").json()
    assert body["status"] == "processed" and body["outcome"] == "transfer" and "summary" not in body
    assert petition.code in client.get("/cases/").content.decode()
    html = client.get(f"/cases/petitions/{petition.pk}/").content.decode()
    assert "Chỉ xem" in html and "UBND huyện Yên Thế" in html
    admin = client.get(f"/admin/complaint_case/petition/{petition.pk}/change/")
    assert admin.status_code == 200


def test_the_clerk_gets_no_identity_content_files_or_letters(client, people):
    petition = registered(people)
    client_for(client, people.office_clerk)
    pages = [client.get(f"/cases/petitions/{petition.pk}/"), client.get(f"/admin/complaint_case/petition/{petition.pk}/change/"),
             client.get(f"/api/v1/petitions/{petition.pk}/"), client.get("/api/v1/attachments/")]
    for page in pages:
        text = page.content.decode()
        assert SENDER not in text and CONTENT not in text and "/files/" not in text
        assert "/reveal/" not in text and "/step/" not in text
    assert client.get(f"/cases/petitions/{petition.pk}/letter.docx").status_code == 404
    attachment_id = client_for_inspector(people).get("/api/v1/attachments/").json()["results"][0]["id"]
    assert client.get(f"/files/{attachment_id}/").status_code == 404


def test_the_clerk_may_not_act_or_reveal(client, people):
    petition = registered(people)
    client_for(client, people.office_clerk)
    assert client.post(f"/api/v1/petitions/{petition.pk}/classify/",
                       {"content_kind": "request", "eligible": True, "within_competence": True}).status_code == 403
    assert client.post(f"/cases/petitions/{petition.pk}/step/classify/",
                       {"content_kind": "request", "eligible": True, "within_competence": True}).status_code == 403
    assert upload(client, petition).status_code == 403
    response = client.post(f"/api/v1/petitions/{petition.pk}/reveal/", {"reason": "Người gửi gọi hỏi kết quả"})
    assert response.status_code == 403 and SENDER not in response.content.decode()
    assert not IdentityAccessLog.objects.get(record_id=petition.pk, user=people.office_clerk).granted
    assert client.post(f"/admin/complaint_case/petition/{petition.pk}/change/", {"matter": "Sửa"}).status_code == 403
    assert client.get(f"/admin/complaint_case/petition/{petition.pk}/step/classify/").status_code == 403
    assert Petition.objects.get(pk=petition.pk).content_kind == "complaint"


def test_another_clerk_does_not_see_it(client, people):
    petition = registered(people)
    client_for(client, people.office_chief)
    assert client.get(f"/api/v1/petitions/{petition.pk}/").status_code == 404
    assert client.get(f"/cases/petitions/{petition.pk}/").status_code == 404
