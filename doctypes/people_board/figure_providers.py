"""PAPI pre-fill from the people's inspection board: meetings held (participation, PAPI 1) and recommendations
answered on time (vertical accountability, PAPI 3)."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from doctypes.papi.figures import register
from doctypes.people_board.models import BoardMeeting, Recommendation


@register("people_board_meetings", dimension="1", label=_("Cuộc họp của Ban Thanh tra nhân dân"), source="people_board")
def board_meetings(unit_ids, start, end):
    """Meetings held in the period by the boards overseeing these units."""
    return BoardMeeting.objects.filter(board__unit_id__in=unit_ids, held_on__range=(start, end))


@register("people_board_recommendations", dimension="1", label=_("Kiến nghị của Ban Thanh tra nhân dân"),
          source="people_board")
def board_recommendations(unit_ids, start, end):
    """Recommendations the board made in the period to these units."""
    return Recommendation.objects.filter(owner_unit_id__in=unit_ids, made_on__range=(start, end))


@register("people_board_answered_on_time", dimension="3", label=_("Kiến nghị của Ban TTND được giải quyết đúng hạn"),
          source="people_board")
def recommendations_answered_on_time(unit_ids, start, end):
    """Recommendations these units answered in the period, on or before their due date."""
    return Recommendation.objects.filter(owner_unit_id__in=unit_ids, done_on__range=(start, end),
                                         done_on__lte=F("due_on"))
