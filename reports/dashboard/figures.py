"""The leadership dashboard's figures: grouped counts and sums from `visible_to(user)`, each with its changelist link.

Every figure is computed with one aggregate query per table (values/annotate), never a loop over
records, and carries the URL of the admin list that shows exactly the rows it counts.
"""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum
from django.urls import reverse
from django.utils import numberformat, timezone
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from doctypes.complaint_case.models import ComplaintCase, ContentKind, Denunciation, Petition
from doctypes.discipline_check.models import CheckResult, DisciplineCheck
from doctypes.finding.admin_filters import RecoveryFilter
from doctypes.finding.models import Action, Violation
from doctypes.inspection.models import Inspection
from doctypes.org.models import Unit
from doctypes.papi.admin_filters import PapiProgressFilter, papi_task_done_q
from doctypes.papi.models import Dimension, Plan, Task
from papi_inspect.admin_filters import HandlerFilter, current_due, due_soon_limit
from papi_inspect.deadlines import DeadlineStatus

CASE_MODELS = (Petition, ComplaintCase, Denunciation)


@dataclass(frozen=True)
class Figure:
    """A number on the dashboard and the list behind it; `measure` says what the list must add up to."""

    value: object
    url: str
    measure: str = "count"

    def display(self):
        # Vietnamese formats name "." as thousands separator but no grouping size: group by 3 ourselves.
        return numberformat.format(self.value, get_format("DECIMAL_SEPARATOR"), decimal_pos=0, grouping=3,
                                   thousand_sep=get_format("THOUSAND_SEPARATOR"), force_grouping=True)

    def __html__(self):
        return format_html('<a class="papi-figure" href="{}" data-measure="{}">{}</a>', self.url, self.measure, self.display())

    def __str__(self):
        return self.__html__()


