"""Back-office sidebar entries of the people's inspection board."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Ban Thanh tra nhân dân"), [
    (_("Ban TTND, nhiệm kỳ"), "groups", "people_board.board"),
    (_("Cuộc họp"), "event", "people_board.boardmeeting"),
    (_("Kiến nghị"), "campaign", "people_board.recommendation"),
    (_("Tập huấn"), "school", "people_board.boardtraining"),
])]
