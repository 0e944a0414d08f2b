"""Demo reception log (about forty entries, ten of which create petitions) and this year's schedule."""

import datetime

from django.utils import timezone

from doctypes.citizen_reception import services
from doctypes.citizen_reception.models import Reception, ReceptionDay
from doctypes.complaint_case.demo import MATTERS, person
from doctypes.org.models import Unit

KINDS = ["regular", "regular", "periodic", "unscheduled"]
CLASSES = ["complaint", "denunciation", "request", "complaint", "mixed"]


def load(users):
    today = timezone.localdate()
    if not ReceptionDay.objects.filter(month__year=today.year).exists():
        services.publish_schedule(by=users["chanhvanphong"], year=today.year, day_of_month=15, leader=users["giamdoc"])
        day = ReceptionDay.objects.filter(month__year=today.year).order_by("month").last()
        services.delegate_reception_day(day, by=users["chanhvanphong"], delegate=users["chanhthanhtra"])
    if Reception.objects.exists():
        return
    office = Unit.objects.get(code="snnmt-vp")
    for index in range(40):
        classification = CLASSES[index % len(CLASSES)]
        group = index % 8 == 5
        refused = index in (11, 29)
        handling = "refused" if refused else ["guide", "receive", "transfer", "receive"][index % 4]
        services.log_reception(
            by=users["vanphong"], received_on=today - datetime.timedelta(days=1 + (index * 3) // 2),
            kind=KINDS[index % len(KINDS)], unit=office, group_size=6 if group else 1,
            identity={"name": person(index + 50), "address": f"Thôn {index + 1}, xã Hương Sơn", "id_number": f"0242{index:08d}",
                      "representative": person(index + 51) if group else ""},
            content=f"Trình bày về: {MATTERS[index % len(MATTERS)].lower()}.", classification=classification, handling=handling,
            documents_received="Đơn và bản sao giấy tờ liên quan" if handling == "receive" else "",
            transfer_to="UBND huyện Lạng Giang" if handling == "transfer" else "",
            verbal_statement="Công dân trình bày trực tiếp, cán bộ ghi lại." if index % 3 == 0 else "",
            statement_signed=index % 3 == 0, refusal_ground="already_resolved" if index == 11 else ("threatening" if refused else ""),
            leader_present="Nguyễn Văn Hùng – Giám đốc Sở" if KINDS[index % len(KINDS)] == "periodic" else "",
            create_petition=handling == "receive" and index % 4 == 1,
            matter=MATTERS[index % len(MATTERS)],
        )
