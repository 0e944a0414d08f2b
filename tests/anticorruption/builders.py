"""Builders for the anti-corruption registers and a workbook maker for their imports."""

import datetime
import io

from openpyxl import Workbook

from doctypes.anticorruption import services
from doctypes.org.models import Unit

D = datetime.date


def unit(code):
    return Unit.objects.get(code=code)


def make_session(people, **overrides):
    values = {"unit": unit("snnmt-vp"), "topic": "Quán triệt Luật Phòng, chống tham nhũng cho công chức mới tuyển dụng",
              "kind": "outreach", "held_on": D(2026, 3, 12), "materials_published": 2,
              "attendance": [(unit("snnmt-vp"), 12), (unit("snnmt-ccthuyloi"), 20)]}
    values.update(overrides)
    return services.record_session(by=people.office_clerk, **values)


def make_rotation(people, **overrides):
    values = {"person": people.unit_staff, "position": "Cấp phép khai thác công trình thủy lợi",
              "held_since": D(2023, 3, 1), "period_years": 3}
    values.update(overrides)
    return services.schedule_rotation(by=people.office_clerk, **values)


def workbook(headers, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "so-dang-ky.xlsx"
    return data
