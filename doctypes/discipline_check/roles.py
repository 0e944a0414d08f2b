"""Role permissions for discipline checks: the office runs them; checked units and leadership read."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, EVERYONE, VIEW

_MODELS = ["discipline_check.checklisttemplate", "discipline_check.checklistitem",
           "discipline_check.disciplinecheck", "discipline_check.checkresult"]

ROLE_PERMISSIONS = {
    EVERYONE: {"discipline_check.checklisttemplate": VIEW, "discipline_check.checklistitem": VIEW},
    Role.OFFICE_CLERK: {model: ALL for model in _MODELS},
    Role.OFFICE_CHIEF: {model: ALL for model in _MODELS},
    Role.LEADERSHIP: {model: VIEW for model in _MODELS},
    # An inspector may lead a check (the object rule `may_record_results` narrows it to their own).
    Role.CHIEF_INSPECTOR: {"discipline_check.disciplinecheck": VIEW, "discipline_check.checkresult": ("view", "add", "change")},
    Role.INSPECTOR: {"discipline_check.disciplinecheck": VIEW, "discipline_check.checkresult": ("view", "add", "change")},
    Role.UNIT_HEAD: {"discipline_check.disciplinecheck": VIEW, "discipline_check.checkresult": VIEW},
    Role.UNIT_STAFF: {"discipline_check.disciplinecheck": VIEW, "discipline_check.checkresult": VIEW},
}
