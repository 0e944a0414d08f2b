"""History is a record of what happened: a past version can be read, never posted back.

simple-history's version page saves whatever is posted, even with its revert button hidden, and the
historical instance carries read-only fields (statuses, frozen conclusions) that no form shows: a
revert would undo a workflow step behind the services' back. Corrections are new changes instead.
"""

import pytest

from doctypes.org.models import Unit
from papi_inspect.audit import with_reason
from tests.base import client_for

pytestmark = pytest.mark.django_db


def _renamed_unit():
    unit = Unit.objects.get(code="snnmt-khtc")
    old_version = unit.history.first()
    unit.name = "Phòng Kế hoạch - Tài chính (đổi tên)"
    with_reason(unit, "Đổi tên")
    unit.save()
    return unit, old_version


def test_it_shows_a_past_version_to_someone_who_sees_the_record(client, people):
    unit, old_version = _renamed_unit()
    client_for(client, people.admin)
    page = client.get(f"/admin/org/unit/{unit.pk}/history/{old_version.history_id}/")
    assert page.status_code == 200
    assert "Phòng Kế hoạch - Tài chính" in page.content.decode()


def test_it_refuses_to_post_a_past_version_back(client, people):
    unit, old_version = _renamed_unit()
    client_for(client, people.admin)
    response = client.post(
        f"/admin/org/unit/{unit.pk}/history/{old_version.history_id}/",
        {
            "code": unit.code,
            "name": "Phòng Kế hoạch - Tài chính",
            "short_name": unit.short_name,
            "kind": unit.kind,
            "parent": unit.parent_id,
            "valid_from": "01/07/2025",
            "valid_to": "",
            "merged_into": "",
            "merger_basis": "",
        },
    )
    assert response.status_code == 403
    unit.refresh_from_db()
    assert unit.name == "Phòng Kế hoạch - Tài chính (đổi tên)"
    assert unit.history.count() == 2


def test_it_keeps_a_past_version_from_someone_who_does_not_see_the_record(client, people):
    unit, old_version = _renamed_unit()
    client_for(client, people.outsider)
    page = client.get(f"/admin/org/unit/{unit.pk}/history/{old_version.history_id}/")
    assert page.status_code == 403
