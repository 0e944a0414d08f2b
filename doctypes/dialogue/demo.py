"""Demo dialogues of the department's leaders with citizens, with commitments to several units (met, late, overdue)."""

import datetime

from django.db import transaction
from django.utils import timezone

from doctypes.complaint_case.models import ComplaintCase
from doctypes.dialogue import services
from doctypes.dialogue.models import Dialogue
from doctypes.org.models import Unit

D = datetime.date
# held on, organising unit, topic, place, count, participants, result, commitments [(content, owner, due, done, result)]
DIALOGUES = [
    (D(2026, 3, 26), "snnmt-ccthuyloi", "Nạo vét kênh tưới N5 và lịch lấy nước vụ Xuân", "Nhà văn hóa thôn Đồng Quan, xã Phúc Hòa",
     42, "Ông Nguyễn Văn Tám (trưởng thôn), đại diện 40 hộ dân, Công ty TNHH MTV KTCTTL tỉnh",
     "Thống nhất nạo vét trước 30/4; công ty khai thác công trình thủy lợi công bố lịch lấy nước tại thôn.",
     [("Nạo vét 1,2 km kênh N5 đoạn qua thôn Đồng Quan", "snnmt-ccthuyloi", D(2026, 4, 30), D(2026, 4, 28),
       "Đã nạo vét xong, nghiệm thu ngày 28/4/2026."),
      ("Công bố lịch lấy nước vụ Xuân tại nhà văn hóa thôn", "snnmt-ccthuyloi", D(2026, 4, 10), D(2026, 4, 20),
       "Niêm yết ngày 20/4/2026 (chậm 10 ngày).")]),
    (D(2026, 8, 19), "snnmt-cckiemlam", "Giao khoán bảo vệ rừng và chi trả dịch vụ môi trường rừng", "UBND xã Sơn Động",
     65, "Bà Hoàng Thị Nhung, ông Lường Văn Páo và đại diện các hộ nhận khoán",
     "Người dân đề nghị chi trả đúng kỳ; Lãnh đạo Sở giao Chi cục Kiểm lâm và Phòng KH-TC rà soát.",
     [("Rà soát danh sách hộ nhận khoán chưa được chi trả năm 2025", "snnmt-cckiemlam", D(2026, 9, 30), None, ""),
      ("Đề xuất nguồn kinh phí chi trả bổ sung", "snnmt-khtc", D(2026, 10, 15), None, "")]),
    (D(2026, 11, 12), "snnmt-cccnty", "Hỗ trợ tiêu hủy lợn mắc dịch tả lợn châu Phi", "Hội trường Chi cục Chăn nuôi, Thú y và Thủy sản",
     28, "Ông Trần Đức Mạnh và các hộ chăn nuôi xã Tân Yên",
     "Lãnh đạo Sở cam kết chi hỗ trợ theo quyết định của UBND tỉnh, giải đáp thắc mắc về mức hỗ trợ.",
     [("Chi hỗ trợ cho 26 hộ có lợn bị tiêu hủy", "snnmt-cccnty", D(2026, 12, 30), None, ""),
      ("Trả lời bằng văn bản kiến nghị của ông Trần Đức Mạnh về đơn giá hỗ trợ", "snnmt-vp", D(2026, 11, 30), None, "")]),
]


@transaction.atomic
def load(users):
    """Idempotent: a dialogue is found by day and topic."""
    inspector, leader = users["thanhtravien"], users["giamdoc"]
    for held_on, unit_code, topic, place, count, participants, result, commitments in DIALOGUES:
        if Dialogue.objects.filter(held_on=held_on, topic=topic).exists():
            continue
        dialogue = services.hold_dialogue(
            by=inspector, held_on=held_on, leader=leader, unit=Unit.objects.get(code=unit_code), topic=topic, place=place,
            participant_count=count, participants=participants, result=result,
            commitments=[{"content": content, "owner_unit": Unit.objects.get(code=owner), "due_on": due}
                         for content, owner, due, _done, _result in commitments])
        for commitment, (_content, _owner, _due, done_on, answer) in zip(dialogue.commitments.order_by("id"), commitments):
            services.follow_up(commitment, by=inspector, on=held_on + datetime.timedelta(days=14),
                               note="Thanh tra Sở đã nhắc đơn vị thực hiện cam kết.")
            if done_on:
                services.record_result(commitment, by=inspector, done_on=done_on, result=answer)
    _second_instance_dialogues(leader)


def _second_instance_dialogues(leader):
    """A second-instance complaint waiting for its dialogue gets one chaired by the director (NĐ 124/2020 Art. 28),
    through the complaint's own step service, so the demo shows a case linked to the register."""
    waiting = ComplaintCase.objects.filter(status=ComplaintCase.Status.VERIFIED, level=ComplaintCase.Instance.SECOND,
                                           handler__isnull=False)
    for case in waiting:
        held_on = min(case.verified_on + datetime.timedelta(days=3), timezone.localdate())
        services.hold_complaint_dialogue(
            case, by=case.handler, held_on=held_on, leader=leader, place="Phòng họp Thanh tra Sở",
            participants=f"Người khiếu nại {case.complainant_name}, đại diện UBND xã, tổ xác minh",
            result="Người khiếu nại giữ nguyên yêu cầu; tổ xác minh trình bày kết quả, hai bên thống nhất nội dung cần làm rõ thêm.")
