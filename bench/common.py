"""What every benchmark shares: Django set up against the benchmark database, timing, results.

A benchmark is a module `bench/<name>.py` with `run() -> Result`, started as
`python -m bench.<name>` (or by `bench/run.py` for all of them). It measures its subject and a
reference in the same run and reports ratios; absolute times on a shared machine are noise.
"""

import json
import os
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/stadtdialog_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def setup_django() -> None:
    """Django on PostgreSQL (BENCH_DATABASE_URL) and Redis (BENCH_REDIS_URL), migrated, with
    production-like settings. Servers started by a benchmark inherit both."""
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")
    _ensure_database(os.environ["DATABASE_URL"])
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def _ensure_database(url: str) -> None:
    import psycopg2

    base, name = url.rsplit("/", 1)
    connection = psycopg2.connect(f"{base}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def timed(function: Callable, *, repeat: int = 5) -> dict:
    """Runs `function` `repeat` times; the median is what ratios use (robust against noise)."""
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        seconds.append(time.perf_counter() - start)
    return {
        "median_s": statistics.median(seconds),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "runs": repeat,
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Result:
    name: str
    title: str
    # Markdown for BENCHMARKS.md: what was measured, the table of ratios, targets met or not.
    markdown: str
    figures: dict = field(default_factory=dict)

    def write(self) -> Path:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"{self.name}.json"
        path.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False, default=str) + "\n")
        return path


def main(run: Callable[[], Result]) -> None:
    """Entry point of `python -m bench.<name>`."""
    setup_django()
    result = run()
    print(f"{result.title}: {result.write()}")
