"""Writes that race: the marks and the thread runner every parallel-write test shares.

SQLite serialises all writers, so these tests run against PostgreSQL (CI sets DATABASE_URL)."""

import threading

import pytest
from django.db import connection

PARALLEL_WRITES = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="parallel writes need PostgreSQL (DATABASE_URL); SQLite serialises all writers",
    ),
    # Committed data for the threads' own connections; migrations' rows restored afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_at_once(count: int, work) -> None:
    """Calls work(0) … work(count - 1) in `count` threads released together."""
    barrier = threading.Barrier(count)
    errors = []

    def worker(number: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(number)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
