"""List filters of violations, which the dashboard links to: money still to recover."""

from django.contrib import admin
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class RecoveryFilter(admin.SimpleListFilter):
    """Violations with money still to recover, or fully recovered."""

    title = _("thu hồi tiền")
    parameter_name = "recovery"
    OUTSTANDING, RECOVERED = "outstanding", "recovered"

    def lookups(self, request, model_admin):
        return [(self.OUTSTANDING, _("Còn phải thu hồi")), (self.RECOVERED, _("Đã thu hồi đủ"))]

    def queryset(self, request, queryset):
        if self.value() == self.OUTSTANDING:
            return queryset.filter(amount_to_recover__gt=F("amount_recovered"))
        if self.value() == self.RECOVERED:
            return queryset.filter(amount_to_recover__gt=0, amount_recovered__gte=F("amount_to_recover"))
        return queryset
