"""Reads a plan's text (sections II and III) into task groups and tasks, and loads the seed plan once."""

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from doctypes.org.models import Unit
from doctypes.papi.models import Dimension
from doctypes.papi.models.plan import Plan, PlanReportDate, Task, TaskGroup
from doctypes.papi.models.score import Province
from papi_inspect.audit import save

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SEED_PLAN = FIXTURES / "papi_plan_2021.json"
REASON = "Nạp kế hoạch PAPI mẫu"

_SECTION = re.compile(r"^(I|II|III|IV|V)\.\s+(.+)$")
_GROUP = re.compile(r"^(\d+)\.\s+(.+)$")
# Headings inside a content area that announce its tasks without being one.
_NOT_A_TASK = {"nội dung cần thực hiện"}
_END = "Trên đây là"


@dataclass
class ParsedGroup:
    section: str
    number: int
    title: str
    tasks: list = field(default_factory=list)


def clean_title(text):
    """'Đối với chỉ số “kiểm soát tham nhũng”' -> 'Đối với chỉ số “kiểm soát tham nhũng”' without stray spaces."""
    return re.sub(r"\s+", " ", text.replace("“ ", "“").replace(" ”", "”")).strip()


def parse_plan_text(text):
    """The groups of sections II and III, each with its items: every bullet, and every paragraph duty."""
    groups, section, current = [], None, None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith(_END):
            break
        heading = _SECTION.match(line)
        if heading:
            section, current = heading.group(1), None
            continue
        if section not in ("II", "III"):
            continue
        numbered = _GROUP.match(line)
        if numbered:
            current = ParsedGroup(section, int(numbered.group(1)), clean_title(numbered.group(2)))
            groups.append(current)
            continue
        if current is None or line.lower() in _NOT_A_TASK:
            continue
        current.tasks.append(line[2:].strip() if line.startswith("- ") else line)
    return groups


def _units(spec, owner):
    """'*' is every unit of the department ("Các phòng, đơn vị trực thuộc Sở"); a list names unit codes."""
    if spec == "*":
        today = datetime.date.today()
        return list(Unit.objects.filter(parent=owner).in_force_on(today))
    return [Unit.objects.get(code=code) for code in spec]


def ensure_provinces():
    for row in json.loads((FIXTURES / "papi_provinces.json").read_text(encoding="utf-8")):
        if not Province.objects.filter(code=row["code"]).exists():
            save(Province(**row), REASON, by=None)


@transaction.atomic
def load_seed_plan(path=SEED_PLAN):
    """Create the seed plan with its groups, tasks and reporting dates; an existing plan is left alone."""
    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    ensure_provinces()
    meta = dict(spec["plan"])
    owner = Unit.objects.get(code=meta.pop("owner"))
    existing = Plan.objects.filter(owner=owner, year=meta["year"]).first()
    if existing:
        return existing
    meta["province"] = Province.objects.get(code=meta["province"])
    meta["issued_on"] = datetime.date.fromisoformat(meta["issued_on"]) if meta["issued_on"] else None
    text = (Path(path).parent / spec["text"]).read_text(encoding="utf-8")
    plan = save(Plan(owner=owner, aims=_aims(text), **meta), REASON, by=None)
    for row in spec["report_dates"]:
        save(
            PlanReportDate(
                plan=plan, quarter=row["quarter"], period_label=row["period_label"],
                unit_due_month=row["unit"][0], unit_due_day=row["unit"][1],
                office_due_month=row["office"][0], office_due_day=row["office"][1],
            ),
            REASON, by=None,
        )
    for parsed in parse_plan_text(text):
        key = f"{parsed.section}.{parsed.number}"
        options = spec["groups"].get(key, {})
        dimension = Dimension.objects.get(code=options["dimension"]) if options.get("dimension") else None
        group = save(
            TaskGroup(plan=plan, section=parsed.section, number=parsed.number, title=parsed.title, dimension=dimension),
            REASON, by=None,
        )
        for order, task_text in enumerate(parsed.tasks, start=1):
            task_options = {**options, **spec["tasks"].get(f"{key}.{order}", {})}
            task = save(
                Task(group=group, order=order, text=task_text, recurrence=task_options.get("recurrence", "continuous")),
                REASON, by=None,
            )
            task.lead_units.set(_units(task_options.get("lead", spec["all_units"]), owner))
            task.cooperating_units.set(_units(task_options.get("cooperating", []), owner))
            task.dimensions.set(Dimension.objects.filter(code__in=task_options.get("dimensions", [])))
    return plan


def _aims(text):
    """Section I (purpose and requirements), kept as the plan's aims."""
    start, end = text.find("I. MỤC ĐÍCH"), text.find("II. NỘI DUNG")
    return text[start:end].strip() if start >= 0 and end > start else ""
