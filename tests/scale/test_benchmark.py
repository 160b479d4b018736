"""manage.py benchmark end to end at a tiny scale: gunicorn on loopback, every JSON key written."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from relations.scale.benchmark import check_targets, percentile, table

ROOT = Path(__file__).resolve().parents[2]
KEYS = {
    "list_p50_ratio_cold", "search_p50_ratio_cold", "list_p50_ratio_warm", "search_p50_ratio_warm",
    "conditional_p50_ratio", "detail_p50_ratio", "admin_p50_ratio", "throughput_ratio", "throughput_p95_ms",
    "queries_constant", "queries_1_row", "queries_n_rows", "csv_export_speedup", "csv_export_peak_mb",
    "csv_export_rows_per_s", "import_export_rows_per_s", "import_articles_per_s", "import_warmup_seconds",
    "trivial_p50_ms", "pages", "pages_warm", "targets", "database", "scale",
}  # fmt: skip


def benchmark(tmp_path, *args) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "benchmark", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


@pytest.mark.slow
def test_it_runs_end_to_end_and_writes_every_key(tmp_path):
    output = tmp_path / "bench.json"
    args = ["--scale", "30", "--requests", "2", "--import-articles", "3", "--load-seconds", "1"]
    args += ["--output", str(output)]
    proc = benchmark(tmp_path, *args)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads(output.read_text())
    assert KEYS <= set(results)
    assert results["scale"] == 30
    assert {p["kind"] for p in results["pages"]} == {
        "trivial", "list", "filtered", "last", "detail", "search", "admin"
    }  # fmt: skip
    assert all(p["p50_ms"] > 0 for p in results["pages"])
    assert results["csv_export_rows"] == results["csv_export_lines"]
    assert {p["kind"] for p in results["pages_warm"]} >= {"list", "search", "conditional"}
    assert results["throughput"]["trivial"]["requests"] > 0 and results["throughput"]["mixed"]["failed"] == 0
    assert "list_p50_ratio_warm" in proc.stdout  # the table


@pytest.mark.slow
def test_it_refuses_a_database_with_records_unless_reused(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}"}
    for command in (["migrate", "-v0"], ["generate_data", "--scale", "5"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=300)
    proc = benchmark(tmp_path, "--scale", "5", "--requests", "1")
    assert proc.returncode != 0
    assert "already holds records" in proc.stderr


def test_it_takes_percentiles():
    assert percentile([3, 1, 2], 50) == 2
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile(list(range(101)), 95) == 95


def test_it_checks_the_targets():
    checks = check_targets(
        {"list_p50_ratio_warm": 1.5, "search_p50_ratio_warm": 2.5, "queries_constant": True,
         "csv_export_peak_mb": None, "throughput_ratio": 0.7}
    )  # fmt: skip
    assert checks["list_p50_ratio_warm"] and checks["queries_constant"] and checks["throughput_ratio"]
    assert not checks["search_p50_ratio_warm"] and not checks["csv_export_peak_mb"]
    assert not checks["import_articles_per_s"]  # missing


def test_it_aligns_tables():
    lines = table([["a", 1], ["bbb", 22]], ["name", "n"])
    assert lines == ["name   n", "----  --", "a      1", "bbb   22"]
