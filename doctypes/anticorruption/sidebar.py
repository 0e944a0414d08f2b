"""Back-office sidebar entries of the anti-corruption registers."""

from django.utils.translation import gettext_lazy as _

SIDEBAR = [(_("Phòng, chống tham nhũng"), [
    (_("Lớp tuyên truyền, tập huấn"), "school", "anticorruption.outreachsession"),
    (_("Văn bản PCTN"), "gavel", "anticorruption.preventiondocument"),
    (_("Chuyển đổi vị trí công tác"), "swap_horiz", "anticorruption.jobrotation"),
    (_("Xung đột lợi ích"), "balance", "anticorruption.conflictofinterest"),
    (_("Quà tặng nộp lại"), "redeem", "anticorruption.gifthandover"),
    (_("Xử lý vi phạm quy tắc ứng xử"), "report", "anticorruption.conductdiscipline"),
])]
