"""The dashboard's PAPI-plan progress: the plan's own progress rule, per dimension, linked to the task list."""

import pytest

from doctypes.papi.services import dimension_progress, save_report_progress, start_unit_report, submit_unit_report
from reports.dashboard import figures
from tests.base import client_for
from tests.papi.builders import make_plan, unit
from tests.reports.test_dashboard import list_measure, page_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(people):
    plan = make_plan()
    report = start_unit_report(plan, unit=unit("snnmt-ccthuyloi"), year=plan.year, quarter=1, by=people.unit_staff)
    entries = list(report.entries.order_by("task_id"))
    progress = {entry.task_id: ("in_progress", "Đang triển khai") for entry in entries}
    progress[entries[0].task_id] = ("done", "Đã hoàn thành, có biên bản")
    save_report_progress(report, by=people.unit_staff, progress=progress)
    submit_unit_report(report, by=people.unit_staff)
    return plan


def test_it_counts_progress_as_the_plan_does_for_leadership(people, plan):
    shown = figures.papi_progress(people.leader)
    assert shown["plan"] == plan
    expected = {row["dimension"].code: (row["tasks"], row["done"]) for row in dimension_progress(plan)}
    got = {row["dimension"].code: (row["tasks"].value, row["done"].value) for row in shown["rows"]}
    assert got == expected
    assert sum(done for _tasks, done in got.values()) >= 1


def test_it_links_each_progress_figure_to_the_task_list(client, people, plan):
    for user in (people.leader, people.unit_staff, people.office_clerk):
        _page, shown = page_figures(client, user)
        tasks = [(url, measure, value) for url, measure, value in shown if "/admin/papi/task/" in url]
        assert tasks and any(value for _u, _m, value in tasks)
        for url, measure, value in tasks:
            assert list_measure(client_for(client, user), url, measure) == value, url


def test_it_shows_a_unit_only_the_tasks_it_takes_part_in(people, plan):
    everyone = sum(row["tasks"].value for row in figures.papi_progress(people.leader)["rows"])
    own = sum(row["tasks"].value for row in figures.papi_progress(people.unit_staff)["rows"])
    assert 0 < own < everyone
