"""The site plus the benchmarks' two references (cms.settings.bench only, never in production):
a bare view with a fixed answer, and a bare view that inserts one row."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from cms.urls import urlpatterns as site_urlpatterns

INSERT_TABLE = "bench_insert"


def create_insert_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {INSERT_TABLE} "
            "(id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())"
        )


@require_GET
def bare(request):
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def bare_insert(request):
    """What a vote is measured against: the same middleware (session, CSRF), one INSERT."""
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {INSERT_TABLE} DEFAULT VALUES")  # noqa: S608 - constant
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/insert/", bare_insert),
    *site_urlpatterns,
]
