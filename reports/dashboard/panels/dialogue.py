"""Dashboard panel of the leaders' dialogues: the commitments made there done, due and overdue."""

from django.utils.translation import gettext_lazy as _

from doctypes.dialogue.models import Commitment
from reports.dashboard.panels import DuePanel

PANELS = [DuePanel(Commitment, _("Cam kết sau đối thoại với người dân"), due="due_on", done="done_on", papi="3")]
