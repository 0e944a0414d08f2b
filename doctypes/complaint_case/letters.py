"""Letters as .docx in the NĐ 30/2020 state format: petition transfer / guidance, complaint decision.

A letter never carries a protected identity (Luật Tố cáo 2018 Art. 47): a petition about a
denunciation is named by its number and pseudonym only.
"""

from django.utils import timezone

from doctypes.complaint_case.dialogue_link import dialogue_result
from doctypes.complaint_case.models import ComplaintCase, Petition, is_protected
from doctypes.org.people import default_signer
from papi_inspect.identity import decrypt_identity
from papi_inspect.permissions import Role
from papi_inspect.state_documents import HEAD, StateDocument, blank_number, header_for, signature_for, vietnamese_date


def sender_label(record):
    """How a letter names the sender: the name if it is not protected, else the pseudonym."""
    if record.anonymous or is_protected(record):
        return f"người gửi đơn số {record.code}"
    name = decrypt_identity(record.identity_cipher).get("name")
    return f"Ông/Bà {name}" if name else f"người gửi đơn số {record.code}"


def petition_letter_filename(petition):
    kind = "phieu-chuyen-don" if petition.outcome == Petition.Outcome.TRANSFER else "van-ban-huong-dan"
    return f"{kind}-{petition.pk}.docx"


def petition_letter(petition):
    """Transfer slip (chuyển đơn) or guidance letter (hướng dẫn) for a processed petition (TT 05/2021)."""
    day = petition.outcome_on or timezone.localdate()
    transfer = petition.outcome == Petition.Outcome.TRANSFER
    subject = "Về việc chuyển đơn" if transfer else "Về việc hướng dẫn người gửi đơn"
    document = StateDocument(header_for(petition.unit, number=blank_number("PC" if transfer else "HD", petition.unit), day=day,
                                     doc_type="PHIẾU CHUYỂN ĐƠN" if transfer else "VĂN BẢN HƯỚNG DẪN", subject=subject))
    received = vietnamese_date(petition.received_on)
    if transfer:
        document.paragraph(f"Kính gửi: {petition.transfer_to}.", bold=True)
        document.paragraph(
            f"{petition.unit.agency().name} nhận được đơn số {petition.code} {received} của {sender_label(petition)}, "
            f"nội dung: {petition.matter}."
        )
        document.paragraph("Căn cứ Thông tư số 05/2021/TT-TTCP, nội dung đơn không thuộc thẩm quyền giải quyết của "
                           "cơ quan; chuyển đơn đến Quý cơ quan để xem xét, giải quyết theo thẩm quyền.")
        if is_protected(petition):
            document.paragraph("Đề nghị giữ bí mật họ tên, địa chỉ, bút tích và thông tin cá nhân của người tố cáo "
                               "(Luật Tố cáo 2018, Điều 47).", italic=True)
    else:
        document.paragraph(f"Kính gửi: {sender_label(petition)}.", bold=True)
        document.paragraph(f"Cơ quan nhận được đơn số {petition.code} {received}, nội dung: {petition.matter}.")
        document.paragraph(f"Căn cứ Thông tư số 05/2021/TT-TTCP, đề nghị gửi đơn đến {petition.transfer_to} để được "
                           "xem xét, giải quyết theo thẩm quyền.")
    if petition.outcome_note:
        document.paragraph(petition.outcome_note)
    signer = petition.signer or default_signer(petition.unit, Role.CHIEF_INSPECTOR)
    document.sign(signature_for(signer, recipients=["Như trên", "Lưu: VT, hồ sơ"]))
    return document.to_bytes()


def complaint_decision_filename(case):
    return f"quyet-dinh-giai-quyet-khieu-nai-{case.pk}.docx"


