"""Who may keep the reception log and the leaders' reception schedule; the services ask these before they act."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from papi_inspect.permissions import agency_unit_ids, is_active_staff, sees_everything


def may_log_reception(user, unit):
    """The reception desk (inspectorate and office) logs receptions for a unit of its own department."""
    if not is_active_staff(user) or not user.has_perm("citizen_reception.add_reception"):
        return False
    return sees_everything(user) or unit.pk in agency_unit_ids(user)


def may_schedule(user):
    """The office publishes and changes the head's monthly reception days (Luật Tiếp công dân 2013 Art. 18)."""
    return is_active_staff(user) and user.has_perm("citizen_reception.add_receptionday")


def require_log_reception(user, unit):
    if not may_log_reception(user, unit):
        raise PermissionDenied(_("Bạn không được ghi sổ tiếp công dân cho đơn vị này."))


def require_schedule(user):
    if not may_schedule(user):
        raise PermissionDenied(_("Chỉ Văn phòng Sở được lập lịch tiếp công dân của lãnh đạo."))
