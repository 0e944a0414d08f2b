"""Front-office case screens under /cases/: "Việc của tôi", a case's detail, its next steps and the logged reveal.

Every screen starts from visible_to; steps run the same services as the back office and the
API (doctypes/complaint_case/steps.py), and only on records the user may work on.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doctypes.complaint_case.access import may_reveal
from doctypes.complaint_case.admin.identity import IDENTITY_INPUTS, RevealForm
from doctypes.complaint_case.dialogue_link import dialogue_result
from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from doctypes.complaint_case.forms import petition_form
from doctypes.complaint_case.services import petition as services_petition
from doctypes.complaint_case.services import verification as services_verification
from doctypes.complaint_case.services.identity import reveal_identity, reveal_text
from doctypes.complaint_case.steps import WORKFLOWS
from papi_inspect.audit import reason_shown
from papi_inspect.deadlines import DeadlineStatus
from papi_inspect.identity import IdentityKeyError
from papi_inspect.models import Attachment
from papi_inspect.steps import add_errors

KINDS = {"petitions": Petition, "complaints": ComplaintCase, "denunciations": Denunciation}
KIND_LABELS = {"petitions": gettext_lazy("Đơn"), "complaints": gettext_lazy("Khiếu nại"), "denunciations": gettext_lazy("Tố cáo")}
# Searchable text: codes and subjects, never an identity (the complainant's name is not searched either).
SEARCH = {"petitions": ("code", "matter", "pseudonym"), "complaints": ("code", "subject", "complained_act"),
          "denunciations": ("code", "subject", "denounced", "pseudonym")}
DUE_FIELDS = {
    "petitions": ["process_due"],
    "complaints": ["accept_due", "resolve_due"],
    "denunciations": ["initial_due", "notify_due", "resolve_due", "report_due"],
}
SHOWN_FIELDS = {
    "petitions": ["received_on", "channel", "forwarded_by", "content_kind", "eligible", "within_competence", "many_signers",
                  "prior_resolution", "outcome", "outcome_on", "transfer_to", "unit", "handler"],
    "complaints": ["received_on", "complainant_name", "complained_act", "level", "is_complex", "is_remote", "accepted_on",
                   "verified_on", "verification_result", "dialogue_on", "dialogue_result", "decided_on", "decision_number",
                   "result", "conclusion", "unit", "handler"],
    "denunciations": ["received_on", "denounced", "is_complex", "anti_corruption", "accepted_on", "notified_on",
                      "not_accepted_reason", "concluded_on", "conclusion", "handled_on", "handling", "report_requested_on",
                      "unit", "handler"],
}
PER_PAGE = 25


def kind_of(record):
    return next(kind for kind, model in KINDS.items() if isinstance(record, model))


def _mine(kind, user):
    """"Việc của tôi": assigned to me, registered by me, or given me to verify."""
    mine = Q(handler=user)
    if kind == "petitions":
        mine |= Q(registered_by=user)
    if kind == "denunciations":
        mine |= Q(verifiers__user=user)
    return mine


def _rows(request):
    kinds = [request.GET["kind"]] if request.GET.get("kind") in KINDS else list(KINDS)
    query, scope = request.GET.get("q", "").strip(), request.GET.get("scope", "mine")
    status, due = request.GET.get("status", ""), request.GET.get("due", "")
    rows = []
    for kind in kinds:
        records = KINDS[kind].objects.visible_to(request.user)
        if scope != "all":
            records = records.filter(_mine(kind, request.user))
        if query:
            match = Q()
            for field in SEARCH[kind]:
                match |= Q(**{f"{field}__icontains": query})
            records = records.filter(match)
        if status:
            records = records.filter(status=status)
        for record in records.distinct().select_related("unit", "handler"):
            # deadline_status counts working days, so it is computed per row rather than in SQL.
            if due and (record.deadline_status or "") != due:
                continue
            rows.append((kind, record))
    order = {DeadlineStatus.OVERDUE: 0, DeadlineStatus.DUE_SOON: 1, DeadlineStatus.ON_TIME: 2, None: 3}
    rows.sort(key=lambda row: (order[row[1].deadline_status], row[1].current_due or row[1].received_on))
    return rows


@login_required
def my_cases(request):
    """The list: my petitions, complaint cases and denunciations, most urgent first."""
    page = Paginator(_rows(request), PER_PAGE).get_page(request.GET.get("page"))
    statuses = [(KIND_LABELS[kind], model.Status.choices) for kind, model in KINDS.items()]
    context = {
        "page": page, "kinds": KIND_LABELS, "statuses": statuses, "due_choices": DeadlineStatus.choices,
        "filters": {key: request.GET.get(key, "") for key in ("kind", "q", "status", "due", "scope")},
    }
    template = "complaint_case/front/_rows.html" if request.headers.get("HX-Request") else "complaint_case/front/list.html"
    return render(request, template, context)


def _record(request, kind, pk):
    model = KINDS.get(kind)
    record = model.objects.visible_to(request.user).filter(pk=pk).first() if model else None
    if record is None:
        raise Http404(_("Không tìm thấy hồ sơ."))
    return record


def _workable(user, record):
    return type(record).objects.workable_by(user).filter(pk=record.pk).exists()


def _files(user, record):
    """(originals, redacted copies) the user may download; a read-only viewer gets copies at most."""
    originals = Attachment.objects.none()
    if type(record).objects.files_visible_to(user).filter(pk=record.pk).exists():
        if isinstance(record, Denunciation):
            originals = services_verification.originals_of(record)
        else:
            originals = Attachment.objects.visible_to(user).filter(
                content_type__app_label="complaint_case", content_type__model=record._meta.model_name, object_id=record.pk)
    copies = services_verification.copies_for(user, record) if isinstance(record, Denunciation) else []
    return originals, copies


def _styled(form):
    """Bootstrap classes on a step form built from its input serializer."""
    for field in form.fields.values():
        widget = field.widget
        widget.attrs.setdefault("class", "form-select" if getattr(widget, "allow_multiple_selected", None) is not None
                                or widget.__class__.__name__.endswith("Select") else "form-control")
    return form


def _letter(record, kind, workable):
    """The letter to download, for those who may work on the record (a read-only view gets none)."""
    if not workable:
        return None
    if kind == "petitions" and record.outcome in (Petition.Outcome.TRANSFER, Petition.Outcome.GUIDE):
        return reverse("complaint_case:petition-letter", args=[record.pk])
    if kind == "complaints" and record.status == ComplaintCase.Status.DECIDED:
        return reverse("complaint_case:complaint-decision", args=[record.pk])
    return None


def _shown(record, name):
    field = record._meta.get_field(name)
    value = getattr(record, name)
    if field.choices:
        return getattr(record, f"get_{name}_display")() or "—"
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if name == "handler" and value is not None:
        return value.get_full_name() or value.username
    if name == "dialogue_result":  # recorded in the dialogue register since it exists (Art. 30), on the case before
        value = dialogue_result(record)
    return value if value not in (None, "") else "—"


def _history(record):
    """The last 30 changes, each reason in the reader's language."""
    entries = list(record.history.select_related("history_user").order_by("-history_date", "-history_id")[:30])
    for entry in entries:
        entry.history_change_reason = reason_shown(entry.history_change_reason)
    return entries


