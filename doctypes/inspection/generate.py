"""Generator (papi-inspect generate): ten years of inspections per department, the recent ones still running."""

import datetime

from doctypes.inspection.models import Inspection
from papi_inspect.generate import insert


def _inspections(world, number, agency, units, inspectorate):
    rng = world.rng(f"inspection:{agency.code}")
    for index in range(world.volume("inspections")):
        decided = world.day(rng, recent_share=0.1, recent_days=120)
        running = (world.today - decided).days < 120
        unscheduled = rng.random() < 0.3
        step = rng.choice([Inspection.Step.DECIDED, Inspection.Step.FIELDWORK, Inspection.Step.REPORTED]) if running else Inspection.Step.CONCLUDED
        yield Inspection(
            owner=inspectorate, year=decided.year, quarter=(decided.month - 1) // 3 + 1,
            kind="unscheduled" if unscheduled else "planned",
            grounds=rng.choice(["violation_signs", "anti_corruption"]) if unscheduled else "",
            title=f"G{world.seed}-{number} Thanh tra việc chấp hành pháp luật tại {rng.choice(units).name} ({decided.year}-{index})",
            step=step, decision_date=decided, decision_number=f"{index}/QĐ-TTr",
            next_due=decided + datetime.timedelta(days=rng.randrange(30, 60)) if running else None,
            concluded_on=None if running else decided + datetime.timedelta(days=rng.randrange(30, 120)))


def generate(world):
    through = Inspection.subject_units.through
    for number, (agency, units, inspectorate, _office, _staff) in enumerate(world.agencies):
        first = Inspection.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        insert(Inspection, _inspections(world, number, agency, units, inspectorate), world=world)
        rng = world.rng(f"inspection-subjects:{agency.code}")
        ids = list(Inspection.objects.filter(pk__gt=first, owner=inspectorate).values_list("pk", flat=True))
        insert(through, (through(inspection_id=pk, unit_id=rng.choice(units).pk) for pk in ids), history=False, world=world,
               name="inspection subject units")
        world.shared.setdefault("inspections", {})[agency.pk] = ids
