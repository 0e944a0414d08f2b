"""Evidence taken in the field: photos checked and shrunk, GPS position, the inspected party's signature."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from doctypes.finding import services
from doctypes.inspection.models import Inspection
from papi_inspect.models import Attachment
from papi_inspect.photos import PHOTO_MAX_EDGE, check_photo
from tests.finding.builders import make_finding
from tests.inspection.builders import advance
from tests.tablet.builders import fieldwork_inspection, jpeg, png

pytestmark = pytest.mark.django_db


def test_a_photo_within_the_cap_is_kept_as_it_is(settings):
    photo = jpeg()
    assert check_photo(photo) is photo


def test_an_oversized_photo_is_shrunk_to_a_jpeg_within_the_cap(settings):
    settings.PHOTO_MAX_BYTES = 1024 * 1024
    big = jpeg("may-anh.jpg", size=(3200, 2400), noisy=True)
    kept = check_photo(big)
    assert kept is not big and kept.name == "may-anh.jpg" and kept.size <= settings.PHOTO_MAX_BYTES
    assert Image.open(kept).size == (PHOTO_MAX_EDGE, PHOTO_MAX_EDGE * 3 // 4)


def test_a_png_too_large_becomes_a_jpeg(settings):
    big = png("man-hinh.png", size=(2000, 1500))
    settings.PHOTO_MAX_BYTES = big.size - 1
    kept = check_photo(big)
    assert kept.name == "man-hinh.jpg" and kept.content_type == "image/jpeg"


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name():
    for content in (b"%PDF-1.4\n%%EOF\n", b"MZ" + bytes(100), b"GIF89a" + bytes(30)):
        with pytest.raises(ValidationError) as error:
            check_photo(SimpleUploadedFile("anh.jpg", content))
        assert error.value.code == "not_an_image"


def test_a_gif_is_refused_as_not_a_photo_format():
    import io

    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    with pytest.raises(ValidationError, match="phải là JPEG, PNG hoặc WebP"):
        check_photo(SimpleUploadedFile("anh.gif", out.getvalue()))


def test_a_finding_keeps_its_gps_position_and_photos(people):
    finding = make_finding(inspection=fieldwork_inspection(), by=people.inspector, latitude=Decimal("21.028511"),
                           longitude=Decimal("105.804817"), photos=[jpeg("a.jpg"), jpeg("b.jpg")])
    finding.refresh_from_db()
    assert (finding.latitude, finding.longitude) == (Decimal("21.028511"), Decimal("105.804817"))
    assert Attachment.objects.filter(object_id=finding.pk, content_type__model="finding").count() == 2


def test_a_position_needs_both_coordinates_within_range(people):
    inspection = fieldwork_inspection()
    with pytest.raises(ValidationError, match="cả vĩ độ và kinh độ"):
        make_finding(inspection=inspection, by=people.inspector, latitude=Decimal("21"))
    with pytest.raises(ValidationError, match="GPS không hợp lệ"):
        make_finding(inspection=inspection, by=people.inspector, latitude=Decimal("95"), longitude=Decimal("105"))


def test_the_inspected_party_signs_once_with_name_and_time(people):
    finding = make_finding(inspection=fieldwork_inspection(), by=people.inspector)
    at = timezone.make_aware(datetime.datetime(2026, 12, 3, 9, 30))
    services.sign_finding(finding, by=people.inspector, signer_name="  Đỗ Trưởng Đơn ", image=png(), signed_at=at)
    finding.refresh_from_db()
    assert (finding.signer_name, finding.signed_at) == ("Đỗ Trưởng Đơn", at)
    assert finding.signature.description == "Chữ ký của Đỗ Trưởng Đơn"
    assert finding.history.first().history_change_reason == "Đơn vị ký xác nhận phát hiện"
    with pytest.raises(ValidationError, match="đã có chữ ký"):
        services.sign_finding(finding, by=people.inspector, signer_name="Người khác", image=png(), signed_at=at)


def test_a_signature_needs_a_name_and_an_editor(people):
    finding = make_finding(inspection=fieldwork_inspection(), by=people.inspector)
    with pytest.raises(ValidationError, match="họ tên người ký"):
        services.sign_finding(finding, by=people.inspector, signer_name=" ", image=png(), signed_at=timezone.now())
    with pytest.raises(PermissionDenied):
        services.sign_finding(finding, by=people.unit_head, signer_name="Đỗ Trưởng Đơn", image=png(), signed_at=timezone.now())
    finding.refresh_from_db()
    assert finding.signature_id is None


def test_a_concluded_inspections_finding_can_no_longer_be_signed(people):
    inspection = fieldwork_inspection()
    finding = make_finding(inspection=inspection, by=people.inspector)
    advance(inspection, Inspection.Step.CONCLUDED)
    finding.refresh_from_db()
    with pytest.raises(ValidationError, match="đã kết luận"):
        services.sign_finding(finding, by=people.inspector, signer_name="Đỗ Trưởng Đơn", image=png(), signed_at=timezone.now())
