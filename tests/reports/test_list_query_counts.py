"""Each leadership list and the dashboard make the same number of queries with a few rows or many (issue 15).

The data comes from the benchmark generator (`papi-inspect generate`) at two small volumes; a per-row
query (a calendar built per row, a source fetched per finding, a score per check) would make the second
count grow with the rows. Lists are 50 rows a page, so the larger volume fills a page.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from papi_inspect.generate import generate

LISTS = [
    "/admin/complaint_case/petition/", "/admin/complaint_case/complaintcase/", "/admin/complaint_case/denunciation/",
    "/admin/finding/finding/", "/admin/finding/action/", "/admin/citizen_reception/reception/",
    "/admin/inspection/inspection/", "/admin/discipline_check/disciplinecheck/",
    "/admin/complaint_case/complaintcase/?deadline=overdue", "/admin/finding/action/?deadline=due_soon",
    "/admin/complaint_case/petition/?q=%C4%91%E1%BA%A5t",
    "/api/v1/complaints/", "/api/v1/findings/", "/api/v1/follow-up-actions/", "/api/v1/receptions/",
    "/api/v1/discipline-checks/", "/api/v1/inspections/", "/admin/",
]
# Enough that every dashboard panel has rows at both volumes; the larger one fills a 50-row page.
# (a unit head's own unit gets a few percent of them, so the smaller volume is not tiny).
FEW = {"petitions": 40, "cases": 40, "receptions": 20, "inspections": 10, "checks": 20, "findings": 40, "actions": 40}
MANY = {name: count * 4 for name, count in FEW.items()}


def query_counts(client, user):
    client.force_login(user)
    counts = {}
    for url in LISTS:
        client.get(url)  # the first request of a process reads the cached reference tables
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(captured)
    return counts


@pytest.mark.django_db
@pytest.mark.parametrize("who, first", [("leader", FEW), ("unit_head", MANY)])
def test_list_pages_do_not_make_more_queries_with_more_rows(client, people, who, first):
    # A unit head sees a few percent of the rows: the first volume must already give each of his lists some.
    generate("department", 1, say=lambda *_: None, volumes=first)
    few = query_counts(client, getattr(people, who))
    generate("department", 2, say=lambda *_: None, volumes=MANY)
    many = query_counts(client, getattr(people, who))
    assert many == few
    assert max(count for url, count in many.items() if url.startswith("/admin/") and url != "/admin/") <= 15


@pytest.mark.django_db
def test_a_list_row_is_lean(client, people):
    """The cell classes are the short ones of lean.css (an unfold upgrade that renamed its lists would fail here)."""
    generate("department", 3, say=lambda *_: None, volumes=FEW)
    client.force_login(people.leader)
    html = client.get("/admin/complaint_case/complaintcase/").content.decode()
    assert 'class="field-code pi-cell' in html and "pi-check" in html
    assert "before:content-[attr(data-label)]" not in html
    assert "papi_inspect/admin/lean.css" in html
