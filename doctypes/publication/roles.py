"""Role permissions for the publication register: units and the office keep it, leadership reads."""

from papi_inspect.permissions import Role
from papi_inspect.roles import VIEW

_MODEL = "publication.publication"
_KEEP = ("view", "add", "change")  # no delete: a duty recorded stays on the register, corrected with its history

ROLE_PERMISSIONS = {
    Role.OFFICE_CLERK: {_MODEL: _KEEP},
    Role.OFFICE_CHIEF: {_MODEL: _KEEP},
    Role.UNIT_HEAD: {_MODEL: _KEEP},
    Role.UNIT_STAFF: {_MODEL: _KEEP},
    Role.CHIEF_INSPECTOR: {_MODEL: _KEEP},
    Role.INSPECTOR: {_MODEL: _KEEP},
    Role.LEADERSHIP: {_MODEL: VIEW},
}
