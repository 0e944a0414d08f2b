"""Score import: the official wide layout and the one-province summary; unmappable rows listed; twice = no change."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from doctypes.papi.models.score import PapiScore, ScoreImport
from doctypes.papi.score_import import import_scores, preview_scores
from doctypes.papi.score_sheet import SheetRefused
from tests.papi.builders import BAC_GIANG_CSV, wide_sheet

pytestmark = pytest.mark.django_db

ROWS = {
    ("Unweighted PAPI Score", "Chỉ số PAPI tổng hợp (không có trọng số)", "10-80 điểm/points"): [45.1, 44.3204, 40.2],
    ("Confidence interval (lower)", "Khoảng tin cậy (cận dưới)", "10-80 điểm/points"): [44.0, 43.5, 39.9],
    ("Dimension 1: Participation", "Chỉ số nội dung 1: Tham gia của người dân ở cấp cơ sở", "1-10 điểm/points"): [5.2, 5.5787, 4.1],
    ("Civic Knowledge", "1.1: Tri thức công dân", "0.25-2.5 điểm"): [1.0, 1.1566, None],
    ("Construction permits", "5.2: Thủ tục xin cấp phép xây dựng", "0.25-2.5 điểm"): [1.8, 1.9, 1.7],
    ("Knows the law", "Biết Luật Thực hiện dân chủ ở cơ sở", "0%-100%"): [0.2, 0.3, 0.25],
    ("Observations", "Số quan sát", ""): [1200, 1190, 1210],
}


def test_it_imports_a_province_from_the_wide_sheet_with_rank_mean_min_and_max():
    result = import_scores(name="papi_2023.csv", data=wide_sheet(ROWS), province_code="24")
    score = PapiScore.objects.get(province__code="24", year=2023, indicator="1")
    assert score.score == Decimal("5.5787") and score.rank == 1 and score.n_provinces == 3
    assert score.minimum == Decimal("4.1") and score.maximum == Decimal("5.5787")
    assert score.mean == Decimal("4.9596") and (score.scale_min, score.scale_max) == (1, 10)
    assert PapiScore.objects.get(province__code="24", year=2023, indicator="total").score == Decimal("44.3204")
    assert PapiScore.objects.get(province__code="24", year=2023, indicator="1.1").n_provinces == 2  # blank = no data
    reasons = {label.split(" || ")[1]: reason for _, label, reason in result.skipped}
    # 5.2 was dropped in 2022 (papi.md): listed, not guessed onto another code.
    assert "2022" not in reasons["5.2: Thủ tục xin cấp phép xây dựng"] and "năm 2023" in reasons["5.2: Thủ tục xin cấp phép xây dựng"]
    assert set(reasons) >= {"Khoảng tin cậy (cận dưới)", "Biết Luật Thực hiện dân chủ ở cơ sở", "Số quan sát"}
    assert result.province.name == "Bắc Giang"


def test_it_changes_nothing_when_the_same_sheet_is_imported_twice():
    first = import_scores(name="papi_2023.csv", data=wide_sheet(ROWS), province_code="24")
    count, logs = PapiScore.objects.count(), ScoreImport.objects.count()
    history = sum(score.history.count() for score in PapiScore.objects.all())
    again = import_scores(name="papi_2023.csv", data=wide_sheet(ROWS), province_code="24")
    assert first.created > 0 and (again.created, again.updated, again.unchanged) == (0, 0, first.created)
    assert PapiScore.objects.count() == count and ScoreImport.objects.count() == logs
    assert sum(score.history.count() for score in PapiScore.objects.all()) == history


def test_it_refuses_a_sheet_without_the_province_naming_the_row():
    with pytest.raises(SheetRefused) as refused:
        import_scores(name="papi_2023.csv", data=wide_sheet(ROWS), province_code="99")
    assert refused.value.problems[0][0] == 1 and "99" in refused.value.problems[0][1]
    assert not PapiScore.objects.exists()


def test_it_refuses_a_score_outside_its_scale_naming_the_row():
    rows = dict(ROWS)
    rows[("Dimension 1: Participation", "Chỉ số nội dung 1: Tham gia của người dân ở cấp cơ sở", "1-10 điểm/points")] = [5.2, 11.5, 4.1]
    with pytest.raises(SheetRefused) as refused:
        import_scores(name="papi_2023.csv", data=wide_sheet(rows), province_code="24")
    row, reason = refused.value.problems[0]
    assert row == 5 and "ngoài thang" in reason
    assert not PapiScore.objects.exists()


def test_it_imports_bac_giangs_published_scores_from_the_summary_file():
    result = import_scores(name=BAC_GIANG_CSV.name, data=BAC_GIANG_CSV.read_bytes(), province_code="24")
    assert result.years == [2015, 2016, 2017, 2018, 2019, 2023]
    total_2019 = PapiScore.objects.get(province__code="24", year=2019, indicator="total")
    assert (total_2019.score, total_2019.rank, total_2019.n_provinces) == (Decimal("46.0428"), 4, 63)
    d = {s.indicator: s.score for s in PapiScore.objects.filter(province__code="24", year=2023, indicator__in=list("12345678"))}
    # papi.md: 2023 D1–D8 5.58, 5.69, 4.39, 7.15, 7.30, 7.43, 3.30, 3.48
    assert [round(float(d[c]), 2) for c in "12345678"] == [5.58, 5.69, 4.39, 7.15, 7.30, 7.43, 3.30, 3.48]
    assert PapiScore.objects.get(province__code="24", year=2023, indicator="5.1").scale_max == Decimal("3.33")
    assert PapiScore.objects.get(province__code="24", year=2019, indicator="total_weighted").score == Decimal("49.209")


def test_it_refuses_the_summary_file_for_another_province():
    with pytest.raises(SheetRefused, match="không có dòng"):
        preview_scores(name=BAC_GIANG_CSV.name, data=BAC_GIANG_CSV.read_bytes(), province_code="1")


def test_it_imports_from_the_command_line_and_exits_2_on_a_refused_file(tmp_path, capsys):
    sheet = tmp_path / "papi_2023.csv"
    sheet.write_bytes(wide_sheet(ROWS))
    call_command("import_papi", str(sheet), "--province", "24")
    output = capsys.readouterr().out
    assert "Đã nhập" in output and "Bỏ qua" in output and "Số quan sát" in output
    with pytest.raises(CommandError) as refused:
        call_command("import_papi", str(sheet), "--province", "99")
    assert refused.value.returncode == 2 and "Dòng 1" in str(refused.value)


def test_it_reads_the_year_from_the_sheet_name_of_an_xlsx_workbook():
    import csv
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "PAPI 2023"
    for row in csv.reader(io.StringIO(wide_sheet(ROWS).decode("utf-8"))):
        sheet.append([float(c) if c.replace(".", "", 1).isdigit() else (c or None) for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_scores(name="papi.xlsx", data=buffer.getvalue(), province_code="24")
    assert result.years == [2023]
    assert PapiScore.objects.get(province__code="24", year=2023, indicator="1").rank == 1


def test_it_reads_a_long_sheet_from_before_2018_with_one_row_per_province():
    sheet = "\n".join([
        'Mã tỉnh,Tỉnh,"1: Tham gia của người dân ở cấp cơ sở","1.1: Tri thức công dân","Số quan sát"',
        "1,Hà Nội,5.1,1.0,1200",
        "24,Bắc Giang,5.4051,1.1277,1190",
        "31,Hải Phòng,4.9,0.9,1210",
    ]).encode("utf-8")
    result = import_scores(name="papi_2015.csv", data=sheet, province_code="24")
    score = PapiScore.objects.get(province__code="24", year=2015, indicator="1.1")
    assert (score.rank, score.n_provinces, score.maximum) == (1, 3, Decimal("1.1277"))
    assert (score.scale_min, score.scale_max) == (Decimal("0.25"), Decimal("2.5"))  # 4 sub-dimensions in 2015
    assert [label for _, label, _ in result.skipped] == ["Số quan sát"]


def test_it_refuses_a_sheet_whose_year_it_cannot_tell():
    with pytest.raises(SheetRefused, match="--year"):
        import_scores(name="papi.csv", data=wide_sheet(ROWS), province_code="24")
    assert import_scores(name="papi.csv", data=wide_sheet(ROWS), province_code="24", year=2023).years == [2023]
