"""PAPI 2 figures from the register, recomputed with plain queries on entries over several units, one agency outside,
dates inside and outside the quarter."""

import datetime

from django.db import connection

from doctypes.org.models import Unit
from doctypes.papi.figures import collect_figures
from doctypes.papi.services import quarter_period
from doctypes.publication import services
from tests.publication.builders import D, make_publication


def _register(people):
    make_publication(people.unit_staff, triggered_on=D(2026, 7, 1), published_on=D(2026, 7, 10), channel="portal")  # on time
    make_publication(people.unit_staff, title="Quyết toán 2025", kind="budget_settlement", triggered_on=D(2026, 7, 20),
                     published_on=D(2026, 8, 30), channel="notice_board")  # late
    make_publication(people.office_clerk, unit_code="snnmt-khtc", title="Dự toán bổ sung", triggered_on=D(2026, 8, 3))  # overdue
    make_publication(people.office_clerk, unit_code="snnmt-vp", kind="land", title="Phương án bồi thường kè sông Cầu",
                     triggered_on=D(2026, 9, 1), published_on=D(2026, 9, 3), channel="notice_board")  # no deadline: on time
    make_publication(people.office_clerk, unit_code="snnmt-khtc", title="Dự toán 2026", triggered_on=D(2026, 3, 2),
                     published_on=D(2026, 3, 30), channel="portal")  # late, but in the first quarter
    make_publication(people.office_clerk, unit_code="snnmt-khtc", title="Dự toán quý IV", triggered_on=D(2026, 9, 25))  # due in Q4
    services.record_publication(by=people.outsider, unit=Unit.objects.get(code="stc-vp"), kind="budget_estimate",
                                title="Dự toán Sở Tài chính", triggered_on=D(2026, 7, 1))  # another agency, overdue


def _sql(condition, params):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM publication_publication WHERE unit_id IN ({','.join('%s' for _u in params[0])}) AND {condition}",
                       [*params[0], *params[1:]])
        return cursor.fetchone()[0]


def test_the_quarters_transparency_figures_match_plain_sql(people):
    _register(people)
    department = Unit.objects.get(code="snnmt")
    units = sorted(department.family_ids())
    start, end = quarter_period(2026, 3)
    figures = {row["key"]: row["value"] for row in collect_figures(units, start, end)["2"]}
    today = datetime.date.today()
    on_time = _sql("published_on BETWEEN %s AND %s AND (due_on IS NULL OR published_on <= due_on)", [units, start, end])
    late = _sql("published_on BETWEEN %s AND %s AND published_on > due_on", [units, start, end])
    overdue = _sql("published_on IS NULL AND due_on BETWEEN %s AND %s AND due_on < %s", [units, start, end, today])
    assert (figures["publications_on_time"], figures["publications_late"], figures["publications_overdue"]) == (on_time, late, overdue)
    assert (on_time, late, overdue) == (2, 1, 1)  # the other agency's entry and the Q1/Q4 ones are not counted


def test_a_units_report_counts_only_its_own_entries(people):
    _register(people)
    start, end = quarter_period(2026, 3)
    figures = {row["key"]: row["value"] for row in collect_figures(Unit.objects.get(code="snnmt-ccthuyloi").family_ids(), start, end)["2"]}
    assert (figures["publications_on_time"], figures["publications_late"], figures["publications_overdue"]) == (1, 1, 0)
