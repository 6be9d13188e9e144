"""Rate limits per participant, counted in the configured cache (Redis in production, so all
app processes share the counters). Keys hold a participant id, never an address."""

import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache

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
    windows = [
        (maximum, f"ratelimit:{action}:{participant_id}:{seconds}:{now // seconds}", seconds + 5)
        for maximum, seconds in limits_for(action)
    ]
    counts = _count_events([(key, timeout) for _maximum, key, timeout in windows])
    maxima = [maximum for maximum, _key, _timeout in windows]
    return any(count > maximum for maximum, count in zip(maxima, counts, strict=True))


def _count_events(keys: list[tuple[str, int]]) -> list[int]:
    """Adds one to each counter (key, timeout) and returns the new values. On Redis in one
    round trip (a pipeline, executed atomically); elsewhere key by key."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        full_keys = [(backend.make_and_validate_key(key), timeout) for key, timeout in keys]
        with backend._cache.get_client(full_keys[0][0], write=True).pipeline() as pipe:
            for key, timeout in full_keys:
                pipe.incr(key)
                pipe.expire(key, timeout)
            return pipe.execute()[::2]
    counts = []
    for key, timeout in keys:
        cache.add(key, 0, timeout=timeout)
        try:
            counts.append(cache.incr(key))
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=timeout)
            counts.append(1)
    return counts
