"""Who may do what with petitions, complaints and denunciations; every service asks these before it acts."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from doctypes.complaint_case.models import Denunciation, is_protected
from papi_inspect.permissions import Role, agency_unit_ids, has_role, is_active_staff, sees_everything


def may_register(user, model, unit):
    """Whoever may add such records registers one, for a unit of their own department (leadership and
    administrators for any unit)."""
    opts = model._meta
    if not is_active_staff(user) or not user.has_perm(f"{opts.app_label}.add_{opts.model_name}"):
        return False
    return sees_everything(user) or unit.pk in agency_unit_ids(user)


def may_work_on(user, record):
    """Whoever may change such records and sees this one, not through a read-only grant (the registering
    clerk, a verifier), moves it through its steps."""
    opts = record._meta
    if not is_active_staff(user) or not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return False
    return type(record).objects.workable_by(user).filter(pk=record.pk).exists()


def require_register(user, model, unit):
    if not may_register(user, model, unit):
        raise PermissionDenied(_("Bạn không được vào sổ hồ sơ cho đơn vị này."))


def require_work(user, record):
    if not may_work_on(user, record):
        raise PermissionDenied(_("Bạn chỉ được xem hồ sơ này, không được thực hiện bước xử lý."))


def assigned_to(record):
    """The user the record is assigned to: the handler of a case, the officer of a reception."""
    return getattr(record, "handler_id", None) or getattr(record, "officer_id", None)


def may_reveal(user, record):
    """Only the assigned handler and the chief inspector may reveal a protected identity (Luật Tố cáo 2018
    Art. 47); any other identity is open to whoever may see and change the record. Leadership reads the
    log, not the name."""
    model = type(record)
    # A read-only grant (the registering clerk, a verifier) never opens the identity.
    if not is_active_staff(user) or not model.objects.workable_by(user).filter(pk=record.pk).exists():
        return False
    if assigned_to(record) == user.pk or has_role(user, Role.CHIEF_INSPECTOR):
        return True
    opts = model._meta
    return not is_protected(record) and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def may_manage_verification(user, case):
    """The handler of the case and the chief inspector form the team and make the copies (Art. 31)."""
    if not is_active_staff(user) or not Denunciation.objects.workable_by(user).filter(pk=case.pk).exists():
        return False
    return case.handler_id == user.pk or has_role(user, Role.CHIEF_INSPECTOR)


def may_request_report(user, case):
    """The supervisor (leadership, the chief inspector or the handler's direct leader) may ask (Art. 38)."""
    if sees_everything(user) or has_role(user, Role.CHIEF_INSPECTOR):
        return True
    profile = getattr(case.handler, "staff_profile", None) if case.handler_id else None
    return bool(profile and profile.supervisor_id and profile.supervisor.user_id == user.pk)
