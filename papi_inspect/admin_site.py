"""Unfold back-office configuration: branding and the sidebar grouped by area of work."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _


def _item(title, icon, model):
    app_label, model_name = model.split(".")
    return {
        "title": title,
        "icon": icon,
        "link": reverse_lazy(f"admin:{app_label}_{model_name}_changelist"),
        "permission": lambda request, perm=f"{app_label}.view_{model_name}": request.user.has_perm(perm),
    }


SIDEBAR_AREAS = [
    (
        _("Tổ chức"),
        [
            (_("Đơn vị"), "account_tree", "org.unit"),
            (_("Cán bộ"), "badge", "org.staffprofile"),
            (_("Tài khoản"), "person", "auth.user"),
            (_("Vai trò"), "groups", "auth.group"),
        ],
    ),
    (
        _("PAPI"),
        [
            (_("Chỉ số và nội dung thành phần"), "insights", "papi.dimension"),
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
            (_("Tệp đính kèm"), "attach_file", "papi_inspect.attachment"),
            (_("Đăng nhập bị khóa"), "lock", "axes.accessattempt"),
            (_("Mã truy cập API"), "key", "authtoken.tokenproxy"),
        ],
    ),
]

UNFOLD = {
    "SITE_TITLE": _("Thanh tra – Văn phòng Sở"),
    "SITE_HEADER": _("papi_inspect"),
    "SITE_SUBHEADER": _("Sở Nông nghiệp và Môi trường"),
    "SITE_SYMBOL": "shield",
    "SHOW_LANGUAGES": True,
    "SHOW_HISTORY": True,
    "SHOW_VIEW_ON_SITE": True,
    "SIDEBAR": {
        "show_search": True,
        "show_all_applications": False,
        "navigation": [
            {"title": area, "collapsible": True, "items": [_item(*entry) for entry in entries]}
            for area, entries in SIDEBAR_AREAS
        ],
    },
}
