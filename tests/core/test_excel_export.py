"""Excel export from a back-office list: only visible rows, only the columns on screen."""

import io

import pytest
from openpyxl import load_workbook

from doctypes.org.models import Unit
from tests.base import client_for

pytestmark = pytest.mark.django_db


def export(client, ids):
    return client.post("/admin/org/unit/", {"action": "export_to_excel", "_selected_action": [str(i) for i in ids]})


def rows_of(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_it_exports_the_selected_units_with_the_list_columns(client, people):
    unit = Unit.objects.get(code="snnmt-ttr")
    response = export(client_for(client, people.inspector), [unit.pk])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('.xlsx"')
    header, *data = rows_of(response)
    assert header[:2] == ["mã", "tên"]
    assert data[0][:2] == ["snnmt-ttr", "Thanh tra Sở"]
    assert data[0][4] == "01/07/2025"


def test_it_leaves_out_rows_the_user_may_not_see(client, people):
    ids = [Unit.objects.get(code="snnmt-ttr").pk, Unit.objects.get(code="stc-vp").pk]
    response = export(client_for(client, people.outsider), ids)
    names = [row[1] for row in rows_of(response)[1:]]
    assert names == ["Văn phòng Sở Tài chính"]
