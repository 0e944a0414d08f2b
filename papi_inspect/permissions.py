"""Roles and the one queryset method, `visible_to(user)`, that decides which rows a user sees."""

from django.db import models


class Role(models.TextChoices):
    """The Django groups seeded as reference data; the value is the group's stable name."""

    LEADERSHIP = "Lãnh đạo Sở", "Lãnh đạo Sở"
    CHIEF_INSPECTOR = "Chánh Thanh tra", "Chánh Thanh tra"
    INSPECTOR = "Thanh tra viên", "Thanh tra viên"
    OFFICE_CLERK = "Văn phòng (cán bộ)", "Văn phòng (cán bộ)"
    OFFICE_CHIEF = "Chánh Văn phòng", "Chánh Văn phòng"
    UNIT_HEAD = "Trưởng đơn vị", "Trưởng đơn vị"
    UNIT_STAFF = "Cán bộ đơn vị", "Cán bộ đơn vị"
    SYSTEM_ADMIN = "Quản trị hệ thống", "Quản trị hệ thống"


def roles_of(user):
    """The set of role names a user holds, cached on the user object for the request."""
    if not user or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_papi_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._papi_roles = cached
    return cached


def has_role(user, *roles):
    return bool(roles_of(user) & {str(role) for role in roles})


def is_active_staff(user):
    """A signed-in, active account: the precondition of every permission below."""
    return bool(user and user.is_authenticated and user.is_active)


def sees_everything(user):
    """Leadership and system administrators see every unit's records (identities aside)."""
    return is_active_staff(user) and (user.is_superuser or has_role(user, Role.LEADERSHIP, Role.SYSTEM_ADMIN))


def is_inspectorate(user):
    """The Chánh Thanh tra and the inspectors of the department's inspectorate."""
    return has_role(user, Role.CHIEF_INSPECTOR, Role.INSPECTOR)


def is_chief_inspector(user):
    return has_role(user, Role.CHIEF_INSPECTOR)


def is_office(user):
    """The department's office (Văn phòng Sở): discipline checks, procedure reviews, the PAPI plan."""
    return has_role(user, Role.OFFICE_CLERK, Role.OFFICE_CHIEF)


def unit_of(user):
    """The unit a user works in, or None for accounts without a staff profile."""
    if not user or not user.is_authenticated:
        return None
    profile = getattr(user, "staff_profile", None)
    return profile.unit if profile else None


def agency_unit_ids(user):
    """Every unit of the user's department (Sở), or an empty set for accounts without a unit."""
    unit = unit_of(user)
    return unit.agency().family_ids() if unit else set()


def own_unit_ids(user):
    """The user's unit and the units below it."""
    unit = unit_of(user)
    return unit.family_ids() if unit else set()


class VisibleQuerySet(models.QuerySet):
    """Base queryset: anonymous and inactive users see nothing, leadership sees everything.

    Each doctype overrides `visible_for_staff(user)` with the rule for everyone else.
    """

    def visible_to(self, user):
        if not is_active_staff(user):
            return self.none()
        if sees_everything(user):
            return self.all()
        return self.visible_for_staff(user)

    def visible_for_staff(self, user):
        return self.none()

    def workable_by(self, user):
        """The records `user` may act on (steps, uploads, letters); a doctype with read-only viewers narrows it."""
        return self.visible_to(user)


class ReferenceQuerySet(VisibleQuerySet):
    """Reference data (PAPI dimensions, deadline rules, calendar) is readable by any staff member."""

    def visible_for_staff(self, user):
        return self.all()


class UnitRegisterQuerySet(VisibleQuerySet):
    """A register of units' records: the office sees its department's, anyone else their own unit's (and below)."""

    def visible_for_staff(self, user):
        if is_office(user):
            return self.filter(unit_id__in=agency_unit_ids(user))
        return self.filter(unit_id__in=own_unit_ids(user))
