"""Template tags of the tablet: the settings and Vietnamese texts its scripts read."""

import datetime

from django import template
from django.urls import reverse
from django.utils.html import json_script
from django.utils.translation import gettext as _

from tablet.identity import USER_COOKIE

register = template.Library()


def _texts():
    return {
        "online": _("Trực tuyến"), "offline": _("Mất kết nối – làm việc ngoại tuyến"),
        "expiredBadge": _("Phiên đăng nhập đã hết"), "unreachableBadge": _("Chưa gửi được"), "lockedBadge": _("Đã đổi người dùng"),
        "offlineHelp": _("Mất kết nối. Cứ làm tiếp: mọi kết quả, phát hiện và ảnh được lưu trên máy và tự gửi khi có mạng."),
        "saved": _("Đã lưu trên máy, chưa đồng bộ."), "synced": _("Đã đồng bộ"), "pending": _("Chưa đồng bộ"),
        "conflict": _("Xung đột – cần chọn bản giữ lại"), "refused": _("Bị từ chối"),
        "login": _("Phiên đăng nhập đã hết: hãy đăng nhập lại để đồng bộ (dữ liệu vẫn giữ trên máy)."),
        "signInAgain": _("Đăng nhập lại"), "retryNow": _("Thử gửi lại"), "openQueue": _("Mở hàng chờ đồng bộ"),
        "stuck": _("{count} mục bị từ chối hoặc xung đột đang chờ bạn xử lý."),
        "signedOut": _("{name} đã đăng xuất trên máy này. Các mục chưa đồng bộ của {name} vẫn được giữ trên máy và chỉ gửi đi khi {name} đăng nhập lại."),
        "otherUser": _("Máy đang đăng nhập bằng tài khoản của người khác, không phải {name}. Các mục chưa đồng bộ của {name} vẫn được giữ trên máy và chỉ gửi đi khi {name} đăng nhập lại."),
        "othersItems": _("Máy này còn {count} mục chưa đồng bộ của {name}. Các mục đó được giữ nguyên cho {name} và chỉ gửi đi khi {name} đăng nhập."),
        "notYours": _("Trang này không thuộc phiên đăng nhập hiện tại."),
        "notImage": _("Tệp đã chọn không phải là ảnh."), "noGps": _("Không lấy được vị trí GPS."),
        "gpsOk": _("Đã lấy vị trí"), "needSigner": _("Hãy ghi họ tên người ký."),
        "required": _("Hãy điền thực trạng và tiêu chí."), "chooseOutcome": _("Hãy chọn Đạt, Không đạt hoặc Không áp dụng."),
        "confirmDrop": _("Bỏ mục này khỏi máy? Nội dung chưa đồng bộ sẽ mất."),
        "keepMine": _("Giữ bản của tôi"), "keepServer": _("Giữ bản trên máy chủ"),
        "server": _("Bản trên máy chủ"), "mine": _("Bản của tôi"), "retry": _("Gửi lại"), "drop": _("Bỏ khỏi máy"),
        "emptyConflicts": _("Không có xung đột nào."), "emptyRefused": _("Không có mục nào bị từ chối."),
        "emptyPending": _("Không còn mục nào chờ đồng bộ."), "emptyDone": _("Chưa có mục nào được đồng bộ gần đây."),
        "summary": _("{count} mục chưa đồng bộ · {photos} ảnh · {size}"),
        "changedBy": _("Người sửa"), "changedAt": _("Sửa lúc"), "photos": _("ảnh"),
        "hasSignature": _("có chữ ký xác nhận"), "noSignature": _("chưa có chữ ký"), "hasGps": _("có vị trí GPS"),
        "noGps2": _("không có vị trí GPS"),
        "pass": _("Đạt"), "fail": _("Không đạt"), "na": _("Không áp dụng"), "none": _("(chưa có)"),
        "finding": _("Phát hiện"), "check_result": _("Kết quả kiểm tra"), "verification": _("Xác nhận kiến nghị"),
        "check_finish": _("Kết thúc kiểm tra"),
        "network": _("Chưa gửi được: không có kết nối tới máy chủ. Sẽ tự gửi khi có mạng."),
        "tooLarge": _("Mục quá lớn để gửi qua mạng này; hãy bỏ bớt ảnh rồi lưu lại."),
        "savedLocal": _("Đã lưu trên máy – chưa đồng bộ"), "onServer": _("Đã có trên máy chủ"),
        "removePhoto": _("Bỏ ảnh"), "signedBy": _("Người ký"), "signedAt": _("Ký lúc"),
        "photoWait": _("Đang xử lý ảnh"), "photosProcessing": _("Đang xử lý ảnh {done}/{total}…"),
        "photoFailed": _("Không xử lý được ảnh “{name}”: {reason}"),
        "photosNotIn": _("Chưa lưu: ảnh {names} không xử lý được. Hãy bỏ ảnh đó hoặc chọn lại."),
        "needSignature": _("Đã ghi họ tên người ký nhưng chưa ký vào ô."), "gpsWait": _("Đang lấy vị trí…"),
        "notSaved": _("Chưa lưu được trên máy, hãy thử lại"),
        "finishSaved": _("Đã kết thúc trên máy – chờ đồng bộ"),
        "finishWaits": _("Chờ xử lý các kết quả bị từ chối hoặc xung đột của cuộc kiểm tra này."),
        "finishSynced": _("Đã đồng bộ: cuộc kiểm tra đã kết thúc."), "backHome": _("Về danh sách việc"),
        "storageFull": _("Bộ nhớ dành cho ứng dụng trên máy này đã dùng {percent}%: hãy đồng bộ trước khi chụp thêm ảnh."),
        "fields": {"outcome": _("Kết quả"), "note": _("Ghi chú"), "status": _("Trạng thái"),
                   "verification_note": _("Nhận xét khi xác nhận"), "verified_on": _("Ngày xác nhận")},
        "values": {"pass": _("Đạt"), "fail": _("Không đạt"), "na": _("Không áp dụng"), "open": _("Chưa thực hiện"),
                   "in_progress": _("Đang thực hiện"), "verified": _("Đã kiểm tra xác nhận"), "closed": _("Đã hoàn thành")},
    }


@register.simple_tag(takes_context=True)
def tablet_settings(context):
    user = context.get("user")
    signed_in = user is not None and user.is_authenticated
    settings = {
        "syncUrl": reverse("tablet:api-sync-batch"), "swUrl": reverse("tablet:sw"), "scope": reverse("tablet:home"),
        "assignmentsUrl": reverse("tablet:api-assignments"), "loginUrl": reverse("tablet:login"), "queueUrl": reverse("tablet:queue"),
        "userId": user.pk if signed_in else None, "userName": (user.get_full_name() or user.username) if signed_in else "",
        "userCookie": USER_COOKIE, "texts": _texts(),
    }
    return json_script(settings, "tablet-settings")


@register.filter
def vn_date(value):
    """An ISO date from the assignments (kept ISO there for the device) shown as dd/mm/yyyy."""
    try:
        return datetime.date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return value
