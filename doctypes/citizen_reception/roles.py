"""Role permissions for the reception log and the leaders' schedule."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, EVERYONE, VIEW

WORK = ("view", "add", "change")

ROLE_PERMISSIONS = {
    EVERYONE: {"citizen_reception.receptionday": VIEW},
    Role.LEADERSHIP: {"citizen_reception.reception": VIEW},
    Role.CHIEF_INSPECTOR: {"citizen_reception.reception": WORK},
    Role.INSPECTOR: {"citizen_reception.reception": WORK},
    Role.OFFICE_CLERK: {"citizen_reception.reception": WORK, "citizen_reception.receptionday": WORK},
    Role.OFFICE_CHIEF: {"citizen_reception.reception": WORK, "citizen_reception.receptionday": WORK},
    Role.UNIT_HEAD: {"citizen_reception.reception": VIEW},
    Role.SYSTEM_ADMIN: {"citizen_reception.reception": ALL, "citizen_reception.receptionday": ALL},
}
