"""What the case screens say about a deadline counted over a day whose status is unconfirmed (24/11/2026)."""

import datetime

from tests.base import client_for
from tests.complaint_case.builders import make_complaint


def test_a_deadline_over_24_november_says_it_took_the_earlier_date(client, people):
    # Received 14/11/2026: acceptance within 10 days (Luật Khiếu nại 2011 Art. 27) falls on 24/11, counted as a working day.
    case = make_complaint(people.inspector, handler=people.inspector, received_on=datetime.date(2026, 11, 14),
                          complainant_name="Bà Nguyễn Thị Lan")
    assert case.accept_due == datetime.date(2026, 11, 24)
    client_for(client, people.inspector)
    detail = client.get(f"/cases/complaints/{case.pk}/").content.decode()
    assert "deadline-caveat" in detail and "24/11/2026" in detail and "sớm hơn" in detail
    page = client.get(f"/admin/complaint_case/complaintcase/{case.pk}/change/").content.decode()
    assert "24/11/2026" in page and "chưa xác nhận" in page


def test_a_deadline_clear_of_unconfirmed_days_says_nothing(client, people):
    case = make_complaint(people.inspector, handler=people.inspector, received_on=datetime.date(2026, 11, 25))
    client_for(client, people.inspector)
    assert "deadline-caveat" not in client.get(f"/cases/complaints/{case.pk}/").content.decode()
