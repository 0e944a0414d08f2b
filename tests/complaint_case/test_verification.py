"""The verification team gets redacted copies only (Luật Tố cáo 2018 Art. 31, 47; TT 04/2021)."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from doctypes.complaint_case.models import Denunciation, DenunciationVerifier, RedactedCopy
from doctypes.complaint_case.redaction import fold
from doctypes.complaint_case.services import denunciation as denunciations
from doctypes.complaint_case.services import petition as services
from doctypes.complaint_case.services import verification
from papi_inspect.attachments import attach_file
from papi_inspect.models import Attachment
from tests.base import client_for
from tests.complaint_case.builders import DENOUNCER, days_ago, inspectorate, make_denunciation
from tests.complaint_case.paths import body_text

SECRETS = [DENOUNCER["name"], DENOUNCER["id_number"], DENOUNCER["phone"], "Số 7 ngõ Kín", "Bí Mật", "Bi Mat"]


def docx_naming_the_denouncer():
    document = Document()
    document.core_properties.author = DENOUNCER["name"]
    document.sections[0].header.paragraphs[0].text = f"Người gửi: {DENOUNCER['name']}"
    document.add_paragraph(f"Tôi là HOÀNG THỊ BÍ MẬT, CCCD {DENOUNCER['id_number']}, ở {DENOUNCER['address']}.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Điện thoại", "0912 345 678"
    document.add_paragraph("Ông Trần Văn Bị nhận 50 triệu đồng của bà Bí Mật ngày 12/3.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def upload(record, by, name, data):
    return attach_file(record, uploaded_file=SimpleUploadedFile(name, data), by=by, description="Đơn gốc")


def accepted_case(people, **overrides):
    petition = services.register_petition(
        by=people.inspector, received_on=days_ago(25), channel="post", matter="Tố cáo nhận tiền cấp phép",
        unit=inspectorate(), handler=people.inspector, identity=dict(DENOUNCER), content_kind="denunciation",
        summary=f"Tôi, {DENOUNCER['name']}, điện thoại {DENOUNCER['phone']}, tố cáo ông Trần Văn Bị.",
    )
    services.classify_petition(petition, by=people.inspector, content_kind="denunciation", eligible=True, within_competence=True)
    services.record_petition_outcome(petition, by=people.inspector, outcome="accept", decided_on=days_ago(24))
    case = denunciations.denunciation_from_petition(petition, by=people.inspector, unit=inspectorate(),
                                                    handler=people.inspector, denounced="Ông Trần Văn Bị")
    denunciations.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(20))
    return Denunciation.objects.get(pk=case.pk)


@pytest.fixture
def case(people):
    case = accepted_case(people)
    upload(case, people.inspector, "don-to-cao.docx", docx_naming_the_denouncer())
    upload(case, people.inspector, "ghi-chu.txt", f"Gặp {DENOUNCER['name']} tại nhà, SĐT 0912.345.678".encode())
    upload(case, people.inspector, "ban-scan.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    return case


def copy_text(copy):
    with copy.file.file.open("rb") as handle:
        data = handle.read()
    if data[:2] == b"PK":
        document = Document(io.BytesIO(data))
        return "\n".join([p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells])
    return data.decode("utf-8")


def test_it_lets_the_handler_assign_a_verifier_with_history(people, case):
    verifier = verification.assign_verifier(case, by=people.inspector, user=people.unit_staff, team_role="lead")
    assert DenunciationVerifier.objects.get(pk=verifier.pk).assigned_by == people.inspector
    assert verifier.history.first().history_change_reason == "Giao xác minh"
    assert case.history.first().history_change_reason.startswith("Giao xác minh")
    # The verifier from another unit now sees the case, read-only.
    assert Denunciation.objects.visible_to(people.unit_staff).filter(pk=case.pk).exists()
    assert not Denunciation.objects.workable_by(people.unit_staff).filter(pk=case.pk).exists()


def test_it_refuses_an_assignment_by_someone_else_art_31(people, case):
    for who in (people.unit_staff, people.leader, people.outsider):
        with pytest.raises(PermissionDenied):
            verification.assign_verifier(case, by=who, user=people.unit_head)
    assert verification.assign_verifier(case, by=people.chief_inspector, user=people.unit_head)


def test_it_refuses_verification_before_acceptance(people):
    fresh = make_denunciation(people.inspector, handler=people.inspector)
    with pytest.raises(ValidationError, match="thụ lý"):
        verification.assign_verifier(fresh, by=people.inspector, user=people.unit_staff)
    assert not fresh.verifiers.exists()


def test_it_refuses_the_handler_and_a_second_assignment(people, case):
    with pytest.raises(ValidationError):
        verification.assign_verifier(case, by=people.inspector, user=people.inspector)
    verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)
    with pytest.raises(ValidationError, match="đã trong tổ"):
        verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)


def test_it_unassigns_and_the_view_ends(people, case):
    verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)
    verification.unassign_verifier(case, by=people.inspector, user=people.unit_staff)
    assert not case.verifiers.exists()
    assert not Denunciation.objects.visible_to(people.unit_staff).filter(pk=case.pk).exists()
    assert DenunciationVerifier.history.filter(history_type="-").first().history_change_reason == "Thôi giao xác minh"


def test_it_redacts_the_petition_text_and_the_text_files(people, case):
    made, pending = verification.make_redacted_copies(case, by=people.inspector)
    assert {copy.source for copy in made} == {"petition_text", "attachment"} and len(made) == 3
    assert [a.original_name for a in pending] == [f"{case.code}-tep-03.pdf"]
    for copy in made:
        text = copy_text(copy)
        assert case.pseudonym in text
        for secret in SECRETS:
            assert fold(secret) not in fold(text), (copy, secret)
    docx_copy = next(copy for copy in made if copy.file.original_name.endswith(".docx"))
    text = copy_text(docx_copy)
    assert "Ông Trần Văn Bị nhận 50 triệu đồng" in text and "[đã che]" in text
    # The rebuilt package carries no header, no author: nothing outside the body survives.
    assert DENOUNCER["name"] not in body_text_of_file(docx_copy)
    # Running again makes nothing new.
    assert verification.make_redacted_copies(case, by=people.inspector)[0] == []


def body_text_of_file(copy):
    import zipfile

    with copy.file.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        return " ".join(archive.read(name).decode("utf-8", "ignore") for name in archive.namelist())


def test_it_takes_a_manual_copy_of_a_scan_and_refuses_one_still_naming_the_person(people, case):
    scan = verification.pending_originals(case).get(original_name__endswith=".pdf")
    leaky = SimpleUploadedFile("ban-che.pdf", f"%PDF-1.4\n(Hoàng Thị Bí Mật) Tj\n%%EOF\n".encode())
    with pytest.raises(ValidationError, match="vẫn còn"):
        verification.upload_redacted_copy(case, by=people.inspector, original=scan, uploaded_file=leaky)
    exe = SimpleUploadedFile("ban-che.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(ValidationError):
        verification.upload_redacted_copy(case, by=people.inspector, original=scan, uploaded_file=exe)
    assert not RedactedCopy.objects.exists()
    clean = SimpleUploadedFile("ban-che.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    copy = verification.upload_redacted_copy(case, by=people.inspector, original=scan, uploaded_file=clean)
    assert copy.file.original_name.startswith(copy.code) and not copy.automatic
    with pytest.raises(PermissionDenied):
        verification.upload_redacted_copy(case, by=people.unit_staff, original=scan, uploaded_file=clean)


def test_a_verifier_gets_an_automatic_copy_only_after_a_person_confirms_it(client, people, case):
    verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)
    made, _pending = verification.make_redacted_copies(case, by=people.inspector)
    client_for(client, people.unit_staff)
    assert client.get(f"/api/v1/denunciations/{case.pk}/redacted-copies/").json() == []
    assert client.get(f"/files/{made[0].file.pk}/").status_code == 404
    # The verifier may not confirm for themselves; leadership neither.
    api = f"/api/v1/denunciations/{case.pk}/confirm-copy/"
    assert client.post(api, {"copy": made[0].pk}).status_code == 403
    client_for(client, people.leader)
    assert client.post(api, {"copy": made[0].pk}).status_code == 403
    client_for(client, people.inspector)
    assert client.get(f"/files/{made[0].file.pk}/").status_code == 200  # the handler reads it to check it
    response = client.post(api, {"copy": made[0].pk})
    assert response.status_code == 200, response.content
    copy = RedactedCopy.objects.get(pk=made[0].pk)
    assert copy.confirmed_by == people.inspector and copy.confirmed_at is not None
    assert client.post(api, {"copy": made[0].pk}).status_code == 400  # once is enough
    client_for(client, people.unit_staff)
    assert [row["id"] for row in client.get(f"/api/v1/denunciations/{case.pk}/redacted-copies/").json()] == [copy.pk]
    assert client.get(f"/files/{copy.file.pk}/").status_code == 200
    assert client.get(f"/files/{made[1].file.pk}/").status_code == 404


def confirm_all(case, people, made):
    for copy in made:
        verification.confirm_redacted_copy(case, by=people.inspector, copy=copy)


def test_a_verifier_downloads_copies_never_originals(client, people, case):
    verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)
    made, _pending = verification.make_redacted_copies(case, by=people.inspector)
    confirm_all(case, people, made)
    originals = list(verification.originals_of(case))
    client_for(client, people.unit_staff)
    for original in originals:
        assert client.get(f"/files/{original.pk}/").status_code == 404
    listed = {row["id"] for row in client.get("/api/v1/attachments/").json()["results"]}
    assert listed == {copy.file.pk for copy in made}
    copies = client.get(f"/api/v1/denunciations/{case.pk}/redacted-copies/").json()
    assert len(copies) == 3
    for row in copies:
        response = client.get(row["download"])
        assert response.status_code == 200
        for secret in SECRETS:
            assert secret not in body_text(response)
    # The handler still downloads the originals; the outsider gets neither.
    client_for(client, people.inspector)
    assert client.get(f"/files/{originals[0].pk}/").status_code == 200
    client_for(client, people.outsider)
    assert client.get(copies[0]["download"]).status_code == 404
    assert client.get(f"/api/v1/denunciations/{case.pk}/redacted-copies/").status_code == 404


def test_a_verifier_may_not_reveal_act_or_upload(client, people, case):
    verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)
    client_for(client, people.unit_staff)
    api = f"/api/v1/denunciations/{case.pk}/"
    assert client.get(api).status_code == 200
    assert client.post(f"{api}reveal/", {"reason": "Muốn biết ai tố cáo"}).status_code == 403
    assert client.post(f"{api}conclude/", {"concluded_on": str(days_ago(1)), "conclusion": "Đúng", "verdict": "right"}).status_code == 403
    pdf = SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%%EOF\n")
    assert client.post(f"{api}attachments/", {"file": pdf}).status_code == 403
    assert client.post(f"{api}assign-verifier/", {"user": people.unit_head.pk}).status_code == 403
    assert Denunciation.objects.get(pk=case.pk).status == Denunciation.Status.ACCEPTED


def test_the_api_assigns_redacts_and_unassigns(client, people, case):
    client_for(client, people.inspector)
    api = f"/api/v1/denunciations/{case.pk}/"
    response = client.post(f"{api}assign-verifier/", {"user": people.unit_staff.pk, "team_role": "lead"})
    assert response.status_code == 200 and response.json()["verifiers"][0]["user"] == people.unit_staff.pk
    assert client.post(f"{api}redact/", {}).status_code == 200
    assert RedactedCopy.objects.filter(denunciation=case).count() == 3
    scan = verification.pending_originals(case).get()
    clean = SimpleUploadedFile("ban-che.png", _png())
    response = client.post(f"{api}upload-redacted/", {"original": scan.pk, "uploaded_file": clean})
    assert response.status_code == 200, response.content
    assert RedactedCopy.objects.filter(denunciation=case).count() == 4
    assert client.post(f"{api}unassign-verifier/", {"user": people.unit_staff.pk}).status_code == 200
    client_for(client, people.unit_head)
    assert client.post(f"{api}assign-verifier/", {"user": people.unit_staff.pk}).status_code in (403, 404)


def _png():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "black").save(out, format="PNG")
    return out.getvalue()


def test_the_back_office_shows_the_team_and_copies_to_the_verifier_without_originals(client, people, case):
    verification.assign_verifier(case, by=people.inspector, user=people.unit_staff)
    made, _pending = verification.make_redacted_copies(case, by=people.inspector)
    client_for(client, people.unit_staff)
    assert f"/files/{made[0].file.pk}/" not in client.get(f"/admin/complaint_case/denunciation/{case.pk}/change/").content.decode()
    confirm_all(case, people, made)
    response = client.get(f"/admin/complaint_case/denunciation/{case.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200 and f"/files/{made[0].file.pk}/" in html
    for original in verification.originals_of(case):
        assert f"/files/{original.pk}/" not in html
    assert "/step/" not in html and "/reveal/" not in html
    assert client.get(f"/admin/complaint_case/denunciation/{case.pk}/step/conclude/").status_code == 403
    client_for(client, people.inspector)
    response = client.post(f"/admin/complaint_case/denunciation/{case.pk}/step/unassign-verifier/", {"user": people.unit_staff.pk})
    assert response.status_code == 302 and not case.verifiers.exists()
    assert Attachment.objects.visible_to(people.unit_staff).count() == 0
