"""Back-office sidebar entries of the citizen_reception doctype."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Tiếp công dân"), [
    (_("Sổ tiếp công dân"), "record_voice_over", "citizen_reception.reception"),
    (_("Lịch tiếp của lãnh đạo"), "event", "citizen_reception.receptionday"),
])]
