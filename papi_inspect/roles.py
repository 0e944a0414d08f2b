"""What each role may do, per model; `papi-inspect migrate` writes this onto the Django groups.

Each doctype declares its own `ROLE_PERMISSIONS` in `<app>/roles.py`, keyed by role (or
EVERYONE); rows are then narrowed per user by `visible_to`.
"""

from papi_inspect.extensions import extension_modules
from papi_inspect.permissions import Role

VIEW = ("view",)
ALL = ("view", "add", "change", "delete")
EVERYONE = "*"

ROLE_PERMISSIONS = {
    EVERYONE: {
        "papi_inspect.deadlinerule": VIEW,
        "papi_inspect.calendaroverride": VIEW,
        "papi_inspect.attachment": ("view", "add"),
        "papi_inspect.notification": VIEW,
    },
    Role.OFFICE_CHIEF: {"papi_inspect.calendaroverride": ALL},
    Role.SYSTEM_ADMIN: {
        "papi_inspect.deadlinerule": ALL,
        "papi_inspect.calendaroverride": ALL,
        "papi_inspect.attachment": ALL,
        "auth.user": ALL,
        "auth.group": VIEW,
        "axes.accessattempt": ("view", "delete"),
        "authtoken.tokenproxy": ALL,
    },
}


def permissions_for(role):
    """{"app_label.model": {actions}} for one role, from the core and every doctype."""
    merged = {}
    tables = [ROLE_PERMISSIONS] + [module.ROLE_PERMISSIONS for module in extension_modules("roles")]
    for table in tables:
        for key in (EVERYONE, role):
            for model, actions in table.get(key, {}).items():
                merged.setdefault(model, set()).update(actions)
    return merged
