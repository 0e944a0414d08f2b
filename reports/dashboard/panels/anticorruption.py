"""Dashboard row of the job rotations: done / due / overdue."""

from django.utils.translation import gettext_lazy as _

from doctypes.anticorruption.models import JobRotation
from reports.dashboard.panels import DuePanel

# The same two fields as the admin's due_status_filter, so a count and the list it opens agree.
PANELS = [DuePanel(JobRotation, _("Chuyển đổi vị trí công tác"), due="current_due", done="done_on", papi="4")]
