"""Demo publications over several units: on time, late, overdue and not yet due, as a year's register holds."""

import datetime

from django.db import transaction
from django.utils import timezone

from doctypes.org.models import Unit
from doctypes.publication import services
from doctypes.publication.models import Publication

# keeper, unit, kind, title, days ago triggered, days after trigger published (None: not yet), channel, note
ENTRIES = [
    ("vanphong", "snnmt-khtc", "budget_estimate", "Dự toán thu, chi ngân sách năm 2026 của Sở được UBND tỉnh giao", 330, 12,
     "portal", "Đăng Cổng thông tin Sở; bà Nguyễn Thị Thu (Phòng KH-TC) gửi file gốc."),
    ("vanphong", "snnmt-khtc", "budget_settlement", "Quyết toán ngân sách năm 2025 được phê duyệt", 150, 24,
     "portal", "Trễ do chờ bổ sung thuyết minh; ông Trần Văn Bình (Phòng KH-TC) giải trình."),
    ("chanhvanphong", "snnmt-vp", "plan", "Kế hoạch cải thiện chỉ số PAPI năm 2026", 300, 5,
     "portal", "Ông Hoàng Văn Nam chỉ đạo đăng tải cùng ngày ban hành."),
    ("vanphong", "snnmt-vp", "procedure", "Danh mục TTHC lĩnh vực thủy lợi được chuẩn hóa", 95, 3,
     "notice_board", "Niêm yết tại Bộ phận một cửa; bà Phạm Thu Hà kiểm tra bảng niêm yết."),
    ("chanhthanhtra", "snnmt-ttr", "inspection_conclusion", "Kết luận kiểm tra việc quản lý công trình thủy lợi tại Chi cục Thủy lợi", 60, 10,
     "portal", "Bà Trần Thị Mai ký; đăng toàn văn trên Cổng thông tin."),
    ("chanhthanhtra", "snnmt-ttr", "inspection_conclusion", "Kết luận kiểm tra việc cấp phép khai thác lâm sản tại Chi cục Kiểm lâm", 40, None,
     "", "Chờ ông Lê Minh Tuấn hoàn thiện bản công khai (che thông tin cá nhân)."),
    ("truongdonvi", "snnmt-ccthuyloi", "procurement", "Kế hoạch lựa chọn nhà thầu sửa chữa kênh tưới trạm bơm Kim Sơn", 45, 9,
     "portal", "Bà Đỗ Thị Lan phê duyệt; đăng tải trên Hệ thống mạng đấu thầu quốc gia."),
    ("canbodonvi", "snnmt-ccthuyloi", "procurement", "Kế hoạch lựa chọn nhà thầu nạo vét kênh N2", 3, None,
     "", "Ông Vũ Đức Anh đang chuẩn bị hồ sơ đăng tải."),
    ("truongdonvi", "snnmt-ccthuyloi", "land", "Phương án bồi thường, hỗ trợ giải phóng mặt bằng kè bờ sông Cầu", 20, 2,
     "notice_board", "Niêm yết tại UBND xã và nhà văn hóa thôn; ông Nguyễn Văn Hải (trưởng thôn) ký biên bản."),
    ("vanphong", "snnmt-cckiemlam", "budget_estimate", "Dự toán ngân sách bổ sung năm 2026 của Chi cục Kiểm lâm", 35, None,
     "", "Chi cục chưa gửi biểu mẫu công khai; bà Phạm Thu Hà đã nhắc qua điện thoại."),
    ("chanhvanphong", "snnmt-vp", "anticorruption_report", "Báo cáo công tác phòng, chống tham nhũng năm 2025", 340, 4,
     "meeting", "Công bố tại hội nghị cán bộ, công chức, viên chức đầu năm."),
]


@transaction.atomic
def load(users):
    """Idempotent: one entry per unit and title."""
    today = timezone.localdate()
    for keeper, unit_code, kind, title, ago, published_after, channel, note in ENTRIES:
        unit = Unit.objects.get(code=unit_code)
        if Publication.objects.filter(unit=unit, title=title).exists():
            continue
        triggered_on = today - datetime.timedelta(days=ago)
        published_on = triggered_on + datetime.timedelta(days=published_after) if published_after is not None else None
        services.record_publication(by=users[keeper], unit=unit, kind=kind, title=title, triggered_on=triggered_on,
                                    channel=channel, published_on=published_on, note=note)
