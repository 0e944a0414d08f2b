"""Figures no record gives, typed per report period on their own page: who may, what is refused, where they print."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from doctypes.org.models import Unit
from reports.models import ManualFigure
from reports.services import lifecycle as services
from reports.services import manual as services_manual
from reports.tables.build import load_layout
from tests.base import client_for
from tests.reports.test_report_reading import docx_indicator, xlsx_trace

SOURCE = "Sổ theo dõi văn bản năm 2025 của Văn phòng Sở"


def typed_indicators():
    """The 01/PCTN indicators no record gives (no source in the layout): the ones left to type by hand."""
    return [row["key"] for row in load_layout("01/PCTN")["rows"] if row["key"] and not row["heading"] and not row["source"]]


@pytest.fixture
def report(people):
    return services.get_or_create_report("anti_corruption", "year", 2025, by=people.chief_inspector)


@pytest.fixture
def kntc(people):
    return services.get_or_create_report("kntc", "q1", 2026, by=people.office_chief)


def page(report, code):
    return reverse("admin:reports_report_manual", args=[report.pk, code.replace("/", "_")])


def field_names(report, code, keys):
    """The page's input names for the cells `keys` ((row, column)), as the browser posts them."""
    cells = services_manual.manual_cells(report, code)
    index = {cell.key: position for position, cell in enumerate(cells)}
    return {key: f"cell_{index[key]}" for key in keys}


def test_01_pctn_lists_every_indicator_no_record_gives(report):
    cells = services_manual.manual_cells(report, "01/PCTN")
    assert ("101", "SỐ LIỆU") in {cell.key for cell in cells}
    assert ("7", "SỐ LIỆU") not in {cell.key for cell in cells}  # computed from inspections
    assert len(cells) == len(typed_indicators())


def test_the_office_types_indicators_and_the_report_prints_them_with_who_and_source(client, people, report):
    names = field_names(report, "01/PCTN", [("101", "SỐ LIỆU"), ("38", "SỐ LIỆU")])
    client_for(client, people.office_clerk)
    shown = client.get(page(report, "01/PCTN")).content.decode()
    assert "Số công ty đại chúng" in shown and 'name="source_note"' in shown
    response = client.post(page(report, "01/PCTN"), {names[("101", "SỐ LIỆU")]: "3", names[("38", "SỐ LIỆU")]: "1.250",
                                                      "source_note": SOURCE})
    assert response.status_code == 302
    figure = ManualFigure.objects.get(report=report, form="01/PCTN", row="38")
    assert figure.value == 1250 and figure.entered_by == people.office_clerk and figure.source_note == SOURCE
    assert figure.history.first().history_user == people.office_clerk

    version = services.generate_version(report, by=people.chief_inspector)
    table = next(t for t in version.data["tables"] if t["code"] == "01/PCTN")
    row = next(r for r in table["rows"] if r["key"] == "101")
    assert row["cells"]["SỐ LIỆU"]["value"] == 3
    assert "Phạm Văn Phòng" in row["cells"]["SỐ LIỆU"]["records"][0]["label"]
    blank = len(typed_indicators()) - 2  # two were typed
    assert f"{blank} chỉ tiêu chưa có số liệu" in " ".join(table["notes"])
    docx, xlsx = version.docx.read(), version.xlsx.read()
    assert docx_indicator(docx, "01/PCTN", "101") == "3" and docx_indicator(docx, "01/PCTN", "38") == "1.250"
    trace = [line for line in xlsx_trace(xlsx) if line["Biểu"] == "01/PCTN" and line["Mô hình"] == "reports.manualfigure"]
    assert len(trace) == 2 and all(SOURCE in line["Hồ sơ"] and "Phạm Văn Phòng" in line["Hồ sơ"] for line in trace)


def test_a_bad_cell_refuses_the_page_in_vietnamese_and_keeps_what_was_typed(client, people, report):
    names = field_names(report, "01/PCTN", [("101", "SỐ LIỆU"), ("102", "SỐ LIỆU"), ("103", "SỐ LIỆU")])
    client_for(client, people.office_clerk)
    response = client.post(page(report, "01/PCTN"), {names[("101", "SỐ LIỆU")]: "7", names[("102", "SỐ LIỆU")]: "hai",
                                                      names[("103", "SỐ LIỆU")]: "2,5", "source_note": SOURCE})
    body = response.content.decode()
    assert response.status_code == 200
    assert "không phải là số" in body and "phải là số nguyên" in body
    assert 'value="7"' in body and 'value="hai"' in body and SOURCE in body
    assert not ManualFigure.objects.filter(report=report).exists()  # nothing half-saved


