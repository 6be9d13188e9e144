"""gunicorn settings, read from the environment (docs/deploy.md lists every variable).

Started as `gunicorn cms.wsgi` from the project directory (gunicorn reads this file from there).
"""

import multiprocessing
import os

# Where to listen: a local port behind nginx, or a socket ("unix:/run/stadtdialog/web.sock").
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
# Processes: WEB_CONCURRENCY (the usual name on platforms), else two per core plus one.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# Threads per process: requests mostly wait for PostgreSQL and Redis.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A fresh process now and then keeps memory in check; jitter keeps them from restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# The application is loaded before the workers fork: a broken deployment fails at start.
preload_app = True
# Logs to stdout/stderr (journald); no access log by default, because its lines would carry
# client addresses (DSGVO). GUNICORN_ACCESS_LOG=- turns it on, with the format below, no address.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# The proxy in front terminates TLS; only it may set X-Forwarded-Proto.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "stadtdialog"


def post_fork(server, worker):
    # Connections opened while preloading must not be shared between processes.
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
