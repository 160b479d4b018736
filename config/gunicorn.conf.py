"""gunicorn in production: ``gunicorn -c config/gunicorn.conf.py`` (README, "Running at scale").

Every value can be changed from the environment; the defaults suit one machine behind a reverse proxy.
"""

import multiprocessing
import os


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value else default


wsgi_app = "config.wsgi:application"

# Behind a proxy on the same machine, or directly on PORT (Heroku-style platforms set it).
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{env_int('PORT', 8000)}"
# Trust X-Forwarded-* from the proxy only (comma-separated addresses, or * inside a private network).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Processes: the usual 2 x cores + 1. Threads let a long CSV export stream while the worker's main loop
# still tells the arbiter it is alive; each thread keeps its own database connection (CONN_MAX_AGE), so
# a machine holds up to workers x threads connections to PostgreSQL.
workers = env_int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = env_int("GUNICORN_THREADS", 2)
worker_class = "gthread" if threads > 1 else "sync"

# A worker silent for `timeout` seconds is killed and replaced; on SIGTERM, requests in flight get
# `graceful_timeout` seconds to finish. keepalive: seconds an idle connection from the proxy stays open.
timeout = env_int("GUNICORN_TIMEOUT", 60)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = env_int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then (a slow leak never grows far); the jitter keeps them from restarting together.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# Load Django once in the arbiter, then fork: faster starts, shared memory. Connections open after the fork.
preload_app = True

# Logs to stdout/stderr, for the process manager or the container runtime to collect.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Heartbeat files on tmpfs: a worker blocked on a slow disk is not mistaken for a hung one.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"


def post_fork(server, worker):
    """Each worker opens its own database connections: none made while preloading may cross the fork
    (connections are kept between requests, CONN_MAX_AGE, on SQLite as on PostgreSQL)."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
