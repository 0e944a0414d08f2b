"""Role permissions for asset declarations: the office keeps them; leadership, unit heads and each person read."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, EVERYONE, VIEW

_DUTY = "asset_declaration.declarationduty"
_REFERENCE = ["asset_declaration.declarationrule", "asset_declaration.declaringposition"]

ROLE_PERMISSIONS = {
    EVERYONE: {**{model: VIEW for model in _REFERENCE}, _DUTY: VIEW},  # visible_to narrows a person to their own duty
    Role.OFFICE_CLERK: {_DUTY: ALL},
    Role.OFFICE_CHIEF: {_DUTY: ALL, **{model: ALL for model in _REFERENCE}},
    Role.SYSTEM_ADMIN: {model: ALL for model in _REFERENCE},
}
