"""Demo data: reference data, then each app's `demo.load(users)` in settings order (org creates the users)."""

from django.db import transaction

from papi_inspect.extensions import extension_modules
from papi_inspect.reference import load_reference

DEMO_PASSWORD = "Demo@2026"


@transaction.atomic
def load_demo():
    """Reference data, the demo users, then each doctype's demo records; returns the users in README order."""
    load_reference()
    users = {}
    for module in extension_modules("demo"):
        module.load(users)
    return list(users.values())
