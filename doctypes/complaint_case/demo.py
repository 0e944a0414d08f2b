"""Demo month: petitions, complaints and denunciations in every state, with Vietnamese names;
the demo denouncer's case has a verification team and redacted copies.

The reception log's demo (doctypes/citizen_reception/demo.py) adds ten more petitions. Running
twice adds nothing: existing cases mean the demo is already loaded.
"""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document

from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from doctypes.complaint_case.services import complaint as complaints
from doctypes.complaint_case.services import denunciation as denunciations
from doctypes.complaint_case.services import petition as services
from doctypes.complaint_case.services import verification, withdrawal
from doctypes.org.models import Unit
from papi_inspect.attachments import attach_file

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hải", "Hạnh", "Khánh", "Linh", "Nam", "Oanh", "Phúc", "Quân", "Sơn"]
MATTERS = [
    "Bồi thường khi thu hồi đất dự án đường vành đai", "Cấp giấy chứng nhận quyền sử dụng đất", "Ô nhiễm từ cơ sở chăn nuôi",
    "Khai thác cát trái phép trên sông Thương", "Tranh chấp ranh giới thửa đất", "Xả thải của cụm công nghiệp",
    "Hỗ trợ tái định cư", "Cấp phép khai thác khoáng sản", "Chậm giải quyết thủ tục đất đai", "Thái độ của cán bộ một cửa",
]
CHANNELS = [c for c, _ in Petition.Channel.choices if c != Petition.Channel.RECEPTION]
DEMO_DENOUNCER = {"name": "Phạm Thị Kín Đáo", "address": "Thôn Đông, xã Tân Tiến", "id_number": "024185009999",
                  "phone": "0987000111"}


def person(index):
    return f"{FAMILY[index % len(FAMILY)]} {MIDDLE[index % len(MIDDLE)]} {GIVEN[(index * 5) % len(GIVEN)]}"


def load(users):
    if ComplaintCase.objects.exists() or Denunciation.objects.exists():
        return
    today = timezone.localdate()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    inspectorate, unit = Unit.objects.get(code="snnmt-ttr"), Unit.objects.get(code="snnmt-ccthuyloi")
    inspector, chief = users["thanhtravien"], users["chanhthanhtra"]
    _petitions(users, ago, inspectorate)
    _complaints(ago, inspectorate, unit, inspector, users["canbodonvi"])
    _denunciations(ago, inspectorate, inspector, chief, users["canbodonvi"])


def _outcome(kind, eligible, competence, index):
    """An outcome that fits the classification: outside competence, guided (complaints) or transferred; within it,
    urged now and then, else filed (accepting opens a case: the cases below are made on their own)."""
    if not eligible:
        return "file"
    if not competence:
        return "guide" if kind == "complaint" else "transfer"
    return "urge" if index % 4 == 0 else "file"


def _petitions(users, ago, inspectorate):
    clerk, inspector = users["vanphong"], users["thanhtravien"]
    kinds = ["complaint", "denunciation", "request", "mixed", "complaint"]
    for index in range(50):
        matter = MATTERS[index % len(MATTERS)]
        anonymous = index % 17 == 16
        petition = services.register_petition(
            by=clerk, received_on=ago(2 + index % 45), channel=CHANNELS[index % len(CHANNELS)], matter=matter,
            unit=inspectorate, handler=inspector, anonymous=anonymous, many_signers=index % 9 == 0,
            identity=None if anonymous else {"name": person(index % 40), "address": f"Xã {GIVEN[index % len(GIVEN)]}",
                                            "id_number": f"0240{index % 40:08d}"},
            forwarded_by="Ban Tiếp công dân tỉnh" if index % 6 == 0 else "",
            anti_corruption=index % 11 == 0, has_verifiable_evidence=anonymous,
        )
        if index % 5 == 4:
            continue  # left unclassified; the older ones are overdue
        kind = kinds[index % len(kinds)]
        # An anonymous letter is not handled as a denunciation (Luật Tố cáo 2018 Art. 25): not eligible, filed.
        eligible, competence = index % 7 != 3 and not anonymous, index % 3 != 0
        # The matters above are mostly about land; the area goes with the matter, as the desk records it.
        area = "land" if "đất" in matter.lower() else ["policy", "administrative", "other"][index % 3]
        services.classify_petition(petition, by=inspector, content_kind=kind, eligible=eligible,
                                   within_competence=competence, prior_resolution=["never", "once", "many"][index % 3],
                                   subject_area=area)
        if index % 5 == 3:
            continue
        outcome = _outcome(kind, eligible, competence, index)
        services.record_petition_outcome(petition, by=inspector, outcome=outcome, decided_on=petition.received_on,
                                         transfer_to="UBND huyện Lục Nam" if outcome in ("transfer", "guide") else "")
    duplicate = Petition.objects.filter(duplicate_of__isnull=False, status=Petition.Status.RECEIVED).first()
    if duplicate:
        services.merge_petitions(duplicate, into=duplicate.duplicate_of, by=inspector)


