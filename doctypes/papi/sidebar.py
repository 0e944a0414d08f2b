"""Back-office sidebar entries of the papi doctype."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("PAPI"), [(_("Chỉ số và nội dung thành phần"), "insights", "papi.dimension")])]
