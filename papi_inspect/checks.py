"""Deployment checks of our own (`manage.py check --deploy`): what production needs beyond Django's list."""

from django.conf import settings
from django.core.checks import Error, Tags, register

# Backends that never deliver a message: fine on a developer's machine, silent data loss in production.
NON_DELIVERING_EMAIL_BACKENDS = {
    "",
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@register(Tags.security, deploy=True)
def check_email_is_delivered(app_configs, **kwargs):
    """Deadline reminders go out by e-mail (Luật Khiếu nại 2011 Art. 28 limits run whether or not anyone reads
    the screen): a production server must have a backend that delivers them."""
    backend = getattr(settings, "EMAIL_BACKEND", "") or ""
    if backend in NON_DELIVERING_EMAIL_BACKENDS:
        return [
            Error(
                f"E-mail chưa được cấu hình cho môi trường thật (EMAIL_BACKEND='{backend}').",
                hint="Đặt EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend và EMAIL_HOST, EMAIL_PORT, "
                "EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, DEFAULT_FROM_EMAIL (xem .env.example).",
                id="papi_inspect.E001",
            )
        ]
    return []
