"""Builders for PAPI plan, report and score tests."""

from pathlib import Path

from django.conf import settings

from doctypes.org.models import Unit
from doctypes.papi.models.plan import Task
from doctypes.papi.seed_plan import load_seed_plan

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SEED_TEXT = FIXTURES / "papi_plan_2021.txt"
BAC_GIANG_CSV = FIXTURES / "papi_bac_giang.csv"


def make_plan():
    """The seed plan (2021), loaded from the fixture the way `make run` loads it."""
    return load_seed_plan()


def unit(code):
    return Unit.objects.get(code=code)


def task_of(plan, unit_code, section="II", number=None):
    """A live task of the plan led by the unit (in group `number` of the section, if given)."""
    tasks = Task.objects.filter(group__plan=plan, group__section=section, lead_units__code=unit_code).live()
    return (tasks.filter(group__number=number) if number else tasks).first()


def wide_sheet(rows_by_label, provinces=(("1", "Hà Nội"), ("24", "Bắc Giang"), ("31", "Hải Phòng"))):
    """A CSV in the official wide layout: row 1 codes, row 2 names, then one row per indicator."""
    lines = [",".join(["", "", "Mã tỉnh"] + [code for code, _ in provinces])]
    lines.append(",".join(["", "", "Tên tỉnh"] + [name for _, name in provinces]))
    for (english, vietnamese, scale), values in rows_by_label.items():
        cells = [english, f'"{vietnamese}"', scale] + ["" if v is None else str(v) for v in values]
        lines.append(",".join(cells))
    return ("\n".join(lines) + "\n").encode("utf-8")
