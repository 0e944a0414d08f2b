"""The case lists of the API cost the same number of queries for 2 rows as for 12: nothing is fetched once per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.base import client_for
from tests.complaint_case.builders import make_complaint, make_denunciation, make_petition

pytestmark = pytest.mark.django_db

# (list, who reads it, who registers its rows). The registering clerk reads petitions without their content, which
# was a question asked per row; the chief inspector reads every list in full.
CASES = [
    ("/api/v1/petitions/", "office_clerk", "office_clerk", make_petition),
    ("/api/v1/petitions/", "chief_inspector", "office_clerk", make_petition),
    ("/api/v1/complaints/", "chief_inspector", "chief_inspector", make_complaint),
    ("/api/v1/denunciations/", "chief_inspector", "chief_inspector", make_denunciation),
]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(response.json()["results"]), len(captured)


@pytest.mark.parametrize(("url", "reader", "registrar", "make"), CASES, ids=[f"{c[0].split('/')[3]}-{c[1]}" for c in CASES])
def test_a_case_list_does_not_query_once_per_row(client, people, url, reader, registrar, make):
    client = client_for(client, getattr(people, reader))
    for _ in range(2):
        make(getattr(people, registrar))
    rows_few, few = queries_for(client, url)
    for _ in range(10):
        make(getattr(people, registrar))
    rows_many, many = queries_for(client, url)
    assert (rows_few, rows_many) == (2, 12)
    assert many == few, f"{url} as {reader}: {few} queries for {rows_few} rows, {many} for {rows_many}"
