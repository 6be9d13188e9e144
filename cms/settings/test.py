"""Settings for the test suite (pytest). DATABASE_URL and REDIS_URL still switch backends."""

from cms.settings.base import *  # noqa: F403
from cms.settings.base import MEDIA_ROOT

DEBUG = False
SECRET_KEY = "test-only-not-secret-stadtdialog-0123456789-abcdefghijklmnop"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
MEDIA_ROOT = MEDIA_ROOT.parent / "media-test"
# Read once at import by django-simple-captcha, so it cannot be switched per test: the
# answer "PASSED" is accepted. Tests that need a wrong answer use any other text.
CAPTCHA_TEST_MODE = True
CONTRIBUTIONS_MIN_FILL_SECONDS = 0
