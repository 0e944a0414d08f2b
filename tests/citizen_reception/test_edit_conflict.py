"""Two office staff correct the same reception entry or reception day at once: the second save is refused with
both versions shown, and nothing is lost."""

import datetime

import pytest
from django.utils import timezone

from doctypes.citizen_reception import services
from doctypes.citizen_reception.models import Reception, ReceptionDay
from doctypes.org.models import Unit
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose


def reception(people):
    return services.log_reception(
        by=people.office_clerk, received_on=timezone.localdate() - datetime.timedelta(days=1), kind="regular",
        identity={"name": "Lê Văn Công Dân", "id_number": "024099000111"},
        content="Đề nghị giải quyết việc cấp giấy chứng nhận", classification="complaint", handling="guide",
        transfer_to="UBND xã Tân Mỹ", unit=Unit.objects.get(code="snnmt-vp"))


def reception_day(people):
    return services.schedule_reception_day(by=people.office_clerk, planned_on=datetime.date(2026, 11, 16),
                                           leader=people.leader, place="Phòng tiếp công dân tầng 1")


CASES = [
    Editing(Reception, reception, "transfer_to", "office_clerk", "office_chief",
            texts=("Hướng dẫn đến UBND xã Tân Mỹ (ông Nguyễn Văn Một)", "Chuyển Thanh tra huyện (bà Lê Thị Hai)")),
    Editing(ReceptionDay, reception_day, "place", "office_clerk", "office_chief",
            texts=("Phòng họp số 2, ông Trần Văn Một chủ trì", "Hội trường lớn, bà Lê Thị Hai chuẩn bị")),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_reception_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
