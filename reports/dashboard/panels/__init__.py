"""One dashboard panel per evidence register: done, due and overdue, each a link to the filtered list.

A register adds a module here whose `PANELS` lists `DuePanel`s; the dashboard shows those whose model the
user may view, counted over what the user may see (`visible_to`).
"""

import pkgutil
from dataclasses import dataclass
from importlib import import_module

from django.db.models import Count
from django.utils import timezone

from papi_inspect.admin_filters import DueStatus, due_status_filter, due_status_q
from reports.dashboard.figures import Figure, changelist, scope_of


@dataclass(frozen=True)
class DuePanel:
    """A register's duties: `due` is the date field of the deadline (None: a register with no deadline, whose entries
    are only done or not yet), `done` the date field set once it is met."""

    model: object
    title: str
    due: str | None
    done: str
    papi: str = ""  # the PAPI dimension it evidences, shown beside the title


def panels():
    modules = [import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return [panel for module in modules for panel in module.PANELS]


def register_panels(user, *, today=None):
    """[{"title", "papi", "done", "due", "overdue"}] for the registers `user` may view; one query per panel. "overdue"
    is None for a register with no deadline."""
    scope, today = scope_of(user), today or timezone.localdate()
    rows = []
    for panel in panels():
        if not scope.may_view(panel.model):
            continue
        states = [DueStatus.DONE, DueStatus.DUE] + ([] if panel.due is None else [DueStatus.OVERDUE])
        counts = scope.visible(panel.model).aggregate(**{
            state: Count("pk", filter=due_status_q(state, panel.due, panel.done, today=today)) for state in states})
        parameter = due_status_filter(panel.due, panel.done).parameter_name
        row = {"title": panel.title, "papi": panel.papi, DueStatus.OVERDUE: None}
        row.update({state: Figure(counts[state], changelist(panel.model, **{parameter: state})) for state in states})
        rows.append(row)
    return rows
