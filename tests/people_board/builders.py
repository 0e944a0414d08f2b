"""Boards and recommendations for the people's inspection board's tests, recorded through the services."""

import datetime
import io

from django.db import connection
from django.utils import timezone
from openpyxl import Workbook

from doctypes.org.models import Unit
from doctypes.people_board import services


def days_ago(count):
    return timezone.localdate() - datetime.timedelta(days=count)


def unit(code):
    return Unit.objects.get(code=code)


def make_board(people, code="snnmt", *, start=400, end=-600):
    return services.set_up_board(by=people.office_clerk, unit=unit(code), term_from=days_ago(start), term_to=days_ago(end),
                                 members=[{"full_name": "Nguyễn Thị Thu Hằng", "role": "head"},
                                          {"full_name": "Trần Văn Khải", "role": "member"}])


def make_recommendation(people, board, owner="snnmt-ccthuyloi", *, made=40, due=10,
                        content="Công khai lịch lấy nước vụ Đông cho bà con thôn Đồng Quan"):
    return services.record_recommendation(by=people.office_clerk, board=board, made_on=days_ago(made), content=content,
                                          owner_unit=unit(owner), due_on=days_ago(due))


def workbook(headers, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "so-kien-nghi.xlsx"
    return data


def sql_count(query, params):
    """One number from plain SQL, to recompute a figure without the ORM code that produced it."""
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchone()[0]
