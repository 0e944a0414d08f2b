"""Job rotations: due by the rotation term, rotated or deferred with a reason; the dashboard counts what the list shows."""

import pytest
from django.core.exceptions import ValidationError

from doctypes.anticorruption import services
from doctypes.anticorruption.models import JobRotation
from reports.dashboard.panels import register_panels
from tests.anticorruption.builders import D, make_rotation, unit
from tests.base import client_for
from tests.inspection.paths import assert_reachable, assert_unreachable
from tests.intake.forms import admin_post, errors_of

PATHS = {"admin": "anticorruption/jobrotation", "api": "job-rotations", "search": "thủy lợi", "text": "Cấp phép khai thác"}


def test_it_computes_the_due_date_from_the_term_and_refuses_a_term_outside_two_to_five_years(people):
    rotation = make_rotation(people, held_since=D(2024, 2, 29), period_years=2)
    assert (rotation.due_on, rotation.current_due, rotation.unit) == (D(2026, 2, 28), D(2026, 2, 28), unit("snnmt-ccthuyloi"))
    with pytest.raises(ValidationError) as refused:
        make_rotation(people, position="Thủ quỹ", period_years=6)
    assert "NĐ 59/2019/NĐ-CP Điều 37" in str(refused.value)


def test_it_schedules_from_the_back_office_and_rotates_by_setting_the_date(client, people):
    page = client_for(client, people.office_clerk)
    response = admin_post(page, "/admin/anticorruption/jobrotation/add/", {
        "person": people.unit_staff.pk, "unit": unit("snnmt-ccthuyloi").pk, "position": "Thẩm định hồ sơ cấp phép xả thải",
        "held_since": "01/03/2023", "period_years": "3"})
    assert response.status_code == 302, errors_of(response)
    rotation = JobRotation.objects.get(position="Thẩm định hồ sơ cấp phép xả thải")
    assert rotation.due_on == D(2026, 3, 1)
    change = f"/admin/anticorruption/jobrotation/{rotation.pk}/change/"
    response = admin_post(page, change, {"done_on": "15/04/2026", "new_position": "Phòng Tổng hợp", "deferral_reason": "",
                                         "deferred_until": ""})
    assert response.status_code == 302, errors_of(response)
    rotation.refresh_from_db()
    assert rotation.done_on == D(2026, 4, 15)
    assert rotation.history.first().history_change_reason == "Đã chuyển đổi vị trí công tác"


def test_it_defers_only_with_a_reason_the_reader_can_check(client, people):
    rotation = make_rotation(people)
    page = client_for(client, people.office_clerk)
    response = admin_post(page, f"/admin/anticorruption/jobrotation/{rotation.pk}/change/",
                          {"deferred_until": "30/06/2027", "deferral_reason": "ốm", "done_on": "", "new_position": ""})
    assert response.status_code == 200 and "phải nêu rõ căn cứ" in response.content.decode()
    api = client_for(client, people.office_clerk)
    response = api.post(f"/api/v1/job-rotations/{rotation.pk}/defer/",
                        {"until": "2027-06-30", "reason": "Đang nuôi con dưới 36 tháng tuổi (NĐ 59/2019 Điều 38)"},
                        content_type="application/json")
    assert response.status_code == 200 and response.json()["current_due"] == "2027-06-30"


def test_it_schedules_and_rotates_through_the_api_and_refuses_a_unit_head(client, people):
    body = {"person": people.unit_staff.pk, "position": "Quản lý vận hành hồ chứa", "held_since": "2022-05-01", "period_years": 3}
    assert client_for(client, people.unit_head).post("/api/v1/job-rotations/", body, content_type="application/json").status_code == 403
    api = client_for(client, people.office_clerk)
    response = api.post("/api/v1/job-rotations/", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["due_on"] == "2025-05-01"
    pk = response.json()["id"]
    assert client_for(client, people.unit_head).post(f"/api/v1/job-rotations/{pk}/rotate/", {"done_on": "2026-01-05"},
                                                     content_type="application/json").status_code == 403
    response = client_for(client, people.office_clerk).post(f"/api/v1/job-rotations/{pk}/rotate/", {"done_on": "2026-01-05"},
                                                            content_type="application/json")
    assert response.status_code == 200 and response.json()["done_on"] == "2026-01-05"


def test_the_person_and_their_unit_head_see_a_rotation_and_others_do_not(client, people):
    rotation = make_rotation(people)
    for user in (people.office_clerk, people.leader, people.unit_head, people.unit_staff):
        assert_reachable(client, user, rotation, **PATHS)
    services.rotate(rotation, by=people.office_clerk, done_on=D(2026, 4, 1))
    for user in (people.outsider,):
        assert_unreachable(client, user, rotation, **PATHS)
    other = make_rotation(people, person=people.office_chief, position="Văn thư, lưu trữ cấp phép", held_since=D(2022, 1, 1))
    assert_unreachable(client, people.unit_staff, other, **{**PATHS, "search": "Văn thư", "text": "Văn thư, lưu trữ"})


def test_the_dashboard_counts_what_the_filtered_list_shows(client, people):
    overdue = make_rotation(people, held_since=D(2021, 1, 1))
    make_rotation(people, position="Thẩm định dự án đê điều", held_since=D(2026, 1, 1), period_years=5)
    done = make_rotation(people, position="Kế toán thu phí thủy lợi", held_since=D(2020, 1, 1))
    services.rotate(done, by=people.office_clerk, done_on=D(2024, 1, 1))
    assert overdue.current_due < D(2026, 12, 1)
    panel = next(row for row in register_panels(people.office_clerk) if str(row["title"]) == "Chuyển đổi vị trí công tác")
    page = client_for(client, people.office_clerk)
    for state in ("done", "due", "overdue"):
        listed = page.get(panel[state].url)
        assert listed.status_code == 200
        assert listed.context["cl"].result_count == panel[state].value == 1, state
