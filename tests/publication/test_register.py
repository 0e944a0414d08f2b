"""The publication register's rules: the deadline from the rule in force, the dates, who keeps which unit's entries."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doctypes.publication.models import Publication
from tests.publication.builders import D, make_publication


def test_it_computes_the_budget_deadline_from_the_approval_date_and_cites_the_rule(people):
    entry = make_publication(people.unit_staff, triggered_on=D(2026, 10, 1))
    assert entry.due_on == D(2026, 10, 16)  # 15 days, the approval day not counted (BLDS Art. 147)
    assert entry.rule_code == "publication.budget_estimate"
    assert "Luật Ngân sách nhà nước 2015" in entry.legal_ground and "chưa đối chiếu" in entry.legal_ground
    assert list(entry.papi.values_list("code", flat=True)) == ["2"]


def test_a_deadline_ending_on_a_sunday_moves_to_monday(people):
    entry = make_publication(people.unit_staff, triggered_on=D(2026, 10, 3))  # + 15 days = Sunday 18/10
    assert entry.due_on == D(2026, 10, 19)


def test_it_takes_the_inspection_law_in_force_on_the_signing_date(people):
    old = make_publication(people.inspector, unit_code="snnmt-ttr", kind="inspection_conclusion", title="Kết luận 12/KL-TTr",
                           triggered_on=D(2025, 6, 20))
    new = make_publication(people.inspector, unit_code="snnmt-ttr", kind="inspection_conclusion", title="Kết luận 05/KL-SNNMT",
                           triggered_on=D(2025, 7, 10))
    assert "Luật Thanh tra 2022, Điều 79" in old.legal_ground and "84/2025/QH15" in new.legal_ground
    assert old.due_on == D(2025, 7, 7)  # 20/6 + 15 = Sat 5/7 -> Mon 7/7


def test_a_kind_without_a_rule_keeps_the_deadline_typed_with_its_ground(people):
    entry = make_publication(people.office_clerk, unit_code="snnmt-vp", kind="plan", title="Kế hoạch PAPI 2026", triggered_on=D(2026, 2, 1),
                             due_on=D(2026, 2, 20), legal_ground="Kế hoạch của UBND tỉnh, mục III")
    assert (entry.rule_code, entry.due_on, entry.legal_ground) == ("", D(2026, 2, 20), "Kế hoạch của UBND tỉnh, mục III")


def test_it_tells_on_time_late_due_and_overdue_apart(people):
    on_time = make_publication(people.unit_staff, published_on=D(2026, 10, 16), channel="portal")
    late = make_publication(people.unit_staff, title="Quyết toán 2025", kind="budget_settlement", published_on=D(2026, 10, 20),
                            channel="notice_board")
    overdue = make_publication(people.unit_staff, title="Dự toán bổ sung")
    assert [p.state(today=D(2026, 10, 30)) for p in (on_time, late, overdue)] == ["on_time", "late", "overdue"]
    assert overdue.state(today=D(2026, 10, 10)) == Publication.State.DUE


@pytest.mark.parametrize("values, field", [
    ({"published_on": D(2099, 1, 1), "channel": "portal"}, "published_on"),
    ({"published_on": D(2026, 9, 1), "channel": "portal"}, "published_on"),
    ({"published_on": D(2026, 10, 5)}, "channel"),
    ({"triggered_on": D(2099, 1, 1)}, "triggered_on"),
    ({"triggered_on": D(2010, 1, 1)}, "triggered_on"),  # before any budget rule is in force
    ({"title": "  "}, "title"),
])
def test_it_refuses_bad_dates_and_missing_fields_with_a_message(people, values, field):
    with pytest.raises(ValidationError) as refused:
        make_publication(people.unit_staff, **values)
    assert field in refused.value.message_dict


def test_a_unit_keeps_only_its_own_register_and_the_office_the_department(people):
    with pytest.raises(PermissionDenied):
        make_publication(people.unit_staff, unit_code="snnmt-khtc")
    with pytest.raises(PermissionDenied):
        make_publication(people.leader)
    with pytest.raises(PermissionDenied):
        make_publication(people.outsider)
    assert make_publication(people.office_clerk, unit_code="snnmt-khtc").pk
    assert make_publication(people.unit_head).pk


def test_it_records_publication_later_with_history(people):
    from doctypes.publication import services

    entry = make_publication(people.unit_staff)
    services.mark_published(entry, by=people.unit_head, published_on=D(2026, 10, 14), channel="portal")
    entry.refresh_from_db()
    assert entry.state() == "on_time"
    assert [h.history_change_reason for h in entry.history.order_by("history_id")] == ["Ghi sổ công khai", "Sửa sổ công khai"]
