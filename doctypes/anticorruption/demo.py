"""Demo anti-corruption registers over several units: classes, documents, rotations (some overdue), gifts, conflicts."""

import datetime

from django.db import transaction

from doctypes.anticorruption import services
from doctypes.anticorruption.models import (ConductDiscipline, ConflictOfInterest, GiftHandover, JobRotation,
                                            OutreachSession, PreventionDocument)
from doctypes.org.demo import ensure_staff_user
from doctypes.org.models import Unit
from doctypes.papi.models import Task
from papi_inspect.demo import DEMO_PASSWORD
from papi_inspect.permissions import Role

D = datetime.date
# Staff of the other units, named as the registers name them: username, full name, position, unit, inspector rank
STAFF = [
    ("kiemlam.thang", "Nguyễn Đức Thắng", "Hạt trưởng Hạt Kiểm lâm", "snnmt-cckiemlam", ""),
    ("kiemlam.hue", "Trần Thị Huệ", "Kiểm lâm viên", "snnmt-cckiemlam", ""),
    ("trongtrot.long", "Lê Văn Long", "Chuyên viên kiểm dịch thực vật", "snnmt-cctt", ""),
    ("khtc.ngoc", "Phạm Bích Ngọc", "Kế toán trưởng", "snnmt-khtc", ""),
    ("tccb.quang", "Hoàng Minh Quang", "Chuyên viên tổ chức cán bộ", "snnmt-tccb", ""),
    ("thanhtra.binh", "Đặng Văn Bình", "Thanh tra viên", "snnmt-ttr", "thanh_tra_vien"),
]


def ensure_demo_staff(users):
    for username, full_name, position, unit_code, rank in STAFF:
        users.setdefault(username, ensure_staff_user(
            username, full_name=full_name, position=position, unit=Unit.objects.get(code=unit_code), role=Role.UNIT_STAFF,
            inspector_rank=rank, password=DEMO_PASSWORD))


def _corruption_task():
    return Task.objects.filter(group__dimension__code__startswith="4").order_by("pk").first()


def _sessions(clerk, units, task):
    rows = [
        ("Quán triệt Luật Phòng, chống tham nhũng sửa đổi 2025 và Nghị định hướng dẫn", "outreach", D(2026, 3, 12), "snnmt-vp", 4,
         [("snnmt-vp", 18), ("snnmt-ttr", 9), ("snnmt-ccthuyloi", 22), ("snnmt-cckiemlam", 35)]),
        ("Tập huấn kê khai tài sản, thu nhập năm 2026 cho người có nghĩa vụ kê khai", "training", D(2026, 11, 20), "snnmt-ttr", 2,
         [("snnmt-ttr", 11), ("snnmt-khtc", 6), ("snnmt-cctt", 14)]),
        ("Tuyên truyền quy tắc ứng xử tại Bộ phận một cửa", "outreach", D(2026, 6, 5), "snnmt-ccthuyloi", 1,
         [("snnmt-ccthuyloi", 27)]),
        ("Quán triệt Chỉ thị của Tỉnh ủy về phòng, chống tiêu cực", "outreach", D(2025, 10, 8), "snnmt-vp", 0,
         [("snnmt-vp", 20), ("snnmt-cctt", 31)]),
    ]
    for topic, kind, held_on, unit, materials, attendance in rows:
        if OutreachSession.objects.filter(topic=topic, held_on=held_on).exists():
            continue
        services.record_session(by=clerk, unit=units[unit], topic=topic, kind=kind, held_on=held_on,
                                materials_published=materials, attendance=[(units[code], n) for code, n in attendance],
                                plan_tasks=[task] if task else ())


def _documents(clerk, units):
    rows = [
        ("125/KH-SNNMT", "Kế hoạch phòng, chống tham nhũng, tiêu cực năm 2026", D(2026, 1, 15), "new", "law"),
        ("310/QĐ-SNNMT", "Sửa đổi Quy chế công khai, minh bạch trong hoạt động của Sở", D(2026, 5, 20), "amended", "law"),
        ("42/QĐ-SNNMT", "Bãi bỏ Quy định tiếp nhận hồ sơ giấy tại Chi cục Thủy lợi", D(2026, 8, 2), "repealed", "law"),
        ("88/QĐ-SNNMT", "Quy chế chi tiêu nội bộ năm 2026", D(2026, 1, 28), "new", "norms"),
        ("215/QĐ-SNNMT", "Sửa đổi định mức sử dụng xe ô tô công", D(2026, 7, 10), "amended", "norms"),
        ("09/QĐ-CCTL", "Quy tắc ứng xử của công chức Chi cục Thủy lợi", D(2026, 2, 3), "new", "conduct"),
        ("530/KH-SNNMT", "Kế hoạch phòng, chống tham nhũng năm 2025", D(2025, 1, 20), "new", "law"),
    ]
    for number, title, issued_on, action, scope in rows:
        unit = units["snnmt-ccthuyloi"] if number.endswith("CCTL") else units["snnmt"]
        if not PreventionDocument.objects.filter(unit=unit, number=number, action=action).exists():
            services.record_document(by=clerk, unit=unit, number=number, title=title, issued_on=issued_on, action=action,
                                     scope=scope)


