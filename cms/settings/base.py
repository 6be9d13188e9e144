"""Settings shared by every environment. Every deployment value is read from the environment."""

import shutil
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from cms.settings.env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Absolute address of the site, used in emails and the Wagtail admin ("https://beteiligung.example.de").
BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "cms",
    "home",
    "participation.accounts",
    "participation.consultations",
    "participation.contributions",
    "participation.surveys",
    "participation.moderation",
    "participation.summaries",
    "participation.exports",
    "participation.privacy",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail_modeladmin",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "captcha",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
]
# Widget templates may be overridden in templates/ (the accessible captcha).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy: see the security block below. The admin middleware must come
    # after Django's, so it picks the admin policy before Django's writes the header.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "cms.security.AdminContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Inside the CSP middleware (each cached page gets a fresh nonce), outside the session and
    # CSRF middleware (it sees the cookies they set and never stores such a response).
    "cms.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite on one machine, PostgreSQL when DATABASE_URL is set.
# Optional read replica (PostgreSQL streaming replication) for exports and dashboards: code
# that reads a lot and may be a second behind opts in with `.using(settings.READ_DATABASE)`;
# every other read and every write stays on "default".
READ_DATABASE = "replica" if env_str("DATABASE_REPLICA_URL") else "default"


def databases_from_env(*, conn_max_age: int) -> dict:
    """The databases from the environment; DATABASE_CONN_MAX_AGE overrides `conn_max_age`
    (production and the benchmarks keep connections, development opens one per request)."""

    def database(url: str) -> dict:
        return dj_database_url.parse(
            url,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", conn_max_age),
            conn_health_checks=True,
        )

    databases = {
        "default": database(env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    }
    if READ_DATABASE != "default":
        databases[READ_DATABASE] = database(env_str("DATABASE_REPLICA_URL"))
        databases[READ_DATABASE]["TEST"] = {"MIRROR": "default"}
    return databases


DATABASES = databases_from_env(conn_max_age=0)
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USING_POSTGRES:
    # Wagtail's database search backend needs it on PostgreSQL under Django 6.
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, sessions and rate-limit counters: local memory and the database on one machine,
# Redis shared by all app servers when REDIS_URL is set.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "stadtdialog"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Background work (emails, large exports) through Django's tasks framework. "immediate" runs a
# task inside the request (development, tests); "database" stores it in PostgreSQL for the
# worker (`make worker`, i.e. `manage.py db_worker`, from django-tasks-db).
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_from_env(default: str) -> dict:
    name = env_str("TASKS_BACKEND", default)
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"TASKS_BACKEND must be one of: {', '.join(TASK_BACKENDS)}.")
    return {"default": {"BACKEND": TASK_BACKENDS[name], "QUEUES": ["default"]}}


TASKS = tasks_from_env("immediate")

# Anonymous reads of Wagtail pages are served from the shared cache for this many seconds
# (cms.cache.AnonymousPageCacheMiddleware: never pages with a form, a session or a message);
# 0 switches the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
# A discussion's comment list, the same for every anonymous visitor, is rendered once and kept
# this long (participation/contributions/fragments.py); 0 switches it off.
DISCUSSION_CACHE_SECONDS = env_int("DISCUSSION_CACHE_SECONDS", 0)
# A survey's public results page keeps its computed figures this long
# (participation/surveys/results.py, survey_results_cached); every response written makes them
# stale at once. 0 switches it off.
SURVEY_RESULTS_CACHE_SECONDS = env_int("SURVEY_RESULTS_CACHE_SECONDS", 300)

# A caching proxy or CDN in front (off by default): Wagtail purges a page's addresses there
# when it is published, unpublished or moved. FRONTEND_CACHE_BACKEND is "http" (Varnish, nginx
# with a purge module: FRONTEND_CACHE_LOCATION is its address) or "cloudflare"
# (FRONTEND_CACHE_CLOUDFLARE_ZONE_ID and FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN).
FRONTEND_CACHE_BACKENDS = {
    "http": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_LOCATION"),
    },
    "cloudflare": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env_str("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"),
    },
}
FRONTEND_CACHE_BACKEND = env_str("FRONTEND_CACHE_BACKEND")
if FRONTEND_CACHE_BACKEND:
    if FRONTEND_CACHE_BACKEND not in FRONTEND_CACHE_BACKENDS:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND must be one of: {', '.join(FRONTEND_CACHE_BACKENDS)}."
        )
    WAGTAILFRONTENDCACHE = {"default": FRONTEND_CACHE_BACKENDS[FRONTEND_CACHE_BACKEND]()}
    if not all(WAGTAILFRONTENDCACHE["default"].values()):
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND={FRONTEND_CACHE_BACKEND} needs its FRONTEND_CACHE_* values."
        )
    # German pages at "/", English ones at "/en/": both addresses are purged.
    WAGTAILFRONTENDCACHE_LANGUAGES = ["de", "en"]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Accounts (django-allauth): sign-up with a confirmed email address, log in by email,