def _complaints(ago, inspectorate, unit, inspector, unit_staff):
    specs = [  # (received days ago, level, steps done, complex, remote)
        (3, 1, 0, False, False), (14, 1, 0, False, False), (20, 1, 1, False, False), (50, 1, 1, False, False),
        (40, 1, 2, True, False), (45, 2, 2, False, True), (55, 2, 3, False, False), (60, 1, 4, False, False),
        (70, 2, 4, True, True), (25, 1, 1, False, False), (35, 1, 5, False, False),
    ]
    for index, (received, level, steps, is_complex, remote) in enumerate(specs):
        own_unit = index == 9
        # A case a unit handles itself is moved by its handler there, not by the inspectorate.
        handler = unit_staff if own_unit else inspector
        case_unit, matter = unit if own_unit else inspectorate, MATTERS[index % len(MATTERS)]
        # Every case starts as a petition accepted at the desk, so 03/GQKN col 1 (petitions) covers col 2 (cases).
        petition = _accepted_petition(ago(received), case_unit, handler, kind="complaint", matter=matter,
                                      identity={"name": person(index + 3), "address": "Xã Tân Tiến"},
                                      prior="never" if level == 1 else "once")
        case = complaints.open_complaint_case(
            by=handler, subject=matter, complained_act=f"Quyết định số {100 + index}/QĐ-UBND",
            complainant_name=person(index + 3), received_on=ago(received), unit=case_unit,
            handler=handler, level=level, is_complex=is_complex, is_remote=remote, petition=petition,
        )
        if steps >= 1:
            complaints.accept_complaint(case, by=handler, accepted_on=ago(received - 5))
        if steps >= 2:
            complaints.record_verification(case, by=handler, verified_on=ago(received - 15), result="Đã xác minh tại thực địa.")
        if steps >= 3:
            complaints.record_dialogue(case, by=handler, held_on=ago(received - 20), result="Đã đối thoại, hai bên trình bày ý kiến.")
        if steps == 4:
            complaints.decide_complaint(case, by=handler, decided_on=ago(received - 25), decision_number=f"{20 + index}/QĐ-SNNMT",
                                        result="upheld", conclusion="Khiếu nại không có cơ sở; giữ nguyên quyết định.")
        if steps == 5:  # withdrawn after acceptance: the resolution is suspended (Luật Khiếu nại 2011 Điều 10)
            withdrawal.withdraw_complaint(case, by=handler, withdrawn_on=ago(received - 22),
                                          reason="Người khiếu nại có đơn xin rút toàn bộ nội dung khiếu nại sau khi được giải thích.")


def _denunciations(ago, inspectorate, inspector, chief, verifier):
    specs = [  # (received days ago, steps: 0 received, 1 extended initial, 2 declined, 3 accepted, 4 +1 ext, 5 +2 ext, 6 concluded, 7 handled, 8 overdue)
        (2, 0), (9, 1), (15, 2), (20, 3), (40, 4), (70, 5), (50, 6), (65, 7), (80, 8), (30, 9),
    ]
    for index, (received, steps) in enumerate(specs):
        identity = DEMO_DENOUNCER if index == 3 else {"name": person(index + 20), "address": "Phường Trần Phú",
                                                     "id_number": f"0241{index:08d}", "phone": f"09120000{index:02d}"}
        subject = f"Tố cáo sai phạm: {MATTERS[(index + 3) % len(MATTERS)].lower()}"
        denounced = f"Ông {person(index + 30)}, cán bộ {['địa chính', 'môi trường', 'thủy lợi'][index % 3]}"
        if identity is DEMO_DENOUNCER:
            case = _from_petition(ago(received), inspectorate, inspector, subject=subject, denounced=denounced)
        else:
            petition = _accepted_petition(ago(received), inspectorate, inspector, kind="denunciation", matter=subject,
                                          identity=identity, anti_corruption=index % 2 == 0)
            case = denunciations.denunciation_from_petition(petition, by=inspector, denounced=denounced, subject=subject)
        if steps == 1:
            denunciations.extend_initial_processing(case, by=inspector, reason="Cần xác minh tại nhiều địa điểm.")
        if steps == 2:
            denunciations.decline_denunciation(case, by=inspector, decided_on=ago(received - 5), reason="Không đủ điều kiện thụ lý.")
        if steps >= 3:
            denunciations.accept_denunciation(case, by=inspector, accepted_on=ago(received - 3))
            denunciations.record_acceptance_notice(case, by=inspector, notified_on=ago(received - 5))
        if steps in (4, 5):
            denunciations.mark_complex(case, by=chief, reason="Nội dung tố cáo liên quan nhiều đơn vị, cần xác minh tại nhiều nơi.")
        if steps == 5:
            denunciations.mark_especially_complex(case, by=chief, reason="Phải trưng cầu giám định và xác minh tại bốn xã.")
        for number in range(1, min(steps - 3, 2) + 1 if steps in (4, 5) else 1):
            denunciations.extend_resolution(case, by=chief, decided_on=ago(received - 30), decision_number=f"{number:02d}/QĐ-GH",
                                            reason="Vụ việc phức tạp, cần xác minh thêm.")
        if steps in (6, 7):
            denunciations.conclude_denunciation(case, by=inspector, concluded_on=ago(received - 28), conclusion="Tố cáo đúng một phần.", verdict="partly")
        if steps == 7:
            denunciations.record_handling(case, by=chief, handled_on=ago(received - 35), handling="Kiểm điểm, rút kinh nghiệm.")
        if steps == 8:
            denunciations.request_overdue_report(case, by=chief, requested_on=ago(3))
        if steps == 9:  # withdrawn before the conclusion: suspended (Luật Tố cáo 2018 Điều 33)
            withdrawal.withdraw_denunciation(case, by=inspector, withdrawn_on=ago(received - 12),
                                             reason="Người tố cáo có đơn rút tố cáo; không có dấu hiệu vi phạm cần tiếp tục xác minh.")
        if identity is DEMO_DENOUNCER:
            _verification_team(case, inspector, verifier)


