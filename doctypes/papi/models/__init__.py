"""Models of the papi doctype: the dimensions (reference), the improvement plan, its reports and the scores."""

from doctypes.papi.models.dimension import Dimension, papi_links
from doctypes.papi.models.plan import Plan, PlanReportDate, Task, TaskGroup
from doctypes.papi.models.report import OfficeReport, UnitReport, UnitReportEntry
from doctypes.papi.models.score import PapiScore, Province, ScoreImport

__all__ = [
    "Dimension", "OfficeReport", "PapiScore", "Plan", "PlanReportDate", "Province", "ScoreImport", "Task", "TaskGroup",
    "UnitReport", "UnitReportEntry", "papi_links",
]
