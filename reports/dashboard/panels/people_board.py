"""Dashboard panel of the people's inspection board: its recommendations done, due and overdue."""

from django.utils.translation import gettext_lazy as _

from doctypes.people_board.models import Recommendation
from reports.dashboard.panels import DuePanel

PANELS = [DuePanel(Recommendation, _("Kiến nghị của Ban Thanh tra nhân dân"), due="due_on", done="done_on", papi="3")]
