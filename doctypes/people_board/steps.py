"""The steps of a board's recommendation, declared once: the back office and the API are built from them."""

from django.utils.translation import gettext_lazy as _

from doctypes.people_board import services
from doctypes.people_board.models import Recommendation
from papi_inspect.duties import duty_steps

RECOMMENDATION_STEPS = duty_steps(Recommendation, follow_up=services.follow_up, record_result=services.record_result,
                                  result_label=_("Ghi kết quả giải quyết"))
