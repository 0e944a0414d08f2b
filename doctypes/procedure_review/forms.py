"""Forms of the procedure-review back office."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel xuất từ bộ phận một cửa (.xlsx)"))
