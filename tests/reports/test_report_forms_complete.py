"""Every form of TT 06/2025 in its report: 03/TTr, 05/KQTH, 06/QLKNTC, 03/PCTN, and the periodic anti-corruption report."""

import datetime
import io

import pytest
from docx import Document

from doctypes.finding import services as finding_services
from doctypes.inspection.models import Inspection
from reports.services import lifecycle as services
from reports.services import manual as services_manual
from reports.tables.build import build_table, check_cross_tables
from reports.periods import resolve_period
from tests.finding.builders import make_finding
from tests.inspection.builders import advance, make_inspection, unit
from tests.reports.test_report_reading import docx_tables, docx_text

D = datetime.date
SOURCE = "Sổ theo dõi tập huấn năm 2026 của Thanh tra Sở"


def test_the_kntc_report_carries_all_six_forms_and_the_inspection_report_all_three(people):
    kntc = services.generate_version(services.get_or_create_report("kntc", "h1", 2026, by=people.office_chief),
                                     by=people.office_chief)
    assert [t["code"] for t in kntc.data["tables"]] == ["01/TCD", "02/XLD", "03/GQKN", "04/GQTC", "05/KQTH", "06/QLKNTC"]
    printed = docx_tables(kntc.docx.read())
    assert {"05/KQTH", "06/QLKNTC"} <= set(printed)
    numbering = next(row for row in printed["05/KQTH"] if row[0] == "MS")
    assert numbering[1:] == [str(n) for n in range(1, 32)]
    inspection = services.generate_version(services.get_or_create_report("inspection", "h1", 2026, by=people.inspector),
                                           by=people.inspector)
    assert [t["code"] for t in inspection.data["tables"]] == ["01/TTr", "02/TTr", "03/TTr"]
    numbering = next(row for row in docx_tables(inspection.docx.read())["03/TTr"] if row[0] == "MS")
    assert numbering[1:] == [str(n) for n in range(1, 18)]


def test_03_ttr_is_typed_per_unit_and_prints_in_its_column(people):
    report = services.get_or_create_report("inspection", "year", 2026, by=people.inspector)
    inspectorate = unit("snnmt-ttr")
    services_manual.record_manual_figures(report, "03/TTr", {(str(inspectorate.pk), "4"): "2", (str(inspectorate.pk), "5"): "85"},
                                          source_note=SOURCE, by=people.chief_inspector)
    version = services.generate_version(report, by=people.inspector)
    rows = docx_tables(version.docx.read())["03/TTr"]
    numbering = next(row for row in rows if row[0] == "MS")
    line = next(row for row in rows if row[0] == inspectorate.name)
    assert line[numbering.index("4")] == "2" and line[numbering.index("5")] == "85"


def test_05_kqth_below_the_decisions_of_03_gqkn_is_a_cross_form_failure():
    period = resolve_period("year", 2026)
    tables = [build_table("03/GQKN", period=period, units=set()), build_table("05/KQTH", period=period, units=set())]
    assert check_cross_tables(tables) == []  # nothing known, nothing to compare
    gqkn, kqth = tables
    from reports.tables.build import Figure
    gqkn.rows[-1].cells["7"] = Figure(3)
    kqth.rows[-1].cells["1"] = Figure(2)
    assert check_cross_tables(tables) == ["05/KQTH#1 = 2 < 03/GQKN#7 = 3 (Biểu 05/KQTH, hướng dẫn cột 1)"]


def _loophole_recommendation(people, *, fixed):
    inspection = advance(make_inspection(year=2026, kind="unscheduled", grounds="anti_corruption", plan=None,
                                         title="Thanh tra trách nhiệm cấp phép khai thác"), Inspection.Step.REPORTED,
                         start=D(2026, 2, 2))
    finding = make_finding(inspection=inspection, recorded_on=D(2026, 3, 1))
    advance(inspection, Inspection.Step.PUBLISHED, start=D(2026, 2, 2))
    action = finding_services.recommend_action(
        finding, by=people.chief_inspector, description="Sửa quy chế cấp phép", owner_unit=unit("snnmt-ccthuyloi"),
        due_on=D(2026, 10, 30), loophole_document="Quyết định 12/QĐ-CCTL ngày 05/01/2024 ban hành quy chế cấp phép",
        loophole_issuer="Chi cục Thủy lợi", loophole="Không quy định thời hạn thẩm định hồ sơ, để cán bộ tùy ý kéo dài")
    finding_services.report_action_progress(action, by=people.unit_head, reported_on=D(2026, 6, 1),
                                            note="Đang lấy ý kiến dự thảo sửa đổi")
    if fixed:
        finding_services.verify_action(action, by=people.chief_inspector, verified_on=D(2026, 7, 1))
        finding_services.close_action(action, by=people.chief_inspector, closed_on=D(2026, 7, 2))
    return action


