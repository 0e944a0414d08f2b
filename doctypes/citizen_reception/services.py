"""Reception-log and schedule services (Luật Tiếp công dân 2013; NĐ 64/2014; TT 04/2021/TT-TTCP)."""

import datetime
from calendar import monthrange

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doctypes.citizen_reception.access import require_log_reception, require_schedule
from doctypes.citizen_reception.models import Reception, ReceptionDay
from doctypes.complaint_case.models import ContentKind, Petition
from doctypes.complaint_case.services.petition import link_case_papi, register_petition
from papi_inspect.audit import save
from papi_inspect.calendar import working_calendar
from papi_inspect.deadlines import compute_deadline
from papi_inspect.identity import decrypt_identity
from papi_inspect.records import check_not_future, next_code


@transaction.atomic
def log_reception(
    *, by, received_on, kind, identity, content, classification, handling, unit, group_size=1,
    documents_received="", transfer_to="", verbal_statement="", statement_signed=False, refusal_ground="",
    refusal_note="", leader_present="", create_petition=False, matter="",
):
    """Log one reception; a group names its representative, a refusal its Art. 9 ground.

    A verbal statement is recorded and must be signed (NĐ 64/2014); the citizen's identity is
    encrypted and, when the matter is a denunciation, protected like a denouncer's (TT 04/2021).
    """
    require_log_reception(by, unit)
    check_not_future(received_on, field="received_on", label="Ngày tiếp")
    identity = identity or {}
    if not identity.get("name"):
        raise ValidationError({"identity": _("Cần họ tên công dân (hoặc người đại diện của đoàn).")})
    is_group = group_size > 1
    if is_group and not identity.get("representative"):
        raise ValidationError({"representative": _("Đoàn đông người phải cử người đại diện.")})
    if handling == Reception.Handling.REFUSED and not refusal_ground:
        raise ValidationError({"refusal_ground": _("Từ chối tiếp phải ghi căn cứ theo Điều 9 Luật Tiếp công dân.")})
    if refusal_ground and handling != Reception.Handling.REFUSED:
        raise ValidationError({"refusal_ground": _("Chỉ ghi căn cứ từ chối khi từ chối tiếp.")})
    if verbal_statement.strip() and not statement_signed:
        raise ValidationError({"statement_signed": _("Nội dung trình bày bằng lời phải được đọc lại và công dân ký xác nhận.")})
    if handling == Reception.Handling.TRANSFER and not transfer_to.strip():
        raise ValidationError({"transfer_to": _("Cần ghi cơ quan được chuyển đến.")})
    reception = Reception(
        code=next_code(Reception, "TCD", received_on.year), received_on=received_on, kind=kind, is_group=is_group,
        group_size=group_size, content=content, documents_received=documents_received, classification=classification,
        handling=handling, transfer_to=transfer_to, verbal_statement=verbal_statement, statement_signed=statement_signed,
        refusal_ground=refusal_ground, refusal_note=refusal_note, officer=by, leader_present=leader_present, unit=unit,
    )
    reception.pseudonym = f"Công dân {reception.code}"
    reception.set_identity(identity)
    if create_petition and handling != Reception.Handling.RECEIVE:
        raise ValidationError({"handling": _("Chỉ tạo đơn khi tiếp nhận đơn.")})
    save(reception, gettext_noop("Ghi sổ tiếp công dân"), by=by)
    if classification != ContentKind.REQUEST:
        link_case_papi(reception)
    if create_petition:
        petition_from_reception(reception, by=by, matter=matter, identity=identity)
    return reception


@transaction.atomic
def petition_from_reception(reception, *, by, matter="", handler=None, identity=None):
    """Register the petition a citizen handed in at the desk (the handover "Lập đơn từ lượt tiếp", TT 04/2021):
    received the day of the reception, by its unit, naming the same person (the identity stays encrypted at rest)."""
    if reception.handling != Reception.Handling.RECEIVE:
        raise ValidationError({"handling": _("Chỉ lập đơn khi lượt tiếp là tiếp nhận đơn.")})
    if reception.petition_id:
        raise ValidationError({"petition": _("Lượt tiếp này đã có đơn %(code)s.") % {"code": reception.petition.code}})
    content = reception.full_text("content")
    reception.petition = register_petition(
        by=by, received_on=reception.received_on, channel=Petition.Channel.RECEPTION, matter=(matter or content)[:255],
        summary=reception.full_text("verbal_statement") or content, unit=reception.unit,
        identity=identity or decrypt_identity(reception.identity_cipher), many_signers=reception.is_group,
        content_kind=reception.classification, handler=handler or by,
    )
    return save(reception, f"Lập đơn {reception.petition.code} từ lượt tiếp", by=by)


def fixed_day_in(month, day_of_month):
    """The fixed day in `month`, clipped to the month's last day (e.g. the 31st in February)."""
    last = monthrange(month.year, month.month)[1]
    return month.replace(day=min(day_of_month, last))


@transaction.atomic
def schedule_reception_day(*, by, planned_on, leader, delegate=None, place="", calendar=None):
    """One month's head reception day (Art. 18): the planned day, moved off a day off within the same month.

    Luật Tiếp công dân 2013 Art. 18(1) wants the head to receive citizens at least one day every month,
    so a day off moves the day to the next working day of that month, or back to the last one before it
    when the month ends first (31/01 on a Saturday becomes 30/01, never 02/02, which would leave January
    without one and February with two).
    """
    require_schedule(by)
    calendar = calendar or working_calendar()
    month = planned_on.replace(day=1)
    if ReceptionDay.objects.filter(month=month).exists():
        raise ValidationError({"planned_on": _('Tháng %(month)s đã có lịch tiếp công dân của lãnh đạo.') % {"month": f"{month:%m/%Y}"}})
    held = calendar.working_day_in_month(planned_on)
    day = ReceptionDay(month=month, planned_on=planned_on, held_on=held, leader=leader, delegate=delegate,
                       moved_because=calendar.why_not_working(planned_on) if held != planned_on else "")
    if place:
        day.place = place
    return save(day, gettext_noop("Công bố lịch tiếp công dân"), by=by)


@transaction.atomic
def publish_schedule(*, by, year, day_of_month, leader, delegate=None, place="", calendar=None):
    """The head's reception day for each month of `year` (Art. 18) on a fixed day; months already
    scheduled are kept."""
    require_schedule(by)
    if not 1 <= day_of_month <= 31:
        raise ValidationError({"day_of_month": _("Ngày trong tháng phải từ 1 đến 31.")})
    calendar = calendar or working_calendar()
    days = []
    for number in range(1, 13):
        month = datetime.date(year, number, 1)
        if not ReceptionDay.objects.filter(month=month).exists():
            days.append(schedule_reception_day(by=by, planned_on=fixed_day_in(month, day_of_month), leader=leader,
                                               delegate=delegate, place=place, calendar=calendar))
    return days


@transaction.atomic
def delegate_reception_day(day, *, by, delegate):
    """The head may delegate the day to a deputy or the chief inspector (Art. 18)."""
    require_schedule(by)
    day.delegate = delegate
    return save(day, gettext_noop("Ủy quyền tiếp công dân"), by=by)


def months_without_reception(year, *, through=None):
    """Months of `year` (up to `through`) with no leader reception day: each needs one (Art. 18)."""
    compute_deadline("citizen_reception.head_day", datetime.date(year, 1, 1))  # the rule must be in force
    last = through.month if through and through.year == year else 12
    scheduled = set(ReceptionDay.objects.filter(month__year=year).values_list("month__month", flat=True))
    return [datetime.date(year, number, 1) for number in range(1, last + 1) if number not in scheduled]
