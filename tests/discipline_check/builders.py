"""Builders for discipline-check tests: a template with items and a scheduled check."""

import datetime

from doctypes.discipline_check import services
from doctypes.discipline_check.models import ChecklistItem, ChecklistTemplate
from tests.base import load_people
from tests.inspection.builders import unit

D = datetime.date
AREAS = [("working_hours", "Có mặt đúng giờ", False, 2), ("badge", "Đeo thẻ công chức", True, 1),
         ("conduct", "Thái độ niềm nở – Nụ cười công sở", True, 1), ("one_stop", "Niêm yết TTHC tại bộ phận một cửa", False, 1)]


def make_template(name="Phiếu kiểm tra công vụ"):
    template, created = ChecklistTemplate.objects.get_or_create(name=name)
    if created:
        for order, (area, text, per_staff, weight) in enumerate(AREAS):
            ChecklistItem.objects.create(template=template, order=order, area=area, text=text, per_staff=per_staff, weight=weight)
    return template


def make_check(**overrides):
    people = load_people()
    values = {"by": people.office_clerk, "template": make_template(), "unit": unit("snnmt-ccthuyloi"),
              "scheduled_on": D(2026, 11, 10), "announced": False, "scheduled_at": D(2026, 11, 1)}
    values.update(overrides)
    return services.schedule_check(**values)
