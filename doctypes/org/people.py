"""Who is who in the department: the people a document or a step names by their role."""

from doctypes.org.models import StaffProfile


def default_signer(unit, role, *, position_prefix=""):
    """The person of `role` in the unit's agency who signs when the record names nobody (the head first)."""
    agency = unit.agency()
    profiles = StaffProfile.objects.filter(unit_id__in=agency.family_ids(), user__is_active=True,
                                           user__groups__name=str(role)).select_related("user").order_by("id")
    preferred = [p for p in profiles if p.position.lower().startswith(position_prefix.lower())] if position_prefix else []
    chosen = (preferred or list(profiles) or [None])[0]
    return chosen.user if chosen else None