def _detail_context(request, kind, record, *, forms=None, failed=None):
    workable = _workable(request.user, record)
    steps = WORKFLOWS[type(record)].next_steps(record, request.user)
    if failed and failed[0] not in [step.name for step in steps]:
        # A step refused because someone moved the record on keeps its form, and what was typed in it, on the page.
        steps.append(WORKFLOWS[type(record)].get(failed[0]))
    forms = forms or {}
    originals, copies = _files(request.user, record)
    return {
        "record": record, "kind": kind, "kind_label": KIND_LABELS[kind], "workable": workable,
        "steps": [(step.name, step.label, _styled(forms.get(step.name) or step.form(record, user=request.user, auto_id=f"id_{step.name}_%s")))
                  for step in steps],
        "letter": _letter(record, kind, workable),
        "failed": failed,
        "deadlines": [(record._meta.get_field(name).verbose_name, getattr(record, name), getattr(record, name) == record.current_due)
                      for name in DUE_FIELDS[kind] if getattr(record, name)],
        "fields": [(record._meta.get_field(name).verbose_name, _shown(record, name)) for name in SHOWN_FIELDS[kind]],
        "history": _history(record),
        "extensions": record.extensions.all() if kind == "denunciations" else [],
        "verifiers": record.verifiers.select_related("user") if kind == "denunciations" else [],
        "originals": originals, "copies": copies,
        "may_reveal": kind != "complaints" and workable and record.has_identity and may_reveal(request.user, record),
        "reveal_form": RevealForm(),
    }


