"""Demo TTHC catalogue, two reviews with proposals, and October's late-handling statistics."""

import datetime

from django.db import transaction

from doctypes.procedure_review import services
from doctypes.procedure_review.models import LateHandlingStat, Procedure, ProcedureReview

D = datetime.date
# code, name, field, processing days, fee, online level
CATALOGUE = [
    ("1.004179", "Cấp giấy phép khai thác, sử dụng nước mặt", "Tài nguyên nước", 30, "Theo Nghị quyết HĐND tỉnh", "partial"),
    ("1.001764", "Cấp giấy chứng nhận cơ sở đủ điều kiện buôn bán thuốc bảo vệ thực vật", "Bảo vệ thực vật", 15, "500.000 đồng", "full"),
    ("1.002239", "Cấp giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi tỉnh", "Thú y", 3, "Theo Thông tư 101/2020/TT-BTC", "full"),
    ("1.003347", "Phê duyệt phương án khai thác thực vật rừng thông thường", "Lâm nghiệp", 10, "Không", "partial"),
    ("1.008004", "Cấp phép hoạt động trong phạm vi bảo vệ công trình thủy lợi", "Thủy lợi", 15, "Không", "level_3"),
    ("1.000045", "Công nhận làng nghề", "Phát triển nông thôn", 30, "Không", "none"),
]


@transaction.atomic
def load(users):
    """Idempotent: procedures by code, reviews by procedure and date, statistics by period."""
    clerk = users["vanphong"]
    for code, name, field, days, fee, level in CATALOGUE:
        Procedure.objects.get_or_create(code=code, defaults={"name": name, "field": field, "processing_days": days,
                                                             "fee": fee, "online_level": level})
    reviews = [("1.008004", D(2026, 9, 15), "Thành phần hồ sơ còn yêu cầu bản sao chứng thực.",
                [("simplify", "Bỏ yêu cầu bản sao chứng thực, khai thác dữ liệu dân cư."), ("raise_online", "Nâng lên dịch vụ công toàn trình.")]),
               ("1.000045", D(2026, 10, 20), "Thủ tục ít phát sinh hồ sơ.", [("abolish", "Đề xuất bãi bỏ, gộp vào thủ tục cấp tỉnh.")])]
    for code, on, summary, proposals in reviews:
        procedure = Procedure.objects.get(code=code)
        if not ProcedureReview.objects.filter(procedure=procedure, reviewed_on=on).exists():
            services.review_procedure(procedure, by=clerk, reviewed_on=on, summary=summary, proposals=proposals)
    for index, (code, *_rest) in enumerate(CATALOGUE):
        LateHandlingStat.objects.get_or_create(
            procedure=Procedure.objects.get(code=code), period_from=D(2026, 10, 1), period_to=D(2026, 10, 31),
            defaults={"received": 20 + index * 7, "on_time": 20 + index * 7 - index % 3, "late": index % 3, "imported_by": clerk},
        )
