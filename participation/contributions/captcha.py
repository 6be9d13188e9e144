"""Captchas whose challenge is made when it is first looked at, not when a page is shown.

django-simple-captcha stores a challenge row for every form it renders, so every anonymous view
of a page with a comment form was a database write. Here a form gets a signed key only; the
row behind it is created by the first request for the key's image or audio, i.e. when someone
starts to use the form (participation.js asks for the image when focus enters the form; without
JavaScript the browser loads it at once).
"""

import secrets
import time

from captcha import views as captcha_views
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "contributions.lazy-captcha"
# A form left open longer than this gets a new image from the reload button.
MAX_AGE_SECONDS = 12 * 3600


def _signature(stamp_and_nonce: str) -> str:
    return salted_hmac(SALT, stamp_and_nonce, algorithm="sha256").hexdigest()[:20]


def new_key() -> str:
    """40 hex characters, like the package's own keys: time, randomness, signature."""
    stamp_and_nonce = f"{int(time.time()):08x}{secrets.token_hex(6)}"
    return stamp_and_nonce + _signature(stamp_and_nonce)


def _issued_by_us(key: str) -> bool:
    if len(key) != 40:
        return False
    stamp_and_nonce, signature = key[:20], key[20:]
    if not constant_time_compare(signature, _signature(stamp_and_nonce)):
        return False
    return 0 <= time.time() - int(stamp_and_nonce[:8], 16) <= MAX_AGE_SECONDS


def challenge_ensure(key: str) -> None:
    """Creates the challenge behind a key we issued, once (concurrent requests get the same)."""
    if not _issued_by_us(key):
        return  # keys from the refresh button have their row already; others stay unknown
    challenge, response = captcha_settings.get_challenge()()
    CaptchaStore.objects.get_or_create(
        hashkey=key, defaults={"challenge": challenge, "response": response}
    )


def captcha_image(request, key: str, scale: int = 1):
    challenge_ensure(key)
    return captcha_views.captcha_image(request, key, scale=scale)


def captcha_audio(request, key: str):
    challenge_ensure(key)
    return captcha_views.captcha_audio(request, key)
