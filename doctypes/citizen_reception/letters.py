"""The written refusal notice for a case already properly resolved (Luật Tiếp công dân 2013, Art. 9(3))."""

from doctypes.org.people import default_signer
from papi_inspect.identity import decrypt_identity
from papi_inspect.permissions import Role
from papi_inspect.state_documents import StateDocument, blank_number, header_for, signature_for


def refusal_notice_filename(reception):
    return f"thong-bao-tu-choi-tiep-{reception.pk}.docx"


def refusal_notice(reception):
    """Bytes of the notice; a reception about a denunciation names the citizen by pseudonym only (TT 04/2021)."""
    if reception.concerns_denunciation:
        addressee = reception.pseudonym
    else:
        addressee = f"Ông/Bà {decrypt_identity(reception.identity_cipher).get('name', reception.pseudonym)}"
    document = StateDocument(header_for(
        reception.unit, number=blank_number("TB", reception.unit), day=reception.received_on, doc_type="THÔNG BÁO",
        subject="Về việc từ chối tiếp công dân",
    ))
    document.paragraph(f"Kính gửi: {addressee}.", bold=True)
    document.paragraph(
        f"Ngày {reception.received_on:%d/%m/%Y}, {addressee} đến trụ sở tiếp công dân trình bày nội dung: {reception.content}"
    )
    document.paragraph(
        "Vụ việc đã được cơ quan có thẩm quyền giải quyết đúng chính sách, pháp luật, được kiểm tra, rà soát, thông báo "
        "bằng văn bản và đã được tiếp, giải thích, hướng dẫn. Căn cứ khoản 3 Điều 9 Luật Tiếp công dân năm 2013, "
        "cơ quan thông báo từ chối tiếp công dân đối với vụ việc nêu trên."
    )
    if reception.refusal_note:
        document.paragraph(reception.refusal_note)
    signer = default_signer(reception.unit, Role.OFFICE_CHIEF)
    document.sign(signature_for(signer, recipients=["Như trên", "Lưu: VT, hồ sơ"]))
    return document.to_bytes()
