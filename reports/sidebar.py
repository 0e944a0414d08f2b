"""Back-office sidebar entry of the statutory reports."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Báo cáo"), [
    (_("Báo cáo định kỳ, chuyên đề"), "summarize", "reports.report"),
])]
