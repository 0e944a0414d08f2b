"""Role permissions for the PAPI reference: everyone reads, system administrators edit."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, EVERYONE, VIEW

ROLE_PERMISSIONS = {
    EVERYONE: {"papi.dimension": VIEW},
    Role.SYSTEM_ADMIN: {"papi.dimension": ALL},
}
