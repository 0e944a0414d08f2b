"""Checks and records the remedies of a decision or a conclusion, so the report counts what the record says."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from doctypes.complaint_case.models.remedies import REMEDY_FIELDS

# "trong đó" columns are parts of the column before them (03/GQKN 20 ≤ 19, 23 ≤ 22; 04/GQTC 22 ≤ 21, 25 ≤ 24).
PARTS = (("disciplined_officials", "disciplined_people"), ("referred_officials", "referred_people"))


def apply_remedies(case, remedies):
    """Set the remedies given (unknown names refused, none negative, officials within people) on `case`."""
    unknown = set(remedies) - set(REMEDY_FIELDS)
    if unknown:
        raise ValidationError(_("Trường không có: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    values = {name: Decimal(str(remedies.get(name) or 0)) for name in REMEDY_FIELDS}
    errors = {name: _("Không được âm.") for name, value in values.items() if value < 0}
    for part, whole in PARTS:
        if values[part] > values[whole]:
            errors[part] = _("Không được lớn hơn tổng số người (%(whole)s).") % {"whole": int(values[whole])}
    if values["referred_people"] and not values["referred_cases"]:
        errors["referred_cases"] = _("Có người chuyển cơ quan điều tra thì phải có số vụ.")
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(case, name, int(value) if name.endswith(("orgs", "people", "officials", "cases")) else value)
