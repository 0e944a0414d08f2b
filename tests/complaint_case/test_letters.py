"""Letters in the NĐ 30/2020 format: transfer / guidance (TT 05/2021), complaint decision, refusal notice (Luật TCD Art. 9(3))."""

import io

from docx import Document

from doctypes.complaint_case.services import petition as services
from tests.base import client_for
from tests.complaint_case.builders import days_ago, make_petition


def text_of(response):
    return "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)


def processed(people, outcome, **overrides):
    petition = make_petition(people.inspector, **overrides)
    services.classify_petition(petition, by=people.inspector, content_kind=petition.content_kind or "complaint",
                               eligible=True, within_competence=False)
    services.record_petition_outcome(petition, by=people.inspector, outcome=outcome, decided_on=days_ago(1),
                                     transfer_to="UBND huyện Tân Yên")
    return petition


def test_it_produces_a_transfer_slip_naming_the_complainant(client, people):
    petition = processed(people, "transfer")
    response = client_for(client, people.inspector).get(f"/cases/petitions/{petition.pk}/letter.docx")
    assert response.status_code == 200 and 'phieu-chuyen-don' in response["Content-Disposition"]
    text = text_of(response)
    assert "PHIẾU CHUYỂN ĐƠN" in text.upper() and "UBND huyện Tân Yên" in text and "Nguyễn Văn Khiếu" in text


def test_it_produces_a_guidance_letter_without_a_denouncers_name(client, people):
    petition = processed(people, "guide", content_kind="denunciation",
                         identity={"name": "Mạc Thị Tố", "id_number": "0241"})
    response = client_for(client, people.inspector).get(f"/cases/petitions/{petition.pk}/letter.docx")
    text = text_of(response)
    assert response.status_code == 200 and "Mạc Thị Tố" not in text and petition.code in text


def test_it_hides_letters_from_the_outsider(client, people):
    petition = processed(people, "transfer")
    assert client_for(client, people.outsider).get(f"/cases/petitions/{petition.pk}/letter.docx").status_code == 404
