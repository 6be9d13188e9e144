"""Rate limits per participant, counted in the configured cache (Redis in production, so all
app processes share the counters). Keys hold a participant id, never an address."""

import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMITS = {
    # action: [(max events, window in seconds), ...]
    "comment": [(5, 60), (30, 3600)],
    "thread": [(3, 60), (10, 3600)],
    "vote": [(60, 60)],
    "report": [(10, 60)],
    # Sending a survey response (or a changed one, where the survey allows editing).
    "survey": [(5, 60), (20, 3600)],
    # Confirming with the password (deleting the account): counted per user, so the form
    # cannot be used to guess a password.
    "password_confirm": [(5, 900)],
}


def limits_for(action: str) -> list[tuple[int, int]]:
    return {**DEFAULT_LIMITS, **getattr(settings, "CONTRIBUTIONS_RATE_LIMITS", {})}[action]


def rate_limit_hit(*, action: str, participant_id: int) -> bool:
    """Counts one event; True when it goes over any of the action's limits.

    `participant_id` is a user id for "password_confirm"; keys are separate per action."""
    now = int(time.time())
    exceeded = False
    for maximum, seconds in limits_for(action):
        key = f"ratelimit:{action}:{participant_id}:{seconds}:{now // seconds}"
        cache.add(key, 0, timeout=seconds + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconds + 5)
            count = 1
        exceeded = exceeded or count > maximum
    return exceeded
