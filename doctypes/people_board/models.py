"""The people's inspection board (Ban Thanh tra nhân dân): its term, members, meetings, recommendations and training."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doctypes.org.models import Unit
from doctypes.people_board.access import may_keep_board
from doctypes.papi.evidence import plan_task_links
from doctypes.papi.models import papi_links
from papi_inspect.audit import history
from papi_inspect.locking import Versioned
from papi_inspect.permissions import VisibleQuerySet, agency_unit_ids, is_office, own_unit_ids


class BoardQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # The office sees its department's boards; a unit sees the board that oversees it.
        if is_office(user):
            return self.filter(unit_id__in=agency_unit_ids(user))
        return self.filter(unit_id__in=own_unit_ids(user))


class Board(Versioned):
    """One term (nhiệm kỳ) of the people's inspection board of a unit (Luật Thực hiện dân chủ ở cơ sở 2022)."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="people_boards", verbose_name=_("đơn vị giám sát"))
    term_from = models.DateField(_("nhiệm kỳ từ ngày"))
    term_to = models.DateField(_("nhiệm kỳ đến ngày"))
    note = models.TextField(_("ghi chú"), blank=True)
    papi = papi_links(related_name="people_boards")
    plan_tasks = plan_task_links(related_name="people_board_board_evidence")

    objects = BoardQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-term_from", "id"]
        verbose_name = _("Ban Thanh tra nhân dân")
        verbose_name_plural = _("Ban Thanh tra nhân dân")

    def __str__(self):
        return f"{self.unit} ({self.term_from:%Y}–{self.term_to:%Y})"


class OfBoardQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(board__in=Board.objects.visible_to(user))


class BoardMember(models.Model):
    """A member of the board, with the role held and from/to when."""

    class Role(models.TextChoices):
        HEAD = "head", _("Trưởng ban")
        DEPUTY = "deputy", _("Phó Trưởng ban")
        MEMBER = "member", _("Thành viên")

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="members", verbose_name=_("ban"))
    full_name = models.CharField(_("họ và tên"), max_length=120)
    role = models.CharField(_("chức danh trong ban"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    from_on = models.DateField(_("từ ngày"))
    to_on = models.DateField(_("đến ngày"), null=True, blank=True)

    objects = OfBoardQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["board", "role", "full_name"]
        verbose_name = _("thành viên Ban TTND")
        verbose_name_plural = _("thành viên Ban TTND")

    def __str__(self):
        return f"{self.full_name} – {self.get_role_display()}"


class BoardMeeting(Versioned):
    """A meeting of the board (họp định kỳ, đột xuất), with what it dealt with."""

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("ban"))
    held_on = models.DateField(_("ngày họp"))
    content = models.TextField(_("nội dung"))
    plan_tasks = plan_task_links(related_name="people_board_meeting_evidence")

    objects = OfBoardQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-held_on", "id"]
        verbose_name = _("cuộc họp Ban TTND")
        verbose_name_plural = _("cuộc họp Ban TTND")

    def __str__(self):
        return f"{self.board.unit} – {self.held_on:%d/%m/%Y}"


class RecommendationQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        # The office sees its department's; a unit sees the recommendations it must answer.
        if is_office(user):
            return self.filter(board__unit_id__in=agency_unit_ids(user))
        return self.filter(owner_unit_id__in=own_unit_ids(user))

    def workable_by(self, user):
        # A unit reads what it owns; the office records its follow-up and result.
        return self.visible_to(user) if may_keep_board(user) else self.none()


class Recommendation(Versioned):
    """A recommendation (kiến nghị) of the board to a unit, due on a date, followed up until it has a result."""

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("ban"))
    made_on = models.DateField(_("ngày kiến nghị"))
    content = models.TextField(_("nội dung kiến nghị"))
    owner_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="board_recommendations",
                                   verbose_name=_("đơn vị chịu trách nhiệm"))
    due_on = models.DateField(_("hạn trả lời"))
    result = models.TextField(_("kết quả giải quyết"), blank=True)
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    papi = papi_links(related_name="board_recommendations")
    plan_tasks = plan_task_links(related_name="people_board_recommendation_evidence")

    objects = RecommendationQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-made_on", "id"]
        indexes = [models.Index(fields=["owner_unit", "due_on"], name="board_rec_owner_due")]
        verbose_name = _("kiến nghị của Ban TTND")
        verbose_name_plural = _("kiến nghị của Ban TTND")

    def __str__(self):
        return f"{self.owner_unit} – {self.made_on:%d/%m/%Y}: {self.content[:60]}"


class FollowUpQuerySet(VisibleQuerySet):
    def visible_for_staff(self, user):
        return self.filter(recommendation__in=Recommendation.objects.visible_to(user))


class RecommendationFollowUp(models.Model):
    """One follow-up (đôn đốc, trả lời từng phần) of a recommendation."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="follow_ups",
                                       verbose_name=_("kiến nghị"))
    on = models.DateField(_("ngày"))
    note = models.TextField(_("nội dung theo dõi"))

    objects = FollowUpQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["recommendation", "on", "id"]
        verbose_name = _("theo dõi kiến nghị")
        verbose_name_plural = _("theo dõi kiến nghị")

    def __str__(self):
        return f"{self.on:%d/%m/%Y}: {self.note[:60]}"


class BoardTraining(Versioned):
    """Training the board's members received (tập huấn nghiệp vụ), with who attended."""

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="trainings", verbose_name=_("ban"))
    held_on = models.DateField(_("ngày tập huấn"))
    topic = models.CharField(_("chủ đề"), max_length=500)
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=255, blank=True)
    attendees = models.ManyToManyField(BoardMember, blank=True, related_name="trainings", verbose_name=_("thành viên tham dự"))
    plan_tasks = plan_task_links(related_name="people_board_training_evidence")

    objects = OfBoardQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-held_on", "id"]
        verbose_name = _("tập huấn Ban TTND")
        verbose_name_plural = _("tập huấn Ban TTND")

    def __str__(self):
        return f"{self.topic[:60]} – {self.held_on:%d/%m/%Y}"
