"""Photos taken in the field (findings, checklist results, signatures): checked as real images, shrunk, then attached."""

import io
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from papi_inspect.attachments import _readable_size, attach_file

# A tablet resizes its photos to about 1600 px (a few hundred KB); a photo above the cap that did not pass
# through the device's resizing is shrunk here, and refused only if it still does not fit.
DEFAULT_PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_EDGE = 1600
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


def photo_max_bytes():
    return getattr(settings, "PHOTO_MAX_BYTES", DEFAULT_PHOTO_MAX_BYTES)


def _image_format(uploaded_file):
    uploaded_file.seek(0)
    try:
        with Image.open(uploaded_file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("Tệp '%(name)s' không phải là ảnh.") % {"name": uploaded_file.name}, code="not_an_image")
    finally:
        uploaded_file.seek(0)
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(_("Ảnh '%(name)s' phải là JPEG, PNG hoặc WebP.") % {"name": uploaded_file.name}, code="not_an_image")
    return image_format


def _too_large(uploaded_file, limit):
    """A photo above the largest file accepted at all (the attachment cap): the message names that cap."""
    return ValidationError(
        _("Ảnh '%(name)s' vượt quá dung lượng cho phép (%(readable_size)s); hãy chụp lại hoặc giảm cỡ ảnh.") % {"name": uploaded_file.name, "readable_size": _readable_size(limit)},
        code="photo_too_large",
    )


def _too_large_shrunk(uploaded_file, limit):
    """A photo accepted for shrinking that is still above the kept size: the message says both facts."""
    return ValidationError(
        _("Ảnh '%(name)s' đã được thu nhỏ nhưng vẫn vượt quá dung lượng cho phép (%(readable_size)s); hãy chụp lại với độ phân giải thấp hơn.") % {"name": uploaded_file.name, "readable_size": _readable_size(limit)},
        code="photo_too_large",
    )


def shrink_photo(uploaded_file, limit):
    """A JPEG copy at most PHOTO_MAX_EDGE px on its long side, or an error if even that exceeds `limit`."""
    uploaded_file.seek(0)
    try:
        with Image.open(uploaded_file) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((PHOTO_MAX_EDGE, PHOTO_MAX_EDGE))
            if image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            out = io.BytesIO()
            image.save(out, "JPEG", quality=82, optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("Tệp '%(name)s' không phải là ảnh.") % {"name": uploaded_file.name}, code="not_an_image")
    if out.tell() > limit:
        raise _too_large_shrunk(uploaded_file, limit)
    name = f"{PurePath(uploaded_file.name).stem or 'anh'}.jpg"
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def check_photo(uploaded_file):
    """The photo to keep: refused unless its bytes are a JPEG, PNG or WebP image; shrunk when above the cap.

    A file beyond the attachment cap is refused before it is decoded at all.
    """
    limit = photo_max_bytes()
    if uploaded_file.size > settings.ATTACHMENT_MAX_BYTES:
        raise _too_large(uploaded_file, settings.ATTACHMENT_MAX_BYTES)
    _image_format(uploaded_file)
    if uploaded_file.size > limit:
        return shrink_photo(uploaded_file, limit)
    return uploaded_file


def attach_photo(record, *, by, photo, description=""):
    """Attach a checked photo through the core attachment service (which checks permission and content again)."""
    return attach_file(record, uploaded_file=check_photo(photo), by=by, description=description)
