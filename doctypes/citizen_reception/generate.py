"""Generator (papi-inspect generate): ten years of the citizen-reception log per department, identities encrypted."""

from doctypes.citizen_reception.models import Reception
from papi_inspect.generate import insert


def _receptions(world, number, units, inspectorate, staff):
    rng = world.rng(f"reception:{number}")
    for index in range(world.volume("receptions")):
        size = rng.choice([1, 1, 1, 1, 6, 12])
        kind = rng.choice(["complaint", "complaint", "denunciation", "request"])
        identity = {"name": f"Công dân {index}", "id_number": f"0{rng.randrange(10**10, 10**11)}"}
        yield Reception(
            code=f"G{world.seed}-{number}-TCD-{index:06d}", received_on=world.day(rng), kind=rng.choice(["regular", "regular", "unscheduled"]),
            pseudonym=f"Công dân {index}", group_size=size, is_group=size > 1, content=f"Trình bày về {kind} ở thôn {rng.randrange(1, 30)}",
            classification=kind, handling=rng.choice(["guide", "guide", "receive", "transfer"]), officer=staff,
            unit=inspectorate if rng.random() < 0.8 else rng.choice(units),
            **dict(zip(("identity_cipher", "person_key"), world.sealer.seal(identity))))


def generate(world):
    for number, (_agency, units, inspectorate, _office, staff) in enumerate(world.agencies):
        insert(Reception, _receptions(world, number, units, inspectorate, staff), world=world)
