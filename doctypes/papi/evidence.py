"""Plan tasks evidenced by register entries: a register's record names the tasks it carries out, so a task's
progress points to records (a publication, a training session, a dialogue) instead of only an uploaded file."""

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

EVIDENCE_FIELD = "plan_tasks"


def plan_task_links(related_name):
    """The field a register model declares (named `plan_tasks`) to link its entries to the plan tasks they evidence."""
    return models.ManyToManyField("papi.Task", blank=True, related_name=related_name,
                                  verbose_name=_("nhiệm vụ kế hoạch được minh chứng"),
                                  help_text=_("Nhiệm vụ của kế hoạch cải thiện PAPI mà bản ghi này là minh chứng."))


def evidence_relations(task_model):
    """The reverse relations from Task to every register model's `plan_tasks` field."""
    return [relation for relation in task_model._meta.related_objects
            if relation.many_to_many and relation.field.name == EVIDENCE_FIELD]


def evidence_of(task, user):
    """[(register name, record, admin URL)] of the entries evidencing `task` that `user` may see."""
    entries = []
    for relation in evidence_relations(type(task)):
        model = relation.related_model
        records = getattr(task, relation.get_accessor_name()).all()
        if hasattr(records, "visible_to"):
            records = records.visible_to(user)
        entries += [(model._meta.verbose_name, record, _admin_url(model, record.pk)) for record in records]
    return entries


def evidence_for_tasks(task_model, task_ids, user):
    """{task id: [(register name, record, admin URL)]} for many tasks at once: one query per register, not per task."""
    entries = {}
    for relation in evidence_relations(task_model):
        model = relation.related_model
        records = model._default_manager.filter(plan_tasks__in=task_ids)
        if hasattr(records, "visible_to"):
            records = records.visible_to(user)
        through = records.values_list("pk", "plan_tasks")
        by_pk = {record.pk: record for record in model._default_manager.filter(pk__in={pk for pk, _task in through})}
        for pk, task_id in through:
            if task_id in task_ids and pk in by_pk:
                entries.setdefault(task_id, []).append((model._meta.verbose_name, by_pk[pk], _admin_url(model, pk)))
    return entries


def _admin_url(model, pk):
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk])
    except NoReverseMatch:
        return ""
