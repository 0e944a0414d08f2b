"""Role permissions for petitions, complaints, denunciations and the identity access log."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, VIEW

CASES = ("complaint_case.petition", "complaint_case.complaintcase", "complaint_case.denunciation",
         "complaint_case.denunciationextension")
WORK = ("view", "add", "change")

ROLE_PERMISSIONS = {
    Role.LEADERSHIP: {**{model: VIEW for model in CASES}, "complaint_case.identityaccesslog": VIEW},
    Role.CHIEF_INSPECTOR: {**{model: WORK for model in CASES}, "complaint_case.identityaccesslog": VIEW},
    Role.INSPECTOR: {model: WORK for model in CASES},
    Role.OFFICE_CLERK: {"complaint_case.petition": WORK},
    Role.OFFICE_CHIEF: {"complaint_case.petition": WORK},
    Role.UNIT_HEAD: {model: WORK for model in CASES},
    Role.UNIT_STAFF: {model: WORK for model in CASES},
    Role.SYSTEM_ADMIN: {**{model: ALL for model in CASES}, "complaint_case.identityaccesslog": VIEW},
}
