"""PAPI dimension 4 figures from the asset declaration register: declarations on time and late."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from doctypes.asset_declaration.models import DeclarationDuty
from doctypes.papi.figures import register


@register("declarations_on_time", dimension="4", label=_("Bản kê khai tài sản nộp đúng hạn"), source="asset_declaration")
def declarations_on_time(unit_ids, start, end):
    return DeclarationDuty.objects.filter(unit_id__in=unit_ids, submitted_on__range=(start, end),
                                          submitted_on__lte=F("due_on"))


@register("declarations_overdue", dimension="4", label=_("Người chưa nộp bản kê khai quá hạn (cuối kỳ)"),
          source="asset_declaration")
def declarations_overdue(unit_ids, start, end):
    return DeclarationDuty.objects.filter(unit_id__in=unit_ids, due_on__lt=end, submitted_on__isnull=True)
