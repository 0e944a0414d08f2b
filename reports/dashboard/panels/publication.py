"""Dashboard panel of the publication register: published, not yet due, overdue (PAPI 2)."""

from django.utils.translation import gettext_lazy as _

from doctypes.publication.models import Publication
from reports.dashboard.panels import DuePanel

PANELS = [DuePanel(Publication, _("Công khai, minh bạch"), due="due_on", done="published_on", papi="2")]
