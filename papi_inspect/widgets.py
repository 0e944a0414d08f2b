"""Form widgets shared by every screen: the dd/mm/yyyy date picker (flatpickr, vendored, Vietnamese locale)."""

from django import forms

DATE_FORMAT = "%d/%m/%Y"
# dd/mm/yyyy first (what the picker writes and people type); ISO still read, as the API and old links send it.
DATE_INPUT_FORMATS = [DATE_FORMAT, "%d-%m-%Y", "%Y-%m-%d"]
VENDOR = "papi_inspect/vendor/flatpickr-4.6.13"


class DatePickerInput(forms.DateInput):
    """A text input showing dd/mm/yyyy, opened as a calendar by flatpickr; usable without JavaScript."""

    def __init__(self, attrs=None):
        defaults = {"data-datepicker": "", "placeholder": "dd/mm/yyyy", "autocomplete": "off", "inputmode": "numeric"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format=DATE_FORMAT)

    class Media:
        css = {"all": [f"{VENDOR}/flatpickr.min.css"]}
        js = [f"{VENDOR}/flatpickr.min.js", f"{VENDOR}/vn.js", "papi_inspect/js/datepicker.js"]


def date_field(**options):
    """A date field read as dd/mm/yyyy, with the picker."""
    return forms.DateField(input_formats=DATE_INPUT_FORMATS, widget=DatePickerInput(), **options)
