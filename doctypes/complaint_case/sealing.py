"""Sealing the free text of records stored before texts were sealed (used by the data migrations).

Works on the migration's historical models, so it reads only the columns that exist at that
point; the rule is the one of ProtectedRecord (Luật Tố cáo 2018 Art. 9(1)(b), 47).
"""

from doctypes.complaint_case import redaction
from papi_inspect.attachments import seal_files
from papi_inspect.identity import decrypt_identity, encrypt_text


def seal_existing(apps, *, app_label, model_name, protected, fields):
    """Seal `fields` of every protected row of app_label.model_name, its history rows and its files."""
    model = apps.get_model(app_label, model_name)
    history_model = apps.get_model(app_label, f"Historical{model_name}")
    attachment = apps.get_model("papi_inspect", "Attachment")
    attachment_history = apps.get_model("papi_inspect", "HistoricalAttachment")
    content_type = apps.get_model("contenttypes", "ContentType").objects.filter(app_label=app_label, model=model_name.lower()).first()
    for row in model.objects.filter(protected):
        terms = redaction.identity_terms(decrypt_identity(row.identity_cipher), row.pseudonym)
        changes = {}
        for name in fields:
            value = getattr(row, name) or ""
            if getattr(row, f"{name}_sealed"):
                continue
            limit = model._meta.get_field(name).max_length
            changes[name] = redaction.redact_text(value, terms)[:limit]
            changes[f"{name}_sealed"] = encrypt_text(value)
        if changes:
            model.objects.filter(pk=row.pk).update(**changes)
            for past in history_model.objects.filter(id=row.pk):
                history_model.objects.filter(history_id=past.history_id).update(**{
                    name: redaction.redact_text(getattr(past, name) or "", terms)[:model._meta.get_field(name).max_length]
                    for name in fields
                })
        if content_type is not None:
            files = attachment.objects.filter(content_type_id=content_type.pk, object_id=row.pk)
            seal_files(files, attachment_history, redact=lambda text, terms=terms: redaction.redact_text(text, terms))
