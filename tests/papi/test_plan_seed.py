"""The seed plan as records: every bullet of sections II and III is a task, linked to its dimension and units."""

import re

import pytest

from doctypes.papi.models.plan import Plan, Task, TaskGroup
from doctypes.papi.seed_plan import load_seed_plan
from tests.papi.builders import SEED_TEXT, make_plan

pytestmark = pytest.mark.django_db


def _bullets_by_part(text):
    """Counted straight from the seed text: the '- ' bullets under each numbered part of II and III."""
    counts, section, number = {}, None, None
    for line in (raw.strip() for raw in text.splitlines()):
        if re.match(r"^(I|II|III)\. ", line):
            section = line.split(".")[0]
        elif line.startswith("Trên đây"):
            break
        elif section in ("II", "III") and re.match(r"^\d+\. ", line):
            number = int(line.split(".")[0])
            counts[(section, number)] = 0
        elif section in ("II", "III") and line.startswith("- "):
            counts[(section, number)] += 1
    return counts


def test_it_has_a_task_for_every_bullet_of_sections_ii_and_iii():
    text = SEED_TEXT.read_text(encoding="utf-8")
    plan = make_plan()
    bullets = [line.strip()[2:].strip() for line in text.split("III. TỔ CHỨC")[0].split("II. NỘI DUNG")[1].splitlines()
               if line.strip().startswith("- ")]
    bullets += [line.strip()[2:].strip() for line in text.split("III. TỔ CHỨC")[1].split("Trên đây")[0].splitlines()
                if line.strip().startswith("- ")]
    texts = set(Task.objects.filter(group__plan=plan).values_list("text", flat=True))
    assert bullets and all(bullet in texts for bullet in bullets)
    for (section, number), count in _bullets_by_part(text).items():
        group = TaskGroup.objects.get(plan=plan, section=section, number=number)
        assert group.tasks.count() >= max(count, 1)


def test_it_keeps_the_plan_facts_and_links_each_content_area_to_its_dimension():
    plan = make_plan()
    assert plan.year == 2021 and "2198/KH-UBND" in plan.implements and plan.province.code == "24"
    groups = {g.number: g.dimension.code for g in plan.groups.filter(section="II")}
    # papi.md mapping: participation 1, transparency 2, anti-corruption 4, services 6, environment 7, e-gov 8, accountability 3.
    assert groups == {1: "1", 2: "2", 3: "4", 4: "6", 5: "7", 6: "8", 7: "3"}
    dates = {d.quarter: (d.unit_due_day, d.unit_due_month, d.office_due_day, d.office_due_month) for d in plan.report_dates.all()}
    assert dates == {1: (15, 3, 20, 3), 2: (15, 6, 20, 6), 3: (15, 9, 20, 9), 4: (25, 11, 30, 11)}


def test_it_puts_section_iii_duties_on_their_units():
    plan = make_plan()
    leads = lambda number: {  # noqa: E731
        set(t.lead_units.values_list("code", flat=True)).__str__() for t in TaskGroup.objects.get(plan=plan, section="III", number=number).tasks.all()
    }
    assert leads(2) == {str({"snnmt-vp"})} and leads(3) == {str({"snnmt-khtc"})} and leads(4) == {str({"snnmt-ttr"})}
    every_unit = TaskGroup.objects.get(plan=plan, section="III", number=1).tasks.first().lead_units.values_list("code", flat=True)
    assert {"snnmt-vp", "snnmt-ttr", "snnmt-khtc", "snnmt-ccthuyloi", "snnmt-ttkn"} <= set(every_unit)
    assert "stc-vp" not in every_unit


def test_it_loads_the_seed_plan_once():
    first = load_seed_plan()
    tasks = Task.objects.filter(group__plan=first).count()
    assert load_seed_plan().pk == first.pk
    assert Plan.objects.filter(year=2021).count() == 1
    assert Task.objects.filter(group__plan=first).count() == tasks
    assert first.history.first().history_change_reason == "Nạp kế hoạch PAPI mẫu"


def test_it_refuses_an_impossible_reporting_date_or_an_office_date_before_the_units():
    from django.core.exceptions import ValidationError

    date = make_plan().report_dates.get(quarter=1)
    date.unit_due_day, date.unit_due_month = 31, 2
    with pytest.raises(ValidationError):
        date.full_clean()
    date.unit_due_day, date.unit_due_month, date.office_due_day = 15, 3, 10
    with pytest.raises(ValidationError, match="sau hạn"):
        date.full_clean()
