"""The daily deadline reminders: assignees while a deadline is near or missed, their leader at two
days before and on the day it is missed. Messages name the case code and pseudonym, never a person."""

import datetime

from django.apps import apps
from django.utils import timezone

from papi_inspect.deadlines import DeadlineStatus, deadline_status
from papi_inspect.notifications import notify

LEADER_DAYS_BEFORE = 2  # the rule: the leader hears two days before the deadline


def models_with_identity():
    """Every model storing an encrypted identity (the rotation command walks them all)."""
    from papi_inspect.identity import ProtectedIdentity

    return [model for model in apps.get_models() if issubclass(model, ProtectedIdentity)]


def open_cases():
    """(record, due, label) for every open record whose current deadline is set."""
    from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition

    for model in (Petition, ComplaintCase, Denunciation):
        for record in model.objects.select_related("handler__staff_profile__supervisor__user"):
            due = record.current_due
            if due and record.handler_id:
                yield record, due, model._meta.verbose_name


def _label(record):
    pseudonym = getattr(record, "pseudonym", "")
    return f"{record.code}" + (f" ({pseudonym})" if pseudonym and not hasattr(record, "complainant_name") else "")


def send_reminders(*, today=None):
    """Send today's reminders; the notification key makes a second run on the same day a no-op."""
    today = today or timezone.localdate()
    sent = 0
    for record, due, kind in open_cases():
        status = deadline_status(due, today=today)
        if status == DeadlineStatus.ON_TIME:
            continue
        model = record._meta.label_lower
        overdue = status == DeadlineStatus.OVERDUE
        subject = f"{'Quá hạn' if overdue else 'Sắp đến hạn'}: {kind} {_label(record)} – hạn {due:%d/%m/%Y}"
        link = f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"
        if notify(record.handler, subject=subject, link=link, key=f"reminder:{model}:{record.pk}:{due}:{today}"):
            sent += 1
        leader = _leader_of(record.handler)
        if leader is None:
            continue
        if due - today == datetime.timedelta(days=LEADER_DAYS_BEFORE):
            moment = "before"
        elif today - due == datetime.timedelta(days=1):
            moment = "missed"
        else:
            continue
        if notify(leader, subject=f"[Lãnh đạo] {subject}", body=f"Cán bộ được giao: {record.handler.get_full_name()}",
                  link=link, key=f"reminder-leader:{model}:{record.pk}:{due}:{moment}"):
            sent += 1
    return sent


def _leader_of(user):
    profile = getattr(user, "staff_profile", None)
    supervisor = profile.supervisor if profile else None
    return supervisor.user if supervisor else None
