"""Role permissions for the anti-corruption registers: the office keeps them; the others read what visible_to shows."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, VIEW

_MODELS = ["anticorruption.outreachsession", "anticorruption.sessionattendance", "anticorruption.preventiondocument",
           "anticorruption.jobrotation", "anticorruption.conflictofinterest", "anticorruption.gifthandover",
           "anticorruption.conductdiscipline"]

ROLE_PERMISSIONS = {
    Role.OFFICE_CLERK: {model: ALL for model in _MODELS},
    Role.OFFICE_CHIEF: {model: ALL for model in _MODELS},
    **{role: {model: VIEW for model in _MODELS}
       for role in (Role.LEADERSHIP, Role.CHIEF_INSPECTOR, Role.INSPECTOR, Role.UNIT_HEAD, Role.UNIT_STAFF)},
}
