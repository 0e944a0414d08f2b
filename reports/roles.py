"""Role permissions for reports: the inspectorate and the office draft; leadership reads (and freezes, in services)."""

from papi_inspect.permissions import Role

_DRAFT = {"reports.report": ("view", "add", "change"), "reports.reportversion": ("view",), "reports.manualfigure": ("view",)}
_READ = {"reports.report": ("view",), "reports.reportversion": ("view",), "reports.manualfigure": ("view",)}

ROLE_PERMISSIONS = {
    Role.CHIEF_INSPECTOR: _DRAFT,
    Role.INSPECTOR: _DRAFT,
    Role.OFFICE_CHIEF: _DRAFT,
    Role.OFFICE_CLERK: _DRAFT,
    Role.LEADERSHIP: _READ,
}
