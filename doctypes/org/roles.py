"""Role permissions for units and staff: everyone reads, system administrators edit."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, EVERYONE, VIEW

ROLE_PERMISSIONS = {
    EVERYONE: {"org.unit": VIEW, "org.staffprofile": VIEW},
    Role.SYSTEM_ADMIN: {"org.unit": ALL, "org.staffprofile": ALL},
}
