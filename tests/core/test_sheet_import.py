"""The shared Excel import: header check, per-row errors with the sheet's row numbers, nothing saved until the whole
file is clean, and a service refusal on a late row undoing the rows before it."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import Workbook, load_workbook

from papi_inspect.models import CalendarOverride
from papi_inspect.sheet_import import (
    SheetColumn, SheetImporter, choice_parser, parse_amount, parse_count, parse_date, parse_yes_no,
)

pytestmark = pytest.mark.django_db


class OverrideImporter(SheetImporter):
    """A calendar-override import, standing in for a register's (the core has no register of its own)."""

    title = "Lịch ngày nghỉ"
    columns = [
        SheetColumn("Ngày", "date", parse_date),
        SheetColumn("Loại", "kind", choice_parser(CalendarOverride.Kind.choices)),
        SheetColumn("Lý do", "reason"),
        SheetColumn("Văn bản", "source", required=False),
    ]

    def may_import(self, user):
        return getattr(user, "is_superuser", False)

    def prepare(self):
        return {"taken": set(CalendarOverride.objects.values_list("date", flat=True))}

    def check_row(self, values, context):
        if values["date"] in context["taken"]:
            raise ValidationError("ngày đã có trong lịch")
        return values

    def save_row(self, values, *, by, context):
        if "trùng" in values["reason"]:
            raise ValidationError("dịch vụ từ chối dòng này")
        return CalendarOverride.objects.create(**values)


class Admin:
    is_superuser = True


def workbook(*rows, header=("Ngày", "Loại", "Lý do", "Văn bản")):
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream


def test_it_reads_a_clean_sheet_and_saves_every_row_through_the_importer():
    sheet = workbook(("02/09/2027", "Ngày nghỉ", "Quốc khánh", "Bộ luật Lao động"),
                     (datetime.datetime(2027, 9, 4), "working_day", "Làm bù", None))
    preview = OverrideImporter().preview(sheet)
    assert preview.is_clean and preview.numbers == [2, 3]
    assert preview.table[0] == [datetime.date(2027, 9, 2), "day_off", "Quốc khánh", "Bộ luật Lao động"]
    sheet.seek(0)
    saved = OverrideImporter().run(sheet, by=Admin())
    assert [o.date for o in saved] == [datetime.date(2027, 9, 2), datetime.date(2027, 9, 4)]


def test_it_lists_every_bad_row_with_its_number_and_saves_nothing():
    CalendarOverride.objects.create(date=datetime.date(2027, 1, 2), kind="day_off", reason="Có sẵn")
    before = CalendarOverride.objects.count()  # the reference calendar's rows and the one above
    sheet = workbook(("31/02/2027", "Ngày nghỉ", "Sai ngày", None),
                     ("03/01/2027", "Nghỉ phép", "Sai loại", None),
                     (None, None, None, None),  # a blank line in the middle is skipped, not an error
                     ("04/01/2027", "Ngày nghỉ", None, None),
                     ("02/01/2027", "Ngày nghỉ", "Trùng ngày có sẵn", None))
    preview = OverrideImporter().preview(sheet)
    numbers = [number for number, _message in preview.errors]
    assert numbers == [2, 3, 5, 6]
    messages = dict(preview.errors)
    assert "dd/mm/yyyy" in messages[2] and "Ngày nghỉ" in messages[3] and "thiếu Lý do" in messages[5]
    assert "ngày đã có trong lịch" in messages[6]
    sheet.seek(0)
    with pytest.raises(ValidationError) as refused:
        OverrideImporter().run(sheet, by=Admin())
    assert "Dòng 2" in refused.value.messages[0]
    assert CalendarOverride.objects.count() == before


def test_a_service_refusal_on_a_late_row_undoes_the_rows_before_it():
    sheet = workbook(("05/01/2027", "Ngày nghỉ", "Nghỉ một", None), ("06/01/2027", "Ngày nghỉ", "Dòng trùng", None))
    before = CalendarOverride.objects.count()
    with pytest.raises(ValidationError) as refused:
        OverrideImporter().run(sheet, by=Admin())
    assert refused.value.messages == ["Dòng 3: dịch vụ từ chối dòng này"]
    assert CalendarOverride.objects.count() == before
    assert not CalendarOverride.objects.filter(date=datetime.date(2027, 1, 5)).exists()


def test_it_refuses_a_wrong_header_a_non_workbook_and_a_user_who_may_not_import():
    preview = OverrideImporter().preview(workbook(("05/01/2027", "Ngày nghỉ", "x", None), header=("Date", "Kind", "Reason", "")))
    assert preview.errors[0][0] == 1 and "Ngày, Loại, Lý do, Văn bản" in preview.errors[0][1]
    assert OverrideImporter().preview(io.BytesIO(b"not a workbook")).errors[0][0] == 0
    with pytest.raises(PermissionDenied):
        OverrideImporter().run(workbook(("05/01/2027", "Ngày nghỉ", "x", None)), by=object())


def test_the_template_has_the_header_row_the_preview_expects():
    sheet = load_workbook(io.BytesIO(OverrideImporter().template())).active
    assert [cell.value for cell in sheet[1]] == ["Ngày", "Loại", "Lý do", "Văn bản"]


def test_the_parsers_read_cells_as_offices_type_them():
    assert parse_count(12.0) == 12 and parse_count(" 7 ") == 7
    assert parse_amount("1.250.000") == Decimal(1250000) and parse_amount("18.500.000,5") == Decimal("18500000.5")
    assert parse_amount(2.5) == Decimal("2.5")
    assert parse_yes_no("Có") is True and parse_yes_no("không") is False
    for parser, bad in ((parse_count, -1), (parse_count, 2.5), (parse_amount, "-3"), (parse_yes_no, "có lẽ"),
                        (parse_date, "2027-01-05")):
        with pytest.raises(ValueError):
            parser(bad)
