"""Demo asset declarations: the 2025 and 2026 lists from the staff list, late and missing declarations, a verification."""

import datetime

from django.db import transaction

from doctypes.anticorruption.demo import ensure_demo_staff
from doctypes.asset_declaration import services
from doctypes.asset_declaration.models import DeclarationDuty

D = datetime.date
# username -> (received, published) for the 2025 declarations (due 31/12/2025); absent: never received
RECEIVED_2025 = {
    "giamdoc": (D(2025, 12, 10), D(2025, 12, 15)),
    "chanhthanhtra": (D(2025, 12, 5), D(2025, 12, 12)),
    "thanhtravien": (D(2026, 1, 9), D(2026, 1, 14)),  # late
    "thanhtra.binh": (D(2025, 12, 26), D(2026, 1, 5)),
}
RECEIVED_2026 = {"giamdoc": (D(2026, 11, 30), D(2026, 12, 3)), "chanhthanhtra": (D(2026, 12, 2), None)}


def _receive(duty, clerk, dates):
    received, published = dates
    if duty.submitted_on is None:
        duty = services.receive_declaration(duty, by=clerk, submitted_on=received)
    if published and duty.published_on is None:
        duty = services.publish_declaration(duty, by=clerk, published_on=published, published_where="notice_board")
    return duty


@transaction.atomic
def load(users):
    """Idempotent: create_year_duties keeps the duties already there, and each step is taken once."""
    ensure_demo_staff(users)
    clerk = users["vanphong"]
    for year, received in ((2025, RECEIVED_2025), (2026, RECEIVED_2026)):
        services.create_year_duties(by=clerk, year=year)
        for username, dates in received.items():
            duty = DeclarationDuty.objects.filter(year=year, kind="annual", person=users[username]).first()
            if duty is not None:
                _receive(duty, clerk, dates)
    if not DeclarationDuty.objects.filter(person=users["khtc.ngoc"], year=2026).exists():
        # Appointed Phó Trưởng phòng Kế hoạch – Tài chính: a declaration for the appointment, added by hand.
        duty = services.add_duty(by=clerk, person=users["khtc.ngoc"], year=2026, kind="appointment")
        _receive(duty, clerk, (D(2026, 8, 18), D(2026, 8, 25)))
    verified = DeclarationDuty.objects.get(year=2025, kind="annual", person=users["thanhtravien"])
    if verified.selected_on is None:
        verified = services.select_for_verification(verified, by=clerk, selected_on=D(2026, 3, 2))
        verified = services.record_verification(verified, by=clerk, verified_on=D(2026, 5, 29), result="untruthful")
        services.record_discipline(verified, by=clerk, discipline="untruthful", disciplined_on=D(2026, 7, 1),
                                   measure="Khiển trách")
    late = DeclarationDuty.objects.get(year=2025, kind="annual", person=users["thanhtra.binh"])
    if late.selected_on is None:
        late = services.select_for_verification(late, by=clerk, selected_on=D(2026, 3, 2))
        services.record_verification(late, by=clerk, verified_on=D(2026, 6, 12), result="truthful")
