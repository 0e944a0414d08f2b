"""Forms of the PAPI screens: a unit's quarterly report and the score import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doctypes.papi.models.report import UnitReportEntry


class StartReportForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(label=_("Quý"), coerce=int, choices=[(q, q) for q in range(1, 5)])


class EntryForm(forms.Form):
    """Progress on one task; the task is fixed by the report, never chosen by the sender."""

    progress = forms.ChoiceField(label=_("Tiến độ"), choices=UnitReportEntry.Progress.choices)
    result = forms.CharField(label=_("Kết quả thực hiện"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("Minh chứng"), required=False)


class ScoreImportForm(forms.Form):
    sheet = forms.FileField(label=_("Bảng số liệu PAPI (.xlsx hoặc .csv)"))
    province = forms.CharField(label=_("Mã tỉnh"), max_length=8, initial="24")
    year = forms.IntegerField(label=_("Năm khảo sát"), required=False, min_value=2009, max_value=2100,
                              help_text=_("Để trống nếu tên trang tính hoặc tên tệp có ghi năm."))
