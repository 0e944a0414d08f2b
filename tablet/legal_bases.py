"""The legal bases an inspector picks from when logging a finding: common ones plus those already cited."""

from doctypes.finding.models import Finding
from papi_inspect.models import DeadlineRule

# Documents a department inspectorate cites most; the list grows with what findings and rules already cite.
COMMON = [
    "Luật Thanh tra 2022 (Luật số 11/2022/QH15)",
    "Nghị định 43/2023/NĐ-CP quy định chi tiết Luật Thanh tra",
    "Luật Cán bộ, công chức 2008 (sửa đổi, bổ sung 2019)",
    "Luật Viên chức 2010 (sửa đổi, bổ sung 2019)",
    "Nghị định 112/2020/NĐ-CP về xử lý kỷ luật cán bộ, công chức, viên chức",
    "Luật Phòng, chống tham nhũng 2018",
    "Nghị định 59/2019/NĐ-CP hướng dẫn Luật Phòng, chống tham nhũng",
    "Nghị định 61/2018/NĐ-CP về cơ chế một cửa, một cửa liên thông",
    "Nghị định 107/2021/NĐ-CP sửa đổi Nghị định 61/2018/NĐ-CP",
    "Chỉ thị 26/CT-TTg năm 2016 về tăng cường kỷ luật, kỷ cương hành chính",
    "Luật Tiếp công dân 2013",
    "Luật Khiếu nại 2011",
    "Luật Tố cáo 2018",
    "Luật Ngân sách nhà nước 2015",
    "Luật Quản lý, sử dụng tài sản công 2017",
    "Thông tư 40/2017/TT-BTC về chế độ công tác phí, chi hội nghị",
    "Luật Đê điều 2006",
    "Luật Thủy lợi 2017",
    "Luật Lâm nghiệp 2017",
    "Luật Thú y 2015",
    "Luật Trồng trọt 2018",
    "Luật Bảo vệ môi trường 2020",
]


def legal_bases(user):
    """Sorted, without repeats: the common list, deadline-rule citations, and documents cited by visible findings."""
    cited = Finding.objects.visible_to(user).exclude(legal_document="").values_list("legal_document", flat=True).distinct()
    rules = DeadlineRule.objects.visible_to(user).values_list("citation", flat=True).distinct()
    return sorted(set(COMMON) | set(cited[:300]) | set(rules))
