"""config/gunicorn.conf.py: production defaults, each one from the environment."""

import multiprocessing
import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "config" / "gunicorn.conf.py"
VARIABLES = ("WEB_CONCURRENCY", "GUNICORN_THREADS", "PORT", "GUNICORN_BIND", "GUNICORN_TIMEOUT")


def load(monkeypatch, **env) -> dict:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_it_runs_two_workers_per_core_plus_one_by_default(monkeypatch):
    conf = load(monkeypatch)
    assert conf["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert conf["bind"] == "0.0.0.0:8000"
    assert conf["preload_app"] is True
    assert conf["max_requests"] > 0 and conf["max_requests_jitter"] > 0
    assert conf["accesslog"] == "-"


def test_it_reads_workers_threads_port_and_timeout_from_the_environment(monkeypatch):
    conf = load(monkeypatch, WEB_CONCURRENCY="3", GUNICORN_THREADS="1", PORT="9000", GUNICORN_TIMEOUT="90")
    assert (conf["workers"], conf["threads"], conf["worker_class"]) == (3, 1, "sync")
    assert conf["bind"] == "0.0.0.0:9000"
    assert conf["timeout"] == 90


def test_it_uses_threads_so_long_exports_keep_the_worker_alive(monkeypatch):
    conf = load(monkeypatch)
    assert conf["worker_class"] == "gthread" and conf["threads"] >= 2
