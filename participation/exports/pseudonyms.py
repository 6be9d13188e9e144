"""Pseudonyms for exports: stable within one consultation, meaningless outside it.

A pseudonym is an HMAC of the participant's id keyed with SECRET_KEY and the consultation's
id, so the same person is "P-…" with the same letters in every export of one consultation,
different letters in another consultation, and nobody without the secret key can go back
from the pseudonym to the participant (no user id, username, email or session token is used
or leaked).
"""

import base64
import hashlib
import hmac

from django.conf import settings

PREFIX = "P-"
LENGTH = 10


class Pseudonymiser:
    """Computes pseudonyms for one consultation (the key is derived once)."""

    def __init__(self, consultation_id: int):
        self._key = hmac.new(
            settings.SECRET_KEY.encode(),
            f"stadtdialog.exports.pseudonym:{consultation_id}".encode(),
            hashlib.sha256,
        ).digest()

    def __call__(self, participant_id: int | None) -> str:
        if participant_id is None:
            return ""
        digest = hmac.new(self._key, str(participant_id).encode(), hashlib.sha256).digest()
        # Base32 without padding: letters and digits only, unambiguous when read aloud.
        return PREFIX + base64.b32encode(digest).decode()[:LENGTH]
