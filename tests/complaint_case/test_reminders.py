"""papi-inspect send-reminders: assignees in-app and by email; their leader two days before and on the day missed."""

import datetime

from django.core import mail
from django.core.management import call_command

from doctypes.org.models import StaffProfile
from papi_inspect.models import Notification
from tests.complaint_case.builders import days_ago, make_complaint, make_denunciation


def with_supervisor(people):
    profile = StaffProfile.objects.get(user=people.inspector)
    profile.supervisor = StaffProfile.objects.get(user=people.chief_inspector)
    profile.save()


def test_it_reminds_the_assignee_and_the_leader_two_days_before(people):
    with_supervisor(people)
    case = make_complaint(people.inspector, handler=people.inspector, received_on=days_ago(2))
    two_days_before = case.accept_due - datetime.timedelta(days=2)
    call_command("send_reminders", date=two_days_before.isoformat())
    mine = Notification.objects.get(recipient=people.inspector)
    assert case.code in mine.subject and "Sắp đến hạn" in mine.subject and mine.emailed
    assert Notification.objects.filter(recipient=people.chief_inspector, subject__startswith="[Lãnh đạo]").count() == 1
    assert any(people.inspector.email in message.to for message in mail.outbox)


def test_it_tells_the_leader_on_the_day_the_deadline_is_missed_and_not_after(people):
    with_supervisor(people)
    case = make_complaint(people.inspector, handler=people.inspector, received_on=days_ago(2))
    missed = case.accept_due + datetime.timedelta(days=1)
    call_command("send_reminders", date=missed.isoformat())
    assert "Quá hạn" in Notification.objects.get(recipient=people.inspector).subject
    assert Notification.objects.filter(recipient=people.chief_inspector).count() == 1
    call_command("send_reminders", date=(missed + datetime.timedelta(days=1)).isoformat())
    assert Notification.objects.filter(recipient=people.chief_inspector).count() == 1
    assert Notification.objects.filter(recipient=people.inspector).count() == 2


def test_it_sends_nothing_twice_on_the_same_day(people):
    make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(30))
    call_command("send_reminders")
    call_command("send_reminders")
    assert Notification.objects.filter(recipient=people.inspector).count() == 1


def test_it_names_a_denunciation_by_code_and_pseudonym_only(people):
    case = make_denunciation(people.inspector, handler=people.inspector, received_on=days_ago(30))
    call_command("send_reminders")
    message = Notification.objects.get(recipient=people.inspector)
    assert case.pseudonym in message.subject and "Hoàng" not in message.subject + message.body


def test_it_refuses_a_bad_date_with_exit_code_2(people):
    from django.core.management.base import CommandError

    try:
        call_command("send_reminders", date="31/02/2026")
    except CommandError as error:
        assert error.returncode == 2
    else:
        raise AssertionError("a bad date must be refused")
