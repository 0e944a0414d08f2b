"""django-axes locks a username on one address after 5 failures until an administrator resets it."""

import pytest
from axes.models import AccessAttempt

from tests.base import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def attempt(client, username, password):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR="10.1.2.3")


def test_it_locks_after_five_failures_even_with_the_right_password(client, people):
    for _ in range(4):
        assert attempt(client, "thanhtra", "sai-mat-khau").status_code == 200
    assert attempt(client, "thanhtra", "sai-mat-khau").status_code == 429  # the fifth failure locks
    locked = attempt(client, "thanhtra", PASSWORD)
    assert locked.status_code == 429
    assert "tạm khóa" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_lets_an_administrator_reset_the_lock(client, people):
    for _ in range(5):
        attempt(client, "thanhtra", "sai-mat-khau")
    lock = AccessAttempt.objects.get(username="thanhtra")
    admin_client = client.__class__()
    client_for(admin_client, people.admin)
    assert admin_client.get("/admin/axes/accessattempt/").status_code == 200
    response = admin_client.post(f"/admin/axes/accessattempt/{lock.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert attempt(client, "thanhtra", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(people.inspector.pk)


def test_it_refuses_the_lock_list_to_a_non_administrator(client, people):
    client_for(client, people.chief_inspector)
    assert client.get("/admin/axes/accessattempt/").status_code == 403


def test_it_does_not_lock_other_users_on_the_same_address(client, people):
    for _ in range(5):
        attempt(client, "thanhtra", "sai-mat-khau")
    assert attempt(client, "vanphong", PASSWORD).status_code == 302
