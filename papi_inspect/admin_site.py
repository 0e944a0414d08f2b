"""Unfold back-office configuration: branding and the sidebar grouped by area of work.

Each doctype may add entries through `<app>/sidebar.py` (`SIDEBAR = [(area, [(title, icon,
"app_label.model"), (title, icon, "namespace:page", "app_label.permission"), ...])]`); entries under
the same area title are shown together.
"""

from django.urls import reverse_lazy
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _


def _item(title, icon, target, permission=None):
    """A sidebar link to a model's list ("app_label.model") or to a named page ("namespace:name").

    A page entry names the permission that shows it; a model entry needs its view permission.
    """
    if ":" in target:
        link, perm = reverse_lazy(target), permission
    else:
        app_label, model_name = target.split(".")
        link, perm = reverse_lazy(f"admin:{app_label}_{model_name}_changelist"), f"{app_label}.view_{model_name}"
    return {
        "title": title,
        "icon": icon,
        "link": link,
        "permission": lambda request, perm=perm: request.user.has_perm(perm),
    }


CORE_SIDEBAR = [
    (
        _("Tổ chức"),
        [
            (_("Tài khoản"), "person", "auth.user"),
            (_("Vai trò"), "groups", "auth.group"),
        ],
    ),
    (
        _("Thời hạn pháp lý"),
        [
            (_("Quy tắc thời hạn"), "gavel", "papi_inspect.deadlinerule"),
            (_("Lịch ngày nghỉ, ngày làm bù"), "calendar_month", "papi_inspect.calendaroverride"),
        ],
    ),
    (
        _("Hệ thống"),
        [
            (_("Thông báo của tôi"), "notifications", "papi_inspect.notification"),
            (_("Tệp đính kèm"), "attach_file", "papi_inspect.attachment"),
            (_("Đăng nhập bị khóa"), "lock", "axes.accessattempt"),
            (_("Mã truy cập API"), "key", "authtoken.tokenproxy"),
        ],
    ),
]

def navigation(request):
    """The sidebar: the doctypes' areas in settings order, then the core's, merged by title."""
    from papi_inspect.extensions import extension_modules

    areas = {}
    for module_sidebar in [module.SIDEBAR for module in extension_modules("sidebar")] + [CORE_SIDEBAR]:
        for area, entries in module_sidebar:
            areas.setdefault(str(area), (area, []))[1].extend(entries)
    return [
        {"title": title, "collapsible": True, "items": [_item(*entry) for entry in entries]}
        for title, entries in areas.values()
    ]


UNFOLD = {
    # The changelist cells' styles, once per page instead of on every cell (papi_inspect/admin_lean.py).
    "STYLES": [lambda request: static("papi_inspect/admin/lean.css")],
    "SITE_TITLE": _("Thanh tra – Văn phòng Sở"),
    "SITE_HEADER": _("papi_inspect"),
    "SITE_SUBHEADER": _("Sở Nông nghiệp và Môi trường"),
    "SITE_SYMBOL": "shield",
    "SHOW_LANGUAGES": True,
    "SHOW_HISTORY": True,
    "SHOW_VIEW_ON_SITE": True,
    "DASHBOARD_CALLBACK": "reports.dashboard.page.dashboard_callback",
    "SIDEBAR": {
        "show_search": True,
        "show_all_applications": False,
        "navigation": "papi_inspect.admin_site.navigation",
    },
}
