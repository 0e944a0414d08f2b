"""Role permissions for inspections: the inspectorate edits (object rules narrow it), others read."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, VIEW

_READ = {"inspection.inspection": VIEW, "inspection.inspectionteammember": VIEW, "inspection.inspectionamendment": VIEW}

ROLE_PERMISSIONS = {
    Role.CHIEF_INSPECTOR: {
        "inspection.inspectionplan": ALL, "inspection.inspection": ALL,
        "inspection.inspectionteammember": ALL, "inspection.inspectionamendment": ("view", "add"),
    },
    Role.INSPECTOR: {
        "inspection.inspectionplan": VIEW, "inspection.inspection": ("view", "change"),
        "inspection.inspectionteammember": VIEW, "inspection.inspectionamendment": ("view", "add"),
    },
    Role.LEADERSHIP: {"inspection.inspectionplan": VIEW, **_READ},
    Role.UNIT_HEAD: _READ,
    Role.UNIT_STAFF: _READ,
}
