"""Optimistic locking: versions rise on every save, a stale edit is refused with both versions, nothing is lost;
and every back-office form that edits a record is covered by a two-editor test."""

import datetime
import importlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from doctypes.org.models import Unit
from papi_inspect.admin_locking import VersionedAdminMixin
from papi_inspect.audit import save
from papi_inspect.locking import EditConflict, Versioned, edit_record, editing, save_versioned
from papi_inspect.models import Attachment, CalendarOverride, DeadlineRule
from tests.locking import (
    Editing, assert_second_editor_refused_then_free_to_choose, change_url, editable_admins, form_data, signed_in,
)

DOCTYPE_TEST_MODULES = ["tests.core.test_optimistic_locking", "tests.org.test_edit_conflict", "tests.papi.test_edit_conflict",
                        "tests.complaint_case.test_edit_conflict", "tests.citizen_reception.test_edit_conflict",
                        "tests.inspection.test_edit_conflict", "tests.discipline_check.test_edit_conflict",
                        "tests.procedure_review.test_edit_conflict", "tests.finding.test_edit_conflict",
                        "tests.reports.test_edit_conflict", "tests.publication.test_edit_conflict",
                        "tests.satisfaction.test_edit_conflict", "tests.anticorruption.test_edit_conflict",
                        "tests.asset_declaration.test_edit_conflict",
                        "tests.pctn_case.test_edit_conflict", "tests.people_board.test_edit_conflict",
                        "tests.dialogue.test_edit_conflict"]


def make_day_off(people):
    day = CalendarOverride(date=datetime.date(2026, 9, 1), kind=CalendarOverride.Kind.DAY_OFF,
                           reason="Nghỉ bù Quốc khánh theo Thông báo của Bộ Nội vụ")
    return save(day, "Thêm ngày nghỉ bù", by=people.office_chief)


def make_rule(people):
    return DeadlineRule.objects.get(code="complaint.accept", valid_to__isnull=True)


def make_attachment(people):
    from papi_inspect.attachments import attach_file

    unit = Unit.objects.get(code="snnmt-ttr")
    letter = SimpleUploadedFile("quyet-dinh.pdf", b"%PDF-1.4\n% quyet dinh\n", content_type="application/pdf")
    return attach_file(unit, uploaded_file=letter, by=people.admin, description="Quyết định thành lập Thanh tra Sở")


CASES = [
    Editing(CalendarOverride, make_day_off, "reason", "office_chief", "admin"),
    Editing(DeadlineRule, make_rule, "note", "admin", "admin+"),
    Editing(Attachment, make_attachment, "description", "admin", "admin+"),
]


def test_every_save_raises_the_version_even_from_a_stale_copy(people):
    day = make_day_off(people)
    assert day.version == 1
    stale = CalendarOverride.objects.get(pk=day.pk)
    save(day, "Sửa lý do", by=people.office_chief)
    assert day.version == 2
    # A writer that states no version (a daily job, the tablet) is not refused, but it still raises the version,
    # so an editor holding version 2 hears of its change.
    stale.source = "Thông báo 5188/TB-BNV"
    save(stale, "Ghi văn bản căn cứ", by=people.admin)
    assert stale.version == 3 and CalendarOverride.objects.get(pk=day.pk).version == 3


def test_a_save_from_a_stale_version_is_refused_and_names_who_saved_meanwhile(people):
    day = make_day_off(people)
    mine, theirs = CalendarOverride.objects.get(pk=day.pk), CalendarOverride.objects.get(pk=day.pk)
    theirs.reason = "Nghỉ bù theo Công văn của Văn phòng Chính phủ"
    save_versioned(theirs, "Sửa lý do", by=people.admin, expected_version=1)
    mine.reason = "Lý do do Hoàng Chánh Văn nhập"
    with pytest.raises(EditConflict) as refused:
        save_versioned(mine, "Sửa lý do", by=people.office_chief, expected_version=1)
    assert "Bùi Quản Trị" in refused.value.messages[0]
    stored = CalendarOverride.objects.get(pk=day.pk)
    assert stored.reason == "Nghỉ bù theo Công văn của Văn phòng Chính phủ" and stored.version == 2


def test_a_change_held_at_a_version_refuses_a_second_one_and_a_failed_one_changes_nothing(people):
    day = make_day_off(people)
    with editing(CalendarOverride.objects.get(pk=day.pk), 1) as held:
        held.active = False
        save(held, "Tạm ngừng áp dụng", by=people.office_chief)
    assert CalendarOverride.objects.get(pk=day.pk).version == 3
    with pytest.raises(EditConflict):
        with editing(CalendarOverride.objects.get(pk=day.pk), 1):
            pass
    with pytest.raises(ValueError):
        with editing(CalendarOverride.objects.get(pk=day.pk), 3):
            raise ValueError("the step's service refused")
    assert CalendarOverride.objects.get(pk=day.pk).version == 3  # rolled back with the failed change


def test_edit_record_applies_the_model_rules_and_the_version(people):
    rule = make_rule(people)
    with pytest.raises(EditConflict):
        edit_record(rule, by=people.admin, changes={"note": "Ghi chú mới"}, expected_version=rule.version + 5, reason="API")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as invalid:
        edit_record(rule, by=people.admin, changes={"max_extensions": 2, "extension_length": None},
                    expected_version=rule.version, reason="API")
    assert "extension_length" in invalid.value.message_dict
    assert DeadlineRule.objects.get(pk=rule.pk).max_extensions == 0


@pytest.mark.parametrize("case", CASES, ids=str)
def test_two_editors_of_a_core_record(case, people):
    assert_second_editor_refused_then_free_to_choose(case, people)


def test_every_editable_back_office_form_is_versioned_and_has_a_two_editor_test():
    covered = {case.model for name in DOCTYPE_TEST_MODULES for case in importlib.import_module(name).CASES}
    admins = editable_admins()
    assert len(admins) >= 25
    for admin in admins:
        model = admin.model
        assert issubclass(model, Versioned), f"{model._meta.label} has an edit form but no version"
        assert isinstance(admin, VersionedAdminMixin), f"{model._meta.label}: its admin does not carry the version"
        assert model in covered, f"{model._meta.label}: no two-editor test (add an Editing case to its test_edit_conflict)"


def test_what_only_the_first_editor_changed_is_taken_into_the_second_form_so_saving_again_keeps_both(people):
    day = make_day_off(people)
    url = change_url(day)
    chief, admin = signed_in(people.office_chief), signed_in(people.admin)
    first, second = form_data(chief.get(url), "calendaroverride_form"), form_data(admin.get(url), "calendaroverride_form")
    first["reason"] = ["Nghỉ bù theo Thông báo của Văn phòng Chính phủ (ông Hoàng Chánh Văn sửa)"]
    first["active"] = []  # unticked: the chief suspends the day
    second["source"] = ["Thông báo 5188/TB-BNV (bà Bùi Quản Trị ghi)"]
    assert chief.post(url, first).status_code == 302
    refused = admin.post(url, second)
    assert refused.status_code == 200 and "Hoàng Chánh Văn" in refused.content.decode()
    again = form_data(refused, "calendaroverride_form")
    assert again["reason"] == first["reason"] and "active" not in again and again["source"] == second["source"]
    assert admin.post(url, again).status_code == 302
    stored = CalendarOverride.objects.get(pk=day.pk)
    assert (stored.reason, stored.active, stored.source) == (first["reason"][0], False, second["source"][0])
