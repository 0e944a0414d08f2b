"""PAPI 3 pre-fill from the leaders' dialogues: dialogues held, citizens who took part, commitments met on time."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from doctypes.dialogue.models import Commitment, Dialogue
from doctypes.papi.figures import register, summed


@register("dialogues_held", dimension="3", label=_("Cuộc đối thoại của lãnh đạo với người dân"), source="dialogue")
def dialogues_held(unit_ids, start, end):
    """Dialogues with citizens (not a complaint's own) that these units organised in the period."""
    return Dialogue.objects.filter(unit_id__in=unit_ids, held_on__range=(start, end), kind=Dialogue.Kind.CITIZENS)


@register("dialogue_participants", dimension="3", label=_("Lượt người dân tham dự đối thoại"), source="dialogue")
def dialogue_participants(unit_ids, start, end):
    return summed(Dialogue.objects.filter(unit_id__in=unit_ids, held_on__range=(start, end)), "participant_count")


@register("dialogue_commitments_on_time", dimension="3", label=_("Cam kết sau đối thoại hoàn thành đúng hạn"),
          source="dialogue")
def commitments_on_time(unit_ids, start, end):
    """Commitments these units met in the period, on or before their due date."""
    return Commitment.objects.filter(owner_unit_id__in=unit_ids, done_on__range=(start, end), done_on__lte=F("due_on"))
