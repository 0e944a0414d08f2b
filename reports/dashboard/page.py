"""The back office's home page for leadership: Unfold's DASHBOARD_CALLBACK fills it from dashboard_figures."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.dashboard import figures
from reports.dashboard.panels import register_panels


def _number(value):
    return float(value) if value is not None else 0


def chart(chart_id, labels, datasets, *, stacked=False, horizontal=False, kind="bar"):
    """Chart.js data for json_script: labels, datasets [{label, data, links}], options the script reads."""
    return {
        "id": chart_id, "type": kind, "stacked": stacked, "horizontal": horizontal,
        "labels": [str(label) for label in labels],
        "datasets": [
            {"label": str(label), "data": [_number(f.value) for f in row], "links": [f.url for f in row]}
            for label, row in datasets
        ],
    }


def _deadline_rows(groups, names, models, unnamed):
    rows = []
    for key, cells in groups.items():
        name = names.get(key, unnamed) if key is not None else unnamed
        rows.append({"name": name, "cells": [cells.get(model) for model in models]})
    return sorted(rows, key=lambda row: str(row["name"]))


def build(user, *, today=None):
    """Everything the dashboard shows to `user`, each figure from what `user` may see."""
    today = today or timezone.localdate()
    scope = figures.Scope(user)
    cases = figures.cases_by_status(scope)
    deadlines = figures.deadlines(scope, today=today)
    inspections = figures.inspections_by_step(scope)
    follow_up = figures.follow_up(scope, today=today)
    discipline = figures.discipline_by_unit(scope)
    papi = figures.papi_progress(scope)
    charts = [chart(block["chart_id"], [label for label, _f in block["rows"]], [(block["title"], [f for _l, f in block["rows"]])])
              for block in cases]
    if inspections:
        charts.append(chart(inspections["chart_id"], [label for label, _f in inspections["rows"]],
                            [(inspections["title"], [f for _l, f in inspections["rows"]])], horizontal=True))
    if "money" in follow_up:
        money = follow_up["money"]
        charts.append(chart("chart-money", [_("Phải thu hồi"), _("Đã thu hồi"), _("Còn phải thu hồi")],
                            [(_("Số tiền (đồng)"), [money["due"], money["recovered"], money["remaining"]])]))
    if discipline and discipline["rows"]:
        charts.append(chart("chart-discipline", [row["unit"] for row in discipline["rows"]],
                            [(label, [row["results"][index] for row in discipline["rows"]])
                             for index, label in enumerate(discipline["outcomes"])], stacked=True, horizontal=True))
    if papi and papi["rows"]:
        charts.append(chart("chart-papi", [row["dimension"].code for row in papi["rows"]],
                            [(_("Đã hoàn thành"), [row["done"] for row in papi["rows"]]),
                             (_("Chưa hoàn thành"), [row["not_done"] for row in papi["rows"]])], stacked=True))
    models = deadlines["models"]
    return {
        "today": today,
        "cases": cases,
        "petition_kinds": figures.petitions_by_kind(scope),
        "deadlines": {
            "models": models,
            "limit": deadlines["limit"],
            "headers": [model._meta.verbose_name_plural for model in models],
            "span": 1 + 2 * len(models),
            "tables": [
                (_("Theo người được giao"),
                 _deadline_rows(deadlines["by_handler"], deadlines["handler_names"], models, _("Chưa giao"))),
                (_("Theo đơn vị giải quyết"), _deadline_rows(deadlines["by_unit"], deadlines["unit_names"], models, "—")),
            ],
            "totals": [deadlines["totals"][model] for model in models],
        },
        "inspections": inspections,
        "follow_up": follow_up,
        "discipline": discipline,
        "papi": papi,
        "registers": register_panels(scope, today=today),
        "charts": {item["id"]: item for item in charts},
        "chart_list": charts,
    }


def dashboard_callback(request, context):
    """UNFOLD["DASHBOARD_CALLBACK"]: adds `dashboard` to the admin index's context."""
    context["dashboard"] = build(request.user)
    return context
