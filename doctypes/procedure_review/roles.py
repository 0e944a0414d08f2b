"""Role permissions for the TTHC catalogue and reviews: everyone reads the catalogue, the office edits."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, EVERYONE, VIEW

_MODELS = ["procedure_review.procedure", "procedure_review.procedurereview",
           "procedure_review.reviewproposal", "procedure_review.latehandlingstat"]

ROLE_PERMISSIONS = {
    EVERYONE: {"procedure_review.procedure": VIEW},
    Role.OFFICE_CLERK: {model: ALL for model in _MODELS},
    Role.OFFICE_CHIEF: {model: ALL for model in _MODELS},
    Role.LEADERSHIP: {model: VIEW for model in _MODELS},
}
