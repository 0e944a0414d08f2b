"""The organisation as data: units in a tree with validity periods and mergers, and staff profiles."""

import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import VisibleQuerySet, unit_of


class UnitQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        unit = unit_of(user)
        if unit is None:
            return self.none()
        return self.filter(pk__in=unit.agency().family_ids())

    def in_force_on(self, day):
        return self.filter(Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class Unit(Versioned):
    """An agency or one of its offices, inspectorate, divisions or sub-departments."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("UBND tỉnh")
        DEPARTMENT = "department", _("Sở")
        OFFICE = "office", _("Văn phòng")
        INSPECTORATE = "inspectorate", _("Thanh tra")
        DIVISION = "division", _("Phòng chuyên môn")
        SUB_DEPARTMENT = "sub_department", _("Chi cục")
        SERVICE_UNIT = "service_unit", _("Đơn vị sự nghiệp")

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("trực thuộc")
    )
    valid_from = models.DateField(_("hoạt động từ"))
    valid_to = models.DateField(_("hoạt động đến"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("hợp nhất vào"),
    )
    merger_basis = models.CharField(_("căn cứ hợp nhất / thành lập"), max_length=255, blank=True)

    objects = UnitQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["code"]
        verbose_name = _("đơn vị")
        verbose_name_plural = pgettext_lazy("số nhiều", "đơn vị")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_period",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày kết thúc hoạt động phải sau ngày bắt đầu.")})
        if self.merged_into_id and not self.valid_to:
            raise ValidationError({"valid_to": _("Đơn vị đã hợp nhất phải có ngày kết thúc hoạt động.")})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("Đơn vị không thể trực thuộc chính nó hoặc đơn vị cấp dưới.")})
            ancestor = ancestor.parent

    @property
    def is_active(self):
        today = timezone.localdate()
        return self.valid_from <= today and (self.valid_to is None or today <= self.valid_to)

    def agency(self):
        """The department (Sở) this unit belongs to; a unit above any department is its own agency."""
        unit = self
        while unit.kind != self.Kind.DEPARTMENT and unit.parent_id is not None:
            unit = unit.parent
        return unit if unit.kind == self.Kind.DEPARTMENT else self

    def family_ids(self):
        """This unit, everything below it, and the units merged into it (with theirs)."""
        # One query for the whole tree's edges, then a walk in memory: permission checks call this several
        # times per request, and a query per level made it the slowest part of a tablet sync.
        # The edges are kept per process (a list page asked six times; at national scale the tree is ~9,000 units)
        # and read again after a unit is saved or deleted here, or after TREE_RECHECK_SECONDS elsewhere.
        below = _tree_below()
        ids, frontier = set(), [self.pk]
        while frontier:
            ids.update(frontier)
            frontier = [pk for upper in frontier for pk in below.get(upper, ()) if pk not in ids]
        return ids


TREE_RECHECK_SECONDS = 30
_TREE = {"below": None, "read_at": 0.0}


def _tree_below():
    """{unit id: [ids directly below it or merged into it]}, from one query, cached (see Unit.family_ids)."""
    now = time.monotonic()
    if _TREE["below"] is None or now - _TREE["read_at"] >= TREE_RECHECK_SECONDS:
        below = {}
        for pk, parent_id, merged_into_id in Unit.objects.values_list("pk", "parent_id", "merged_into_id"):
            for upper in {parent_id, merged_into_id} - {None}:
                below.setdefault(upper, []).append(pk)
        _TREE.update(below=below, read_at=now)
    return _TREE["below"]


def forget_unit_tree(**_kwargs):
    """Drop the cached unit tree (a unit changed); the next family_ids reads it again."""
    _TREE["below"] = None


models.signals.post_save.connect(forget_unit_tree, sender=Unit, dispatch_uid="forget-unit-tree-save")
models.signals.post_delete.connect(forget_unit_tree, sender=Unit, dispatch_uid="forget-unit-tree-delete")


class StaffProfileQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(unit__in=Unit.objects.visible_to(user))


class StaffProfile(Versioned):
    """A staff member: the login, the unit they work in, their position and inspector rank."""

    class InspectorRank(models.TextChoices):
        NONE = "", _("Không")
        INSPECTOR = "thanh_tra_vien", _("Thanh tra viên")
        PRINCIPAL = "thanh_tra_vien_chinh", _("Thanh tra viên chính")
        SENIOR = "thanh_tra_vien_cao_cap", _("Thanh tra viên cao cấp")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile", verbose_name=_("tài khoản")
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="staff", verbose_name=_("đơn vị"))
    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=120, blank=True)
    inspector_rank = models.CharField(
        _("ngạch thanh tra"), max_length=30, choices=InspectorRank.choices, blank=True, default=""
    )
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    supervisor = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("lãnh đạo trực tiếp")
    )

    objects = StaffProfileQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["unit__code", "full_name"]
        verbose_name = _("cán bộ")
        verbose_name_plural = pgettext_lazy("số nhiều", "cán bộ")

    def __str__(self):
        return f"{self.full_name} ({self.position})" if self.position else self.full_name
