"""Back-office sidebar entry of the publication register, in the evidence registers' area."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Sổ minh chứng"), [(_("Sổ theo dõi công khai"), "campaign", "publication.publication")])]
