"""The tablet's pages: sign-in, home, an inspection and its finding form, a checklist, a verification, the queue."""

import functools
import hashlib
import json

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from doctypes.discipline_check.access import may_record_results
from doctypes.discipline_check.models import DisciplineCheck
from doctypes.finding.models import Action, Finding
from doctypes.inspection.models import Inspection
from doctypes.papi.models import Dimension
from tablet import assignments
from tablet.identity import USER_HEADER, mark_user
from tablet.legal_bases import legal_bases
from tablet.services import version_of

tablet_login_required = login_required(login_url=reverse_lazy("tablet:login"))


class LoginView(auth_views.LoginView):
    template_name = "tablet/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("tablet:home")

    def dispatch(self, request, *args, **kwargs):
        # Whoever signs in (or nobody, on the sign-in page) becomes the tablet's user for every open tab.
        return mark_user(super().dispatch(request, *args, **kwargs), request.user)


def _page(request, template, status=200, **context):
    response = render(request, template, context, status=status)
    # Pages are personal; only this browser's service worker may keep them, for offline use.
    response["Cache-Control"] = "private, no-cache"
    return mark_user(response, request.user)


def _not_found(request, message):
    return _page(request, "tablet/not_found.html", status=404, message=message)


def tablet_page(view):
    """A page of the signed-in inspector; a record outside their work is "not found", on a page of the tablet."""

    @functools.wraps(view)
    @tablet_login_required
    def page(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404 as missing:
            return _not_found(request, str(missing))

    return page


def not_found(request, rest=""):
    """Any other address under /tablet/: the tablet's own page, in Vietnamese, never Django's debug page."""
    if not request.path.endswith("/"):
        # What APPEND_SLASH did before this catch-all existed: /tablet/queue goes to /tablet/queue/.
        try:
            slashed = resolve(request.path + "/")
        except Resolver404:
            slashed = None
        if slashed is not None and slashed.url_name != "not-found":
            query = request.META.get("QUERY_STRING", "")
            return redirect(request.path + "/" + (f"?{query}" if query else ""))
    return _not_found(request, _("Không có trang này trên máy tính bảng."))


@tablet_page
def home(request):
    return _page(request, "tablet/home.html", work=assignments.assignments_for(request.user, today=timezone.localdate()))


def _team_inspection(user, pk):
    """An inspection the user works on in the field; any other is "not found", as if it did not exist."""
    inspection = assignments.team_inspections(user).filter(pk=pk).first()
    if inspection is None:
        raise Http404(_("Không tìm thấy cuộc thanh tra trong danh sách việc của bạn."))
    return inspection


def _run_check(user, pk):
    """A check still under way that the user runs (its leader, or the office); a finished one is the office's."""
    check = (DisciplineCheck.objects.visible_to(user).select_related("unit", "template")
             .filter(pk=pk, status=DisciplineCheck.Status.SCHEDULED).first())
    if check is None or not may_record_results(user, check):
        raise Http404(_("Không tìm thấy cuộc kiểm tra trong danh sách việc của bạn."))
    return check


def _findings(user, **source):
    return Finding.objects.visible_to(user).filter(**source).select_related("recorded_by").order_by("-recorded_on", "-pk")


@tablet_page
def inspection(request, pk):
    record = _team_inspection(request.user, pk)
    return _page(request, "tablet/inspection.html", inspection=record, findings=_findings(request.user, inspection=record))


def _finding_form(request, *, source_field, source, units, back_url, year):
    dimensions = Dimension.objects.visible_to(request.user).existing_in(year).filter(parent__isnull=False)
    return _page(request, "tablet/finding_form.html", source_field=source_field, source=source, units=units,
                 back_url=back_url, dimensions=dimensions, legal_bases=legal_bases(request.user),
                 severities=Finding.Severity.choices)


@tablet_page
def inspection_finding(request, pk):
    record = _team_inspection(request.user, pk)
    return _finding_form(request, source_field="inspection", source=record, units=record.subject_units.all(),
                         back_url=reverse("tablet:inspection", args=[pk]), year=record.year)


@tablet_page
def check(request, pk):
    record = _run_check(request.user, pk)
    items = assignments.checklist(record)
    return _page(request, "tablet/check.html", check=record, items=items, today=timezone.localdate(),
                 findings=_findings(request.user, discipline_check=record), answered=sum(1 for item in items if item["outcome"]))


@tablet_page
def check_finding(request, pk):
    record = _run_check(request.user, pk)
    return _finding_form(request, source_field="discipline_check", source=record, units=[record.unit],
                         back_url=reverse("tablet:check", args=[pk]), year=record.scheduled_on.year)


@tablet_page
def verify(request, pk):
    action = next((a for a in assignments.pending_verifications(request.user) if a.pk == pk), None)
    if action is None:
        raise Http404(_("Không tìm thấy kiến nghị chờ xác nhận trong danh sách việc của bạn."))
    return _page(request, "tablet/verify.html", action=action, version=version_of(action),
                 progress=action.progress.order_by("reported_on", "pk"))


@tablet_page
def queue(request):
    return _page(request, "tablet/queue.html")


SHELL_ASSETS = [
    "papi_inspect/vendor/bootstrap-5.3.8/bootstrap.min.css",
    "papi_inspect/vendor/bootstrap-5.3.8/bootstrap.bundle.min.js",
    "papi_inspect/vendor/htmx-2.0.8/htmx.min.js",
    "papi_inspect/vendor/dexie-4.2.1/dexie.min.js",
    "papi_inspect/front/front.css",
    "tablet/tablet.css",
    "tablet/queue.js",
    "tablet/forms.js",
]
# Bump when sw.js itself changes, so tablets replace their cached copy of the shell.
SHELL_VERSION = "2"


@never_cache
def service_worker(request):
    """The service worker, rendered so it knows the (possibly hashed) asset URLs of the app shell."""
    assets = [static(path) for path in SHELL_ASSETS]
    digest = hashlib.sha256("\n".join(assets).encode()).hexdigest()[:10]
    config = {"assets": assets, "version": f"{SHELL_VERSION}-{digest}", "scope": reverse("tablet:home"),
              "login": reverse("tablet:login"), "api": "/api/v1/tablet/", "userHeader": USER_HEADER,
              "offline": _("Mất kết nối và trang này chưa được lưu trên máy. Hãy mở lại khi có mạng.")}
    # JSON of URLs and one sentence is valid JavaScript as it stands (this is a script file, not HTML).
    response = render(request, "tablet/sw.js", {"config": json.dumps(config, ensure_ascii=False)},
                      content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = reverse("tablet:home")
    return response
