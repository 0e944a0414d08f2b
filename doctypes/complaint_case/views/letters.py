"""Downloads of the doctype's letters; each starts from workable_by (a read-only viewer gets no letter), so a hidden record is a 404."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from doctypes.complaint_case import letters
from doctypes.complaint_case.models import ComplaintCase, Petition
from papi_inspect.state_documents import DOCX_CONTENT_TYPE


def docx_response(data, filename):
    response = HttpResponse(data, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def petition_letter(request, pk):
    petition = get_object_or_404(Petition.objects.workable_by(request.user), pk=pk)
    if petition.outcome not in (Petition.Outcome.TRANSFER, Petition.Outcome.GUIDE):
        raise Http404("Đơn chưa có kết quả chuyển đơn hoặc hướng dẫn.")
    return docx_response(letters.petition_letter(petition), letters.petition_letter_filename(petition))


@login_required
def complaint_decision(request, pk):
    case = get_object_or_404(ComplaintCase.objects.workable_by(request.user), pk=pk)
    if case.status != ComplaintCase.Status.DECIDED:
        raise Http404("Hồ sơ chưa có quyết định giải quyết.")
    return docx_response(letters.complaint_decision(case), letters.complaint_decision_filename(case))
