"""Back-office sidebar entries of discipline checks and procedure reviews."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Kiểm tra công vụ, TTHC"), [
    (_("Lịch kiểm tra công vụ"), "calendar_month", "discipline_check:calendar", "discipline_check.view_disciplinecheck"),
    (_("Kiểm tra công vụ"), "fact_check", "discipline_check.disciplinecheck"),
    (_("Kết quả kiểm tra"), "rule", "discipline_check.checkresult"),
    (_("Mẫu phiếu kiểm tra"), "list_alt", "discipline_check.checklisttemplate"),
    (_("Thủ tục hành chính"), "description", "procedure_review.procedure"),
    (_("Rà soát TTHC"), "rate_review", "procedure_review.procedurereview"),
    (_("Hồ sơ trễ hạn"), "schedule", "procedure_review.latehandlingstat"),
])]
