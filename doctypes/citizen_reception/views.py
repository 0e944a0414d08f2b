"""Download of the refusal notice (Luật Tiếp công dân 2013, Art. 9(3)); it starts from visible_to."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from doctypes.citizen_reception.letters import refusal_notice, refusal_notice_filename
from doctypes.citizen_reception.models import Reception
from doctypes.complaint_case.views.letters import docx_response


@login_required
def reception_refusal_notice(request, pk):
    reception = get_object_or_404(Reception.objects.visible_to(request.user), pk=pk)
    if reception.refusal_ground != Reception.RefusalGround.ALREADY_RESOLVED:
        raise Http404("Chỉ lập thông báo từ chối khi vụ việc đã được giải quyết đúng pháp luật.")
    return docx_response(refusal_notice(reception), refusal_notice_filename(reception))
