"""The demo month loads every state once, and a second run adds nothing."""

from django.db import transaction

from doctypes.citizen_reception import demo as reception_demo
from doctypes.citizen_reception.models import Reception, ReceptionDay
from doctypes.complaint_case import demo as case_demo
from doctypes.complaint_case.access import may_reveal
from doctypes.complaint_case.demo import DEMO_DENOUNCER
from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from doctypes.complaint_case.services.identity import reveal_identity
from doctypes.org.demo import DEMO_USERS, _link_supervisors, ensure_staff_user
from doctypes.org.models import Unit
from papi_inspect.deadlines import DeadlineStatus
from papi_inspect.demo import DEMO_PASSWORD


def demo_users():
    users = {}
    for username, full_name, position, unit_code, role, rank in DEMO_USERS:
        users[username] = ensure_staff_user(username, full_name=full_name, position=position,
                                            unit=Unit.objects.get(code=unit_code), role=role, inspector_rank=rank,
                                            password=DEMO_PASSWORD)
    _link_supervisors()
    return users


def load_twice(users):
    for _ in range(2):
        with transaction.atomic():
            reception_demo.load(users)
            case_demo.load(users)


def test_it_loads_a_realistic_month_once(db):
    users = demo_users()
    load_twice(users)
    assert Reception.objects.count() == 40
    assert 75 <= Petition.objects.count() <= 85  # every case came in as a petition
    assert ReceptionDay.objects.count() == 12
    assert set(ComplaintCase.objects.values_list("status", flat=True)) == set(ComplaintCase.Status.values)
    assert set(Denunciation.objects.values_list("status", flat=True)) == set(Denunciation.Status.values)
    assert any(case.deadline_status == DeadlineStatus.OVERDUE for case in Denunciation.objects.all())
    assert any(case.deadline_status == DeadlineStatus.OVERDUE for case in ComplaintCase.objects.all())
    assert Petition.objects.filter(status=Petition.Status.MERGED).exists()


def test_it_has_a_demo_identity_only_the_demo_handler_and_chief_can_reveal(db):
    users = demo_users()
    load_twice(users)
    case = next(c for c in Denunciation.objects.all() if c.person_key and c.handler == users["thanhtravien"]
                and c.status == Denunciation.Status.ACCEPTED and c.report_requested_on is None and c.extensions.count() == 0)
    assert reveal_identity(case, by=users["thanhtravien"], reason="Trình diễn quyền xem danh tính")["name"] == DEMO_DENOUNCER["name"]
    for username in ("giamdoc", "vanphong", "truongdonvi", "canbodonvi", "quantri", "ngoaidonvi"):
        assert not may_reveal(users[username], case), username


def test_the_demo_denouncers_case_has_a_verification_team_with_redacted_copies(db):
    from doctypes.complaint_case.models import RedactedCopy
    from doctypes.complaint_case.redaction import fold
    from papi_inspect.models import Attachment

    users = demo_users()
    load_twice(users)
    copies = RedactedCopy.objects.select_related("denunciation")
    assert copies.count() == 3 and {c.source for c in copies} == {"petition_text", "attachment"}
    case = copies.first().denunciation
    assert case.verifiers.get().user == users["canbodonvi"]
    assert {c.automatic for c in copies} == {True, False}
    # The verifier's files are the copies, and none of them names the demo denouncer.
    files = Attachment.objects.visible_to(users["canbodonvi"])
    assert {a.pk for a in files} == {c.file.pk for c in copies}
    for attachment in files:
        with attachment.file.open("rb") as handle:
            data = handle.read()
        text = data.decode("utf-8", "ignore")
        if data[:2] == b"PK":
            from doctypes.complaint_case.redaction import docx_text
            text = docx_text(data)
        assert fold(DEMO_DENOUNCER["name"]) not in fold(text)
