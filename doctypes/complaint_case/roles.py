"""Role permissions for petitions, complaints, denunciations and the identity access log."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, VIEW

CASES = ("complaint_case.petition", "complaint_case.complaintcase", "complaint_case.denunciation",
         "complaint_case.denunciationextension")
# Made only through services_verification (who may is a rule on the case, not a model permission).
TEAM = {"complaint_case.denunciationverifier": ("view",), "complaint_case.redactedcopy": ("view",)}
WORK = ("view", "add", "change")

ROLE_PERMISSIONS = {
    Role.LEADERSHIP: {**TEAM, **{model: VIEW for model in CASES}, "complaint_case.identityaccesslog": VIEW},
    Role.CHIEF_INSPECTOR: {**TEAM, **{model: WORK for model in CASES}, "complaint_case.identityaccesslog": VIEW},
    Role.INSPECTOR: {**TEAM, **{model: WORK for model in CASES}},
    Role.OFFICE_CLERK: {"complaint_case.petition": WORK},
    Role.OFFICE_CHIEF: {"complaint_case.petition": WORK},
    Role.UNIT_HEAD: {**TEAM, **{model: WORK for model in CASES}},
    Role.UNIT_STAFF: {**TEAM, **{model: WORK for model in CASES}},
    Role.SYSTEM_ADMIN: {**TEAM, **{model: ALL for model in CASES}, "complaint_case.identityaccesslog": VIEW},
}
