# Two commands for a fresh machine: `make run` (the site with the articles imported) and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ADMIN_USER ?= admin
ADMIN_PASSWORD ?= admin-demo-password
export DEBUG ?= 1

.PHONY: help run test install lint migrate demo serve test-sqlite test-postgres browser-deps redis-deps clean benchmark-import benchmark

help:
	@echo "make run    set up, import fixtures/articles, publish the demo, serve on http://127.0.0.1:8000"
	@echo "make test   set up, lint, check migrations, run the suite on SQLite and on PostgreSQL"

$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py import_articles fixtures/articles
	$(PY) manage.py setup_demo --username "$(ADMIN_USER)" --password "$(ADMIN_PASSWORD)"

serve:
	$(PY) manage.py runserver 127.0.0.1:8000

run: demo serve

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DEBUG=0 SECRET_KEY=check $(PY) manage.py makemigrations --check --dry-run

browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

redis-deps:
	@if ! command -v redis-server >/dev/null; then \
	  echo "installing Debian's redis-server for the page cache tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server >/dev/null; \
	fi

test-sqlite: install browser-deps redis-deps
	DEBUG=0 DATABASE_URL= $(PY) -m pytest

test-postgres: install redis-deps
	@if command -v initdb >/dev/null; then \
	  DEBUG=0 bash scripts/with-postgres.sh $(PY) -m pytest -m "not browser"; \
	else echo "initdb not found: skipping the PostgreSQL run"; fi

test: lint test-sqlite test-postgres

benchmark-import: install
	DATABASE_URL=sqlite:///$$(mktemp -d)/bench.sqlite3 $(PY) manage.py benchmark_import --output benchmark-import.json

# The scale benchmark on both databases, each in a throw-away database: make benchmark SCALE=100000
SCALE ?= 100000
benchmark: install
	d=$$(mktemp -d) && DEBUG=1 DATABASE_URL=sqlite:///$$d/bench.sqlite3 \
		$(PY) manage.py benchmark --scale $(SCALE) --output benchmark-sqlite-$(SCALE).json; s=$$?; rm -rf $$d; exit $$s
	DEBUG=1 bash scripts/with-postgres.sh $(PY) manage.py benchmark --scale $(SCALE) --output benchmark-postgresql-$(SCALE).json

clean:
	rm -rf $(VENV) db.sqlite3* staticfiles artifacts
