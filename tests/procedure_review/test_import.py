"""TTHC reviews and the import of late-handling statistics: preview, per-row errors, all-or-nothing."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import Workbook

from doctypes.procedure_review import services
from doctypes.procedure_review.models import LateHandlingStat, Procedure

D = datetime.date


def make_procedure(code="1.001234", **overrides):
    values = {"name": "Cấp giấy phép khai thác nước mặt", "field": "Tài nguyên nước", "processing_days": 20,
              "fee": "Theo quy định", "online_level": Procedure.OnlineLevel.FULL}
    values.update(overrides)
    return Procedure.objects.get_or_create(code=code, defaults=values)[0]


def workbook(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(services.COLUMNS)
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    return data


def test_it_records_a_review_with_its_proposals(people):
    review = services.review_procedure(make_procedure(), by=people.office_clerk, reviewed_on=D(2026, 10, 1),
                                       proposals=[("simplify", "Bỏ bản sao CCCD"), ("raise_online", "Nâng lên toàn trình")])
    assert sorted(review.proposals.values_list("kind", flat=True)) == ["raise_online", "simplify"]
    with pytest.raises(PermissionDenied):
        services.review_procedure(make_procedure(), by=people.inspector, reviewed_on=D(2026, 10, 1))


def test_it_previews_and_imports_a_clean_file(people):
    make_procedure()
    data = workbook([["1.001234", D(2026, 10, 1), "31/10/2026", 40, 37, 3]])
    preview = services.preview_late_handling(data)
    assert preview.is_clean and preview.rows[0]["late"] == 3
    data.seek(0)
    services.import_late_handling(data, by=people.office_clerk)
    stat = LateHandlingStat.objects.get()
    assert (stat.received, stat.on_time, stat.late, stat.period_to) == (40, 37, 3, D(2026, 10, 31))


def test_it_reports_unknown_codes_row_by_row_and_imports_nothing(people):
    make_procedure()
    data = workbook([["1.001234", "01/10/2026", "31/10/2026", 40, 37, 3],
                     ["9.999999", "01/10/2026", "31/10/2026", 5, 5, 0],
                     ["1.001234", "01/10/2026", "31/10/2026", 4, 5, 0]])
    preview = services.preview_late_handling(data)
    assert [n for n, _ in preview.errors] == [3, 4]
    assert "9.999999" in preview.errors[0][1]
    data.seek(0)
    with pytest.raises(ValidationError) as error:
        services.import_late_handling(data, by=people.office_clerk)
    assert error.value.message_dict["file"][0].startswith("Dòng 3:")
    assert not LateHandlingStat.objects.exists()


def test_it_refuses_a_file_that_is_not_a_workbook(people):
    preview = services.preview_late_handling(io.BytesIO(b"not excel"))
    assert not preview.is_clean and "Excel" in preview.errors[0][1]
