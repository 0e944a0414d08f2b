"""The steps of a dialogue's commitment, declared once: the back office and the API are built from them."""

from django.utils.translation import gettext_lazy as _

from doctypes.dialogue import services
from doctypes.dialogue.models import Commitment
from papi_inspect.duties import duty_steps

COMMITMENT_STEPS = duty_steps(Commitment, follow_up=services.follow_up, record_result=services.record_result,
                              result_label=_("Ghi kết quả thực hiện"))
