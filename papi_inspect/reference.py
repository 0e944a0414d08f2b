"""Loads reference data (roles, deadline rules, calendar, then each app's `reference.LOADERS`) by stable keys.

Loading is safe to repeat: a missing row is created, an existing one is left as the
administrators edited it, so a second `make run` loses nothing. Role permissions are the
exception: they are code, and are re-applied every time.
"""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from papi_inspect.audit import save
from papi_inspect.extensions import extension_modules
from papi_inspect.models import CalendarOverride, DeadlineRule
from papi_inspect.permissions import Role
from papi_inspect.roles import permissions_for

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
REASON = "Nạp dữ liệu tham chiếu"


def fixture_json(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


def create_missing(model, lookup, values):
    """Create the row if no row matches `lookup`; never overwrite an existing one."""
    if model.objects.filter(**lookup).exists():
        return 0
    save(model(**lookup, **values), REASON, by=None)
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


def load_deadline_rules():
    created = 0
    for row in fixture_json("deadline_rules.json"):
        lookup = {"code": row.pop("code"), "valid_from": parse_date(row.pop("valid_from"))}
        row["valid_to"] = parse_date(row.get("valid_to"))
        created += create_missing(DeadlineRule, lookup, row)
    return created


def load_calendar_overrides():
    created = 0
    for row in fixture_json("calendar_overrides.json"):
        created += create_missing(CalendarOverride, {"date": parse_date(row.pop("date"))}, row)
    return created


LOADERS = [
    ("vai trò", load_roles),
    ("quy tắc thời hạn", load_deadline_rules),
    ("ngày nghỉ / làm bù", load_calendar_overrides),
]


@transaction.atomic
def load_reference():
    """Load every kind of reference data, the core's then each app's in settings order; returns {label: rows created}."""
    loaders = LOADERS + [loader for module in extension_modules("reference") for loader in module.LOADERS]
    return {label: loader() for label, loader in loaders}
