"""Idempotency-Key on API writes: a client's retry after a lost answer gets the first answer back, not a second write.

The tablet's sync has its own key per item (tablet/services.py); this does the same for every POST, PUT and PATCH
under /api/v1/ that carries the header. The key is reserved, the view runs and its answer is stored in one
transaction, so a second request with the same key waits for the first (the unique constraint) and then
replays its answer. Only successful answers are kept: a refusal leaves the key free for a corrected retry.
"""

import datetime
import hashlib

from cryptography.fernet import InvalidToken, MultiFernet
from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.settings import api_settings

from papi_inspect.api_schema import IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH, WRITE_METHODS
from papi_inspect.identity import IdentityKeyError, load_keys
from papi_inspect.models import IdempotentRequest

API_PREFIX = "/api/v1/"
KEEP_FOR = datetime.timedelta(hours=24)
REPLAYED_HEADER = "Idempotent-Replayed"
_RESERVED = 0  # status_code of a key whose request is still running (never seen committed)


def _error(status, code, message):
    return JsonResponse({"error": {"code": code, "message": message}}, status=status,
                        json_dumps_params={"ensure_ascii": False})


def fingerprint(request):
    """SHA-256 of what makes two requests "the same": method, path with query, content type and content."""
    digest = hashlib.sha256()
    for part in (request.method, request.get_full_path(), request.content_type or ""):
        digest.update(part.encode() + b"\0")
    if request.content_type == "multipart/form-data":
        # A retried upload is encoded again with a new boundary: compare the fields and the files' bytes instead.
        for name, values in sorted(request.POST.lists()):
            for value in values:
                digest.update(f"{name}={value}".encode() + b"\0")
        for name, files in sorted(request.FILES.lists()):
            for uploaded in files:
                digest.update(f"{name}:{uploaded.name}:".encode())
                for chunk in uploaded.chunks():
                    digest.update(chunk)
                uploaded.seek(0)
                digest.update(b"\0")
    else:
        digest.update(request.body)
    return digest.hexdigest()


def api_user(request):
    """The caller as the API will know them, by the API's own authenticators in their order (a token before the
    session, the session only with its CSRF token), or None: the view then refuses on its own."""
    authenticators = [authentication() for authentication in api_settings.DEFAULT_AUTHENTICATION_CLASSES]
    try:
        user = Request(request, authenticators=authenticators).user
    except APIException:
        return None
    return user if user.is_authenticated else None


def _cipher():
    return MultiFernet(load_keys())


def _seal(content):
    try:
        return _cipher().encrypt(content).decode()
    except IdentityKeyError:
        return None


def _keepable(response):
    """A success the view did not mark no-store. The identity reveal is no-store: its retry runs again and is logged
    again (each read of an identity is logged), and the identity is never copied into this table."""
    return (200 <= response.status_code < 300 and not response.streaming
            and "no-store" not in response.get("Cache-Control", ""))


def _replay(stored, request_fingerprint):
    if stored.fingerprint != request_fingerprint:
        return _error(422, "idempotency_key_reused", _(
            "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác trong 24 giờ qua. "
            "Mỗi thao tác ghi mới cần một khóa mới."))
    if stored.status_code == _RESERVED:
        return _error(409, "idempotency_key_in_use", _("Yêu cầu với khóa này đang được xử lý, vui lòng thử lại sau."))
    try:
        content = _cipher().decrypt(stored.sealed_body.encode()) if stored.sealed_body else b""
    except (IdentityKeyError, InvalidToken):
        return _error(409, "idempotency_key_unreadable", _(
            "Không đọc lại được câu trả lời đã lưu cho khóa này (khóa mã hóa đã đổi). Hãy dùng khóa mới."))
    response = HttpResponse(content, status=stored.status_code, content_type=stored.content_type or None)
    response[REPLAYED_HEADER] = "true"
    return response


def answer_once(request, get_response, *, user, key, request_fingerprint):
    """Run the request once for (user, key); a repeat gets the stored answer, a different request with the key 422."""
    with transaction.atomic():
        IdempotentRequest.objects.filter(user=user, key=key, created_at__lt=timezone.now() - KEEP_FOR).delete()
        try:
            with transaction.atomic():
                reserved = IdempotentRequest.objects.create(
                    user=user, key=key, fingerprint=request_fingerprint, status_code=_RESERVED)
        except IntegrityError:
            # The same key already answered (or another request with it has just committed: the insert waited for it).
            return _replay(IdempotentRequest.objects.get(user=user, key=key), request_fingerprint)
        response = get_response(request)
        if response.status_code >= 500 or transaction.get_connection().needs_rollback:
            transaction.set_rollback(True)
            return response
        sealed = None
        if _keepable(response):
            sealed = _seal(response.content)
        if sealed is None:
            # A refusal (400, 403, 409…) is not remembered: the client may correct and retry with the same key.
            reserved.delete()
        else:
            reserved.status_code = response.status_code
            reserved.content_type = response.get("Content-Type", "")
            reserved.sealed_body = sealed
            reserved.save(update_fields=["status_code", "content_type", "sealed_body"])
        return response


class IdempotencyMiddleware:
    """Applies Idempotency-Key to POST, PUT and PATCH under /api/v1/; other requests pass untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.headers.get(IDEMPOTENCY_HEADER)
        if key is None or request.method not in WRITE_METHODS or not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        key = key.strip()
        if not key or len(key) > IDEMPOTENCY_KEY_MAX_LENGTH:
            return _error(400, "invalid_idempotency_key", _(
                "Khóa Idempotency-Key phải có từ 1 đến %(max)d ký tự.") % {"max": IDEMPOTENCY_KEY_MAX_LENGTH})
        user = api_user(request)
        if user is None:
            return self.get_response(request)
        return answer_once(request, self.get_response, user=user, key=key, request_fingerprint=fingerprint(request))


def purge_expired(now=None):
    """Delete the stored answers older than KEEP_FOR; returns how many (a daily job)."""
    deleted, _by_model = IdempotentRequest.objects.filter(created_at__lt=(now or timezone.now()) - KEEP_FOR).delete()
    return deleted
