"""Register entries as plan-task evidence and as PAPI dimension 4 figures of a unit's quarterly report."""

from doctypes.anticorruption import services
from doctypes.asset_declaration import services as declarations
from doctypes.papi.evidence import evidence_of
from doctypes.papi.figures import collect_figures
from doctypes.papi.models.plan import Task
from tests.anticorruption.builders import D, make_rotation, make_session, unit
from tests.papi.builders import make_plan


def test_a_session_evidences_the_plan_task_it_names_for_whoever_may_see_it(people):
    task = Task.objects.filter(group__plan=make_plan()).first()
    session = make_session(people, unit=unit("snnmt-ccthuyloi"), plan_tasks=[task])
    assert [record for _name, record, _url in evidence_of(task, people.unit_head)] == [session]
    assert evidence_of(task, people.outsider) == []


def test_the_quarterly_figures_count_the_unit_s_sessions_rotations_and_declarations(people):
    thuyloi = unit("snnmt-ccthuyloi")
    make_session(people, unit=thuyloi, held_on=D(2026, 5, 4), attendance=[(thuyloi, 25)])
    make_session(people, unit=thuyloi, held_on=D(2026, 9, 4), attendance=[(thuyloi, 9)])  # next quarter
    services.rotate(make_rotation(people), by=people.office_clerk, done_on=D(2026, 6, 1))
    make_rotation(people, position="Thu phí dịch vụ thủy lợi", held_since=D(2020, 1, 1))  # overdue
    duty = declarations.add_duty(by=people.office_clerk, person=people.unit_staff, year=2025)
    declarations.receive_declaration(duty, by=people.office_clerk, submitted_on=D(2026, 4, 2))  # late: not on time
    figures = {row["key"]: row["value"] for row in collect_figures(thuyloi.family_ids(), D(2026, 4, 1), D(2026, 6, 30))["4"]}
    assert (figures["anticorruption_sessions"], figures["anticorruption_participants"]) == (1, 25)
    assert (figures["job_rotations_done"], figures["job_rotations_overdue"]) == (1, 1)
    assert (figures["declarations_on_time"], figures["declarations_overdue"]) == (0, 0)
