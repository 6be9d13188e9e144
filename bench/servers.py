"""gunicorn on loopback for the benchmarks and the multi-instance test, with visitors' sessions.

`serve()` starts gunicorn.conf.py with the given settings (DATABASE_URL, REDIS_URL and friends
from the environment) on 127.0.0.1:<port> and stops it afterwards. `visitor_cookies()` makes
an anonymous participant's session directly in the shared session store, as after the captcha.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    """A free loopback port: from BENCH_PORTS ("8601-8649") when set, else any the OS gives."""
    low, _, high = os.environ.get("BENCH_PORTS", "0-0").partition("-")
    for port in range(int(low), int(high) + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


@contextlib.contextmanager
def serve(*, settings: str = "cms.settings.bench", workers: int = 2, **env):
    """Yields the base address ("http://127.0.0.1:<port>") of a running gunicorn."""
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_THREADS": os.environ.get("BENCH_GUNICORN_THREADS", "4"),
        "GUNICORN_MAX_REQUESTS": "0",
        "LOG_LEVEL": "WARNING",
        **{key: str(value) for key, value in env.items()},
    }
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [str(GUNICORN), "cms.wsgi", "-c", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT,
        env=environment,
    )
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn ended with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def visitor_cookies(participant) -> dict[str, str]:
    """Cookies of an anonymous visitor who is `participant` and has passed the captcha: the
    session is written to the configured session store (Redis), shared by every instance."""
    from django.conf import settings
    from django.contrib.sessions.backends.cache import SessionStore
    from django.utils.crypto import get_random_string

    from participation.contributions.services import SESSION_HUMAN_KEY, SESSION_TOKEN_KEY

    session = SessionStore()
    session[SESSION_TOKEN_KEY] = participant.session_token
    session[SESSION_HUMAN_KEY] = True
    session.create()
    return {
        settings.SESSION_COOKIE_NAME: session.session_key,
        settings.CSRF_COOKIE_NAME: get_random_string(32),
    }
