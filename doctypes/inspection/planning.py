"""Warnings for the annual plan: units inspected every one of the last 3 years, and repeat offenders."""

from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit

LOOKBACK_YEARS = 3


def units_inspected_every_recent_year(year, *, owner):
    """Ids of units inspected in each of the `LOOKBACK_YEARS` years before `year`, so the plan avoids overlaps."""
    wanted = set(range(year - LOOKBACK_YEARS, year))
    years_by_unit = {}
    rows = Inspection.objects.filter(owner=owner, year__in=wanted).exclude(step=Inspection.Step.PLANNED)
    for unit_id, inspected_year in rows.values_list("subject_units", "year"):
        years_by_unit.setdefault(unit_id, set()).add(inspected_year)
    return {unit_id for unit_id, years in years_by_unit.items() if years >= wanted}


def units_with_repeated_violations(year):
    """Ids of units flagged with a violation repeated within 24 months during the previous year.

    Findings stand above inspections (a finding names its inspection), so this reads them through the
    unit's `violations` relation that the finding doctype declares, without importing it.
    """
    repeated = Unit.objects.filter(violations__repeated=True, violations__committed_on__year=year - 1)
    return set(repeated.values_list("pk", flat=True).distinct())


def plan_warnings(plan):
    """{inspection id: [warning text]} for each planned inspection whose subject unit is flagged."""
    overlap = units_inspected_every_recent_year(plan.year, owner=plan.owner)
    repeat = units_with_repeated_violations(plan.year)
    warnings = {}
    for inspection in plan.inspections.prefetch_related("subject_units"):
        texts = []
        for unit in inspection.subject_units.all():
            if unit.pk in overlap:
                texts.append(f"{unit}: đã được thanh tra liên tục {LOOKBACK_YEARS} năm gần đây")
            if unit.pk in repeat:
                texts.append(f"{unit}: có vi phạm tái phạm trong 24 tháng")
        if texts:
            warnings[inspection.pk] = texts
    return warnings
