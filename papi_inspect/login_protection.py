"""Login protection behind the documented reverse proxy: the client's real address, and a per-address limit."""

import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def _is_trusted_proxy(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(network, strict=False) for network in settings.PAPI_TRUSTED_PROXIES)


def client_ip(request):
    """The address the request came from, as the trusted proxies saw it (django-axes' AXES_CLIENT_IP_CALLABLE).

    Behind nginx or Caddy every connection comes from 127.0.0.1, so REMOTE_ADDR alone would put every
    client on one address. Each trusted proxy appends the address it received the request from to
    X-Forwarded-For; with PAPI_TRUSTED_PROXY_COUNT proxies the client is the entry that many places from
    the right. Entries further left were written by the client and are never believed. A request that did
    not come from a trusted proxy address keeps its REMOTE_ADDR, so a forged header on a direct
    connection changes nothing.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.PAPI_TRUSTED_PROXY_COUNT
    if count <= 0 or not _is_trusted_proxy(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def address_failures(request):
    """Failed logins from one address, over every username, within the cool-off period."""
    attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginLockHandler(AxesDatabaseHandler):
    """django-axes' database handler plus a limit per address across all usernames (password spraying).

    Axes locks a username on one address after AXES_FAILURE_LIMIT failures. Someone trying one password
    on each of a hundred logins never reaches that, so an address with PAPI_LOGIN_ADDRESS_LIMIT failures
    in the cool-off period is locked too, for every username, until the period has passed.
    """

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.PAPI_LOGIN_ADDRESS_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures
