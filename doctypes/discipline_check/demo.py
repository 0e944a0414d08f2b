"""Demo discipline checks: the office's checklist and a month of checks, past ones scored."""

import datetime

from django.db import transaction

from doctypes.discipline_check import services
from doctypes.discipline_check.models import ChecklistItem, ChecklistTemplate, DisciplineCheck
from doctypes.org.models import StaffProfile, Unit

D = datetime.date
TEMPLATE = "Phiếu kiểm tra công vụ, kỷ luật kỷ cương hành chính"
ITEMS = [
    ("working_hours", "Cán bộ có mặt đúng giờ làm việc", False, 2),
    ("badge", "Đeo thẻ công chức, viên chức khi thi hành công vụ", True, 1),
    ("conduct", "Thái độ, tác phong – \"Nụ cười công sở\"", True, 1),
    ("one_stop", "Bộ phận một cửa niêm yết đầy đủ TTHC, có người trực", False, 2),
    ("on_time", "Hồ sơ TTHC giải quyết đúng hạn trong tháng", False, 2),
    ("reception", "Lịch tiếp công dân được công khai và thực hiện", False, 1),
]
# day of November 2026, unit code, announced
SCHEDULE = [(3, "snnmt-ccthuyloi", True), (5, "snnmt-cckiemlam", False), (10, "snnmt-cccnty", True), (12, "snnmt-khtc", False),
            (17, "snnmt-ccthuyloi", False), (19, "snnmt-ttkn", True), (24, "snnmt-cctt", False), (30, "snnmt-tccb", True),
            (2, "snnmt-cckiemlam", True)]


def _template():
    template, created = ChecklistTemplate.objects.get_or_create(
        name=TEMPLATE, defaults={"description": "Danh mục do Văn phòng Sở ban hành; nội dung chưa đối chiếu văn bản (cần xác minh)."}
    )
    if created:
        for order, (area, text, per_staff, weight) in enumerate(ITEMS):
            ChecklistItem.objects.create(template=template, order=order, area=area, text=text, per_staff=per_staff, weight=weight)
    return template


@transaction.atomic
def load(users):
    """Idempotent: checks are found by unit and day."""
    template, clerk = _template(), users["vanphong"]
    for index, (day, code, announced) in enumerate(SCHEDULE):
        on = D(2026, 12 if index == len(SCHEDULE) - 1 else 11, day)
        unit = Unit.objects.get(code=code)
        if DisciplineCheck.objects.filter(unit=unit, scheduled_on=on).exists():
            continue
        check = services.schedule_check(by=clerk, template=template, unit=unit, scheduled_on=on, announced=announced,
                                        scheduled_at=on - datetime.timedelta(days=7),
                                        # Every other check also looks at conduct and publicity (01/PCTN rows 14, 25).
                                        pctn_topics=["conduct", "transparency"] if index % 2 == 0 else ["conduct"])
        if on > D(2026, 11, 27):
            continue
        staff = StaffProfile.objects.filter(unit=unit).first()
        results = []
        for item in template.items.all():
            outcome = "fail" if (index + item.order) % 5 == 0 else "pass"
            results.append((item, outcome, "Vắng 1 cán bộ không lý do" if outcome == "fail" else "", staff if item.per_staff and staff else None))
        services.record_results(check, by=clerk, results=results)
        services.finish_check(check, by=clerk, conducted_on=on, summary="Đơn vị chấp hành tương đối tốt.")
