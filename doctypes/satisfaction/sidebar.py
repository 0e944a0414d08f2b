"""Back-office sidebar entry of the satisfaction results, in the evidence registers' area."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Sổ minh chứng"), [(_("Khảo sát mức độ hài lòng"), "sentiment_satisfied", "satisfaction.satisfactionresult")])]
