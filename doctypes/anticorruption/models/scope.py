"""Who sees the anti-corruption registers: the office and the inspectorate their department, a unit head their unit."""

from django.db import models

from papi_inspect.permissions import Role, VisibleQuerySet, agency_unit_ids, has_role, is_inspectorate, is_office, own_unit_ids


class RegisterQuerySet(VisibleQuerySet):
    """Records kept by unit; `person_field` names the staff member a record is about (they see their own)."""

    person_field = ""

    def visible_for_staff(self, user):
        if is_office(user) or is_inspectorate(user):
            return self.filter(unit_id__in=agency_unit_ids(user))
        seen = models.Q(unit_id__in=own_unit_ids(user)) if has_role(user, Role.UNIT_HEAD) else models.Q(pk__in=[])
        if self.person_field:
            seen |= models.Q(**{self.person_field: user})
        elif has_role(user, Role.UNIT_STAFF):
            # Sessions and documents are the unit's public work: its staff read them too.
            seen |= models.Q(unit_id__in=own_unit_ids(user))
        return self.filter(seen)


class PersonalQuerySet(RegisterQuerySet):
    person_field = "person"
