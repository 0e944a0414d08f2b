"""API tokens that expire: a token older than PAPI_API_TOKEN_DAYS answers 401 `token_expired`."""

import datetime

from django.conf import settings
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


class TokenExpired(exceptions.AuthenticationFailed):
    default_detail = "Mã truy cập API đã hết hạn; hãy tạo mã mới."
    default_code = "token_expired"


def token_expires_at(token):
    return token.created + datetime.timedelta(days=settings.PAPI_API_TOKEN_DAYS)


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, refusing a token past its lifetime.

    A token lost with a laptop or pasted into a script must not open the case files for ever; an expired
    one is refused (and kept, so the administrator sees whose it was) until its owner makes a new one.
    """

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if timezone.now() >= token_expires_at(token):
            raise TokenExpired()
        return user, token
