"""Builders for the satisfaction tests: a quarter's result through the service, an export as the desk writes it."""

import io

from openpyxl import Workbook

from doctypes.org.models import Unit
from doctypes.satisfaction import services
from doctypes.satisfaction.sheet import SatisfactionImporter
from tests.procedure_review.test_import import make_procedure


def unit(code):
    return Unit.objects.get(code=code)


def make_result(by, *, unit_code="snnmt-ccthuyloi", procedure=None, service="", year=2026, quarter=3, respondents=40,
                satisfied=36, not_satisfied=3, **values):
    if procedure is None and not service:
        procedure = make_procedure()
    return services.record_result(by=by, unit=unit(unit_code), procedure=procedure, service=service, year=year, quarter=quarter,
                                  respondents=respondents, satisfied=satisfied, not_satisfied=not_satisfied, **values)


def export(rows):
    book = Workbook()
    book.active.append(SatisfactionImporter().headers())
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "khao-sat-hai-long.xlsx"
    return data
