"""Back-office sidebar entries of the papi doctype."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [
    (
        _("PAPI"),
        [
            (_("Báo cáo quý của tôi"), "edit_note", "papi:my-reports", "papi.view_unitreport"),
            (_("Xu hướng điểm PAPI"), "trending_up", "papi:trend", "papi.view_papiscore"),
            (_("Nhập điểm PAPI"), "upload", "papi:score-import", "papi.add_papiscore"),
            (_("Kế hoạch PAPI"), "event_note", "papi.plan"),
            (_("Nhiệm vụ"), "checklist", "papi.task"),
            (_("Báo cáo quý của đơn vị"), "assignment", "papi.unitreport"),
            (_("Báo cáo tổng hợp gửi Sở Nội vụ"), "summarize", "papi.officereport"),
            (_("Điểm PAPI"), "leaderboard", "papi.papiscore"),
            (_("Lần nhập điểm"), "upload_file", "papi.scoreimport"),
            (_("Chỉ số và nội dung thành phần"), "insights", "papi.dimension"),
        ],
    )
]
