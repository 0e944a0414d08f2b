"""Satisfaction results the way users reach them: the office's form, API and import; units read their own; the
outsider reaches nothing; the PAPI figures equal plain SQL over several units, quarters and another agency."""

from django.db import connection

from doctypes.org.models import Unit
from doctypes.papi.figures import collect_figures
from doctypes.papi.services import quarter_period
from doctypes.satisfaction.models import SatisfactionResult
from tests.base import client_for
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf
from tests.intake.forms import admin_post, errors_of
from tests.procedure_review.test_import import make_procedure
from tests.satisfaction.builders import export, make_result, unit

ADD = "/admin/satisfaction/satisfactionresult/add/"
PATHS = {"admin": "satisfaction/satisfactionresult", "api": "satisfaction-results", "search": "Kim Sơn",
         "text": "nước tưới Kim Sơn"}


def test_the_office_adds_a_quarter_in_the_back_office(client, people):
    page = client_for(client, people.office_clerk)
    typed = {"unit": unit("snnmt-cctt").pk, "procedure": make_procedure().pk, "year": "2026", "quarter": "3",
             "respondents": "50", "satisfied": "45", "not_satisfied": "5", "source": "one_stop"}
    response = admin_post(page, ADD, typed)
    assert response.status_code == 302, errors_of(response)
    result = SatisfactionResult.objects.get()
    assert (result.rate, result.recorded_by, result.period_start.isoformat()) == (90.0, people.office_clerk, "2026-07-01")
    response = admin_post(page, ADD, {**typed, "satisfied": "48"})
    assert response.status_code == 200 and "Quý này đã có kết quả" in response.content.decode()
    response = admin_post(page, ADD, {**typed, "quarter": "2", "satisfied": "48", "not_satisfied": "5"})
    assert response.status_code == 200 and "lớn hơn số người được khảo sát" in response.content.decode()


def test_units_and_leadership_have_no_add_form(client, people):
    for user in (people.unit_head, people.leader, people.inspector):
        assert client_for(client, user).get(ADD).status_code == 403, user.username


