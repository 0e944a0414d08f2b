"""The interface opens in Vietnamese whatever the browser says, and switches to English on request."""

import pytest

pytestmark = pytest.mark.django_db


def test_it_opens_in_vietnamese_for_an_english_browser(client):
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in page
    assert "Tên đăng nhập" in page


def test_it_switches_to_english_when_the_user_chooses_it(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/admin/login/"})
    assert response.status_code == 302
    page = client.get("/admin/login/").content.decode()
    assert 'lang="en"' in page and "Username" in page
