"""Core views: the permission-checked attachment download, and the 404 answer (JSON under /api/)."""

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.utils.translation import gettext
from django.views import defaults

from papi_inspect.attachments import read_attachment
from papi_inspect.models import Attachment


@login_required
def download_attachment(request, pk):
    """Stream a file only to a user who may see the record it belongs to."""
    attachment = Attachment.objects.visible_to(request.user).filter(pk=pk).first()
    if attachment is None:
        # The same answer for "does not exist" and "not yours": a file's existence is not disclosed.
        raise Http404("Không tìm thấy tệp.")
    try:
        # An original of a protected record is ciphertext on disk; it is decrypted only here, after the check.
        handle = io.BytesIO(read_attachment(attachment)) if attachment.encrypted else attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ; hãy báo quản trị hệ thống.")
    # A doctype may record who opened its files (an original naming a denouncer is a reveal).
    on_download = getattr(attachment.record, "file_downloaded", None)
    if on_download is not None:
        on_download(attachment, request.user)
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.mime_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Files can hold personal data: no shared cache may keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response


def not_found(request, exception=None):
    """A URL that matches nothing: under /api/ the API's structured error (a client parses JSON, not a page)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "not_found", "message": gettext("Không tìm thấy bản ghi.")}}, status=404,
                            json_dumps_params={"ensure_ascii": False})
    return defaults.page_not_found(request, exception)