def _rotations(clerk, users):
    # person, post, held since, term (years), done on, deferred until and why
    rows = [
        ("kiemlam.hue", "Kiểm lâm địa bàn xã Sơn Động", D(2022, 3, 1), 3, D(2026, 4, 1), None),
        ("trongtrot.long", "Kiểm dịch thực vật tại cửa khẩu", D(2023, 6, 15), 3, None, None),
        ("canbodonvi", "Cấp phép hoạt động trong phạm vi bảo vệ công trình thủy lợi", D(2023, 9, 1), 3, None, None),
        ("khtc.ngoc", "Kế toán ngân sách", D(2021, 1, 10), 5, None,
         (D(2027, 6, 30), "Đang nuôi con nhỏ dưới 36 tháng tuổi (NĐ 59/2019 Điều 38).")),
        ("tccb.quang", "Tuyển dụng, nâng ngạch công chức", D(2024, 2, 1), 3, None, None),
        ("thanhtra.binh", "Thanh tra chuyên ngành lâm nghiệp", D(2022, 11, 1), 3, D(2025, 11, 20), None),
    ]
    for username, position, held_since, years, done_on, deferral in rows:
        person = users[username]
        if JobRotation.objects.filter(person=person, position=position).exists():
            continue
        rotation = services.schedule_rotation(by=clerk, person=person, position=position, held_since=held_since,
                                              period_years=years)
        if done_on:
            services.rotate(rotation, by=clerk, done_on=done_on, new_position="Chuyên viên phòng Tổng hợp")
        elif deferral:
            services.defer_rotation(rotation, by=clerk, until=deferral[0], reason=deferral[1])


def _people_registers(clerk, users):
    if not ConflictOfInterest.objects.exists():
        services.record_conflict(by=clerk, person=users["thanhtra.binh"], declared_on=D(2026, 4, 2),
                                 matter="Được giao thanh tra Công ty TNHH Lâm sản Yên Thế, nơi em rể ông Bình là Phó Giám đốc.",
                                 handling="reassigned", handled_on=D(2026, 4, 6))
        services.record_conflict(by=clerk, person=users["kiemlam.thang"], declared_on=D(2026, 11, 25),
                                 matter="Thẩm định hồ sơ khai thác rừng của hợp tác xã do bố vợ ông Thắng làm chủ nhiệm.")
    if not GiftHandover.objects.exists():
        services.record_gift(by=clerk, person=users["canbodonvi"], received_on=D(2026, 2, 10),
                             description="Phong bì 2.000.000 đồng do chủ doanh nghiệp gửi dịp Tết", value=2_000_000,
                             handed_over_on=D(2026, 2, 12))
        services.record_gift(by=clerk, person=users["trongtrot.long"], received_on=D(2026, 9, 1),
                             description="Giỏ quà và phiếu mua hàng trị giá 3.500.000 đồng", value=3_500_000,
                             handed_over_on=D(2026, 9, 4))
    if not ConductDiscipline.objects.exists():
        services.record_conduct_discipline(by=clerk, person=users["kiemlam.hue"], ground="conduct", decided_on=D(2026, 7, 15),
                                           measure="Khiển trách", decision_number="77/QĐ-CCKL")
        services.record_conduct_discipline(by=clerk, person=users["thanhtra.binh"], ground="conflict", decided_on=D(2026, 5, 8),
                                           measure="Khiển trách", decision_number="140/QĐ-SNNMT")


@transaction.atomic
def load(users):
    """Idempotent: each entry is found by its natural key (topic and day, number, person and post) before it is made."""
    ensure_demo_staff(users)
    clerk = users["vanphong"]
    units = {unit.code: unit for unit in Unit.objects.filter(code__startswith="snnmt")}
    _sessions(clerk, units, _corruption_task())
    _documents(clerk, units)
    _rotations(clerk, users)
    _people_registers(clerk, users)
