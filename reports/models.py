"""Statutory reports, their generated versions (file + exact data, frozen when signed) and background jobs."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.models import private_storage
from papi_inspect.permissions import VisibleQuerySet, agency_unit_ids, is_active_staff
from reports.access import may_work_on_reports
from reports.catalogue import PERIOD_KINDS, SPECS


class ReportQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # The department's own reports, to its inspectorate and office; units below see none of them.
        if may_work_on_reports(user):
            return self.filter(owner_id__in=agency_unit_ids(user))
        return self.none()


class Report(Versioned):
    """One statutory report of a department for one period: its narrative, number, place and signer."""

    class Kind(models.TextChoices):
        ANTI_CORRUPTION = "anti_corruption", _("Phòng, chống tham nhũng, lãng phí, tiêu cực")
        INSPECTION = "inspection", _("Định kỳ công tác thanh tra")
        KNTC = "kntc", _("Định kỳ tiếp công dân, xử lý đơn, khiếu nại, tố cáo")

    class PeriodKind(models.TextChoices):
        Q1 = "q1", _("Quý I")
        Q2 = "q2", _("Quý II")
        Q3 = "q3", _("Quý III")
        Q4 = "q4", _("Quý IV")
        H1 = "h1", _("6 tháng")
        M9 = "m9", _("9 tháng")
        YEAR = "year", _("Năm")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        FROZEN = "frozen", _("Đã chốt")

    owner = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="reports", verbose_name=_("cơ quan báo cáo"))
    kind = models.CharField(_("loại báo cáo"), max_length=20, choices=Kind.choices)
    period_kind = models.CharField(_("kỳ báo cáo"), max_length=4, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    narrative = models.JSONField(_("nội dung báo cáo"), default=dict, blank=True)
    number = models.PositiveIntegerField(_("số văn bản"), null=True, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=200, default="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
                                        help_text=_("Mỗi dòng một dòng in, ví dụ: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC."))
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("người tạo"))
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)

    objects = ReportQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-year", "kind", "period_kind"]
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo định kỳ, chuyên đề")
        constraints = [models.UniqueConstraint(fields=["owner", "kind", "period_kind", "year"], name="one_report_per_period")]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.get_period_kind_display()} {self.year}"

    @property
    def spec(self):
        return SPECS[self.kind]

    @property
    def slug(self):
        """A file name stem that names the report and period only, never a person."""
        return f"bao-cao-{self.spec.slug}-{self.period_kind}-{self.year}"

    def clean(self):
        if self.period_kind not in PERIOD_KINDS:
            raise ValidationError({"period_kind": _("Kỳ báo cáo không hợp lệ.")})


class ManualFigureQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(report__in=Report.objects.visible_for_staff(user))


class ManualFigure(models.Model):
    """A figure of a form that no record can give, entered for one report's period: by whom, when, from what source."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="manual_figures", verbose_name=_("báo cáo"))
    form = models.CharField(_("biểu"), max_length=12)  # "03/TTr", "01/PCTN"
    row = models.CharField(_("dòng"), max_length=20)  # an indicator's MS (01/PCTN) or a unit's id (unit-row forms)
    column = models.CharField(_("cột"), max_length=12)  # the column's code in the numbering row, or "SỐ LIỆU"
    value = models.DecimalField(_("số liệu"), max_digits=18, decimal_places=2)
    source_note = models.CharField(_("nguồn số liệu"), max_length=500)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("người nhập"))
    entered_at = models.DateTimeField(_("thời điểm nhập"), auto_now=True)

    objects = ManualFigureQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["report", "form", "row", "column"]
        verbose_name = _("chỉ tiêu nhập tay")
        verbose_name_plural = _("chỉ tiêu nhập tay")
        constraints = [models.UniqueConstraint(fields=["report", "form", "row", "column"], name="one_manual_figure_per_cell")]

    def __str__(self):
        return f"{self.form} [{self.row}, {self.column}] = {self.value}"


class ReportVersionQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(report__in=Report.objects.visible_for_staff(user))


def version_path(version, filename):
    return f"reports/{version.report.year}/{version.report_id}/{filename}"


class ReportVersion(models.Model):
    """One generation of a report: the .docx, the companion .xlsx and the exact data they were built from."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="versions", verbose_name=_("báo cáo"))
    number = models.PositiveSmallIntegerField(_("phiên bản"))
    docx = models.FileField(_("tệp Word"), upload_to=version_path, storage=private_storage, max_length=255)
    xlsx = models.FileField(_("tệp Excel"), upload_to=version_path, storage=private_storage, max_length=255)
    data = models.JSONField(_("số liệu đã dùng"), default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("người tạo"))
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    frozen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("người chốt"))
    frozen_at = models.DateTimeField(_("thời điểm chốt"), null=True, blank=True)

    objects = ReportVersionQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("phiên bản báo cáo")
        verbose_name_plural = _("phiên bản báo cáo")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="one_version_number_per_report")]

    def __str__(self):
        return f"{self.report} – v{self.number}"

    @property
    def is_frozen(self):
        return self.frozen_at is not None

    def file_name(self, extension):
        return f"{self.report.slug}-v{self.number}.{extension}"

    def save(self, *args, **kwargs):
        # A frozen version is the signed record: no path may rewrite its file or data.
        if self.pk and type(self).objects.filter(pk=self.pk, frozen_at__isnull=False).exists():
            raise ValidationError(_("Phiên bản đã chốt không được sửa; hãy tạo phiên bản mới."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_frozen:
            raise ValidationError(_("Phiên bản đã chốt không được xóa."))
        return super().delete(*args, **kwargs)


class ReportJobQuerySet(VisibleQuerySet):
    def visible_to(self, user):
        # A job's file waits for the one who asked for it, whoever else may see everything.
        if not is_active_staff(user):
            return self.none()
        return self.filter(created_by=user)


class ReportJob(models.Model):
    """The progress of one background generation or export, and the file it leaves for download."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Tạo báo cáo")
        EXPORT = "export", _("Xuất Excel")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Lỗi")

    kind = models.CharField(_("loại việc"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.CharField(_("thông báo"), max_length=500, blank=True)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, null=True, blank=True, related_name="jobs",
                               verbose_name=_("báo cáo"))
    version = models.ForeignKey(ReportVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("phiên bản tạo ra"))
    result = models.FileField(_("tệp kết quả"), upload_to="jobs/", storage=private_storage, max_length=255, blank=True)
    result_name = models.CharField(_("tên tệp tải về"), max_length=255, blank=True)
    task_id = models.CharField(_("mã tác vụ"), max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                   verbose_name=_("người yêu cầu"))
    created_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)
    finished_at = models.DateTimeField(_("thời điểm xong"), null=True, blank=True)

    objects = ReportJobQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_finished(self):
        return self.status in {self.Status.DONE, self.Status.FAILED}
