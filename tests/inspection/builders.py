"""Builders for inspection tests: a plan, an inspection, and an inspection advanced to a given step."""

import datetime

from doctypes.inspection import services
from doctypes.inspection.models import Inspection, InspectionPlan
from doctypes.org.models import Unit
from tests.base import load_people

D = datetime.date


def unit(code):
    return Unit.objects.get(code=code)


def make_plan(*, year=2026, **overrides):
    people = load_people()
    existing = InspectionPlan.objects.filter(owner=unit("snnmt-ttr"), year=year).first()
    if existing:
        return existing
    values = {"owner": unit("snnmt-ttr"), "year": year, "title": f"Kế hoạch thanh tra năm {year}",
              "by": people.chief_inspector, "drafted_on": D(year - 1, 11, 10)}
    values.update(overrides)
    return services.draft_inspection_plan(**values)


def make_inspection(*, year=2026, subject="snnmt-ccthuyloi", **overrides):
    people = load_people()
    values = {"owner": unit("snnmt-ttr"), "by": people.chief_inspector, "title": "Thanh tra công tác quản lý đê điều",
              "subject_units": [unit(subject)], "year": year, "quarter": 2,
              "scope": "Quản lý, sử dụng kinh phí", "period_from": D(year - 2, 1, 1), "period_to": D(year - 1, 12, 31)}
    values.update(overrides)
    if "plan" not in overrides:
        values["plan"] = make_plan(year=year)
    return services.add_inspection(**values)


def advance(inspection, to, *, start=None):
    """Run the real services up to step `to`, from a decision dated `start`."""
    people = load_people()
    by = people.chief_inspector
    start = start or D(inspection.year, 3, 2)
    S = Inspection.Step
    if inspection.step < S.DECIDED <= to:
        services.decide_inspection(inspection, by=by, number="12/QĐ-TTr", decided_on=start, signer="Trần Chánh Thanh",
                                   leader=people.inspector)
    if inspection.step < S.FIELDWORK <= to:
        services.announce_inspection(inspection, by=by, announced_on=start + datetime.timedelta(days=3))
    if inspection.step < S.FIELDWORK_ENDED <= to:
        services.end_fieldwork(inspection, by=by, ended_on=start + datetime.timedelta(days=20))
    if inspection.step < S.REPORTED <= to:
        services.report_inspection(inspection, by=by, reported_on=start + datetime.timedelta(days=30))
    if inspection.step < S.APPRAISED <= to and inspection.appraisal_required:
        services.appraise_draft(inspection, by=by, appraised_on=start + datetime.timedelta(days=35))
    if inspection.step < S.CONCLUDED <= to:
        services.conclude_inspection(inspection, by=by, number="05/KL-TTr", concluded_on=start + datetime.timedelta(days=40),
                                     signer="Trần Chánh Thanh", summary="Kết luận")
    if inspection.step < S.PUBLISHED <= to:
        services.publish_conclusion(inspection, by=by, published_on=start + datetime.timedelta(days=45))
    inspection.refresh_from_db()
    return inspection
