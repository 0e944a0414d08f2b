"""Two office staff correct the same register entry: the second save is refused with both versions, nothing is lost."""

import pytest

from doctypes.anticorruption import services
from doctypes.anticorruption.models import (ConductDiscipline, ConflictOfInterest, GiftHandover, JobRotation,
                                            OutreachSession, PreventionDocument)
from tests.anticorruption.builders import D, make_rotation, make_session, unit
from tests.locking import Editing, assert_second_editor_refused_then_free_to_choose


def document(people):
    return services.record_document(by=people.office_clerk, unit=unit("snnmt"), number="125/KH-SNNMT",
                                    title="Kế hoạch phòng, chống tham nhũng năm 2026", issued_on=D(2026, 1, 15),
                                    action="new", scope="law")


def conflict(people):
    return services.record_conflict(by=people.office_clerk, person=people.inspector, declared_on=D(2026, 4, 2),
                                    matter="Thanh tra doanh nghiệp do người thân của ông Lê Thanh Tra điều hành")


def gift(people):
    return services.record_gift(by=people.office_clerk, person=people.unit_staff, received_on=D(2026, 2, 10),
                                description="Phong bì dịp Tết", value=2_000_000, handed_over_on=D(2026, 2, 12))


def discipline(people):
    return services.record_conduct_discipline(by=people.office_clerk, person=people.unit_staff, ground="conduct",
                                              decided_on=D(2026, 7, 15), measure="Khiển trách")


CASES = [
    Editing(OutreachSession, make_session, "topic", "office_clerk", "office_chief"),
    Editing(PreventionDocument, document, "title", "office_clerk", "office_chief"),
    Editing(JobRotation, make_rotation, "new_position", "office_clerk", "office_chief"),
    Editing(ConflictOfInterest, conflict, "matter", "office_clerk", "office_chief"),
    Editing(GiftHandover, gift, "description", "office_clerk", "office_chief"),
    Editing(ConductDiscipline, discipline, "measure", "office_clerk", "office_chief"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_an_anticorruption_entry(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)
