"""A realistic, deterministic data set at a chosen scale, built by each doctype's own `generate` module.

The core imports no doctype: `papi-inspect generate` asks every project app for a `generate` module
(papi_inspect.extensions) and calls its `generate(world)` in layer order (org first, findings last).
Rows are inserted in batches as they are produced (flat memory), with their history rows.
"""

import datetime
import random
from dataclasses import dataclass, field
from itertools import islice

from django.db import reset_queries, transaction
from simple_history.utils import bulk_create_with_history

# Volumes of ONE department over ten years (issue 15); a scale multiplies the number of departments.
DEPARTMENT_VOLUMES = {
    "petitions": 20_000, "cases": 7_700, "receptions": 6_000, "inspections": 400, "checks": 1_500,
    "findings": 30_000, "actions": 30_000,
}
# scale -> (provinces, departments per province, units per department)
SCALES = {"department": (1, 1, 10), "province": (1, 25, 10), "national": (34, 25, 10)}
YEARS = 10
BATCH = 2_000


@dataclass
class World:
    """What the generators share: the seed, the agencies and their units, people, and what was made so far."""

    scale: str
    seed: int
    today: datetime.date
    agencies: list = field(default_factory=list)      # [(agency Unit, [its units], inspectorate, office, staff user)]
    made: dict = field(default_factory=dict)           # name -> count (printed at the end)
    shared: dict = field(default_factory=dict)         # cross-doctype handles (e.g. check and inspection id ranges)
    sealer: object = None                              # IdentitySealer, made when the run starts
    say: object = print
    volumes: dict = field(default_factory=lambda: dict(DEPARTMENT_VOLUMES))  # tests pass a few rows each

    @property
    def first_day(self):
        return self.today.replace(year=self.today.year - YEARS)

    def rng(self, name):
        """A random stream per doctype and agency, so adding one generator does not shift the others."""
        return random.Random(f"{self.seed}:{name}")

    def day(self, rng, *, recent_share=0.0, recent_days=180):
        """A date in the ten years; `recent_share` of them within the last `recent_days` (open work is recent)."""
        if rng.random() < recent_share:
            return self.today - datetime.timedelta(days=rng.randrange(recent_days))
        return self.first_day + datetime.timedelta(days=rng.randrange((self.today - self.first_day).days))

    def volume(self, name):
        return self.volumes[name]


class IdentitySealer:
    """encrypt_identity and person_key_for with the keys read once: the library reads the key file on every call,
    which is right for a request but was a third of the build time for hundreds of thousands of rows."""

    def __init__(self):
        from papi_inspect import identity

        self._identity, self._cipher, self._hmac_key = identity, identity._cipher(), identity._hmac_key()

    def seal(self, person):
        """(identity_cipher, person_key) of an identity dict, as ProtectedIdentity.set_identity stores them."""
        import hashlib
        import hmac
        import json

        clean = {part: (person.get(part) or "").strip() for part in self._identity.IDENTITY_PARTS if person.get(part)}
        cipher = self._cipher.encrypt(json.dumps(clean, ensure_ascii=False).encode()).decode()
        if not person.get("name"):
            return cipher, ""
        message = "|".join(self._identity.normalise(part) for part in (person["name"], person.get("id_number", ""))).encode()
        return cipher, hmac.new(self._hmac_key, message, hashlib.sha256).hexdigest()


def insert(model, rows, *, history=True, batch=BATCH, world=None, name=None):
    """Insert an iterable of unsaved rows in batches (with their history rows); returns the count."""
    rows, count = iter(rows), 0
    while chunk := list(islice(rows, batch)):
        with transaction.atomic():
            if history and hasattr(model, "history"):
                bulk_create_with_history(chunk, model, batch_size=batch, default_change_reason="Dữ liệu sinh tự động")
            else:
                model.objects.bulk_create(chunk, batch_size=batch)
        count += len(chunk)
        reset_queries()  # with DEBUG on, Django keeps the last 9,000 statements: megabytes per bulk insert
    if world is not None:
        world.made[name or model._meta.label] = world.made.get(name or model._meta.label, 0) + count
    return count


def generate(scale, seed, *, today=None, say=print, volumes=None):
    """Run every app's generator; returns the counts made."""
    from papi_inspect.extensions import extension_modules

    if scale not in SCALES:
        raise ValueError(scale)
    world = World(scale=scale, seed=seed, today=today or datetime.date.today(), say=say)
    if volumes:
        world.volumes.update(volumes)
    world.sealer = IdentitySealer()
    for module in extension_modules("generate"):
        started = datetime.datetime.now()
        module.generate(world)
        say(f"{module.__name__}: {(datetime.datetime.now() - started).total_seconds():.1f} s")
    return world.made
