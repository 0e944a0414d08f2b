"""Role permissions for PAPI: everyone reads (rows narrowed by visible_to), units report, the office manages plans."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, EVERYONE, VIEW

PLAN_MODELS = ["papi.plan", "papi.planreportdate", "papi.taskgroup", "papi.task"]
REPORTING = {"papi.unitreport": ("view", "add", "change"), "papi.unitreportentry": ("view", "add", "change")}
SCORES = {"papi.province": ALL, "papi.papiscore": ALL, "papi.scoreimport": ("view", "add")}
OFFICE = {**{model: ALL for model in PLAN_MODELS}, **REPORTING, "papi.officereport": ("view", "add", "change")}

ROLE_PERMISSIONS = {
    EVERYONE: {
        "papi.dimension": VIEW,
        **{model: VIEW for model in PLAN_MODELS},
        "papi.unitreport": VIEW,
        "papi.unitreportentry": VIEW,
        "papi.province": VIEW,
        "papi.papiscore": VIEW,
        "papi.scoreimport": VIEW,
    },
    Role.UNIT_HEAD: REPORTING,
    Role.UNIT_STAFF: REPORTING,
    Role.INSPECTOR: REPORTING,
    Role.CHIEF_INSPECTOR: REPORTING,
    Role.OFFICE_CLERK: OFFICE,
    Role.OFFICE_CHIEF: {**OFFICE, **SCORES},
    Role.LEADERSHIP: {"papi.officereport": VIEW},
    Role.SYSTEM_ADMIN: {"papi.dimension": ALL, **SCORES, "papi.officereport": VIEW},
}
