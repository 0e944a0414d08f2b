"""API tokens expire after PAPI_API_TOKEN_DAYS (30 by default): an old token answers 401 `token_expired`."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def token_for(user, *, age_days):
    token = Token.objects.create(user=user)
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - datetime.timedelta(days=age_days))
    return token.key


def get(client, key, url="/api/v1/deadline-rules/"):
    return client.get(url, HTTP_AUTHORIZATION=f"Token {key}")


def test_a_token_works_until_its_thirtieth_day(client, people):
    assert get(client, token_for(people.inspector, age_days=29)).status_code == 200


def test_an_expired_token_answers_401_with_a_structured_error(client, people):
    response = get(client, token_for(people.inspector, age_days=31))
    assert response.status_code == 401
    assert response.json() == {"error": {"code": "token_expired", "message": "Mã truy cập API đã hết hạn; hãy tạo mã mới."}}
    assert response["WWW-Authenticate"] == "Token"


def test_the_lifetime_is_a_setting(client, people, settings):
    settings.PAPI_API_TOKEN_DAYS = 7
    assert get(client, token_for(people.inspector, age_days=8)).status_code == 401
    assert get(client, token_for(people.chief_inspector, age_days=6)).status_code == 200


def test_an_expired_token_opens_nothing_even_for_an_administrator(client, people):
    response = get(client, token_for(people.admin, age_days=40), "/api/v1/complaints/")
    assert response.status_code == 401 and response.json()["error"]["code"] == "token_expired"


def test_an_unknown_token_is_still_plainly_invalid(client, people):
    response = get(client, "0" * 40)
    assert response.status_code == 401 and response.json()["error"]["code"] == "authentication_failed"
