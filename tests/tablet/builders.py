"""Builders for tablet tests: a second inspector, a team's inspection in fieldwork, a check led by the inspector, photos."""

import datetime
import io
import json
import random
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from doctypes.finding import services as findings
from doctypes.inspection.models import Inspection
from doctypes.org.demo import ensure_staff_user
from papi_inspect.permissions import Role
from tests.base import PASSWORD, load_people
from tests.discipline_check.builders import make_check
from tests.finding.builders import make_action, make_finding
from tests.inspection.builders import advance, make_inspection, unit

SYNC_URL = "/api/v1/tablet/sync/"
BATCH_URL = "/api/v1/tablet/sync/batch/"
ASSIGNMENTS_URL = "/api/v1/tablet/assignments/"


def other_inspector():
    """An inspector of the same inspectorate who is on other teams than `people.inspector`."""
    return ensure_staff_user("thanhtra2", full_name="Phan Thanh Hai", position="Thanh tra viên", unit=unit("snnmt-ttr"),
                             role=Role.INSPECTOR, password=PASSWORD)


def third_inspector():
    """A third inspector of the same inspectorate, for a tablet three people share."""
    return ensure_staff_user("thanhtra3", full_name="Đặng Thị Kiểm", position="Thanh tra viên", unit=unit("snnmt-ttr"),
                             role=Role.INSPECTOR, password=PASSWORD)


def fieldwork_inspection(*, leader=None, title="Thanh tra công tác quản lý đê điều", subject="snnmt-ccthuyloi"):
    """An inspection in fieldwork whose team is `leader` (the tests' inspector by default)."""
    people = load_people()
    inspection = make_inspection(title=title, subject=subject)
    start = datetime.date(2026, 3, 2)
    from doctypes.inspection import services

    services.decide_inspection(inspection, by=people.chief_inspector, number="12/QĐ-TTr", decided_on=start,
                               signer="Trần Chánh Thanh", leader=leader or people.inspector)
    services.announce_inspection(inspection, by=people.chief_inspector, announced_on=start + datetime.timedelta(days=3))
    inspection.refresh_from_db()
    assert inspection.step == Inspection.Step.FIELDWORK
    return inspection


def inspectors_check(**overrides):
    """A discipline check the tests' inspector leads (the office schedules it)."""
    return make_check(**{"leader": load_people().inspector, **overrides})


def verification_due(inspection=None):
    """A recommendation with a progress report, waiting for the inspector to verify it."""
    people = load_people()
    finding = make_finding(inspection=inspection or fieldwork_inspection())
    action = make_action(finding)
    findings.report_action_progress(action, by=people.unit_head, reported_on=datetime.date(2026, 5, 2), note="Đã nộp lại tiền")
    action.refresh_from_db()
    return action


def jpeg(name="anh.jpg", size=(640, 480), noisy=False):
    """A real JPEG made with Pillow; a noisy one (like a camera's) compresses badly, to make an oversized photo."""
    image = Image.new("RGB", size, (200, 60, 40))
    if noisy:
        rng = random.Random(7)
        grain = Image.frombytes("RGB", (300, 225), bytes(rng.getrandbits(8) for _ in range(300 * 225 * 3)))
        image = grain.resize(size, Image.BICUBIC)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def png(name="chu-ky.png", size=(400, 160)):
    image = Image.new("RGBA", size, (255, 255, 255, 255))
    for x in range(20, 380):
        image.putpixel((x, 80 + (x % 20) - 10), (0, 0, 0, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def signed_in_id(client):
    """The id of the user the test client is signed in as (the author the tablet would put on its items), or ""."""
    return client.session.get("_auth_user_id", "")


def sync(client, kind, payload, *, key=None, photos=(), signature=None, author=None):
    """POST one item the way the tablet does: multipart with key, kind, author, payload JSON and files.

    The author is the signed-in user unless the test says otherwise, as on a tablet used by one person.
    """
    data = {"key": str(key or uuid.uuid4()), "kind": kind, "author": str(signed_in_id(client) if author is None else author),
            "payload": json.dumps(payload)}
    if photos:
        data["photos"] = list(photos)
    if signature is not None:
        data["signature"] = signature
    return client.post(SYNC_URL, data)


def sync_batch(client, items):
    """POST several items the way the tablet does: `items` JSON, and item i's files as photos-i and signature-i.

    Each item is (kind, payload) or (kind, payload, {"key": ..., "author": ..., "photos": [...], "signature": ...}).
    """
    envelope, data = [], {}
    for index, (kind, payload, *extra) in enumerate(items):
        options = extra[0] if extra else {}
        author = options.get("author", signed_in_id(client))
        envelope.append({"key": str(options.get("key") or uuid.uuid4()), "kind": kind, "author": author, "payload": payload})
        if options.get("photos"):
            data[f"photos-{index}"] = list(options["photos"])
        if options.get("signature") is not None:
            data[f"signature-{index}"] = options["signature"]
    return client.post(BATCH_URL, {"items": json.dumps(envelope), **data})


def finding_payload(inspection, **overrides):
    values = {"inspection": inspection.pk, "condition": "Sổ theo dõi đê không ghi đủ", "criteria": "Luật Đê điều 2006 Điều 23",
              "severity": "medium", "legal_document": "Luật Đê điều 2006", "legal_article": "23"}
    values.update(overrides)
    return values
