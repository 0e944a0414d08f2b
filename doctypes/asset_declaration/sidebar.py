"""Back-office sidebar entries of the asset declaration register."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Kê khai tài sản, thu nhập"), [
    (_("Nghĩa vụ kê khai"), "assignment_ind", "asset_declaration.declarationduty"),
    (_("Chức vụ phải kê khai"), "badge", "asset_declaration.declaringposition"),
    (_("Quy định kê khai"), "rule", "asset_declaration.declarationrule"),
])]
