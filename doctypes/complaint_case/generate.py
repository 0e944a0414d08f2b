"""Generator (papi-inspect generate): ten years of petitions, complaint and denunciation cases per department,
with an open and overdue backlog across units, encrypted identities and a history row each."""

import datetime
from functools import lru_cache

from doctypes.complaint_case.models import ComplaintCase, Denunciation, Petition
from papi_inspect.deadlines import DeadlineError, compute_deadline
from papi_inspect.generate import insert

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
GIVEN = ["Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Minh Đức", "Thu Hà", "Quốc Hùng", "Ngọc Lan"]
MATTERS = ["tranh chấp đất đai", "bồi thường giải phóng mặt bằng", "cấp giấy chứng nhận", "thu hồi đất",
           "xử phạt vi phạm hành chính", "chế độ chính sách", "môi trường khu dân cư", "thủy lợi phí"]


@lru_cache(maxsize=None)
def _due(code, start):
    try:
        return compute_deadline(code, start).due
    except DeadlineError:  # before the rule's current version came into force: an approximate limit is enough
        return start + datetime.timedelta(days=30)


def _person(rng):
    name = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
    identity = {"name": name, "id_number": f"0{rng.randrange(10**10, 10**11)}", "address": f"Thôn {rng.randrange(1, 20)}"}
    return name, identity


def _petitions(world, number, agency, units, inspectorate, staff):
    rng = world.rng(f"petition:{agency.code}")
    for index in range(world.volume("petitions")):
        received = world.day(rng, recent_share=0.04, recent_days=60)
        kind = rng.choice(["complaint", "complaint", "denunciation", "request", "request"])
        open_ = (world.today - received).days < 60 and rng.random() < 0.7
        _name, identity = _person(rng)
        anonymous = kind == "denunciation" and rng.random() < 0.1
        petition = Petition(
            code=f"G{world.seed}-{number}-DON-{index:06d}", received_on=received, channel=rng.choice(["post", "direct", "forwarded"]),
            pseudonym=f"Người gửi {index}", matter=f"Đơn về {rng.choice(MATTERS)} tại xã {rng.randrange(1, 40)}",
            content_kind=kind, anonymous=anonymous, eligible=rng.random() < 0.85, within_competence=rng.random() < 0.6,
            prior_resolution=rng.choice(["never", "never", "once"]), anti_corruption=kind == "denunciation" and rng.random() < 0.3,
            status=rng.choice(["received", "classified"]) if open_ else "processed", unit=rng.choice(units) if rng.random() < 0.3 else inspectorate,
            process_due=_due("petition.process", received), handler=staff if rng.random() < 0.5 else None,
            outcome="" if open_ else rng.choice(["accept", "guide", "transfer", "file"]),
            outcome_on=None if open_ else received + datetime.timedelta(days=rng.randrange(1, 10)))
        if not anonymous:
            petition.identity_cipher, petition.person_key = world.sealer.seal(identity)
        yield petition


def _complaints(world, number, agency, units, inspectorate, staff, count):
    rng = world.rng(f"complaint:{agency.code}")
    for index in range(count):
        received = world.day(rng, recent_share=0.08, recent_days=150)
        age = (world.today - received).days
        status = "decided" if age > 150 or rng.random() < 0.3 else rng.choice(["received", "accepted", "accepted", "verified", "dialogued"])
        accepted = received + datetime.timedelta(days=rng.randrange(1, 10)) if status != "received" else None
        name, _identity = _person(rng)
        yield ComplaintCase(
            code=f"G{world.seed}-{number}-KN-{index:06d}", subject=f"Khiếu nại về {rng.choice(MATTERS)}", received_on=received,
            unit=rng.choice(units) if rng.random() < 0.4 else inspectorate, complainant_name=name,
            complained_act="Quyết định hành chính", level=rng.choice([1, 1, 2]), status=status,
            accepted_on=accepted, accept_due=_due("complaint.accept", received),
            resolve_due=_due("complaint.resolve", accepted) if accepted else None, handler=staff if rng.random() < 0.6 else None,
            decided_on=received + datetime.timedelta(days=rng.randrange(20, 60)) if status == "decided" else None,
            result=rng.choice(["upheld", "amended", "cancelled"]) if status == "decided" else "",
            anti_corruption=rng.random() < 0.1)


def _denunciations(world, number, agency, units, inspectorate, staff, count):
    rng = world.rng(f"denunciation:{agency.code}")
    for index in range(count):
        received = world.day(rng, recent_share=0.08, recent_days=150)
        age = (world.today - received).days
        status = rng.choice(["concluded", "handled", "not_accepted"]) if age > 150 or rng.random() < 0.3 else rng.choice(["received", "accepted", "accepted"])
        accepted = received + datetime.timedelta(days=rng.randrange(1, 7)) if status != "received" else None
        _name, identity = _person(rng)
        yield Denunciation(
            code=f"G{world.seed}-{number}-TC-{index:06d}", subject=f"Tố cáo cán bộ về {rng.choice(MATTERS)}", received_on=received,
            unit=rng.choice(units) if rng.random() < 0.4 else inspectorate, pseudonym=f"Người tố cáo {index}",
            denounced="Cán bộ địa chính xã", status=status, initial_due=_due("denunciation.initial", received),
            accepted_on=accepted, resolve_due=_due("denunciation.resolve", accepted) if accepted else None,
            handler=staff if rng.random() < 0.6 else None,
            concluded_on=received + datetime.timedelta(days=rng.randrange(30, 90)) if status in ("concluded", "handled") else None,
            anti_corruption=rng.random() < 0.3, **dict(zip(("identity_cipher", "person_key"), world.sealer.seal(identity))))


def generate(world):
    cases = world.volume("cases")
    for number, (agency, units, inspectorate, _office, staff) in enumerate(world.agencies):
        insert(Petition, _petitions(world, number, agency, units, inspectorate, staff), world=world)
        insert(ComplaintCase, _complaints(world, number, agency, units, inspectorate, staff, cases * 6 // 10), world=world)
        insert(Denunciation, _denunciations(world, number, agency, units, inspectorate, staff, cases - cases * 6 // 10), world=world)
