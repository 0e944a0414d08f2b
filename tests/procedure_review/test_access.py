"""Who reaches reviews and statistics: the office and leadership; the catalogue is public to staff."""

from doctypes.procedure_review import services
from tests.base import client_for
from tests.inspection.paths import assert_reachable, assert_unreachable, attach_pdf
from tests.procedure_review.test_import import D, make_procedure, workbook

REVIEW = {"admin": "procedure_review/procedurereview", "api": "procedure-reviews", "search": "001234", "text": "1.001234"}


def _review(people):
    return services.review_procedure(make_procedure(), by=people.office_clerk, reviewed_on=D(2026, 10, 1),
                                     summary="Bỏ bản sao CCCD", proposals=[("simplify", "Bỏ bản sao CCCD")])


def test_it_shows_reviews_to_the_office_and_leadership(client, people):
    review = _review(people)
    evidence = attach_pdf(review, people.office_clerk)
    for user in (people.office_clerk, people.office_chief, people.leader):
        assert_reachable(client, user, review, attachment=evidence, **REVIEW)


def test_it_hides_reviews_from_others(client, people):
    review = _review(people)
    evidence = attach_pdf(review, people.office_clerk)
    for user in (people.outsider, people.unit_head, people.inspector):
        assert_unreachable(client, user, review, attachment=evidence, **REVIEW)


def test_it_lists_the_catalogue_with_online_levels(client, people):
    make_procedure(code="1.000001", online_level="level_4")
    data = client_for(client, people.unit_staff).get("/api/v1/procedures/", {"search": "1.000001"}).json()
    assert data["results"][0]["online_level"] == "level_4"


def test_it_imports_through_the_api_after_a_preview(client, people):
    make_procedure()
    api = client_for(client, people.office_clerk)
    bad = workbook([["X.1", "01/10/2026", "31/10/2026", 1, 1, 0]])
    response = api.post("/api/v1/late-handling-stats/import/", {"file": _named(bad)})
    assert response.status_code == 200 and response.json()["errors"][0]["row"] == 2
    response = api.post("/api/v1/late-handling-stats/import/", {"file": _named(workbook([["X.1", "01/10/2026", "31/10/2026", 1, 1, 0]])), "confirm": "1"})
    assert response.status_code == 400 and "Dòng 2" in str(response.json()["error"]["fields"])
    good = workbook([["1.001234", "01/10/2026", "31/10/2026", 10, 9, 1]])
    response = api.post("/api/v1/late-handling-stats/import/", {"file": _named(good), "confirm": "1"})
    assert response.status_code == 201 and response.json() == {"imported": 1}
    assert client_for(client, people.unit_head).post("/api/v1/late-handling-stats/import/", {"file": _named(good)}).status_code == 403


def test_it_imports_in_the_back_office_only_after_a_clean_preview(client, people):
    make_procedure()
    page = client_for(client, people.office_clerk)
    response = page.post("/admin/procedure_review/latehandlingstat/import/", {"file": _named(workbook([["X.1", "01/10/2026", "31/10/2026", 1, 1, 0]]))})
    assert "Dòng 2" in response.content.decode()
    assert page.post("/admin/procedure_review/latehandlingstat/import/", {"confirm": "1"}).status_code == 200
    response = page.post("/admin/procedure_review/latehandlingstat/import/", {"file": _named(workbook([["1.001234", "01/10/2026", "31/10/2026", 10, 9, 1]]))})
    assert "Xác nhận nhập" in response.content.decode()
    assert page.post("/admin/procedure_review/latehandlingstat/import/", {"confirm": "1"}).status_code == 302
    assert client_for(client, people.unit_head).get("/admin/procedure_review/latehandlingstat/import/").status_code == 403


def _named(data):
    data.name = "thong-ke.xlsx"
    return data
