"""Denunciations: Luật Tố cáo 2018 Art. 24 (initial), 25 (anonymous), 29 (notice), 30 (resolution), 38 (overdue)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doctypes.complaint_case.models import Denunciation, DenunciationExtension
from doctypes.complaint_case.services import denunciation as denunciations
from papi_inspect.calendar import WorkingCalendar
from papi_inspect.deadlines import compute_deadline
from papi_inspect.models import Notification
from tests.complaint_case.builders import days_ago, make_denunciation


def test_it_sets_initial_processing_to_7_working_days_extendable_to_10_art_24(people):
    case = make_denunciation(people.inspector, received_on=days_ago(2))
    calendar = WorkingCalendar()
    assert case.initial_due == calendar.add_working_days(case.received_on, 7)
    denunciations.extend_initial_processing(case, by=people.inspector, reason="Xác minh tại ba xã")
    case.refresh_from_db()
    assert case.initial_due == calendar.add_working_days(case.received_on, 10)
    with pytest.raises(ValidationError, match="một lần"):
        denunciations.extend_initial_processing(case, by=people.inspector, reason="Lần nữa")


def test_it_refuses_an_anonymous_denunciation_art_25(people):
    with pytest.raises(ValidationError, match="Điều 25"):
        make_denunciation(people.inspector, identity=None, anonymous=True)
    with pytest.raises(ValidationError, match="Điều 25"):
        make_denunciation(people.inspector, identity={"address": "không rõ"})
    assert not Denunciation.objects.exists()


def test_it_sets_notice_within_5_working_days_art_29_and_resolution_30_days_art_30(people):
    case = make_denunciation(people.inspector)
    denunciations.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(15))
    case.refresh_from_db()
    assert case.notify_due == WorkingCalendar().add_working_days(case.accepted_on, 5)
    assert case.resolve_due == compute_deadline("denunciation.resolve", case.accepted_on).due
    assert set(case.papi.values_list("code", flat=True)) == {"3.2", "4"}


def test_it_allows_two_recorded_extensions_and_refuses_a_third_art_30(people):
    case = make_denunciation(people.inspector)
    denunciations.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(15))
    with pytest.raises(ValidationError, match="phức tạp trước"):
        denunciations.mark_especially_complex(case, by=people.inspector, reason="Phải trưng cầu giám định ở ba nơi")
    denunciations.mark_complex(case, by=people.inspector, reason="Phải xác minh tại ba xã và trưng cầu giám định")
    with pytest.raises(ValidationError, match="lý do"):
        denunciations.extend_resolution(case, by=people.inspector, decided_on=days_ago(1), decision_number="05/QĐ", reason=" ")
    for number in (1, 2):
        if number == 2:
            # A complex case is extended once; the second extension needs the case found especially complex (Art. 30(1)).
            with pytest.raises(ValidationError, match="đặc biệt phức tạp"):
                denunciations.extend_resolution(case, by=people.inspector, decided_on=days_ago(1), decision_number="02/QĐ-GH",
                                                reason="Vụ việc còn phức tạp, cần giám định tài liệu")
            denunciations.mark_especially_complex(case, by=people.inspector, reason="Phải trưng cầu giám định ở ba nơi")
        denunciations.extend_resolution(case, by=people.inspector, decided_on=days_ago(1), decision_number=f"0{number}/QĐ-GH",
                                        reason="Vụ việc đặc biệt phức tạp, cần giám định tài liệu")
        case.refresh_from_db()
        assert case.resolve_due == compute_deadline("denunciation.resolve", case.accepted_on, extensions=number).due
    with pytest.raises(ValidationError, match="lần thứ ba"):
        denunciations.extend_resolution(case, by=people.inspector, decided_on=days_ago(1), decision_number="03/QĐ-GH",
                                        reason="Lại phức tạp, cần xác minh thêm nhiều nơi")
    assert DenunciationExtension.objects.filter(denunciation=case).count() == 2


def test_it_refuses_handling_before_the_conclusion(people):
    case = make_denunciation(people.inspector)
    denunciations.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(15))
    with pytest.raises(ValidationError, match="kết luận trước"):
        denunciations.record_handling(case, by=people.inspector, handled_on=days_ago(1), handling="Kỷ luật")
    denunciations.conclude_denunciation(case, by=people.inspector, concluded_on=days_ago(3), conclusion="Tố cáo đúng", verdict="right")
    denunciations.record_handling(case, by=people.inspector, handled_on=days_ago(1), handling="Kỷ luật khiển trách")
    case.refresh_from_db()
    assert case.status == Denunciation.Status.HANDLED


def test_it_lets_the_supervisor_request_a_report_on_an_overdue_case_art_38(people):
    case = make_denunciation(people.inspector, received_on=days_ago(80), handler=people.inspector)
    denunciations.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(75))
    case.refresh_from_db()
    assert case.is_overdue
    with pytest.raises(PermissionDenied):
        denunciations.request_overdue_report(case, by=people.unit_staff, requested_on=days_ago(0))
    denunciations.request_overdue_report(case, by=people.chief_inspector, requested_on=days_ago(0))
    case.refresh_from_db()
    assert case.report_due == compute_deadline("denunciation.overdue_report", case.report_requested_on).due
    message = Notification.objects.get(recipient=people.inspector, key__startswith="denunciation-report")
    assert "Hoàng Thị" not in message.subject + message.body


def test_it_refuses_a_report_request_on_a_case_on_time_art_38(people):
    case = make_denunciation(people.inspector)
    denunciations.accept_denunciation(case, by=people.inspector, accepted_on=days_ago(2))
    with pytest.raises(ValidationError, match="quá hạn"):
        denunciations.request_overdue_report(case, by=people.chief_inspector, requested_on=days_ago(0))
