"""Loads reference data (roles, units, PAPI dimensions, deadline rules, calendar) by stable keys.

Loading is safe to repeat: a missing row is created, an existing one is left as the
administrators edited it, so a second `make run` loses nothing. Role permissions are the
exception: they are code, and are re-applied every time.
"""

import csv
import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from doctypes.org.models import Unit
from doctypes.papi.models import Dimension
from papi_inspect.audit import with_reason
from papi_inspect.models import CalendarOverride, DeadlineRule
from papi_inspect.permissions import Role
from papi_inspect.roles import permissions_for

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
REASON = "Nạp dữ liệu tham chiếu"


def _json(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _create_missing(model, lookup, values):
    """Create the row if no row matches `lookup`; never overwrite an existing one."""
    if model.objects.filter(**lookup).exists():
        return 0
    with_reason(model(**lookup, **values), REASON).save()
    return 1


def load_roles():
    created = 0
    for role in Role:
        group, was_created = Group.objects.get_or_create(name=role.value)
        created += was_created
        wanted = []
        for model, actions in permissions_for(role).items():
            app_label, model_name = model.split(".")
            codenames = [f"{action}_{model_name}" for action in actions]
            wanted += Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        group.permissions.set(wanted)
    return created


def load_units():
    """Units in dependency order, so each row is created whole with its parent and merger target."""
    created = 0
    pending = _json("units.json")
    while pending:
        existing = set(Unit.objects.values_list("code", flat=True))
        ready = [row for row in pending if {row["parent"], row["merged_into"]} - {None} <= existing | {row["code"]}]
        if not ready:
            raise ValueError(f"units.json: đơn vị cha hoặc hợp nhất không tồn tại: {[r['code'] for r in pending]}")
        for row in ready:
            values = {
                "name": row["name"],
                "short_name": row["short_name"],
                "kind": row["kind"],
                "parent": Unit.objects.filter(code=row["parent"]).first(),
                "valid_from": _date(row["valid_from"]),
                "valid_to": _date(row["valid_to"]),
                "merged_into": Unit.objects.filter(code=row["merged_into"]).first(),
                "merger_basis": row["merger_basis"],
            }
            created += _create_missing(Unit, {"code": row["code"]}, values)
        pending = [row for row in pending if row not in ready]
    return created


def load_dimensions():
    created = 0
    with open(FIXTURES / "papi_dimensions.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            values = {
                "parent": Dimension.objects.get(code=row["parent"]) if row["parent"] else None,
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "first_year": int(row["first_year"]),
                "last_year": int(row["last_year"]) if row["last_year"] else None,
            }
            created += _create_missing(Dimension, {"code": row["code"]}, values)
    return created


def load_deadline_rules():
    created = 0
    for row in _json("deadline_rules.json"):
        lookup = {"code": row.pop("code"), "valid_from": _date(row.pop("valid_from"))}
        row["valid_to"] = _date(row.get("valid_to"))
        created += _create_missing(DeadlineRule, lookup, row)
    return created


def load_calendar_overrides():
    created = 0
    for row in _json("calendar_overrides.json"):
        created += _create_missing(CalendarOverride, {"date": _date(row.pop("date"))}, row)
    return created


LOADERS = [
    ("vai trò", load_roles),
    ("đơn vị", load_units),
    ("chỉ số PAPI", load_dimensions),
    ("quy tắc thời hạn", load_deadline_rules),
    ("ngày nghỉ / làm bù", load_calendar_overrides),
]


@transaction.atomic
def load_reference():
    """Load every kind of reference data; returns {label: rows created}."""
    return {label: loader() for label, loader in LOADERS}
