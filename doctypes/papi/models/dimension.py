"""The PAPI reference: dimensions and sub-dimensions, and the field every doctype links them with."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import ReferenceQuerySet


class DimensionQuerySet(ReferenceQuerySet):
    def existing_in(self, year):
        """The dimensions and sub-dimensions that PAPI measured in `year`."""
        return self.filter(Q(first_year__lte=year), Q(last_year__isnull=True) | Q(last_year__gte=year))

    def dimensions(self):
        return self.filter(parent__isnull=True)


class Dimension(Versioned):
    """A PAPI dimension (code "3") or sub-dimension (code "3.2"), with the years it existed."""

    code = models.CharField(_("mã"), max_length=8, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subdimensions",
        verbose_name=_("chỉ số nội dung"),
    )
    name_vi = models.CharField(_("tên tiếng Việt"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255)
    first_year = models.PositiveSmallIntegerField(_("có từ năm"))
    last_year = models.PositiveSmallIntegerField(_("có đến năm"), null=True, blank=True)
    sort_key = models.CharField(max_length=16, editable=False, db_index=True)

    objects = DimensionQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("chỉ số PAPI")
        verbose_name_plural = _("chỉ số và nội dung thành phần PAPI")

    def __str__(self):
        return f"{self.code}. {self.name}"

    @property
    def name(self):
        return self.name_en if (get_language() or "vi").startswith("en") else self.name_vi

    @property
    def is_subdimension(self):
        return self.parent_id is not None

    def clean(self):
        if self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("Năm kết thúc phải sau năm bắt đầu.")})
        expected_parent = self.code.rsplit(".", 1)[0] if "." in self.code else None
        if (self.parent.code if self.parent else None) != expected_parent:
            raise ValidationError({"parent": _("Mã nội dung thành phần phải bắt đầu bằng mã chỉ số cha.")})

    def save(self, *args, **kwargs):
        # Sorting "10" after "9" needs zero-padded parts; the key is derived, never edited.
        self.sort_key = ".".join(part.zfill(3) for part in self.code.split("."))
        super().save(*args, **kwargs)


def papi_links(**options):
    """The field each doctype uses to name the PAPI dimensions or sub-dimensions it serves."""
    options.setdefault("related_name", "+")
    options.setdefault("verbose_name", _("chỉ số PAPI liên quan"))
    return models.ManyToManyField(Dimension, blank=True, **options)
