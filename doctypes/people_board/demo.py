"""Demo people's inspection boards: the department's and the extension centre's, with meetings, recommendations to
several units (some answered late, some overdue) and a training course."""

import datetime

from django.db import transaction

from doctypes.org.models import Unit
from doctypes.people_board import services
from doctypes.people_board.models import Board, BoardMeeting, BoardTraining, Recommendation

D = datetime.date
# unit code, term, members (name, role)
BOARDS = [
    ("snnmt", D(2025, 7, 1), D(2027, 6, 30), [("Nguyễn Thị Thu Hằng", "head"), ("Trần Văn Khải", "deputy"),
                                              ("Lê Thị Bích Ngọc", "member"), ("Phạm Quốc Toản", "member")]),
    ("snnmt-ttkn", D(2025, 9, 1), D(2027, 8, 31), [("Hoàng Minh Đức", "head"), ("Ngô Thị Yến", "member"),
                                                   ("Đinh Văn Lực", "member")]),
]
MEETINGS = [
    ("snnmt", D(2026, 1, 15), "Triển khai kế hoạch giám sát năm 2026 theo Quy chế dân chủ ở cơ quan."),
    ("snnmt", D(2026, 4, 10), "Giám sát việc công khai dự toán ngân sách năm 2026 của Phòng Kế hoạch - Tài chính."),
    ("snnmt", D(2026, 7, 8), "Sơ kết 6 tháng; nghe ông Trần Văn Khải báo cáo kết quả giám sát tiếp công dân."),
    ("snnmt", D(2026, 10, 14), "Giám sát việc giải quyết hồ sơ TTHC quá hạn tại Chi cục Thủy lợi."),
    ("snnmt-ttkn", D(2026, 3, 20), "Giám sát việc thực hiện chế độ công tác phí của viên chức Trung tâm."),
    ("snnmt-ttkn", D(2026, 9, 18), "Giám sát việc mua sắm vật tư mô hình trình diễn vụ Thu Đông."),
]
# board unit, made on, content, owner unit, due on, (done on, result) or None
RECOMMENDATIONS = [
    ("snnmt", D(2026, 4, 12), "Công khai bảng dự toán chi tiết năm 2026 tại trụ sở và trên cổng thông tin điện tử của Sở.",
     "snnmt-khtc", D(2026, 5, 12), (D(2026, 5, 5), "Đã đăng tải ngày 05/5/2026, niêm yết tại bảng tin tầng 1.")),
    ("snnmt", D(2026, 7, 10), "Bố trí lịch tiếp công dân của Lãnh đạo Sở vào ngày 15 hằng tháng và niêm yết công khai.",
     "snnmt-vp", D(2026, 8, 10), (D(2026, 8, 25), "Văn phòng đã ban hành lịch tiếp công dân (trả lời chậm 15 ngày).")),
    ("snnmt", D(2026, 10, 16), "Làm rõ nguyên nhân 12 hồ sơ cấp phép hoạt động trong phạm vi công trình thủy lợi quá hạn; "
     "xin lỗi bà Nguyễn Thị Lụa và ông Vi Văn Thắng theo quy định.", "snnmt-ccthuyloi", D(2026, 11, 16), None),
    ("snnmt", D(2026, 10, 16), "Rà soát việc phân công trực bảo vệ rừng dịp cuối năm tại các hạt kiểm lâm.",
     "snnmt-cckiemlam", D(2026, 12, 31), None),
    ("snnmt-ttkn", D(2026, 9, 20), "Công khai danh sách hộ được hỗ trợ vật tư mô hình trình diễn tại nhà văn hóa thôn.",
     "snnmt-ttkn", D(2026, 10, 20), None),
]


@transaction.atomic
def load(users):
    """Idempotent: boards by unit and term, meetings by board and day, recommendations by board, day and content."""
    clerk = users["vanphong"]
    boards = {}
    for code, start, end, members in BOARDS:
        unit = Unit.objects.get(code=code)
        board = Board.objects.filter(unit=unit, term_from=start).first()
        if board is None:
            board = services.set_up_board(by=clerk, unit=unit, term_from=start, term_to=end, members=[
                {"full_name": name, "role": role} for name, role in members])
        boards[code] = board
    for code, held_on, content in MEETINGS:
        if not BoardMeeting.objects.filter(board=boards[code], held_on=held_on).exists():
            services.record_meeting(by=clerk, board=boards[code], held_on=held_on, content=content)
    for code, made_on, content, owner, due_on, answer in RECOMMENDATIONS:
        if Recommendation.objects.filter(board=boards[code], made_on=made_on, content=content).exists():
            continue
        recommendation = services.record_recommendation(by=clerk, board=boards[code], made_on=made_on, content=content,
                                                        owner_unit=Unit.objects.get(code=owner), due_on=due_on)
        services.follow_up(recommendation, by=clerk, on=made_on + datetime.timedelta(days=20),
                           note="Văn phòng đã gửi văn bản đôn đốc đơn vị.")
        if answer:
            services.record_result(recommendation, by=clerk, done_on=answer[0], result=answer[1])
    board = boards["snnmt"]
    if not BoardTraining.objects.filter(board=board).exists():
        services.record_training(by=clerk, board=board, held_on=D(2026, 6, 18),
                                 topic="Kỹ năng giám sát của Ban Thanh tra nhân dân theo Luật Thực hiện dân chủ ở cơ sở",
                                 organiser="Thanh tra tỉnh", attendees=list(board.members.all()[:3]))
