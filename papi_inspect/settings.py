"""Environment-driven settings for papi_inspect; `.env.example` lists every variable."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def _load_dotenv(path):
    """Read KEY=VALUE lines from .env without overriding the real environment."""
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


_load_dotenv(BASE_DIR / ".env")


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    return env(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    """An integer setting; unset or left empty (as in a copied .env.example) means the default."""
    return int(env(name) or default)


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


PRODUCTION = env("PAPI_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)

_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env("SECRET_KEY", "" if PRODUCTION else _DEV_SECRET)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")

if PRODUCTION:
    # A production server with a guessable key or open host list is worse than no server.
    if not SECRET_KEY or SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 40:
        raise ImproperlyConfigured("SECRET_KEY phải được đặt (ít nhất 40 ký tự) khi PAPI_ENV=production.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS phải được đặt khi PAPI_ENV=production.")

# One Django app per record type, in layer order: a doctype imports the core and the doctypes listed
# before it, never one after it (tests/core/test_layers.py keeps it so). Each may provide urls.py
# (`urlpatterns`, `register_api(router)`), roles.py (`ROLE_PERMISSIONS`), sidebar.py, reference.py
# (`LOADERS`) and demo.py (`load(users)`); the core picks them up from here, in this order.
DOCTYPE_APPS = [
    "doctypes.org",
    "doctypes.papi",
    "doctypes.complaint_case",
    "doctypes.citizen_reception",
    "doctypes.inspection",
    "doctypes.discipline_check",
    "doctypes.procedure_review",
    "doctypes.finding",
    "doctypes.publication",
    "doctypes.satisfaction",
    "doctypes.anticorruption",
    "doctypes.asset_declaration",
    "doctypes.pctn_case",
    "doctypes.people_board",
    "doctypes.dialogue",
]
# Consumers read many doctypes and write through their services; no doctype imports them.
CONSUMER_APPS = [
    "reports",
    "tablet",
]

INSTALLED_APPS = [
    "unfold",
    "unfold.contrib.filters",
    "unfold.contrib.forms",
    "unfold.contrib.inlines",
    "unfold.contrib.simple_history",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "papi_inspect.apps.LoginLockConfig",
    "papi_inspect",
    *DOCTYPE_APPS,
    *CONSUMER_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, so static files keep their long cache; every page and API answer gets CSP and no-store.
    "papi_inspect.security.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "papi_inspect.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication: an API write with an Idempotency-Key runs once per key and caller (papi_inspect/idempotency.py).
    "papi_inspect.idempotency.IdempotencyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last so it sees the final authentication result.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "papi_inspect.urls"
WSGI_APPLICATION = "papi_inspect.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Unfold is first in INSTALLED_APPS and ships admin/index.html; the dashboard's override in
        # reports/templates/admin/ must win, so that folder is searched before the apps' folders.
        "DIRS": [BASE_DIR / "reports" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "papi_inspect.security.csp_nonce",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATA_DIR = Path(env("PAPI_DATA_DIR", str(BASE_DIR / "var")))
SQLITE_PATH = DATA_DIR / "papi_inspect.sqlite3"


def _private_directory(path):
    """Create `path` readable by the server's account alone (0700); the data dir holds the database and keys."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_uid == os.getuid():
        path.chmod(0o700)


