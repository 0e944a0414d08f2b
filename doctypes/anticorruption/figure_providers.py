"""PAPI dimension 4 (control of corruption) figures from the anti-corruption registers, for a unit's quarterly report."""

from django.utils.translation import gettext_lazy as _

from doctypes.anticorruption.models import ConflictOfInterest, GiftHandover, JobRotation, OutreachSession, SessionAttendance
from doctypes.papi.figures import register, summed


@register("anticorruption_sessions", dimension="4", label=_("Lớp tuyên truyền, tập huấn PCTN đã tổ chức"),
          source="anticorruption")
def sessions_held(unit_ids, start, end):
    return OutreachSession.objects.filter(unit_id__in=unit_ids, held_on__range=(start, end))


@register("anticorruption_participants", dimension="4", label=_("Lượt người tham gia tuyên truyền, tập huấn PCTN"),
          source="anticorruption")
def participants(unit_ids, start, end):
    rows = SessionAttendance.objects.filter(unit_id__in=unit_ids, session__held_on__range=(start, end))
    return summed(rows, "count")


@register("job_rotations_done", dimension="4", label=_("Cán bộ đã chuyển đổi vị trí công tác"), source="anticorruption")
def rotations_done(unit_ids, start, end):
    return JobRotation.objects.filter(unit_id__in=unit_ids, done_on__range=(start, end))


@register("job_rotations_overdue", dimension="4", label=_("Cán bộ quá hạn chuyển đổi vị trí công tác (cuối kỳ)"),
          source="anticorruption")
def rotations_overdue(unit_ids, start, end):
    return JobRotation.objects.filter(unit_id__in=unit_ids, current_due__lt=end, done_on__isnull=True)


@register("conflicts_handled", dimension="4", label=_("Xung đột lợi ích đã xử lý"), source="anticorruption")
def conflicts_handled(unit_ids, start, end):
    return ConflictOfInterest.objects.filter(unit_id__in=unit_ids, handled_on__range=(start, end))


@register("gifts_handed_over", dimension="4", label=_("Quà tặng đã nộp lại"), source="anticorruption")
def gifts_handed_over(unit_ids, start, end):
    return GiftHandover.objects.filter(unit_id__in=unit_ids, handed_over_on__range=(start, end))