def _accepted_petition(received_on, unit, handler, *, kind, matter, identity, prior="never", anti_corruption=False):
    """A petition registered, classified eligible and within competence, and accepted on the day it came (TT 05/2021)."""
    petition = services.register_petition(
        by=handler, received_on=received_on, channel=Petition.Channel.POST, matter=matter, unit=unit, handler=handler,
        identity=identity, content_kind=kind, anti_corruption=anti_corruption)
    services.classify_petition(petition, by=handler, content_kind=kind, eligible=True, within_competence=True,
                               prior_resolution=prior, subject_area="land" if "đất" in matter.lower() else "other")
    return services.record_petition_outcome(petition, by=handler, outcome="accept", decided_on=received_on)


def _from_petition(received_on, inspectorate, inspector, *, subject, denounced):
    """The demo denouncer writes in: a petition naming her, accepted, then the case."""
    petition = services.register_petition(
        by=inspector, received_on=received_on, channel=Petition.Channel.POST, matter=subject, unit=inspectorate,
        handler=inspector, identity=DEMO_DENOUNCER, content_kind="denunciation", anti_corruption=True,
        summary=(f"Tôi là {DEMO_DENOUNCER['name']}, trú tại {DEMO_DENOUNCER['address']}, số điện thoại "
                 f"{DEMO_DENOUNCER['phone']}. Tôi tố cáo {denounced} đã nhận tiền khi giải quyết hồ sơ của gia đình tôi."),
    )
    services.classify_petition(petition, by=inspector, content_kind="denunciation", eligible=True, within_competence=True)
    services.record_petition_outcome(petition, by=inspector, outcome="accept", decided_on=received_on)
    return denunciations.denunciation_from_petition(petition, by=inspector, unit=inspectorate, handler=inspector,
                                                    denounced=denounced, subject=subject)


def _demo_letter():
    document = Document()
    document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("ĐƠN TỐ CÁO")
    document.add_paragraph(f"Họ và tên người tố cáo: {DEMO_DENOUNCER['name']}; CCCD {DEMO_DENOUNCER['id_number']}.")
    document.add_paragraph(f"Địa chỉ: {DEMO_DENOUNCER['address']}. Điện thoại: {DEMO_DENOUNCER['phone']}.")
    document.add_paragraph("Nội dung: cán bộ bị tố cáo nhận 20 triệu đồng để ký xác nhận hồ sơ đất đai.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SCAN = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _verification_team(case, inspector, verifier):
    """A verifier from the hydraulics unit, with redacted copies of the letter, its text and its scan (Art. 31, 47)."""
    attach_file(case, uploaded_file=SimpleUploadedFile("don-to-cao.docx", _demo_letter()), by=inspector,
                description="Đơn tố cáo (bản đánh máy)")
    scan = attach_file(case, uploaded_file=SimpleUploadedFile("don-to-cao-scan.pdf", SCAN), by=inspector,
                       description="Đơn tố cáo (bản scan có chữ ký)")
    verification.assign_verifier(case, by=inspector, user=verifier, team_role="lead")
    made, _scans = verification.make_redacted_copies(case, by=inspector)
    for copy in made:  # the handler has read each automatic copy: it goes to the team
        verification.confirm_redacted_copy(case, by=inspector, copy=copy)
    verification.upload_redacted_copy(case, by=inspector, original=scan,
                                      uploaded_file=SimpleUploadedFile("ban-che.pdf", SCAN))
