"""What a check or inspection examined, and what a violation breached, in the terms of the anti-corruption report.

01/PCTN (TT 06/2025/TT-TTCP) counts inspections and checks by their content (rows 14, 18, 25, 36, 42) and
violations by the rule they breach (rows 15, 19–24, 30, 37); inspections, discipline checks and violations carry it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class PctnTopic(models.TextChoices):
    """Contents of an inspection or check (Luật PCTN 2018 Chương II, Mục 1–6: preventive measures)."""

    TRANSPARENCY = "transparency", _("Công khai, minh bạch về tổ chức và hoạt động")
    NORMS = "norms", _("Định mức, tiêu chuẩn, chế độ")
    CONDUCT = "conduct", _("Quy tắc ứng xử của người có chức vụ, quyền hạn")
    CASHLESS = "cashless", _("Thanh toán không dùng tiền mặt")
    ASSETS = "assets", _("Kê khai, công khai tài sản, thu nhập")


class ViolationTopic(models.TextChoices):
    """The preventive rule a violation breaches; blank when it breaches none of them."""

    TRANSPARENCY = "transparency", _("Công khai, minh bạch về tổ chức và hoạt động")
    NORMS = "norms", _("Định mức, tiêu chuẩn, chế độ")
    CONDUCT = "conduct", _("Quy tắc ứng xử của người có chức vụ, quyền hạn")
    CASHLESS = "cashless", _("Thanh toán không dùng tiền mặt")
    ASSETS = "assets", _("Kê khai, công khai tài sản, thu nhập")
    # Luật PCTN 2018 Điều 20 khoản 2 điểm d; Điều 22 khoản 1 điểm c NĐ 59/2019: business after leaving office.
    POST_OFFICE_BUSINESS = "post_office_business", _("Kinh doanh trong thời hạn không được kinh doanh sau khi thôi chức vụ")


def clean_topics(topics):
    """The topics as a sorted list of distinct codes; an unknown code is refused (field `pctn_topics`)."""
    if not isinstance(topics or [], (list, tuple, set, frozenset)):
        raise ValidationError({"pctn_topics": gettext("Nội dung kiểm tra phải là một danh sách.")})
    topics = sorted({str(topic) for topic in topics or ()})
    unknown = [topic for topic in topics if topic not in PctnTopic.values]
    if unknown:
        raise ValidationError({"pctn_topics": gettext("Nội dung kiểm tra không hợp lệ: %(topics)s.")
                               % {"topics": ", ".join(map(str, unknown))}})
    return topics


class PctnTopicsField(models.JSONField):
    """A multi-choice of `PctnTopic` codes kept as a list; forms show one check box per topic."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("verbose_name", _("nội dung kiểm tra về phòng, chống tham nhũng"))
        kwargs.setdefault("help_text", _("Các nội dung mà báo cáo 01/PCTN đếm (công khai minh bạch, định mức, quy tắc "
                                         "ứng xử, thanh toán không dùng tiền mặt, kê khai tài sản)."))
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(choices=PctnTopic.choices, required=False, widget=forms.CheckboxSelectMultiple,
                                              label=capfirst(self.verbose_name), help_text=self.help_text)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        try:
            clean_topics(value)
        except ValidationError as error:
            raise ValidationError(error.message_dict["pctn_topics"]) from None


def has_topic(topics, topic):
    """Whether a stored list of topics (as read from the database) names `topic`."""
    return topic in (topics or ())