@login_required
def case_detail(request, kind, pk):
    record = _record(request, kind, pk)
    return render(request, "complaint_case/front/detail.html", _detail_context(request, kind, record))


@login_required
@require_POST
def case_step(request, kind, pk, step):
    """Run one workflow step through its service; a refusal is shown with the service's reason."""
    record = _record(request, kind, pk)
    declared = WORKFLOWS[type(record)].get(step)
    if declared is None:
        raise Http404(_("Không có bước xử lý này."))
    if not declared.permitted(request.user, record):
        raise PermissionDenied(_("Bạn chỉ được xem hồ sơ này, không được thực hiện bước xử lý."))
    form = declared.form(record, request.POST, request.FILES, user=request.user, auto_id=f"id_{step}_%s")
    if declared.run_form(form, record, by=request.user):
        messages.success(request, _("Đã ghi: %s") % declared.label)
        return redirect(reverse("complaint_case:front-detail", args=[kind, record.pk]))
    record = _record(request, kind, pk)  # reload: a refused step changed nothing (each service is atomic)
    context = _detail_context(request, kind, record, forms={step: form}, failed=(step, declared.label, form))
    return render(request, "complaint_case/front/detail.html", context, status=200 if request.headers.get("HX-Request") else 400)


@login_required
def new_petition(request):
    """Register a petition from the screen: the same register_petition as the back office and the API."""
    if not request.user.has_perm("complaint_case.add_petition"):
        raise PermissionDenied(_("Bạn không được tiếp nhận đơn."))
    form = petition_form(request.user)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            petition = services_petition.register_petition(by=request.user, **form.service_data())
        except (ValidationError, PermissionDenied) as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Đã tiếp nhận đơn %s.") % petition.code)
            return redirect(reverse("complaint_case:front-detail", args=["petitions", petition.pk]))
    status = 400 if request.method == "POST" else 200
    return render(request, "complaint_case/front/intake.html", {"form": form, "title": _("Tiếp nhận đơn")}, status=status)


@login_required
@require_POST
def case_reveal(request, kind, pk):
    """Reveal the identity with a reason: the service logs the attempt, granted or refused."""
    record = _record(request, kind, pk)
    if kind == "complaints":
        raise Http404(_("Hồ sơ khiếu nại không có danh tính được bảo vệ."))
    form = RevealForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, kind, record)
        context["reveal_form"] = form
        return render(request, "complaint_case/front/detail.html", context, status=400)
    try:
        identity = reveal_identity(record, by=request.user, reason=form.cleaned_data["reason"])
        # The letter names the same person: its full text is shown here too, and logged as its own read.
        text = reveal_text(record, by=request.user, reason=form.cleaned_data["reason"])
    except PermissionDenied as error:
        response = render(request, "complaint_case/front/refused.html", {"record": record, "kind": kind, "message": str(error)},
                          status=403)
        return response
    except (ValidationError, IdentityKeyError) as error:
        context = _detail_context(request, kind, record)
        form.add_error(None, " ".join(getattr(error, "messages", None) or [str(error)]))
        context["reveal_form"] = form
        return render(request, "complaint_case/front/detail.html", context, status=400)
    labels = {key: field.label for key, field in IDENTITY_INPUTS.items()}
    shown = [(labels[key], identity[key]) for key in labels if identity.get(key)]
    full_text = [(record._meta.get_field(name).verbose_name, value) for name, value in text["fields"].items() if value]
    response = render(request, "complaint_case/front/reveal.html", {"record": record, "kind": kind, "identity": shown,
                                                                     "full_text": full_text,
                                                                     "signature": identity.get("signature"),
                                                                     "signature_type": identity.get("signature_type")})
    response["Cache-Control"] = "no-store"
    return response
