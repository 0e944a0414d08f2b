"""Forms of the inspection back office: one step of an inspection at a time."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

STEP_CHOICES = [
    ("decide", _("Ra quyết định thanh tra")),
    ("announce", _("Công bố quyết định")),
    ("extend", _("Gia hạn thời hạn thanh tra")),
    ("end-fieldwork", _("Kết thúc tiến hành thanh tra")),
    ("report", _("Báo cáo kết quả, dự thảo kết luận")),
    ("appraise", _("Thẩm định dự thảo kết luận")),
    ("conclude", _("Ban hành kết luận")),
    ("publish", _("Công khai kết luận")),
    ("amend", _("Sửa đổi, bổ sung kết luận")),
]


class StepForm(forms.Form):
    """Collects what any step needs; the service decides which fields are required."""

    step = forms.ChoiceField(label=_("Bước"), choices=STEP_CHOICES)
    on = forms.DateField(label=_("Ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    number = forms.CharField(label=_("Số văn bản"), required=False)
    signer = forms.CharField(label=_("Người ký"), required=False)
    leader = forms.ModelChoiceField(label=_("Trưởng đoàn"), queryset=get_user_model().objects.none(), required=False)
    members = forms.ModelMultipleChoiceField(label=_("Thành viên"), queryset=get_user_model().objects.none(), required=False)
    text = forms.CharField(label=_("Nội dung / lý do"), widget=forms.Textarea, required=False)

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        if staff is not None:
            self.fields["leader"].queryset = staff
            self.fields["members"].queryset = staff
