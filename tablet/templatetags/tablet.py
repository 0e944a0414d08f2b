"""Template tags of the tablet: the settings and Vietnamese texts its scripts read."""

import datetime

from django import template
from django.urls import reverse
from django.utils.html import json_script
from django.utils.translation import gettext as _

register = template.Library()


def _texts():
    return {
        "online": _("Trực tuyến"), "offline": _("Mất kết nối – làm việc ngoại tuyến"),
        "saved": _("Đã lưu trên máy, chưa đồng bộ."), "synced": _("Đã đồng bộ"), "pending": _("Chưa đồng bộ"),
        "conflict": _("Xung đột – cần chọn bản giữ lại"), "refused": _("Bị từ chối"),
        "login": _("Phiên đăng nhập đã hết: hãy đăng nhập lại để đồng bộ (dữ liệu vẫn giữ trên máy)."),
        "notImage": _("Tệp đã chọn không phải là ảnh."), "noGps": _("Không lấy được vị trí GPS."),
        "gpsOk": _("Đã lấy vị trí"), "needSigner": _("Hãy ghi họ tên người ký."),
        "required": _("Hãy điền thực trạng và tiêu chí."), "chooseOutcome": _("Hãy chọn Đạt, Không đạt hoặc Không áp dụng."),
        "confirmDrop": _("Bỏ mục này khỏi máy? Nội dung chưa đồng bộ sẽ mất."),
        "keepMine": _("Giữ bản của tôi"), "keepServer": _("Giữ bản trên máy chủ"),
        "server": _("Bản trên máy chủ"), "mine": _("Bản của tôi"), "retry": _("Gửi lại"), "drop": _("Bỏ khỏi máy"),
        "empty": _("Không còn mục nào chờ đồng bộ."), "changedBy": _("Người sửa"), "changedAt": _("Sửa lúc"), "photos": _("ảnh"),
        "pass": _("Đạt"), "fail": _("Không đạt"), "na": _("Không áp dụng"), "none": _("(chưa có)"),
        "finding": _("Phát hiện"), "check_result": _("Kết quả kiểm tra"), "verification": _("Xác nhận kiến nghị"),
        "network": _("Chưa gửi được: không có kết nối. Sẽ tự gửi khi có mạng."),
        "savedLocal": _("Đã lưu trên máy – chưa đồng bộ"), "onServer": _("Đã có trên máy chủ"),
        "removePhoto": _("Bỏ ảnh"), "signedBy": _("Người ký"), "signedAt": _("Ký lúc"),
        "needSignature": _("Đã ghi họ tên người ký nhưng chưa ký vào ô."), "gpsWait": _("Đang lấy vị trí…"),
        "notSaved": _("Chưa lưu được trên máy, hãy thử lại"),
        "storageFull": _("Bộ nhớ dành cho ứng dụng trên máy này đã dùng {percent}%: hãy đồng bộ trước khi chụp thêm ảnh."),
        "fields": {"outcome": _("Kết quả"), "note": _("Ghi chú"), "status": _("Trạng thái"),
                   "verification_note": _("Nhận xét khi xác nhận"), "verified_on": _("Ngày xác nhận")},
        "values": {"pass": _("Đạt"), "fail": _("Không đạt"), "na": _("Không áp dụng"), "open": _("Chưa thực hiện"),
                   "in_progress": _("Đang thực hiện"), "verified": _("Đã kiểm tra xác nhận"), "closed": _("Đã hoàn thành")},
    }


@register.simple_tag(takes_context=True)
def tablet_settings(context):
    user = context.get("user")
    settings = {
        "syncUrl": reverse("tablet:api-sync-batch"), "swUrl": reverse("tablet:sw"), "scope": reverse("tablet:home"),
        "assignmentsUrl": reverse("tablet:api-assignments"), "loginUrl": reverse("tablet:login"),
        "userId": user.pk if user is not None and user.is_authenticated else None, "texts": _texts(),
    }
    return json_script(settings, "tablet-settings")


@register.filter
def vn_date(value):
    """An ISO date from the assignments (kept ISO there for the device) shown as dd/mm/yyyy."""
    try:
        return datetime.date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return value
