"""Fills the PAPI province list from fixtures/papi_provinces.json (codes as the official data sheets use them)."""

import json
from pathlib import Path

from django.conf import settings
from django.db import migrations


def add_provinces(apps, schema_editor):
    Province = apps.get_model("papi", "Province")
    rows = json.loads((Path(settings.BASE_DIR) / "fixtures" / "papi_provinces.json").read_text(encoding="utf-8"))
    for row in rows:
        Province.objects.get_or_create(code=row["code"], defaults={"name": row["name"], "note": row["note"]})


class Migration(migrations.Migration):
    dependencies = [("papi", "0002_plan_reports_scores")]

    operations = [migrations.RunPython(add_provinces, migrations.RunPython.noop)]