def decision_articles(case):
    """Điều 2 and 3 of a resolution decision, by instance and remoteness (Luật Khiếu nại 2011 Art. 7, 33, 44)."""
    days = 45 if case.is_remote else 30  # Art. 33 and 44: up to 45 days in remote areas
    if case.level == ComplaintCase.Instance.FIRST:
        return [
            # Art. 33: a second complaint within 30 days (45 remote) of receiving the first decision; Art. 7: or sue.
            f"Điều 2. Trong thời hạn {days} ngày, kể từ ngày nhận được Quyết định này, nếu không đồng ý, người khiếu nại "
            "có quyền khiếu nại lần hai đến người có thẩm quyền giải quyết khiếu nại lần hai hoặc khởi kiện vụ án hành "
            "chính tại Tòa án theo quy định của Luật Tố tụng hành chính.",
            # Art. 44(1): in force 30 days (45 remote) after issue if no second complaint is made.
            f"Điều 3. Quyết định này có hiệu lực pháp luật sau {days} ngày, kể từ ngày ban hành, nếu người khiếu nại "
            "không khiếu nại lần hai.",
        ]
    return [
        "Điều 2. Trường hợp không đồng ý, người khiếu nại có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định "
        "của Luật Tố tụng hành chính.",
        f"Điều 3. Quyết định này có hiệu lực pháp luật sau {days} ngày, kể từ ngày ban hành.",  # Art. 44(2)
    ]


def decision_recipients(case):
    """Who receives the decision: Art. 32 at first instance, Art. 41 at second (Luật Khiếu nại 2011)."""
    if case.level == ComplaintCase.Instance.FIRST:
        return [f"{case.complainant_name} (người khiếu nại)", "Thủ trưởng cấp trên trực tiếp",
                "Người có quyền, nghĩa vụ liên quan", "Cơ quan, tổ chức, cá nhân đã chuyển khiếu nại đến", "Lưu: VT, hồ sơ"]
    return [f"{case.complainant_name} (người khiếu nại)", "Người giải quyết khiếu nại lần đầu",
            "Người có quyền, nghĩa vụ liên quan", "Cơ quan, tổ chức, cá nhân đã chuyển khiếu nại đến",
            "Thanh tra tỉnh", "Lưu: VT, hồ sơ"]


def complaint_decision(case):
    """The resolution decision (Luật Khiếu nại 2011 Art. 31/40): parties, content, verification,
    dialogue, legal basis, conclusion, result, and the right to complain again or sue."""
    instance = "lần đầu" if case.level == ComplaintCase.Instance.FIRST else "lần hai"
    number = f"Số: {case.decision_number}" if case.decision_number else blank_number("QĐ", case.unit)
    document = StateDocument(header_for(case.unit, number=number, day=case.decided_on or timezone.localdate(),
                                     doc_type="QUYẾT ĐỊNH", subject=f"Về việc giải quyết khiếu nại {instance} của {case.complainant_name}"))
    document.paragraph("Căn cứ Luật Khiếu nại năm 2011; Nghị định số 124/2020/NĐ-CP;", italic=True)
    document.paragraph(f"Xét đơn khiếu nại nhận ngày {case.received_on:%d/%m/%Y}, thụ lý ngày "
                       f"{case.accepted_on:%d/%m/%Y}." if case.accepted_on else "Xét đơn khiếu nại.")
    document.heading("1. Nội dung khiếu nại")
    document.paragraph(f"Người khiếu nại: {case.complainant_name}. Quyết định, hành vi bị khiếu nại: {case.complained_act}. "
                       f"Nội dung: {case.subject}.")
    document.heading("2. Kết quả xác minh")
    document.paragraph(case.verification_result or "—")
    document.heading("3. Kết quả đối thoại")
    document.paragraph(dialogue_result(case) or "Không tổ chức đối thoại.")
    document.heading("4. Kết luận")
    document.paragraph(case.conclusion or "—")
    document.heading("QUYẾT ĐỊNH:")
    document.paragraph(f"Điều 1. {case.get_result_display() or 'Kết quả giải quyết'}.")
    for article in decision_articles(case):
        document.paragraph(article)
    signer = case.signer or default_signer(case.unit, Role.LEADERSHIP, position_prefix=HEAD)
    document.sign(signature_for(signer, recipients=decision_recipients(case)))
    return document.to_bytes()
