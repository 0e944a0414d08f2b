"""Back-office sidebar entries of the complaint_case doctype."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Đơn thư, khiếu nại, tố cáo"), [
    (_("Đơn thư"), "mail", "complaint_case.petition"),
    (_("Khiếu nại"), "gavel", "complaint_case.complaintcase"),
    (_("Tố cáo"), "shield_person", "complaint_case.denunciation"),
    (_("Nhật ký xem danh tính"), "visibility", "complaint_case.identityaccesslog"),
])]
