"""Plain builders for petitions, complaint cases and denunciations."""

import datetime

from django.utils import timezone

from doctypes.complaint_case.services import complaint as services_complaint
from doctypes.complaint_case.services import denunciation as services_denunciation
from doctypes.complaint_case.services import petition as services
from doctypes.org.models import Unit

DENOUNCER = {"name": "Hoàng Thị Bí Mật", "address": "Số 7 ngõ Kín, phường Trần Phú", "id_number": "024190001234",
             "phone": "0912345678"}


def days_ago(count):
    return timezone.localdate() - datetime.timedelta(days=count)


def inspectorate():
    return Unit.objects.get(code="snnmt-ttr")


def make_petition(by, **overrides):
    options = {
        "received_on": days_ago(3), "channel": "post", "matter": "Tranh chấp ranh giới thửa đất số 12",
        "unit": inspectorate(), "identity": {"name": "Nguyễn Văn Khiếu", "id_number": "024080000001"},
        "content_kind": "complaint",
    }
    options.update(overrides)
    return services.register_petition(by=by, **options)


def make_complaint(by, **overrides):
    options = {
        "subject": "Khiếu nại quyết định thu hồi đất", "complained_act": "Quyết định số 12/QĐ-UBND",
        "complainant_name": "Nguyễn Văn Khiếu", "received_on": days_ago(40), "unit": inspectorate(),
    }
    options.update(overrides)
    return services_complaint.open_complaint_case(by=by, **options)


def make_denunciation(by, **overrides):
    options = {
        "subject": "Tố cáo cán bộ nhận tiền khi cấp phép khai thác", "denounced": "Ông Trần Văn Bị (cán bộ địa chính)",
        "received_on": days_ago(20), "unit": inspectorate(), "identity": dict(DENOUNCER), "anti_corruption": True,
    }
    options.update(overrides)
    return services_denunciation.open_denunciation(by=by, **options)
