"""PAPI dimension 2 (transparency) figures from the publication register: on time, late, overdue and unpublished."""

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doctypes.papi.figures import register
from doctypes.publication.models import Publication


def _of_units(unit_ids):
    return Publication.objects.filter(unit_id__in=unit_ids)


@register("publications_on_time", dimension="2", label=_("Nội dung công khai đúng hạn"), source="publication")
def publications_on_time(unit_ids, start, end):
    """Published in the period by the deadline (or with no deadline to miss)."""
    return _of_units(unit_ids).filter(Q(due_on__isnull=True) | Q(published_on__lte=F("due_on")),
                                      published_on__gte=start, published_on__lte=end)


@register("publications_late", dimension="2", label=_("Nội dung công khai trễ hạn"), source="publication")
def publications_late(unit_ids, start, end):
    """Published in the period after the deadline."""
    return _of_units(unit_ids).filter(published_on__gte=start, published_on__lte=end, published_on__gt=F("due_on"))


@register("publications_overdue", dimension="2", label=_("Nội dung quá hạn chưa công khai"), source="publication")
def publications_overdue(unit_ids, start, end):
    """Due in the period, the deadline passed (as of today) and still not published."""
    return _of_units(unit_ids).filter(published_on__isnull=True, due_on__gte=start, due_on__lte=end,
                                      due_on__lt=timezone.localdate())
