"""Checks and numbering every doctype's services share when they record an event."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from papi_inspect.db_locks import hold_until_commit
from papi_inspect.deadlines import DeadlineError, compute_deadline


def check_not_future(day, *, field, label):
    """A receipt (or any recorded event) cannot lie in the future."""
    if day > timezone.localdate():
        raise ValidationError({field: _('%(label)s (%(day)s) không được sau ngày hôm nay.') % {"label": label, "day": f"{day:%d/%m/%Y}"}})


# A reason a decision rests on must say something a reader can check ("x" is not a reason).
MIN_REASON_LENGTH = 20


def check_reason(reason, *, field, label, minimum=MIN_REASON_LENGTH):
    """A stated reason of at least `minimum` characters, stripped; returned clean."""
    text = (reason or "").strip()
    if len(text) < minimum:
        raise ValidationError({field: _("%(label)s phải nêu rõ căn cứ (ít nhất %(minimum)s ký tự).") % {
            "label": label, "minimum": minimum}})
    return text


def check_not_past(day, *, field, label, today=None):
    """Something planned (a check, a hearing) is not put on a day already gone."""
    today = today or timezone.localdate()
    if day < today:
        raise ValidationError({field: _("%(label)s (%(day)s) không được trước ngày hôm nay (%(today)s).") % {
            "label": label, "day": f"{day:%d/%m/%Y}", "today": f"{today:%d/%m/%Y}"}})


def check_not_before(day, earlier, *, field, label, earlier_label):
    if day < earlier:
        raise ValidationError({field: _('%(label)s (%(day)s) không được trước %(earlier_label)s (%(earlier)s).') % {"label": label, "day": f"{day:%d/%m/%Y}", "earlier_label": earlier_label, "earlier": f"{earlier:%d/%m/%Y}"}})


def require_status(case, *statuses, message):
    """A step out of order is refused with the reason why (deciding before verifying, …)."""
    if case.status not in statuses:
        raise ValidationError({"status": message})


def due_date(code, start, **options):
    """The due date from the deadline engine; a missing rule becomes a readable validation error."""
    try:
        return compute_deadline(code, start, **options).due
    except DeadlineError as exc:
        raise ValidationError({exc.field: str(exc)}) from exc


def check_visible(record, user, *, field):
    """A related record named in an input must be one the author may see; an unseen one is reported missing."""
    if not type(record).objects.visible_to(user).filter(pk=record.pk).exists():
        raise ValidationError({field: _("Không tìm thấy bản ghi.")})
    return record


def next_code(model, prefix, year):
    """"PREFIX-YYYY-NNNN", the next free number of the year."""
    stem = f"{prefix}-{year}-"
    hold_until_commit(f"next_code:{model._meta.label}:{stem}")
    taken = model.objects.filter(code__startswith=stem).values_list("code", flat=True)
    numbers = [int(code.rsplit("-", 1)[1]) for code in taken if code.rsplit("-", 1)[1].isdigit()]
    return f"{stem}{max(numbers, default=0) + 1:04d}"