@pytest.mark.parametrize("fixed", [False, True])
def test_03_pctn_lists_the_documents_open_to_corruption_and_whether_each_was_fixed(people, fixed):
    _loophole_recommendation(people, fixed=fixed)
    report = services.get_or_create_report("anti_corruption", "year", 2026, by=people.chief_inspector)
    version = services.generate_version(report, by=people.chief_inspector)
    rows = docx_tables(version.docx.read())["03/PCTN"]
    line = next(row for row in rows if row[0] == "1")
    assert line[1].startswith("Quyết định 12/QĐ-CCTL") and line[2] == "Chi cục Thủy lợi"
    assert (line[4], line[5]) == (("x", "") if fixed else ("", "x"))
    assert line[6] == ("" if fixed else "Đang lấy ý kiến dự thảo sửa đổi")
    assert rows[-1][0] == "Tổng số:" and rows[-1][1] == "1"


def test_a_recommendation_to_amend_a_document_names_it_whole(people):
    from django.core.exceptions import ValidationError
    inspection = advance(make_inspection(year=2026, title="Thanh tra thường"), Inspection.Step.REPORTED, start=D(2026, 2, 2))
    finding = make_finding(inspection=inspection, recorded_on=D(2026, 3, 1))
    with pytest.raises(ValidationError) as error:
        finding_services.recommend_action(finding, by=people.chief_inspector, description="Sửa quy chế",
                                          owner_unit=unit("snnmt-ccthuyloi"), due_on=D(2026, 10, 30),
                                          loophole_document="Quyết định 12/QĐ-CCTL")
    assert set(error.value.message_dict) == {"loophole_issuer", "loophole"}


def test_the_periodic_anti_corruption_report_follows_mau_03_for_each_period(people):
    q1 = services.generate_version(services.get_or_create_report("anti_corruption", "q1", 2026, by=people.chief_inspector),
                                   by=people.chief_inspector)
    keys = [section["key"] for section in q1.data["sections"]]
    assert keys == ["situation", "prevention", "detection", "enterprises", "society", "international", "assessment",
                    "next_tasks"]  # "hằng Quý không báo cáo" mục II
    content = q1.docx.read()
    text = docx_text(content)
    assert "6. Hợp tác quốc tế về phòng, chống tham nhũng" in text and "III. ĐÁNH GIÁ CÔNG TÁC" in text
    assert "IV. PHƯƠNG HƯỚNG" in text and "II. ĐÁNH GIÁ TÌNH HÌNH THAM NHŨNG" not in text
    assert set(docx_tables(content)) == {"01/PCTN", "02/PCTN", "03/PCTN"}
    h1 = services.generate_version(services.get_or_create_report("anti_corruption", "h1", 2026, by=people.chief_inspector),
                                   by=people.chief_inspector)
    assert "II. ĐÁNH GIÁ TÌNH HÌNH THAM NHŨNG, LÃNG PHÍ, TIÊU CỰC" in docx_text(h1.docx.read())
    q2 = services.generate_version(services.get_or_create_report("anti_corruption", "q2", 2026, by=people.chief_inspector),
                                   by=people.chief_inspector)
    assert q2.data["sections"] == [] and "chỉ gồm các biểu số liệu" in docx_text(q2.docx.read())


def test_the_signature_keeps_with_the_text_above_it_and_never_splits(people):
    version = services.generate_version(services.get_or_create_report("kntc", "q1", 2026, by=people.office_chief),
                                        by=people.office_chief)
    document = Document(io.BytesIO(version.docx.read()))
    signature = next(table for table in document.tables if "Nơi nhận:" in table.rows[0].cells[0].text)
    assert signature.rows[0]._tr.trPr.xpath("./w:cantSplit")
    before = signature._tbl.getprevious()
    assert before.xpath("./w:pPr/w:keepNext")