def changelist(model, **params):
    """The admin list of `model`, filtered by `params` (list-filter parameters)."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


class Scope:
    """A user and their `visible_to` querysets, each built once per page: building one may query the unit tree."""

    def __init__(self, user):
        self.user = user
        self._querysets = {}

    def may_view(self, model):
        return self.user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")

    def visible(self, model):
        if model not in self._querysets:
            # Meta ordering never enters a GROUP BY, but clearing it keeps the SQL plain.
            self._querysets[model] = model.objects.visible_to(self.user).order_by()
        return self._querysets[model]


def scope_of(who):
    return who if isinstance(who, Scope) else Scope(who)


def _grouped(queryset, field, **aggregates):
    return {row[field]: row for row in queryset.values(field).annotate(**aggregates)}


def counts_by_choice(user, model, field, queryset=None, **extra):
    """{"total": Figure, "rows": [(label, Figure)], "groups": {value: row}} for every choice of `field`, zeros included.

    `extra` aggregates are computed in the same query and returned in "groups".
    """
    queryset = scope_of(user).visible(model) if queryset is None else queryset
    counts = _grouped(queryset, field, n=Count("pk", distinct=True), **extra)
    choices = model._meta.get_field(field).choices
    rows = [(label, Figure(counts.get(value, {}).get("n", 0), changelist(model, **{f"{field}__exact": value})))
            for value, label in choices]
    total = sum(row["n"] for row in counts.values())
    return {"model": model, "title": model._meta.verbose_name_plural, "chart_id": f"chart-{model._meta.model_name}",
            "total": Figure(total, changelist(model)), "rows": rows, "groups": counts}


def cases_by_status(user):
    scope = scope_of(user)
    return [counts_by_choice(scope, model, "status") for model in CASE_MODELS if scope.may_view(model)]


def petitions_by_kind(user):
    scope = scope_of(user)
    if not scope.may_view(Petition):
        return None
    counts = _grouped(scope.visible(Petition), "content_kind", n=Count("pk"))
    return [(label, Figure(counts.get(value, {}).get("n", 0), changelist(Petition, content_kind__exact=value)))
            for value, label in [*ContentKind.choices, ("", _("Chưa phân loại"))]]


def deadlines(user, *, today=None):
    """Overdue and due-soon counts per case kind, by handler and by unit, with totals.

    "Due soon" is the deadline engine's: due today or within 3 working days (DUE_SOON_WORKING_DAYS).
    """
    scope = scope_of(user)
    today = today or timezone.localdate()
    limit = due_soon_limit(today)
    result = {"by_handler": {}, "by_unit": {}, "totals": {}, "models": [], "limit": limit}
    for model in CASE_MODELS:
        if not scope.may_view(model):
            continue
        result["models"].append(model)
        running = scope.visible(model).alias(open_due=current_due(model)).filter(open_due__lt=limit)
        # One query per kind, grouped by (handler, unit); the few groups are then added up both ways.
        rows = running.values("handler", "unit").annotate(overdue=Count("pk", filter=Q(open_due__lt=today)),
                                                          soon=Count("pk", filter=Q(open_due__gte=today)))
        sums = {"by_handler": {}, "by_unit": {}, "totals": {None: {"overdue": 0, "soon": 0}}}
        for row in rows:
            for key, group in (("by_handler", row["handler"]), ("by_unit", row["unit"]), ("totals", None)):
                total = sums[key].setdefault(group, {"overdue": 0, "soon": 0})
                total["overdue"] += row["overdue"]
                total["soon"] += row["soon"]
        for group, row in sums["by_handler"].items():
            handler = HandlerFilter.NOBODY if group is None else group
            result["by_handler"].setdefault(group, {})[model] = _pair(model, row, **{HandlerFilter.parameter_name: handler})
        for group, row in sums["by_unit"].items():
            result["by_unit"].setdefault(group, {})[model] = _pair(model, row, unit__id__exact=group)
        result["totals"][model] = _pair(model, sums["totals"][None])
    result["handler_names"] = _names(get_user_model(), result["by_handler"], lambda u: u.get_full_name() or u.username)
    result["unit_names"] = _names(Unit, result["by_unit"], str)
    return result


def _pair(model, row, **params):
    return (Figure(row["overdue"], changelist(model, deadline=DeadlineStatus.OVERDUE, **params)),
            Figure(row["soon"], changelist(model, deadline=DeadlineStatus.DUE_SOON, **params)))


def _names(model, groups, name):
    ids = [pk for pk in groups if pk is not None]
    return {obj.pk: name(obj) for obj in model.objects.filter(pk__in=ids)}


def inspections_by_step(user):
    scope = scope_of(user)
    return counts_by_choice(scope, Inspection, "step") if scope.may_view(Inspection) else None


def follow_up(user, *, today=None):
    """Actions by status, overdue ones, and the money to recover against the money recovered."""
    scope, result = scope_of(user), {}
    if scope.may_view(Action):
        today = today or timezone.localdate()
        actions = scope.visible(Action).alias(open_due=current_due(Action))
        by_status = counts_by_choice(scope, Action, "status", actions,
                                     overdue=Count("pk", filter=Q(open_due__lt=today), distinct=True))
        # Outstanding as Action.is_open says: everything not closed, verified-but-not-closed included.
        open_statuses = [value for value in Action.Status.values if value != Action.Status.CLOSED]
        outstanding = sum(row["n"] for value, row in by_status["groups"].items() if value in open_statuses)
        overdue = sum(row["overdue"] for row in by_status["groups"].values())
        result["actions"] = {
            **by_status,
            "outstanding": Figure(outstanding, changelist(Action, status__in=",".join(open_statuses))),
            "overdue": Figure(overdue, changelist(Action, deadline=DeadlineStatus.OVERDUE)),
        }
    if scope.may_view(Violation):
        money = DecimalField(max_digits=20, decimal_places=0)
        remaining = ExpressionWrapper(F("amount_to_recover") - F("amount_recovered"), output_field=money)
        sums = scope.visible(Violation).aggregate(
            due=Sum("amount_to_recover"), recovered=Sum("amount_recovered"),
            remaining=Sum(remaining, filter=Q(amount_to_recover__gt=F("amount_recovered"))),
        )
        result["money"] = {
            "due": Figure(sums["due"] or Decimal(0), changelist(Violation, amount_to_recover__gt=0), "sum:amount_to_recover"),
            "recovered": Figure(sums["recovered"] or Decimal(0), changelist(Violation, amount_recovered__gt=0),
                                "sum:amount_recovered"),
            "remaining": Figure(sums["remaining"] or Decimal(0),
                                changelist(Violation, **{RecoveryFilter.parameter_name: RecoveryFilter.OUTSTANDING}),
                                "sum:outstanding"),
        }
    return result


def discipline_by_unit(user):
    """Per checked unit: checks done, and item results passed, failed and not applicable."""
    scope = scope_of(user)
    if not scope.may_view(CheckResult):
        return None
    outcomes = CheckResult.Outcome
    # A line not yet scored ("Chưa chấm", made from the template when the check is scheduled) is no result.
    scored = [(value, label) for value, label in outcomes.choices if value != outcomes.PENDING]
    rows = _grouped(scope.visible(CheckResult), "check_record__unit",
                    **{value: Count("pk", filter=Q(outcome=value)) for value, _label in scored})
    done = _grouped(scope.visible(DisciplineCheck).filter(status=DisciplineCheck.Status.DONE), "unit", n=Count("pk"))
    names = {unit.pk: str(unit) for unit in Unit.objects.filter(pk__in=set(rows) | set(done))}
    table = []
    for unit_id in sorted(names, key=names.get):
        row = rows.get(unit_id, {})
        cells = [Figure(row.get(value, 0), changelist(CheckResult, check_record__unit__id__exact=unit_id, outcome__exact=value))
                 for value, _label in scored]
        passed, failed = row.get(outcomes.PASS, 0), row.get(outcomes.FAIL, 0)
        table.append({
            "unit": names[unit_id], "results": cells,
            "checks": Figure(done.get(unit_id, {}).get("n", 0),
                             changelist(DisciplineCheck, unit__id__exact=unit_id, status__exact=DisciplineCheck.Status.DONE)),
            "pass_rate": round(100 * passed / (passed + failed)) if passed + failed else None,
        })
    return {"rows": table, "outcomes": [label for _value, label in scored]}


def current_plan(user):
    plans = scope_of(user).visible(Plan)
    return plans.filter(status=Plan.Status.IN_FORCE).order_by("-year").first() or plans.order_by("-year").first()


def papi_progress(user):
    """Per PAPI dimension the plan's live tasks serve: tasks, done, not yet done (as papi.services.dimension_progress)."""
    scope = scope_of(user)
    if not scope.may_view(Task):
        return None
    plan = current_plan(scope)
    if plan is None:
        return {"plan": None, "rows": []}
    live = scope.visible(Task).filter(group__plan=plan).exclude(status=Task.Status.RETIRED)
    done = papi_task_done_q()
    aggregates = {"tasks": Count("pk", distinct=True), "done": Count("pk", filter=done, distinct=True)}
    counts = {}
    # A task's own PAPI links count first; a task that names none serves its content area's dimension.
    for field, tasks in (("dimensions", live), ("group__dimension", live.filter(dimensions__isnull=True))):
        for row in tasks.values(field).annotate(**aggregates):
            if row[field] is None:
                continue
            total = counts.setdefault(row[field], {"tasks": 0, "done": 0})
            total["tasks"] += row["tasks"]
            total["done"] += row["done"]
    rows = []
    for dimension in Dimension.objects.filter(pk__in=counts).order_by("sort_key"):
        tasks, finished = counts[dimension.pk]["tasks"], counts[dimension.pk]["done"]
        link = {"group__plan__id__exact": plan.pk, "papi_dimension": dimension.pk}
        rows.append({
            "dimension": dimension,
            "tasks": Figure(tasks, changelist(Task, progress=PapiProgressFilter.LIVE, **link)),
            "done": Figure(finished, changelist(Task, progress=PapiProgressFilter.DONE, **link)),
            "not_done": Figure(tasks - finished, changelist(Task, progress=PapiProgressFilter.NOT_DONE, **link)),
            "percent": round(100 * finished / tasks) if tasks else 0,
        })
    return {"plan": plan, "rows": rows}
