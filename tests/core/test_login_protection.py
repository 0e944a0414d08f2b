"""django-axes: a login on one address locks after 5 failures, an address after 20 over any logins, for 15 minutes."""

import datetime
import io
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone

from tests.base import PASSWORD, client_for

pytestmark = pytest.mark.django_db
README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def attempt(client, username, password):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR="10.1.2.3")


def test_it_locks_after_five_failures_even_with_the_right_password(client, people):
    for _ in range(4):
        assert attempt(client, "thanhtra", "sai-mat-khau").status_code == 200
    assert attempt(client, "thanhtra", "sai-mat-khau").status_code == 429  # the fifth failure locks
    locked = attempt(client, "thanhtra", PASSWORD)
    assert locked.status_code == 429
    assert "tạm khóa" in locked.content.decode() and "thử lại sau 15 phút" in locked.content.decode()
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


# --- Password spraying, the proxy in front, and the cool-off ---------------------------------------------


def attempt_from(client, username, password, **meta):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, **meta)


def test_one_address_trying_one_password_on_a_hundred_logins_is_stopped_after_twenty(client, people):
    answers = [attempt(client, f"nguoidung{n:03d}", "Mat-khau-doan-2026").status_code for n in range(100)]
    assert answers[:19] == [200] * 19
    assert set(answers[19:]) == {429}  # the 20th failure from 10.1.2.3 locks the address
    # Even a real user with the right password waits out the cool-off on that address...
    assert attempt(client, "thanhtra", PASSWORD).status_code == 429
    # ...while everyone elsewhere signs in as usual.
    other = client.__class__()
    assert attempt_from(other, "thanhtra", PASSWORD, REMOTE_ADDR="10.9.9.9").status_code == 302


@pytest.fixture
def behind_proxy(settings):
    settings.PAPI_TRUSTED_PROXY_COUNT = 1
    settings.PAPI_TRUSTED_PROXIES = ["127.0.0.1", "::1"]


def via_proxy(client, username, password, forwarded_for):
    return attempt_from(client, username, password, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)


def test_behind_the_proxy_a_stranger_cannot_lock_the_administrator_out(client, people, behind_proxy):
    """Every request reaches Django from 127.0.0.1; the lock must follow the client's address the proxy saw."""
    for _ in range(5):
        via_proxy(client, "quantri", "sai-mat-khau", "203.0.113.50")
    assert via_proxy(client, "quantri", PASSWORD, "203.0.113.50").status_code == 429
    assert AccessAttempt.objects.get(username="quantri").ip_address == "203.0.113.50"
    administrator = client.__class__()
    assert via_proxy(administrator, "quantri", PASSWORD, "192.0.2.10").status_code == 302


def test_a_forged_forwarded_for_does_not_move_the_attacker_to_another_address(client, people, behind_proxy):
    """The proxy appends the real address last; whatever the client wrote before it is not believed."""
    for n in range(5):
        via_proxy(client, "thanhtra", "sai-mat-khau", f"198.51.100.{n}, 203.0.113.50")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.50"}
    assert via_proxy(client, "thanhtra", PASSWORD, "198.51.100.99, 203.0.113.50").status_code == 429


def test_a_direct_connection_cannot_claim_an_address_with_the_header(client, people, behind_proxy):
    attempt_from(client, "thanhtra", "sai-mat-khau", REMOTE_ADDR="10.7.7.7", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert AccessAttempt.objects.get().ip_address == "10.7.7.7"


def test_a_lock_lifts_by_itself_after_the_cool_off(client, people, settings):
    for _ in range(5):
        attempt(client, "thanhtra", "sai-mat-khau")
    assert attempt(client, "thanhtra", PASSWORD).status_code == 429
    cool_off = settings.AXES_COOLOFF_TIME
    assert cool_off.total_seconds() == 15 * 60
    AccessAttempt.objects.update(attempt_time=timezone.now() - cool_off - datetime.timedelta(seconds=1))
    assert attempt(client, "thanhtra", PASSWORD).status_code == 302


def test_the_unlock_commands_in_the_readme_lift_a_lock(client, people):
    for n in range(20):
        attempt(client, f"nguoidung{n:03d}", "sai-mat-khau")
    assert attempt(client, "vanphong", PASSWORD).status_code == 429
    call_command("axes_reset_ip", "10.1.2.3", stdout=io.StringIO())
    assert attempt(client, "vanphong", PASSWORD).status_code == 302
    for _ in range(5):
        attempt(client, "thanhtra", "sai-mat-khau")
    call_command("axes_reset_username", "thanhtra", stdout=io.StringIO())
    assert attempt(client, "thanhtra", PASSWORD).status_code == 302
    assert "axes-reset-username" in README and "axes-reset-ip" in README
