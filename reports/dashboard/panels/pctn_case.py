"""Dashboard panel of the case register: cases with a handling result, and cases still being considered (PAPI 4).

A case has no legal deadline of its own, so none is overdue; "being considered" is what 01/PCTN rows 87–88 count.
"""

from django.utils.translation import gettext_lazy as _

from doctypes.pctn_case.models import PctnCase
from reports.dashboard.panels import DuePanel

PANELS = [DuePanel(PctnCase, _("Vụ việc tham nhũng, lãng phí, tiêu cực (có kết quả xử lý / đang xem xét)"), due=None,
                   done="handled_on", papi="4")]
