"""Role permissions for the leaders' dialogues: the inspectorate keeps them; leadership and units read."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, VIEW

_MODELS = ["dialogue.dialogue", "dialogue.commitment", "dialogue.commitmentfollowup"]
_READ = {model: VIEW for model in _MODELS}

ROLE_PERMISSIONS = {
    Role.CHIEF_INSPECTOR: {model: ALL for model in _MODELS},
    Role.INSPECTOR: {model: ALL for model in _MODELS},
    Role.LEADERSHIP: _READ,
    # visible_to narrows them to what their unit organised or owes.
    Role.OFFICE_CLERK: _READ,
    Role.OFFICE_CHIEF: _READ,
    Role.UNIT_HEAD: _READ,
    Role.UNIT_STAFF: _READ,
}
