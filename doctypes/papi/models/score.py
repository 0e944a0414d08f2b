"""PAPI results as data: provinces, each year's scores per dimension, and the imports that wrote them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doctypes.papi.models.dimension import Dimension
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import VisibleQuerySet, agency_unit_ids


class ProvinceQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # A department reads the PAPI results of the province its plans serve, and no others.
        return self.filter(plans__owner_id__in=agency_unit_ids(user)).distinct()


class Province(Versioned):
    """A province as PAPI codes it (1 = Hà Nội, 24 = Bắc Giang); merged provinces stay as data."""

    code = models.CharField(_("mã tỉnh PAPI"), max_length=8, unique=True)
    name = models.CharField(_("tên tỉnh"), max_length=120)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    objects = ProvinceQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tỉnh (PAPI)")
        verbose_name_plural = _("tỉnh (PAPI)")

    def __str__(self):
        return f"{self.name} ({self.code})"


class PapiScoreQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(province__in=Province.objects.visible_to(user))


class PapiScore(Versioned):
    """One province's score in one year for a dimension, a sub-dimension or the aggregate index."""

    TOTAL = "total"
    TOTAL_WEIGHTED = "total_weighted"

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="scores", verbose_name=_("tỉnh"))
    year = models.PositiveSmallIntegerField(_("năm khảo sát"))
    indicator = models.CharField(
        _("chỉ số"), max_length=20, help_text=_("Mã chỉ số (\"3\", \"3.2\") hoặc total / total_weighted.")
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, null=True, blank=True, related_name="scores", verbose_name=_("chỉ số PAPI")
    )
    label = models.CharField(_("tên dòng trong bảng số liệu"), max_length=500, blank=True)
    score = models.DecimalField(_("điểm"), max_digits=8, decimal_places=4)
    scale_min = models.DecimalField(_("thang điểm từ"), max_digits=8, decimal_places=4)
    scale_max = models.DecimalField(_("thang điểm đến"), max_digits=8, decimal_places=4)
    rank = models.PositiveSmallIntegerField(_("xếp hạng"), null=True, blank=True)
    n_provinces = models.PositiveSmallIntegerField(_("số tỉnh được xếp hạng"), null=True, blank=True)
    mean = models.DecimalField(_("trung bình các tỉnh"), max_digits=8, decimal_places=4, null=True, blank=True)
    minimum = models.DecimalField(_("thấp nhất"), max_digits=8, decimal_places=4, null=True, blank=True)
    maximum = models.DecimalField(_("cao nhất"), max_digits=8, decimal_places=4, null=True, blank=True)
    note = models.CharField(_("ghi chú nguồn"), max_length=255, blank=True)
    source = models.ForeignKey(
        "papi.ScoreImport", on_delete=models.SET_NULL, null=True, blank=True, related_name="scores", verbose_name=_("lần nhập")
    )

    objects = PapiScoreQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["province", "year", "indicator"]
        verbose_name = _("điểm PAPI")
        verbose_name_plural = _("điểm PAPI")
        constraints = [
            models.UniqueConstraint(fields=["province", "year", "indicator"], name="papi_score_one_per_indicator"),
            models.CheckConstraint(
                condition=models.Q(score__gte=models.F("scale_min")) & models.Q(score__lte=models.F("scale_max")),
                name="papi_score_within_scale",
            ),
        ]

    def __str__(self):
        return f"{self.province.name} {self.year} – {self.indicator}: {self.score}"


class ScoreImportQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(province__in=Province.objects.visible_to(user))


class ScoreImport(models.Model):
    """One accepted import of a data sheet: what it wrote and which rows it could not map."""

    file_name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(_("mã băm"), max_length=64)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="imports", verbose_name=_("tỉnh"))
    years = models.CharField(_("năm"), max_length=120)
    created = models.PositiveIntegerField(_("số dòng mới"), default=0)
    updated = models.PositiveIntegerField(_("số dòng cập nhật"), default=0)
    unchanged = models.PositiveIntegerField(_("số dòng không đổi"), default=0)
    skipped = models.JSONField(_("dòng không ánh xạ được"), default=list, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người nhập")
    )
    imported_at = models.DateTimeField(_("thời điểm nhập"), auto_now_add=True)

    objects = ScoreImportQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("lần nhập điểm PAPI")
        verbose_name_plural = _("lần nhập điểm PAPI")

    def __str__(self):
        return f"{self.file_name} ({self.province.name}, {self.years})"
