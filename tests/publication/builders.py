"""Builders for the publication tests: an entry through the service, a sheet as the office keeps it."""

import datetime
import io

from openpyxl import Workbook

from doctypes.org.models import Unit
from doctypes.publication import services
from doctypes.publication.sheet import PublicationImporter

D = datetime.date


def unit(code):
    return Unit.objects.get(code=code)


def make_publication(by, *, unit_code="snnmt-ccthuyloi", kind="budget_estimate", title="Dự toán ngân sách năm 2026 của Chi cục Thủy lợi",
                     triggered_on=D(2026, 10, 1), **values):
    return services.record_publication(by=by, unit=unit(unit_code), kind=kind, title=title, triggered_on=triggered_on, **values)


def sheet(rows, headers=None):
    book = Workbook()
    book.active.append(headers or PublicationImporter().headers())
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "cong-khai-2025.xlsx"
    return data
