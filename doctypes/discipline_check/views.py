"""The discipline-check calendar (month and week views) and its JSON feed, scoped by visible_to."""

import datetime

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from doctypes.discipline_check.models import DisciplineCheck

COLOURS = {DisciplineCheck.Status.DONE: "#16a34a", DisciplineCheck.Status.SCHEDULED: "#2563eb"}


@login_required
def calendar_page(request):
    context = {**admin.site.each_context(request), "title": _("Lịch kiểm tra công vụ"),
               "may_add": request.user.has_perm("discipline_check.add_disciplinecheck")}
    return render(request, "discipline_check/calendar.html", context)


def _day(value):
    try:
        return datetime.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


@login_required
def calendar_events(request):
    """FullCalendar's event feed: ?start=...&end=... (ISO dates); only checks the user may see."""
    checks = DisciplineCheck.objects.visible_to(request.user).select_related("unit")
    start, end = _day(request.GET.get("start")), _day(request.GET.get("end"))
    if start:
        checks = checks.filter(scheduled_on__gte=start)
    if end:
        checks = checks.filter(scheduled_on__lt=end)
    events = [{
        "id": check.pk,
        "title": f"{check.unit.short_name or check.unit.name}{'' if check.announced else ' (' + _('đột xuất') + ')'}",
        "start": check.scheduled_on.isoformat(),
        "allDay": True,
        "color": COLOURS[check.status],
        "url": reverse("admin:discipline_check_disciplinecheck_change", args=[check.pk]),
    } for check in checks[:500]]
    return JsonResponse(events, safe=False)