def test_the_api_records_a_quarter_and_refuses_others_and_bad_counts(client, people):
    make_procedure()
    body = {"unit": "snnmt-ccthuyloi", "procedure": "1.001234", "year": 2026, "quarter": 3, "respondents": 20,
            "satisfied": 18, "not_satisfied": 1, "source": "province"}
    api = client_for(client, people.office_chief)
    response = api.post("/api/v1/satisfaction-results/", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["rate"] == 90.0 and response.json()["papi"] == ["5", "8"]
    response = api.post("/api/v1/satisfaction-results/", {**body, "quarter": 2, "satisfied": 21}, content_type="application/json")
    assert response.status_code == 400 and "satisfied" in response.json()["error"]["fields"]
    refused = client_for(client, people.unit_head).post("/api/v1/satisfaction-results/", {**body, "quarter": 1},
                                                        content_type="application/json")
    assert refused.status_code == 403


def _result(people):
    return make_result(people.office_clerk, service="Cung cấp nước tưới Kim Sơn", note="Bà Đỗ Thị Lan tổng hợp phiếu.")


def test_the_office_leadership_and_the_unit_read_a_result_on_every_path(client, people):
    result = _result(people)
    evidence = attach_pdf(result, people.office_clerk)
    for user in (people.office_clerk, people.leader, people.unit_head, people.unit_staff):
        assert_reachable(client, user, result, attachment=evidence, **PATHS)


def test_another_unit_and_the_outsider_read_it_on_no_path(client, people):
    result = _result(people)
    evidence = attach_pdf(result, people.office_clerk)
    for user in (people.outsider, people.inspector):
        assert_unreachable(client, user, result, attachment=evidence, **PATHS)


ROWS = [["snnmt-ccthuyloi", "1.001234", "", 2026, 3, 40, 36, 3, "Xuất từ Bộ phận một cửa", ""],
        ["snnmt-cctt", "", "Tư vấn sử dụng thuốc BVTV", 2026, 3, 15, 12, 2, "Khảo sát của tỉnh", "Ông Hưng gửi"]]


def test_the_import_lists_bad_rows_saves_nothing_then_replaces_a_quarter_through_the_back_office(client, people):
    make_procedure()
    earlier = make_result(people.office_clerk, satisfied=30, not_satisfied=5)
    page = client_for(client, people.office_clerk)
    url = "/admin/satisfaction/satisfactionresult/import-sheet/"
    bad = export([ROWS[0], ["snnmt-cctt", "9.999", "", 2026, 3, 10, 9, 1, "Nhập tay", ""],
                  ["snnmt-cctt", "", "Nước tưới", 2026, 3, 10, 9, 2, "Nhập tay", ""], ROWS[0]])
    content = page.post(url, {"file": bad}).content.decode()
    assert "9.999" in content and "lớn hơn số người" in content and "trùng dòng" in content
    earlier.refresh_from_db()
    assert earlier.satisfied == 30 and SatisfactionResult.objects.count() == 1
    assert page.post(url, {"file": export(ROWS)}).status_code == 200
    assert page.post(url, {"confirm": "1"}).status_code == 302
    earlier.refresh_from_db()
    assert (earlier.satisfied, earlier.source, SatisfactionResult.objects.count()) == (36, "one_stop", 2)
    assert client_for(client, people.unit_head).get(url).status_code == 403


def test_the_import_through_the_api(client, people):
    make_procedure()
    api = client_for(client, people.office_clerk)
    preview = api.post("/api/v1/satisfaction-results/import/", {"file": export([ROWS[0][:4] + ["x"] + ROWS[0][5:]])})
    assert preview.status_code == 200 and preview.json()["errors"][0]["row"] == 2
    refused = api.post("/api/v1/satisfaction-results/import/", {"file": export([ROWS[0][:4] + ["x"] + ROWS[0][5:]]), "confirm": "1"})
    assert refused.status_code == 400 and not SatisfactionResult.objects.exists()
    saved = api.post("/api/v1/satisfaction-results/import/", {"file": export(ROWS), "confirm": "1"})
    assert saved.status_code == 201 and saved.json()["imported"] == 2
    assert client_for(client, people.leader).post("/api/v1/satisfaction-results/import/", {"file": export(ROWS)}).status_code == 403


def _sum(column, condition, units, start, end):
    marks = ",".join("%s" for _u in units)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(SUM(r.{column}), 0) FROM satisfaction_satisfactionresult r "
                       f"LEFT JOIN procedure_review_procedure p ON p.id = r.procedure_id "
                       f"WHERE r.unit_id IN ({marks}) AND r.year = %s AND r.quarter = %s AND {condition}",
                       [*units, start.year, (start.month + 2) // 3])
        return cursor.fetchone()[0]


def test_the_papi_figures_match_plain_sql(people):
    online, offline = make_procedure(), make_procedure("1.000045", online_level="none")
    clerk = people.office_clerk
    make_result(clerk, procedure=online, respondents=40, satisfied=36, not_satisfied=3)
    make_result(clerk, unit_code="snnmt-cctt", procedure=offline, respondents=25, satisfied=20, not_satisfied=5)
    make_result(clerk, service="Nước tưới vụ Mùa", respondents=200, satisfied=170, not_satisfied=20)
    start, end = quarter_period(2026, 3)
    make_result(clerk, procedure=online, quarter=2, respondents=30, satisfied=20, not_satisfied=10)  # another quarter
    # Another agency's result (its own office keeps it; stored directly here, no office of that agency being named).
    SatisfactionResult.objects.create(unit=unit("stc-vp"), service="Thẩm định giá", year=2026, quarter=3, respondents=99,
                                      satisfied=99, not_satisfied=0, period_start=start, recorded_by=people.outsider)
    units = sorted(Unit.objects.get(code="snnmt").family_ids())
    figures = {row["key"]: row["value"] for rows in collect_figures(units, start, end).values() for row in rows}
    expected = {
        "satisfaction_procedures_surveyed": _sum("respondents", "r.procedure_id IS NOT NULL", units, start, end),
        "satisfaction_procedures_satisfied": _sum("satisfied", "r.procedure_id IS NOT NULL", units, start, end),
        "satisfaction_services_surveyed": _sum("respondents", "r.procedure_id IS NULL", units, start, end),
        "satisfaction_services_satisfied": _sum("satisfied", "r.procedure_id IS NULL", units, start, end),
        "satisfaction_online_surveyed": _sum("respondents", "p.online_level IN ('full', 'partial')", units, start, end),
        "satisfaction_online_satisfied": _sum("satisfied", "p.online_level IN ('full', 'partial')", units, start, end),
    }
    assert {key: figures[key] for key in expected} == expected
    assert list(expected.values()) == [65, 56, 200, 170, 40, 36]
