"""Photos taken in the field (findings, checklist results, signatures): checked as real images, then attached."""

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

from papi_inspect.attachments import _readable_size, attach_file

# A tablet resizes its photos to about 1600 px (a few hundred KB); anything far above that did not pass
# through the device's resizing and would fill the file store.
DEFAULT_PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


def photo_max_bytes():
    return getattr(settings, "PHOTO_MAX_BYTES", DEFAULT_PHOTO_MAX_BYTES)


def check_photo(uploaded_file):
    """Refuse a photo over the cap, or whose bytes are not a JPEG, PNG or WebP image Pillow can read."""
    limit = photo_max_bytes()
    if uploaded_file.size > limit:
        raise ValidationError(
            f"Ảnh '{uploaded_file.name}' vượt quá dung lượng cho phép ({_readable_size(limit)}); hãy chụp lại hoặc giảm cỡ ảnh.",
            code="photo_too_large",
        )
    uploaded_file.seek(0)
    try:
        with Image.open(uploaded_file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(f"Tệp '{uploaded_file.name}' không phải là ảnh.", code="not_an_image")
    finally:
        uploaded_file.seek(0)
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(f"Ảnh '{uploaded_file.name}' phải là JPEG, PNG hoặc WebP.", code="not_an_image")


def attach_photo(record, *, by, photo, description=""):
    """Attach a checked photo through the core attachment service (which checks permission and content again)."""
    check_photo(photo)
    return attach_file(record, uploaded_file=photo, by=by, description=description)