def _private_file(path):
    """Create an empty file 0600 before SQLite opens it: SQLite gives its -wal and -shm files the same mode."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    if path.stat().st_uid == os.getuid():
        path.chmod(0o600)


def _database_from_url(url):
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except Exception as exc:  # dj-database-url raises bare ValueError/KeyError variants
        raise ImproperlyConfigured(f"DATABASE_URL không hợp lệ ({exc}).") from exc
    if config.get("ENGINE") not in {"django.db.backends.postgresql", "django.db.backends.sqlite3"}:
        raise ImproperlyConfigured(f"DATABASE_URL: hệ quản trị '{config.get('ENGINE')}' không được hỗ trợ.")
    return config


if env("DATABASE_URL"):
    DATABASES = {"default": _database_from_url(env("DATABASE_URL"))}
else:
    _private_directory(SQLITE_PATH.parent)
    _private_file(SQLITE_PATH)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                # WAL lets readers work while one writer commits; the timeout rides out bursts. secure_delete
                # zeroes freed pages, so text replaced by its sealed form (a denouncer's letter) is not left in the file.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;",
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication -----------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# django-axes: a username on one address is locked after 5 failures, and an address after 20 failures over
# any usernames (password spraying), each for a cool-off period rather than for ever: a permanent lock would
# let anyone lock any account, the administrator's included. An administrator can lift a lock sooner.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
PAPI_LOGIN_ADDRESS_LIMIT = env_int("PAPI_LOGIN_ADDRESS_LIMIT", 20)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "papi_inspect/locked_out.html"
AXES_HANDLER = "papi_inspect.login_protection.LoginLockHandler"
AXES_CLIENT_IP_CALLABLE = "papi_inspect.login_protection.client_ip"
# Behind the documented reverse proxy (nginx or Caddy on the same machine) the client's address is the last
# entry of X-Forwarded-For; set the count to the number of proxies in front (0: no proxy, use REMOTE_ADDR).
PAPI_TRUSTED_PROXY_COUNT = env_int("PAPI_TRUSTED_PROXY_COUNT", 1 if PRODUCTION else 0)
PAPI_TRUSTED_PROXIES = env_list("PAPI_TRUSTED_PROXIES", "127.0.0.1,::1")

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "papi_inspect" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Dates are read and shown as dd/mm/yyyy in both languages (formats/ overrides Django's).
FORMAT_MODULE_PATH = ["papi_inspect.formats"]

# --- Static and uploaded files -------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Attachments live outside every served directory and are streamed by a permission-checking view.
PRIVATE_MEDIA_ROOT = Path(env("PAPI_PRIVATE_MEDIA_ROOT", str(DATA_DIR / "private")))
ATTACHMENT_MAX_BYTES = int(env("ATTACHMENT_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = ATTACHMENT_MAX_BYTES + 1024 * 1024

# --- Denouncers' identities (Luật Tố cáo 2018 Art. 47; "Mật" under QĐ 774/QĐ-TTg) ---------------
# Fernet keys, comma-separated, newest first; or a file holding them one per line. Kept apart from
# SECRET_KEY so that a leaked application secret does not open the identities. Development creates
# DATA_DIR/identity.keys on first use; production refuses to start without one or the other.
PAPI_IDENTITY_KEYS = env("PAPI_IDENTITY_KEYS", "")
PAPI_IDENTITY_KEY_FILE = env("PAPI_IDENTITY_KEY_FILE", "")
if PRODUCTION and not (PAPI_IDENTITY_KEYS or PAPI_IDENTITY_KEY_FILE):
    raise ImproperlyConfigured("PAPI_IDENTITY_KEYS hoặc PAPI_IDENTITY_KEY_FILE phải được đặt khi PAPI_ENV=production.")

# --- Email ----------------------------------------------------------------------------------
# Development prints e-mails to the console; production has no default, and `check --deploy` fails
# until a real backend (usually SMTP with EMAIL_HOST) is configured (papi_inspect/checks.py).
EMAIL_BACKEND = env("EMAIL_BACKEND", "" if PRODUCTION else "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "papi-inspect@localhost")

# Daily commands: production runs them as their own process (`papi-inspect run-daily-jobs`, deploy/);
# `papi-inspect serve` runs them in-process for the demo. A name whose command is not installed is ignored.
DAILY_JOBS = env_list("DAILY_JOBS", "send_reminders,remind_plan_reports,escalate_overdue_actions,purge_idempotency_keys")

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an unauthenticated call gets 401 with a WWW-Authenticate header.
        "papi_inspect.api_tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["papi_inspect.api_permissions.ModelPermissions"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "papi_inspect.api_schema.PapiAutoSchema",
    "EXCEPTION_HANDLER": "papi_inspect.api.exception_handler",
    "DATE_INPUT_FORMATS": ["iso-8601", "%d/%m/%Y"],
}
# A token stops working this many days after it was created; the user (or an administrator) makes a new one.
PAPI_API_TOKEN_DAYS = env_int("PAPI_API_TOKEN_DAYS", 30)
SPECTACULAR_SETTINGS = {
    # The If-Match header, the ETag and the 412 answer of every versioned record (papi_inspect.api_locking).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "papi_inspect.api_locking.document_locking"],
    "TITLE": "papi_inspect API",
    "DESCRIPTION": "API của hệ thống Thanh tra – Văn phòng Sở (PAPI).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema names every endpoint and field: only signed-in users read it.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Offices run on closed networks: the docs page uses vendored Swagger UI, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Petitions and receptions classify content with the same choices: one schema name for both; likewise the
    # kind of a tablet sync item, in the single and the batch request.
    "ENUM_NAME_OVERRIDES": {"ContentKindEnum": "doctypes.complaint_case.models.ContentKind",
                            "SyncItemKindEnum": "tablet.models.SyncReceipt.Kind",
                            # Also named by the step inputs, beside other fields called kind, outcome or level.
                            "ReceptionKindEnum": "doctypes.citizen_reception.models.Reception.Kind",
                            "PetitionOutcomeEnum": "doctypes.complaint_case.models.Petition.Outcome",
                            "ComplaintInstanceEnum": "doctypes.complaint_case.models.ComplaintCase.Instance",
                            # The evidence registers' kind, channel and source, beside the cases' fields of those names.
                            "ChannelEnum": "doctypes.complaint_case.models.Petition.Channel",  # its name before them
                            "PublicationKindEnum": "doctypes.publication.models.Publication.Kind",
                            "PublicationChannelEnum": "doctypes.publication.models.Publication.Channel",
                            "SatisfactionSourceEnum": "doctypes.satisfaction.models.SatisfactionResult.Source",
                            # Kept under their names once the registers brought other "result" and "handling" sets.
                            "ResultEnum": "doctypes.complaint_case.models.ComplaintCase.Result",
                            "HandlingEnum": "doctypes.citizen_reception.models.Reception.Handling",
                            "OutreachSessionKindEnum": "doctypes.anticorruption.models.OutreachSession.Kind",
                            "ConflictHandlingEnum": "doctypes.anticorruption.models.ConflictOfInterest.Handling",
                            "DeclarationKindEnum": "doctypes.asset_declaration.models.DeclarationDuty.Kind",
                            "VerificationResultEnum": "doctypes.asset_declaration.models.DeclarationDuty.Result",
                            "PctnCaseChannelEnum": "doctypes.pctn_case.models.PctnCase.Channel",
                            # Two registers' "discipline" choice sets, each under its own name.
                            "PctnCaseDisciplineEnum": "doctypes.pctn_case.models.PctnCasePerson.Discipline",
                            "DeclarationDisciplineEnum": "doctypes.asset_declaration.models.DeclarationDuty.Discipline",
                            # A board member's role, beside the inspection team's.
                            "BoardMemberRoleEnum": "doctypes.people_board.models.BoardMember.Role"},
}

# --- Back office ----------------------------------------------------------------------------
# Long reports and exports run as background tasks in the database: no extra server on a closed network.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

from papi_inspect.admin_site import UNFOLD  # noqa: E402  (kept in its own module for length)

# --- Security in production ---------------------------------------------------------------------
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    # The browser preload list is for public hostnames; ours live on a closed department network.
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(10 * 3600)))  # a working day

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_query_strings": {"()": "papi_inspect.log_filters.DropQueryStrings"},
        "no_client_error_tracebacks": {"()": "papi_inspect.log_filters.OneLineClientErrors"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_query_strings", "no_client_error_tracebacks"]},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Django's own console handler (DEBUG only) has none of the filters above: ours replaces it.
        "django": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING"), "propagate": False},
        # runserver's access log (`serve`) would otherwise print searches (?q=<a name>) in full.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
