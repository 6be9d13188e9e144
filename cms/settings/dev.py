"""Local development: `make run`. Never use these values on a server."""

from cms.settings.base import *  # noqa: F403
from cms.settings.env import env_list, env_str

MAILERS = {
    "default": {
        "BACKEND": env_str("EMAIL_BACKEND") or "django.core.mail.backends.console.EmailBackend"
    }
}

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-not-secret-stadtdialog-0123456789-abcdefghijklmnop"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

# Demo accounts made by `seed_demo`. Their passwords exist only in these settings; under any
# other settings the demo users get unusable passwords.
DEMO_PASSWORDS = {
    "redaktion@haldensleben.example": "Redaktion-Demo-2035",
    "moderation@haldensleben.example": "Moderation-Demo-2035",
    "planung@haldensleben.example": "Planung-Demo-2035",
    "amtsleitung@haldensleben.example": "Amtsleitung-Demo-2035",
    "anna.buerger@example.org": "Buergerin-Demo-2035",
    "karl.nachbar@example.org": "Buerger-Demo-2035",
}
