"""Role permissions for the case register: the inspectorate keeps it; leadership and units read."""

from papi_inspect.permissions import Role
from papi_inspect.roles import VIEW

# Entries are corrected, never deleted: the report of a past year must still find them.
KEEP = ("view", "add", "change")
_MODELS = ["pctn_case.pctncase", "pctn_case.pctncaseperson", "pctn_case.pctnrecovery"]

ROLE_PERMISSIONS = {
    Role.CHIEF_INSPECTOR: {model: KEEP for model in _MODELS},
    Role.INSPECTOR: {model: KEEP for model in _MODELS},
    Role.LEADERSHIP: {model: VIEW for model in _MODELS},
    Role.UNIT_HEAD: {model: VIEW for model in _MODELS},
    Role.UNIT_STAFF: {model: VIEW for model in _MODELS},
}
