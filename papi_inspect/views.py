"""Core views: the permission-checked attachment download."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404

from papi_inspect.models import Attachment


@login_required
def download_attachment(request, pk):
    """Stream a file only to a user who may see the record it belongs to."""
    attachment = Attachment.objects.visible_to(request.user).filter(pk=pk).first()
    if attachment is None:
        raise Http404("Không tìm thấy tệp.")
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name, content_type=attachment.mime_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
