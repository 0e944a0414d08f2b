"""What a complaint decision or a denunciation conclusion recovers, returns and refers: the figures 03/GQKN and 04/GQTC count."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


def _money(label):
    return models.DecimalField(label, max_digits=18, decimal_places=0, default=Decimal(0))


def _land(label):
    return models.DecimalField(label, max_digits=14, decimal_places=1, default=Decimal(0))


def _count(label):
    return models.PositiveIntegerField(label, default=0)


class Remedies(models.Model):
    """Abstract: recorded with the decision (Luật Khiếu nại 2011 Điều 31, 40) or the conclusion (Luật Tố cáo 2018 Điều 35)."""

    recover_money = _money(_("tiền kiến nghị thu hồi cho Nhà nước (đồng)"))
    recover_land = _land(_("đất kiến nghị thu hồi cho Nhà nước (m²)"))
    return_money = _money(_("tiền trả lại cho tổ chức, cá nhân (đồng)"))
    return_land = _land(_("đất trả lại cho tổ chức, cá nhân (m²)"))
    returned_orgs = _count(_("số tổ chức được trả lại quyền lợi"))
    returned_people = _count(_("số cá nhân được trả lại quyền lợi"))
    disciplined_orgs = _count(_("số tổ chức bị kiến nghị xử lý hành chính"))
    disciplined_people = _count(_("số người bị kiến nghị xử lý hành chính"))
    disciplined_officials = _count(_("trong đó cán bộ, công chức, viên chức bị kiến nghị xử lý"))
    referred_cases = _count(_("số vụ chuyển cơ quan điều tra"))
    referred_people = _count(_("số người chuyển cơ quan điều tra"))
    referred_officials = _count(_("trong đó cán bộ, công chức, viên chức chuyển cơ quan điều tra"))

    class Meta:
        abstract = True


REMEDY_FIELDS = ("recover_money", "recover_land", "return_money", "return_land", "returned_orgs", "returned_people",
                 "disciplined_orgs", "disciplined_people", "disciplined_officials", "referred_cases", "referred_people",
                 "referred_officials")
