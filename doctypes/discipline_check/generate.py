"""Generator (papi-inspect generate): ten years of discipline checks per department over its units, recent ones scheduled."""

from doctypes.discipline_check.models import ChecklistItem, ChecklistTemplate, DisciplineCheck
from papi_inspect.generate import insert


def _template(world):
    template, created = ChecklistTemplate.objects.get_or_create(name=f"Mẫu kiểm tra công vụ (sinh tự động {world.seed})")
    if created:
        ChecklistItem.objects.bulk_create([
            ChecklistItem(template=template, order=order, area=area, text=text) for order, (area, text) in enumerate(
                [(ChecklistItem.Area.choices[0][0], "Chấp hành giờ giấc làm việc"), (ChecklistItem.Area.choices[-1][0], "Đeo thẻ công chức")])])
    return template


def _checks(world, template, units, staff, number):
    rng = world.rng(f"check:{number}")
    for _index in range(world.volume("checks")):
        day = world.day(rng, recent_share=0.05, recent_days=60)
        later = day > world.today
        done = not later and (world.today - day).days > 20 or rng.random() < 0.5
        yield DisciplineCheck(template=template, unit=rng.choice(units), scheduled_on=day, announced=rng.random() < 0.7,
                              status="done" if done else "scheduled", leader=staff, conducted_on=day if done else None,
                              summary="Cơ bản chấp hành tốt" if done else "")


def generate(world):
    template = _template(world)
    for number, (agency, units, _inspectorate, _office, staff) in enumerate(world.agencies):
        first = DisciplineCheck.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        insert(DisciplineCheck, _checks(world, template, units, staff, number), world=world)
        world.shared.setdefault("checks", {})[agency.pk] = list(
            DisciplineCheck.objects.filter(pk__gt=first, unit__in=units).values_list("pk", "unit_id", "scheduled_on"))
