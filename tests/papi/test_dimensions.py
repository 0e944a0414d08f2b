"""The PAPI reference: 8 dimensions and their sub-dimensions, with the years each existed."""

import pytest
from django.utils import translation

from doctypes.papi.models import Dimension
from tests.base import client_for

pytestmark = pytest.mark.django_db


def test_it_loads_8_dimensions_and_their_subdimensions(db):
    assert Dimension.objects.dimensions().count() == 8
    assert Dimension.objects.get(code="3.2").parent.code == "3"
    assert Dimension.objects.get(code="3.2").name_vi == "Giải đáp khiếu nại, tố cáo, khúc mắc của người dân"


@pytest.mark.parametrize(
    "year, dimensions, subdimensions",
    [(2017, 6, 22), (2018, 8, 28), (2019, 8, 29), (2021, 8, 29), (2022, 8, 28), (2026, 8, 28)],
)
def test_it_knows_which_dimensions_existed_each_year(db, year, dimensions, subdimensions):
    # papi.md: 6 dimensions until 2017; 28 sub-dimensions in 2018, 29 in 2019–2021 (8.3 added),
    # 28 from 2022 (5.2 construction permits dropped).
    existing = Dimension.objects.existing_in(year)
    assert existing.filter(parent__isnull=True).count() == dimensions
    assert existing.filter(parent__isnull=False).count() == subdimensions


def test_it_names_a_dimension_in_the_active_language(db):
    dimension = Dimension.objects.get(code="8")
    with translation.override("en"):
        assert dimension.name == "E-Governance"
    with translation.override("vi"):
        assert dimension.name == "Quản trị điện tử"


def test_it_serves_the_reference_to_staff_and_not_to_anonymous(client, people):
    assert client.get("/api/v1/papi-dimensions/").status_code in (401, 403)
    client_for(client, people.unit_staff)
    rows = client.get("/api/v1/papi-dimensions/", {"search": "tham nhũng", "page_size": 100}).json()["results"]
    assert {"4", "4.1"} <= {row["code"] for row in rows}
    assert client.get("/admin/papi/dimension/", {"q": "điện tử"}).status_code == 200


def test_it_lets_only_administrators_edit_the_reference(client, people):
    dimension = Dimension.objects.get(code="8.3")
    client_for(client, people.inspector)
    assert client.post(f"/admin/papi/dimension/{dimension.pk}/change/", {"name_vi": "x"}).status_code == 403
    client_for(client, people.admin)
    assert client.get(f"/admin/papi/dimension/{dimension.pk}/change/").status_code == 200
