"""In-app notifications: sent once per key, e-mailed, and seen only by their recipient."""

import pytest
from django.core import mail

from papi_inspect.models import Notification
from papi_inspect.notifications import notify
from tests.base import client_for

pytestmark = pytest.mark.django_db


def test_it_notifies_in_app_and_by_email_once_per_key(people):
    first = notify(people.inspector, subject="Sắp đến hạn", body="Hồ sơ KN-01", key="case-1:due-2")
    again = notify(people.inspector, subject="Sắp đến hạn", body="Hồ sơ KN-01", key="case-1:due-2")
    assert first is not None and again is None
    assert Notification.objects.filter(recipient=people.inspector).count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [people.inspector.email]
    assert Notification.objects.get(pk=first.pk).emailed is True


def test_it_shows_each_user_only_their_own_notifications(client, people):
    notify(people.inspector, subject="Việc của thanh tra viên")
    client_for(client, people.leader)
    assert client.get("/api/v1/notifications/").json()["count"] == 0
    assert "Việc của thanh tra viên" not in client.get("/admin/papi_inspect/notification/").content.decode()

    client_for(client, people.inspector)
    rows = client.get("/api/v1/notifications/").json()["results"]
    assert [row["subject"] for row in rows] == ["Việc của thanh tra viên"]
    assert "Việc của thanh tra viên" in client.get("/admin/papi_inspect/notification/").content.decode()


def test_it_marks_a_notification_read_only_for_its_recipient(client, people):
    message = notify(people.inspector, subject="Đọc tôi")
    client_for(client, people.office_clerk)
    assert client.post(f"/api/v1/notifications/{message.pk}/read/").status_code == 404
    client_for(client, people.inspector)
    assert client.post(f"/api/v1/notifications/{message.pk}/read/").json()["read_at"] is not None
    message.refresh_from_db()
    assert message.read_at is not None
