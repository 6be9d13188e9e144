"""DSGVO: no IP address and no hash of one anywhere — not in any table, log line or cache entry.

The citizen journeys run with REMOTE_ADDR and X-Forwarded-For set to a documentation address;
afterwards every column of every table, every captured log record and every cache entry is
searched for the address and its common hashes.
"""

import base64
import hashlib
import logging
import pickle

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test import Client

from participation.contributions.models import Comment, Thread
from tests.participation.accounts.factories import UserFactory
from tests.participation.contributions.helpers import comment_url, form_data

pytestmark = pytest.mark.django_db

IP = "203.0.113.7"
FORBIDDEN = {
    IP,
    hashlib.md5(IP.encode()).hexdigest(),  # noqa: S324 - searched for, not used
    hashlib.sha1(IP.encode()).hexdigest(),  # noqa: S324
    hashlib.sha256(IP.encode()).hexdigest(),
    base64.b64encode(IP.encode()).decode(),
}


def _found_in(text: str) -> set[str]:
    return {needle for needle in FORBIDDEN if needle in text}


def _run_citizen_journeys(topic, concept, forum, citizen) -> None:
    headers = {"REMOTE_ADDR": IP, "HTTP_X_FORWARDED_FOR": IP}
    visitor = Client(**headers)
    paragraph = concept.paragraphs[0]
    assert visitor.post(comment_url(topic), form_data("Mehr Bänke am Markt.")).status_code == 302
    root = Comment.objects.get()
    assert (
        visitor.post(
            comment_url(concept), form_data("Zum Absatz.", paragraph_key=paragraph.key)
        ).status_code
        == 302
    )
    assert (
        visitor.post(comment_url(topic), form_data("Eine Antwort.", parent=root.pk)).status_code
        == 302
    )
    assert visitor.post(f"/beteiligung/ziel/seite/{topic.pk}/unterstuetzen/", {"value": "1"})
    visitor.post(
        f"/beteiligung/forum/{forum.pk}/neues-thema/",
        form_data("Ein Thema mit genug Text.", title="Glasfaser im Ortsteil"),
    )
    assert Thread.objects.exists()

    registered = Client(**headers)
    registered.post("/konto/login/", {"login": citizen.email, "password": "falsch"})
    registered.force_login(citizen)
    registered.post(f"/beteiligung/kommentar/{root.pk}/abstimmen/", {"value": "1"})
    registered.post(
        f"/beteiligung/kommentar/{root.pk}/melden/", {"reason": "spam", "text": "Werbung"}
    )
    registered.get("/konto/meine-daten/herunterladen/")
    Client(**headers).post("/konto/password/reset/", {"email": citizen.email})


def _cache_entries() -> list[str]:
    backend = caches["default"]
    if isinstance(backend, LocMemCache):
        return [
            f"{key} {pickle.loads(value)!r}"  # noqa: S301 - our own cache
            for key, value in backend._cache.items()
        ]
    if isinstance(backend, RedisCache):
        client = backend._cache.get_client()
        return [f"{key!r} {client.get(key)!r}" for key in client.scan_iter()]
    pytest.skip(f"cache backend {type(backend).__name__} cannot be listed")


def test_no_ip_address_or_hash_of_one_is_stored_logged_or_cached(topic, concept, forum, caplog):
    cache.clear()
    citizen = UserFactory(verified=True)
    with caplog.at_level(logging.DEBUG):
        _run_citizen_journeys(topic, concept, forum, citizen)

    findings = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                if hits := _found_in(" ".join(str(cell) for cell in row)):
                    findings.append((table, hits))
    for session in Session.objects.all():
        if hits := _found_in(repr(session.get_decoded())):
            findings.append(("session data", hits))
    for record in caplog.records:
        if hits := _found_in(record.getMessage() + repr(record.__dict__)):
            findings.append((f"log {record.name}", hits))
    for entry in _cache_entries():
        if hits := _found_in(entry):
            findings.append(("cache", hits))

    assert Comment.objects.count() == 3, "the journeys must really have stored contributions"
    assert _cache_entries(), "the journeys must really have used the cache (rate limits)"
    assert findings == []
