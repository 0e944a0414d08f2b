"""Notification service: one call writes the in-app message and sends the email."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from papi_inspect.models import Notification


def notify(recipient, *, subject, body="", link="", key=""):
    """Notify `recipient` once per `key` (a daily job may run twice); returns the message or None.

    Callers must never put a denouncer's identity in subject, body or link (Luật Tố cáo 2018
    Art. 47): notifications are e-mailed, and mail leaves the department's control.
    """
    if key and Notification.objects.filter(recipient=recipient, key=key).exists():
        return None
    with transaction.atomic():
        message = Notification.objects.create(recipient=recipient, subject=subject, body=body, link=link, key=key)
    if recipient.email:
        sent = send_mail(subject, f"{body}\n\n{link}".strip(), settings.DEFAULT_FROM_EMAIL, [recipient.email], fail_silently=True)
        if sent:
            Notification.objects.filter(pk=message.pk).update(emailed=True)
            message.emailed = True
    return message


def mark_read(message, *, by):
    """Mark one of the user's own messages as read."""
    if message.recipient_id != by.pk:
        raise PermissionError("Không thể đánh dấu thông báo của người khác.")
    if message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
    return message