# a public display name that is separate from the email.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "participation.accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_DISPLAY = "participation.accounts.models.public_name_of"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Stadtdialog] "
# Throttles keyed by account or email address, never by IP address (DSGVO: we store none).
# Every action of allauth's defaults is named, because allauth merges this dict into defaults
# that count per IP address ("20/m/ip"); tests/cms/test_security.py asserts that none is left.
# The counters live in the cache (Redis in production), under a hash of the key.
ACCOUNT_RATE_LIMITS = {
    "change_password": "5/m/user",
    "change_phone": False,  # no phone numbers
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    # Requests for a reset email: 5 a minute per email address.
    "reset_password": "5/m/key",
    # The reset form behind the emailed link: allauth passes no key to this throttle (a "/key"
    # rate would crash it), and the link carries an unguessable token, so nothing to count.
    "reset_password_from_key": False,
    "request_login_code": "3/m/key",
    "signup": False,
    "login": False,
    # Failed logins: 10 per email address in 5 minutes, then refused even with the right
    # password until the oldest failure is 5 minutes old (a successful reset clears it).
    "login_failed": "10/5m/key",
    "confirm_email": "1/3m/key",
    "verify_phone": False,  # no phone numbers
}
ACCOUNT_RATE_LIMITS_ENABLED = True

# Email through Django's MAILERS: SMTP configured from the environment (console in development).
MAILERS = {
    "default": {
        "BACKEND": env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            key: value
            for key, value in {
                "host": env_str("EMAIL_HOST"),
                "port": env_int("EMAIL_PORT", 0),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", False) or None,
            }.items()
            if value
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Stadtdialog <beteiligung@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Language: German first, English second. The language is in the address (/en/...), not in a
# cookie, so shared caches can never serve one language for the other.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security: headers, Content-Security-Policy, cookies, CSRF failures ---------------------
# (production.py adds HTTPS-only cookies, HSTS and the SSL redirect; tests/cms/test_security.py
# asserts the headers on real responses.)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form (expired session, no CSRF token) gets a German page that says what to do.
CSRF_FAILURE_VIEW = "cms.errors.csrf_failure"

# Content-Security-Policy (Django's ContentSecurityPolicyMiddleware, on in every environment so
# the tests and the browser tests run under the same policy as production). Everything comes
# from our own origin (DSGVO: no CDN, no third-party fonts or scripts). Scripts need no inline
# code: `participation.js` is a file; an inline script would need `nonce="{{ csp_nonce }}"`.
# No inline styles or style attributes either (Wagtail's userbar, shown to logged-in staff on
# public pages, loads its scripts and styles as files and works under this policy).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "media-src": [CSP.SELF],  # the captcha's audio version
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
# The Wagtail admin (everything under /admin/) cannot run under that policy (checked in
# headless Chromium: page editor, image chooser, settings, users): its templates contain
# inline <script> blocks (InlinePanel, date and time choosers), style attributes and inline
# event handlers (image editor), and the page preview is shown in a same-origin iframe.
# cms.security.AdminContentSecurityPolicyMiddleware gives admin responses this relaxed policy
# instead; it is the only place a policy is switched. Still nothing from other hosts.
SECURE_CSP_ADMIN = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "media-src": [CSP.SELF, "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "worker-src": [CSP.SELF, "blob:"],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# --- End of security block -------------------------------------------------------------------

# Contributions: captcha for an anonymous visitor's first contribution in a session, with a
# German audio alternative spoken by espeak-ng (Debian packages espeak-ng) when installed.
CAPTCHA_LENGTH = 4
CAPTCHA_IMAGE_SIZE = (200, 60)
CAPTCHA_FONT_SIZE = 34
CAPTCHA_TIMEOUT = 30
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.random_char_challenge"
CAPTCHA_FLITE_PATH = (
    str(BASE_DIR / "scripts" / "captcha-speak") if shutil.which("espeak-ng") else None
)
CONTRIBUTIONS_MIN_FILL_SECONDS = env_int("CONTRIBUTIONS_MIN_FILL_SECONDS", 3)
CONTRIBUTIONS_REPORTS_TO_HIDE = env_int("CONTRIBUTIONS_REPORTS_TO_HIDE", 3)
CONTRIBUTIONS_RATE_LIMITS = {
    "comment": [
        (env_int("RATE_LIMIT_COMMENTS_PER_MINUTE", 5), 60),
        (env_int("RATE_LIMIT_COMMENTS_PER_HOUR", 30), 3600),
    ],
    "thread": [(3, 60), (10, 3600)],
    "vote": [(env_int("RATE_LIMIT_VOTES_PER_MINUTE", 60), 60)],
    "report": [(10, 60)],
}

# Data protection (DSGVO). `python manage.py purge_expired` (daily, from cron) removes the
# session tokens that link anonymous participants to their contributions this many days after
# the end of the consultation the contributions belong to (contributions without one: after
# the contribution), deletes participants without contributions after the same time, and
# clears expired captchas and sessions.
PRIVACY_ANONYMOUS_TOKEN_RETENTION_DAYS = env_int("PRIVACY_ANONYMOUS_TOKEN_RETENTION_DAYS", 90)

# Exports (participation.exports): larger ones than this many rows run as a background task;
# their files go to EXPORTS_ROOT (private, never under MEDIA_ROOT) and are deleted after
# EXPORTS_RETENTION_HOURS by `python manage.py delete_expired_exports` (cron, hourly).
EXPORTS_BACKGROUND_ROWS = env_int("EXPORTS_BACKGROUND_ROWS", 20_000)
EXPORTS_ROOT = Path(env_str("EXPORTS_ROOT") or BASE_DIR / "exports")
EXPORTS_RETENTION_HOURS = env_int("EXPORTS_RETENTION_HOURS", 24)

WAGTAIL_SITE_NAME = "Stadtdialog"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Nothing in the admin may call out to another host (DSGVO): no avatars from Gravatar,
# no update check, no embeds.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_I18N_ENABLED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request lines can carry client addresses; we keep none (DSGVO).
        "django.server": {"handlers": [], "level": "WARNING", "propagate": False},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
