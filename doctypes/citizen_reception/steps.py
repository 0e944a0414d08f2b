"""The steps of a reception, declared once: the back office and the API are built from them."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doctypes.citizen_reception import services
from doctypes.citizen_reception.models import Reception
from papi_inspect.choices import ScopedRelated
from papi_inspect.steps import Step, Workflow


class PetitionFromReceptionInput(serializers.Serializer):
    matter = serializers.CharField(label=_("Vụ việc (để trống: theo nội dung lượt tiếp)"), required=False, allow_blank=True,
                                   default="")
    handler = ScopedRelated(label=_("Người được giao xử lý đơn"), required=False, allow_null=True,
                            queryset=get_user_model().objects.filter(is_active=True))


RECEPTION_STEPS = Workflow(Reception, [
    # The handover to the petition register (TT 04/2021): the desk registers what the citizen handed in.
    Step("petition", _("Lập đơn từ lượt tiếp"), PetitionFromReceptionInput, services.petition_from_reception,
         lambda reception: reception.handling == Reception.Handling.RECEIVE and reception.petition_id is None,
         permissions=("complaint_case.add_petition",)),
])
