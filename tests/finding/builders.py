"""Builders for finding tests: a finding of an inspection, a violation, an action."""

import datetime
from decimal import Decimal

from doctypes.finding import services
from doctypes.inspection.models import Inspection
from tests.base import load_people
from tests.inspection.builders import advance, make_inspection, unit

D = datetime.date


def make_finding(*, inspection=None, **overrides):
    people = load_people()
    inspection = inspection or advance(make_inspection(), Inspection.Step.REPORTED)
    values = {"by": people.chief_inspector, "unit": unit("snnmt-ccthuyloi"), "title": "Chi sai định mức",
              "criteria": "Thông tư 12/2025 Điều 5", "condition": "Chi vượt 20 triệu", "recorded_on": D(2026, 4, 1),
              "inspection": inspection, "legal_document": "Thông tư 12/2025/TT-BTC", "legal_article": "5", "legal_clause": "2"}
    values.update(overrides)
    return services.record_finding(**values)


def make_violation(finding, **overrides):
    people = load_people()
    values = {"by": people.chief_inspector, "responsible_unit": unit("snnmt-ccthuyloi"), "kind": "Chi sai chế độ",
              "committed_on": D(2026, 2, 1), "amount_to_recover": Decimal(20_000_000)}
    values.update(overrides)
    return services.record_violation(finding, **values)


def make_action(finding, **overrides):
    people = load_people()
    values = {"by": people.chief_inspector, "description": "Thu hồi số tiền chi sai", "owner_unit": unit("snnmt-ccthuyloi"),
              "due_on": D(2026, 9, 30)}
    values.update(overrides)
    return services.recommend_action(finding, **values)
