"""Role permissions for satisfaction results: the office keeps them; leadership and units read."""

from papi_inspect.permissions import Role
from papi_inspect.roles import VIEW

_MODEL = "satisfaction.satisfactionresult"
_KEEP = ("view", "add", "change")  # no delete: a wrong quarter is corrected (or replaced by the next import), with history

ROLE_PERMISSIONS = {
    Role.OFFICE_CLERK: {_MODEL: _KEEP},
    Role.OFFICE_CHIEF: {_MODEL: _KEEP},
    Role.LEADERSHIP: {_MODEL: VIEW},
    Role.UNIT_HEAD: {_MODEL: VIEW},
    Role.UNIT_STAFF: {_MODEL: VIEW},
}
