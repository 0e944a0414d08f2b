"""The signature block of letters and decisions: the signer's authority and name (NĐ 30/2020 Art. 13, Phụ lục I)."""

import io

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from doctypes.complaint_case.letters import signature_for
from doctypes.complaint_case.services import complaint as complaints
from doctypes.complaint_case.services import petition as services
from tests.base import client_for
from tests.complaint_case.builders import days_ago, make_complaint, make_petition


def signature_block(response):
    """The text of the last table of the .docx: recipients on the left, authority and name on the right."""
    document = Document(io.BytesIO(response.content))
    return document.tables[-1].rows[0].cells[1].text


def transferred(people, **outcome):
    petition = make_petition(people.inspector)
    services.classify_petition(petition, by=people.inspector, content_kind="complaint", eligible=True, within_competence=False)
    services.record_petition_outcome(petition, by=people.inspector, outcome="transfer", decided_on=days_ago(1),
                                     transfer_to="UBND huyện Tân Yên", **outcome)
    return petition


def test_the_chief_inspector_signs_a_transfer_slip_by_order_tl(client, people):
    petition = transferred(people)
    block = signature_block(client_for(client, people.inspector).get(f"/cases/petitions/{petition.pk}/letter.docx"))
    assert block.splitlines()[:2] == ["TL. GIÁM ĐỐC", "CHÁNH THANH TRA"] and block.endswith("Trần Chánh Thanh")


def test_a_deputy_director_signs_on_behalf_kt(client, people):
    petition = transferred(people, signer=people.leader)
    assert petition.signer == people.leader
    block = signature_block(client_for(client, people.inspector).get(f"/cases/petitions/{petition.pk}/letter.docx"))
    assert block.splitlines()[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and block.endswith("Nguyễn Lãnh Đạo")


def test_an_inspector_may_not_sign_a_transfer_slip(people):
    petition = make_petition(people.inspector)
    services.classify_petition(petition, by=people.inspector, content_kind="complaint", eligible=True, within_competence=False)
    with pytest.raises(ValidationError, match="ký"):
        services.record_petition_outcome(petition, by=people.inspector, outcome="transfer", decided_on=days_ago(1),
                                         transfer_to="UBND huyện Tân Yên", signer=people.inspector)


def decided(people, **extra):
    case = make_complaint(people.inspector, handler=people.inspector)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    complaints.record_verification(case, by=people.inspector, verified_on=days_ago(10), result="Đã xác minh")
    return complaints.decide_complaint(case, by=people.inspector, decided_on=days_ago(2), decision_number="5/QĐ-SNNMT",
                                       result="upheld", conclusion="Không có cơ sở", **extra)


def test_the_complaint_decision_is_signed_by_leadership_art_20(client, people):
    case = decided(people)
    block = signature_block(client_for(client, people.inspector).get(f"/cases/complaints/{case.pk}/decision.docx"))
    assert "KT. GIÁM ĐỐC" in block and block.endswith("Nguyễn Lãnh Đạo")


def test_the_complaint_decision_signer_must_be_a_leader_art_20(people):
    with pytest.raises(ValidationError, match="Điều 20"):
        decided(people, signer=people.chief_inspector)


def test_the_decision_step_takes_the_signer_through_the_api(client, people):
    case = make_complaint(people.inspector, handler=people.inspector)
    complaints.accept_complaint(case, by=people.inspector, accepted_on=days_ago(35))
    complaints.record_verification(case, by=people.inspector, verified_on=days_ago(10), result="Đã xác minh")
    client_for(client, people.inspector)
    response = client.post(f"/api/v1/complaints/{case.pk}/decide/", {
        "decided_on": str(days_ago(1)), "decision_number": "6/QĐ", "result": "upheld", "conclusion": "Không có cơ sở",
        "signer": people.leader.pk})
    assert response.status_code == 200 and response.json()["signer"] == people.leader.pk


def test_the_head_signs_in_their_own_title_and_an_unnamed_signer_leaves_the_name_blank(people):
    people.leader.staff_profile.position = "Giám đốc Sở"
    assert signature_for(people.leader, recipients=[]).authority == "Giám đốc"
    unnamed = signature_for(None, recipients=[])
    assert unnamed.authority == "Giám đốc" and unnamed.name == ""
    assert signature_for(people.office_chief, recipients=[]).authority == "TL. Giám đốc\nChánh Văn phòng"
