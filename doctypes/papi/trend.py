"""The leadership trend: each dimension across years against the national mean and the best province."""

import json

from django.utils.translation import gettext as _

from doctypes.papi.models import Dimension
from doctypes.papi.models.plan import Plan
from doctypes.papi.models.score import PapiScore, Province
from doctypes.papi.services import dimension_progress


def _number(value):
    return float(value) if value is not None else None


def trend_table(user, *, province_code=None):
    """Rows per dimension (plus the aggregate): scores by year, mean, best, rank, next year's target, plan progress."""
    provinces = Province.objects.visible_to(user).filter(scores__isnull=False).distinct()
    province = provinces.filter(code=province_code).first() if province_code else provinces.first()
    if province is None:
        return None
    scores = PapiScore.objects.visible_to(user).filter(province=province)
    years = sorted(set(scores.values_list("year", flat=True)))
    by_key = {(s.indicator, s.year): s for s in scores}
    plan = Plan.objects.visible_to(user).filter(province=province).order_by("-year").first()
    progress = {row["dimension"].code: row for row in dimension_progress(plan)} if plan else {}
    indicators = [("total", _("Chỉ số PAPI tổng hợp (không trọng số)"))] + [
        (d.code, d.name) for d in Dimension.objects.dimensions()  # name_vi, or name_en in English
    ]
    rows = []
    for code, name in indicators:
        cells = [by_key.get((code, year)) for year in years]
        present = [cell for cell in cells if cell is not None]
        if not present:
            continue
        latest = present[-1]
        rows.append({
            "code": code, "name": name, "cells": cells, "latest": latest,
            # The plan's aim (section I): each year's score above the last one published.
            "target_year": latest.year + 1, "target": latest.score,
            "progress": progress.get(code),
            "chart": json.dumps({
                "labels": [c.year for c in present],
                "score": [_number(c.score) for c in present],
                "mean": [_number(c.mean) for c in present],
                "best": [_number(c.maximum) for c in present],
            }),
        })
    return {"province": province, "provinces": provinces, "years": years, "rows": rows, "plan": plan}
