"""Role permissions for findings: their sources' owners edit; units read and report progress."""

from papi_inspect.permissions import Role
from papi_inspect.roles import VIEW

_EDIT = ("view", "add", "change")
_EDITORS = {"finding.finding": _EDIT, "finding.violation": _EDIT, "finding.action": _EDIT, "finding.actionprogress": VIEW}
_UNIT = {"finding.finding": VIEW, "finding.violation": VIEW, "finding.action": VIEW, "finding.actionprogress": _EDIT}

ROLE_PERMISSIONS = {
    Role.CHIEF_INSPECTOR: _EDITORS,
    Role.INSPECTOR: _EDITORS,
    Role.OFFICE_CLERK: _EDITORS,
    Role.OFFICE_CHIEF: _EDITORS,
    Role.LEADERSHIP: {model: VIEW for model in _EDITORS},
    Role.UNIT_HEAD: _UNIT,
    Role.UNIT_STAFF: _UNIT,
}
