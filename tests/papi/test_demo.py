"""PAPI demo data: the seed plan, two quarters of unit reports (one late) and Bắc Giang's scores, loaded idempotently."""

import pytest

from doctypes.papi import demo
from doctypes.papi.models.plan import Plan
from doctypes.papi.models.report import OfficeReport, UnitReport
from doctypes.papi.models.score import PapiScore
from papi_inspect.demo import load_demo

pytestmark = pytest.mark.django_db


def test_it_loads_the_demo_twice_without_duplicates():
    users = {user.username: user for user in load_demo()}
    counts = (Plan.objects.count(), UnitReport.objects.count(), OfficeReport.objects.count(), PapiScore.objects.count())
    demo.load(users)
    assert counts == (Plan.objects.count(), UnitReport.objects.count(), OfficeReport.objects.count(), PapiScore.objects.count())
    unit_reports = UnitReport.objects.filter(unit__code="snnmt-ccthuyloi", status=UnitReport.Status.SUBMITTED)
    assert sorted(r.quarter for r in unit_reports) == [1, 2]
    assert [r.quarter for r in unit_reports if r.is_late] == [2]
    assert PapiScore.objects.filter(province__code="24", year=2023, indicator="total").exists()
