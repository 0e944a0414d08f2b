"""Withdrawal of a complaint or a denunciation, and the suspension of its resolution (03/GQKN, 04/GQTC col 6).

Luật Khiếu nại 2011 Điều 10: the complainant may withdraw at any time before the decision; the
resolver then suspends the resolution (đình chỉ). Luật Tố cáo 2018 Điều 33: a denunciation may be
withdrawn before the conclusion; the resolver suspends it, unless the withdrawal was coerced or the
denounced act shows signs of a violation (khoản 3), in which case he goes on and this step is not used.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doctypes.complaint_case.access import require_work
from doctypes.complaint_case.models import ComplaintCase, Denunciation
from papi_inspect.audit import save
from papi_inspect.records import check_not_before, check_not_future

# The ground of a suspension is part of the file: "x" says nothing a reviewer could check.
MIN_REASON = 15


def _withdraw(case, *, by, withdrawn_on, reason, open_statuses, refused):
    require_work(by, case)
    if case.status not in open_statuses:
        raise ValidationError({"status": refused})
    check_not_future(withdrawn_on, field="withdrawn_on", label=_("Ngày rút"))
    check_not_before(withdrawn_on, case.received_on, field="withdrawn_on", label=_("Ngày rút"),
                     earlier_label=_("ngày nhận"))
    if len(reason.strip()) < MIN_REASON:
        raise ValidationError({"reason": _("Ghi rõ lý do rút và căn cứ đình chỉ (ít nhất %(count)d ký tự).")
                               % {"count": MIN_REASON}})
    case.withdrawn_on, case.withdrawal_reason, case.status = withdrawn_on, reason.strip(), type(case).Status.WITHDRAWN
    return save(case, _("Rút đơn, đình chỉ giải quyết"), by=by)


@transaction.atomic
def withdraw_complaint(case, *, by, withdrawn_on, reason):
    """The complainant withdrew before the decision: the resolution is suspended (Luật Khiếu nại 2011 Điều 10)."""
    S = ComplaintCase.Status
    return _withdraw(case, by=by, withdrawn_on=withdrawn_on, reason=reason,
                     open_statuses=(S.RECEIVED, S.ACCEPTED, S.VERIFIED, S.DIALOGUED),
                     refused=_("Khiếu nại đã có quyết định giải quyết hoặc đã đình chỉ: không rút được (Điều 10)."))


@transaction.atomic
def withdraw_denunciation(case, *, by, withdrawn_on, reason):
    """The denouncer withdrew before the conclusion: the resolution is suspended (Luật Tố cáo 2018 Điều 33)."""
    S = Denunciation.Status
    return _withdraw(case, by=by, withdrawn_on=withdrawn_on, reason=reason, open_statuses=(S.RECEIVED, S.ACCEPTED),
                     refused=_("Tố cáo đã có kết luận, không thụ lý hoặc đã đình chỉ: không rút được (Điều 33)."))
