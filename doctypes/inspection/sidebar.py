"""Back-office sidebar entries of the inspection doctype."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Thanh tra"), [
    (_("Kế hoạch thanh tra năm"), "event_note", "inspection.inspectionplan"),
    (_("Cuộc thanh tra"), "policy", "inspection.inspection"),
    (_("Phát hiện"), "search", "finding.finding"),
    (_("Vi phạm"), "gavel", "finding.violation"),
    (_("Kiến nghị, theo dõi thực hiện"), "task_alt", "finding.action"),
    (_("Tiến độ thực hiện kiến nghị"), "trending_up", "finding.actionprogress"),
])]
