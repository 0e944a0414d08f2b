"""Demo satisfaction results: the desk's exports per procedure and the province's survey of irrigation water, per quarter."""

from django.db import transaction
from django.utils import timezone

from doctypes.org.models import Unit
from doctypes.procedure_review.models import Procedure
from doctypes.satisfaction import services
from doctypes.satisfaction.models import SatisfactionResult

# unit, procedure code or None, service, respondents, satisfied, not satisfied, source, note
ROWS = [
    ("snnmt-ccthuyloi", "1.004179", "", 42, 38, 3, "one_stop", "Xuất từ phần mềm một cửa; bà Phạm Thu Hà đối chiếu."),
    ("snnmt-ccthuyloi", "1.008004", "", 18, 15, 2, "one_stop", ""),
    ("snnmt-cctt", "1.001764", "", 57, 55, 1, "one_stop", ""),
    ("snnmt-cccnty", "1.002239", "", 120, 111, 6, "one_stop", "Nhiều phản ánh về thời gian chờ cấp giấy kiểm dịch."),
    ("snnmt-cckiemlam", "1.003347", "", 9, 6, 3, "province", "Khảo sát của tỉnh; ông Nguyễn Văn Hưng (Sở Nội vụ) gửi kết quả."),
    ("snnmt-ccthuyloi", None, "Cung cấp nước tưới vụ Đông Xuân", 200, 168, 20, "province", "Khảo sát hộ dùng nước tại 5 xã."),
]


def _last_quarters(today, count):
    year, quarter = today.year, (today.month - 1) // 3 + 1
    quarters = []
    for _n in range(count):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        quarters.append((year, quarter))
    return quarters


@transaction.atomic
def load(users):
    """Idempotent: a quarter already recorded for the procedure (service) and unit is left as it is."""
    clerk = users["vanphong"]
    for offset, (year, quarter) in enumerate(_last_quarters(timezone.localdate(), 2)):
        for unit_code, code, service, respondents, satisfied, not_satisfied, source, note in ROWS:
            unit = Unit.objects.get(code=unit_code)
            procedure = Procedure.objects.filter(code=code).first() if code else None
            if code and procedure is None:
                continue
            existing = SatisfactionResult.objects.filter(unit=unit, year=year, quarter=quarter, procedure=procedure,
                                                         service=service)
            if existing.exists():
                continue
            shift = offset * 3  # the earlier quarter a little worse, as the trend the office reports
            services.record_result(by=clerk, unit=unit, procedure=procedure, service=service, year=year, quarter=quarter,
                                   respondents=respondents, satisfied=max(satisfied - shift, 0),
                                   not_satisfied=not_satisfied + min(shift, satisfied), source=source, note=note)
