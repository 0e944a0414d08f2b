"""Back-office sidebar entries of the leaders' dialogues."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Đối thoại với người dân"), [
    (_("Cuộc đối thoại"), "forum", "dialogue.dialogue"),
    (_("Cam kết sau đối thoại"), "task_alt", "dialogue.commitment"),
])]
