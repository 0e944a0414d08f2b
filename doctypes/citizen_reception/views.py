"""The reception screens: logging a reception under /cases/, and the refusal notice (Luật Tiếp công dân 2013,
Art. 9(3)), which starts from visible_to."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from doctypes.citizen_reception import services

from doctypes.citizen_reception.letters import refusal_notice, refusal_notice_filename
from doctypes.citizen_reception.models import Reception
from doctypes.complaint_case.forms import intake_form
from doctypes.complaint_case.views.letters import docx_response
from papi_inspect.steps import add_errors


@login_required
def reception_refusal_notice(request, pk):
    reception = get_object_or_404(Reception.objects.visible_to(request.user), pk=pk)
    if reception.refusal_ground != Reception.RefusalGround.ALREADY_RESOLVED:
        raise Http404("Chỉ lập thông báo từ chối khi vụ việc đã được giải quyết đúng pháp luật.")
    return docx_response(refusal_notice(reception), refusal_notice_filename(reception))


RECEPTION_FIELDS = ["received_on", "kind", "group_size", "content", "documents_received", "classification", "handling",
                    "transfer_to", "verbal_statement", "statement_signed", "refusal_ground", "refusal_note", "leader_present",
                    "unit"]


@login_required
def new_reception(request):
    """Log a reception from the /cases/ screens: the same log_reception as the back office and the API; with
    "Lập đơn" ticked the petition is registered in the same transaction."""
    if not request.user.has_perm("citizen_reception.add_reception"):
        raise PermissionDenied(_("Bạn không được ghi sổ tiếp công dân."))
    form = intake_form(Reception, RECEPTION_FIELDS, request.user, extra={
        "create_petition": forms.BooleanField(label=_("Lập đơn từ lượt tiếp"), required=False)})(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reception = services.log_reception(by=request.user, create_petition=form.cleaned_data["create_petition"],
                                               **form.service_data())
        except (ValidationError, PermissionDenied) as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Đã ghi sổ lượt tiếp %s.") % reception.code)
            if reception.petition_id:
                return redirect(reverse("complaint_case:front-detail", args=["petitions", reception.petition_id]))
            return redirect(reverse("complaint_case:front-list"))
    status = 400 if request.method == "POST" else 200
    return render(request, "complaint_case/front/intake.html", {"form": form, "title": _("Ghi sổ tiếp công dân")}, status=status)
