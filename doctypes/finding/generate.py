"""Generator (papi-inspect generate): findings of each department's inspections and checks, and their follow-up
actions, many still open and some overdue."""

import datetime

from doctypes.finding.models import Action, Finding
from doctypes.inspection.models import Inspection
from papi_inspect.generate import insert

TITLES = ["Chi sai chế độ công tác phí", "Chậm giải quyết hồ sơ TTHC", "Không niêm yết công khai thủ tục",
          "Thu phí không đúng quy định", "Hồ sơ lưu trữ không đầy đủ", "Vi phạm giờ giấc làm việc"]


def _findings(world, inspections, checks, units, staff):
    rng = world.rng(f"finding:{staff.pk}")
    for index in range(world.volume("findings")):
        if rng.random() < 0.55 and inspections:
            pk, day = rng.choice(inspections)
            source, unit = {"inspection_id": pk}, rng.choice(units)
        else:
            pk, unit_id, day = rng.choice(checks)
            source, unit = {"discipline_check_id": pk}, next(u for u in units if u.pk == unit_id)
        day = min(day or world.today, world.today)
        yield Finding(**source, unit=unit, title=f"{rng.choice(TITLES)} ({index})", criteria="Quy định hiện hành",
                      condition=f"Kiểm tra {rng.randrange(5, 40)} hồ sơ, phát hiện sai sót", severity=rng.choice(["low", "medium", "medium", "high"]),
                      recorded_on=day, recorded_by=staff)


def _actions(world, findings, units):
    rng = world.rng(f"action:{len(findings)}:{units[0].pk}")
    unit_by_id = {unit.pk: unit for unit in units}
    for index in range(world.volume("actions")):
        finding_id, unit_id, recorded = rng.choice(findings)
        due = recorded + datetime.timedelta(days=rng.randrange(30, 180))
        recent = (world.today - recorded).days < 365
        status = rng.choice(["open", "in_progress", "in_progress", "verified"]) if recent else rng.choice(["closed", "closed", "verified", "open"])
        yield Action(finding_id=finding_id, description=f"Khắc phục sai sót số {index}", owner_unit=unit_by_id[unit_id],
                     due_on=due, status=status)


def generate(world):
    for agency, units, inspectorate, _office, staff in world.agencies:
        inspections = list(Inspection.objects.filter(pk__in=world.shared.get("inspections", {}).get(agency.pk, []))
                           .values_list("pk", "concluded_on"))
        inspections = [(pk, day) for pk, day in inspections if day]
        checks = [(pk, unit_id, day) for pk, unit_id, day in world.shared.get("checks", {}).get(agency.pk, [])]
        first = Finding.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        insert(Finding, _findings(world, inspections, checks, units, staff), world=world)
        findings = list(Finding.objects.filter(pk__gt=first, recorded_by=staff).values_list("pk", "unit_id", "recorded_on"))
        insert(Action, _actions(world, findings, units), world=world)