def test_a_change_needs_a_source_that_says_something(people, report):
    with pytest.raises(ValidationError, match="nguồn"):
        services_manual.record_manual_figures(report, "01/PCTN", {("101", "SỐ LIỆU"): "2"}, source_note="x",
                                              by=people.office_clerk)


def test_a_computed_cell_cannot_be_typed_over(people, report):
    with pytest.raises(ValidationError, match="không nhập tay được"):
        services_manual.record_manual_figures(report, "01/PCTN", {("7", "SỐ LIỆU"): "9"}, source_note=SOURCE,
                                              by=people.office_clerk)


def test_a_blank_clears_a_typed_figure(people, report):
    services_manual.record_manual_figures(report, "01/PCTN", {("101", "SỐ LIỆU"): "2"}, source_note=SOURCE, by=people.inspector)
    services_manual.record_manual_figures(report, "01/PCTN", {("101", "SỐ LIỆU"): ""}, source_note=SOURCE, by=people.inspector)
    assert not ManualFigure.objects.filter(report=report).exists()


def test_unit_row_forms_take_figures_per_unit_and_add_them_in_the_total(people, kntc):
    cells = services_manual.manual_cells(kntc, "06/QLKNTC")
    column = cells[0].column
    office, inspectorate = Unit.objects.get(code="snnmt-vp"), Unit.objects.get(code="snnmt-ttr")
    services_manual.record_manual_figures(kntc, "06/QLKNTC", {(str(office.pk), column): "2", (str(inspectorate.pk), column): "5"},
                                          source_note=SOURCE, by=people.office_chief)
    version = services.generate_version(kntc, by=people.office_chief)
    table = next(t for t in version.data["tables"] if t["code"] == "06/QLKNTC")
    rows = {row["label"]: row for row in table["rows"]}
    assert rows[office.name]["cells"][column]["value"] == 2
    assert rows["Tổng cộng"]["cells"][column]["value"] == 7
    assert len(rows["Tổng cộng"]["cells"][column]["records"]) == 2


def test_leadership_reads_the_page_but_may_not_type(client, people, report):
    services_manual.record_manual_figures(report, "01/PCTN", {("101", "SỐ LIỆU"): "4"}, source_note=SOURCE, by=people.inspector)
    client_for(client, people.leader)
    shown = client.get(page(report, "01/PCTN"))
    assert shown.status_code == 200 and 'name="source_note"' not in shown.content.decode()
    assert client.post(page(report, "01/PCTN"), {"cell_0": "9", "source_note": SOURCE}).status_code == 403
    with pytest.raises(PermissionDenied):
        services_manual.record_manual_figures(report, "01/PCTN", {("101", "SỐ LIỆU"): "9"}, source_note=SOURCE, by=people.leader)
    assert ManualFigure.objects.get(report=report).value == 4


@pytest.mark.parametrize("who", ["unit_head", "unit_staff", "outsider"])
def test_units_and_outsiders_reach_neither_the_page_nor_the_figures(client, people, report, who):
    services_manual.record_manual_figures(report, "01/PCTN", {("101", "SỐ LIỆU"): "4"}, source_note=SOURCE, by=people.inspector)
    client_for(client, getattr(people, who))
    assert client.get(page(report, "01/PCTN")).status_code in (403, 404)
    assert client.get(reverse("admin:reports_manualfigure_changelist")).status_code == 403
    assert not ManualFigure.objects.visible_to(getattr(people, who)).exists()
    with pytest.raises(PermissionDenied):
        services_manual.record_manual_figures(report, "01/PCTN", {("102", "SỐ LIỆU"): "1"}, source_note=SOURCE,
                                              by=getattr(people, who))


def test_the_report_page_links_each_form_with_its_progress(client, people, kntc):
    client_for(client, people.office_chief)
    body = client.get(reverse("admin:reports_report_change", args=[kntc.pk])).content.decode()
    assert "06/QLKNTC: đã nhập 0/" in body and page(kntc, "06/QLKNTC") in body
