"""Demo cases of corruption, waste and negative conduct found in the department's units in 2025 and 2026."""

import datetime
from decimal import Decimal

from django.db import transaction

from doctypes.complaint_case.models import Denunciation
from doctypes.finding.models import Violation
from doctypes.org.models import Unit
from doctypes.pctn_case import services
from doctypes.pctn_case.models import PctnCase

D = datetime.date
M = 1_000_000


def _person(label, role="other", **handling):
    return {"label": label, "role": role, **handling}


def _recovery(on, measure, amount=0, land=0):
    return {"recorded_on": on, "measure": measure, "amount": Decimal(amount), "land": Decimal(land)}


CASES = [
    # unit code, title, detected on, channel, kind, extra fields, people, recoveries
    ("snnmt-ccthuyloi", "Lập chứng từ khống thanh toán tiền duy tu kênh mương", D(2026, 3, 12), "self_check", "corruption",
     {"amount_detected": 45 * M, "handled_on": D(2026, 6, 10)},
     [_person("Thủ quỹ Chi cục", discipline="warning", disciplined_on=D(2026, 6, 10)),
      _person("Chi cục trưởng", "head", head_responsible=True, discipline="reprimand", disciplined_on=D(2026, 6, 10))],
     [_recovery(D(2026, 7, 1), "administrative", 30 * M)]),
    ("snnmt-cckiemlam", "Nhận tiền để bỏ qua vi phạm khai thác rừng", D(2026, 5, 20), "complaint", "corruption",
     {"amount_detected": 120 * M, "land_detected": Decimal(1200), "prosecuted_on": D(2026, 9, 15), "handled_on": D(2026, 9, 15),
      "whistleblowers_protected": 1},
     [_person("Kiểm lâm viên địa bàn", prosecuted_on=D(2026, 9, 15))],
     [_recovery(D(2026, 10, 30), "judicial", 50 * M, 800)]),
    ("snnmt-ttr", "Thanh tra viên gợi ý nhận quà của đối tượng thanh tra", D(2026, 8, 4), "anti_corruption_body", "corruption",
     {}, [_person("Thanh tra viên")], []),
    ("snnmt-khtc", "Mua sắm thiết bị vượt nhu cầu, để lâu không sử dụng", D(2026, 4, 10), "audit", "waste",
     {"amount_detected": 300 * M, "handled_on": D(2026, 8, 1)},
     [_person("Trưởng phòng", "head", discipline="reprimand", disciplined_on=D(2026, 8, 1))],
     [_recovery(D(2026, 9, 30), "unrecoverable", 100 * M)]),
    ("snnmt-cccnty", "Doanh nghiệp hối lộ để được cấp giấy chứng nhận kiểm dịch", D(2026, 10, 5), "inspection", "corruption",
     {"amount_detected": 80 * M, "non_state": True, "non_state_organisation": "Công ty TNHH thương mại giống vật nuôi"},
     [_person("Giám đốc công ty")], []),
    ("snnmt-cctt", "Nâng khống giá vật tư hỗ trợ nông dân", D(2025, 9, 12), "state_check", "corruption",
     {"amount_detected": 260 * M, "prosecuted_on": D(2025, 12, 1), "tried_on": D(2026, 4, 20), "handled_on": D(2025, 12, 1),
      "whistleblowers_rewarded": 1},
     [_person("Phó Chi cục trưởng", "deputy", head_responsible=True, prosecuted_on=D(2025, 12, 1), sentence="serious",
              sentenced_on=D(2026, 4, 20))],
     [_recovery(D(2026, 5, 15), "judicial", 150 * M)]),
    ("snnmt-ttkn", "Trục lợi kinh phí mô hình khuyến nông", D(2026, 2, 14), "elected_supervision", "corruption",
     {"amount_detected": 95 * M, "prosecuted_on": D(2026, 3, 1), "tried_on": D(2026, 7, 15), "handled_on": D(2026, 3, 1)},
     [_person("Giám đốc Trung tâm", "head", head_responsible=True, discipline="dismissal", disciplined_on=D(2026, 5, 5)),
      _person("Kế toán Trung tâm", prosecuted_on=D(2026, 3, 1), sentence="less_serious", sentenced_on=D(2026, 7, 15))],
     [_recovery(D(2026, 8, 20), "judicial", 60 * M)]),
    ("snnmt-tccb", "Phản ánh gợi ý tiền khi tuyển dụng viên chức", D(2026, 6, 30), "report", "corruption", {}, [], []),
    ("snnmt-ccthuyloi", "Sử dụng xe công không đúng mục đích", D(2025, 11, 3), "other", "waste",
     {"amount_detected": 12 * M, "handled_on": D(2025, 12, 20)},
     [_person("Lái xe", discipline="reprimand", disciplined_on=D(2025, 12, 20))], [_recovery(D(2025, 12, 28), "administrative", 12 * M)]),
]


@transaction.atomic
def load(users):
    """Idempotent: cases are found by title; one more case stands for a corruption violation of a demo conclusion."""
    inspector = users["thanhtravien"]
    for code, title, on, channel, kind, extra, people, recoveries in CASES:
        if PctnCase.objects.filter(title=title).exists():
            continue
        if channel == "complaint":
            extra = {**extra, "denunciation": Denunciation.objects.order_by("pk").first()}
        services.record_case(by=inspector, unit=Unit.objects.get(code=code), title=title, detected_on=on, channel=channel,
                             kind=kind, people=people, recoveries=recoveries, **extra)
    title = "Chi sai chế độ phát hiện qua thanh tra"
    if PctnCase.objects.filter(title=title).exists():
        return
    violation = (Violation.objects.filter(finding__inspection__concluded_on__isnull=False, pctn_case__isnull=True,
                                          finding__inspection__papi_dimensions__code="4")
                 .select_related("finding__inspection").order_by("pk").first())
    if violation is not None:
        concluded = violation.finding.inspection.concluded_on
        services.record_case(
            by=users["chanhthanhtra"], unit=violation.responsible_unit, title=title,
            detected_on=concluded, channel="inspection", violation=violation, amount_detected=violation.amount_to_recover,
            handled_on=concluded, people=[_person("Kế toán trưởng", discipline="warning", disciplined_on=concluded)])
