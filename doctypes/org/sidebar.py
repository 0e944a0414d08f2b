"""Back-office sidebar entries of the org doctype."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Tổ chức"), [(_("Đơn vị"), "account_tree", "org.unit"), (_("Cán bộ"), "badge", "org.staffprofile")])]
