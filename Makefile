# Territoire d'industrie Auxois Morvan — routine tasks. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python

# First interpreter >= 3.12 that actually runs (pyenv shims fail when not selected).
PYTHON_CANDIDATES := python3.14 python3.13 python3.12 python3 \
	$(sort $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3))

.PHONY: help install migrate fixtures run serve bench test lint format createsuperuser screenshots clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(PY):
	@for c in $(PYTHON_CANDIDATES); do \
	  if "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	    echo "Using $$c ($$("$$c" --version))"; "$$c" -m venv $(VENV) && exit 0; fi; \
	done; \
	echo "Python >= 3.12 is required and none was found (tried: $(PYTHON_CANDIDATES))." >&2; \
	echo "Install it, e.g. 'apt install python3.12 python3.12-venv' or 'pyenv install 3.13'." >&2; \
	exit 1

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the dependencies

# axe-core for the browser tests; without npm those tests are skipped (and say why).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: browser accessibility tests will be skipped"; fi

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput

fixtures: migrate ## Load the 2019 content (idempotent)
	$(PY) manage.py load_initial_data

run: fixtures ## Set everything up and serve the site on 127.0.0.1:$(PORT)
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The production configuration on loopback: DEBUG off, compressed static files, nginx in
# front of Gunicorn (deploy/serve.py).
# TLS ends at the reverse proxy in production; here plain HTTP, so no HTTPS redirect.
SERVE_ENV := DEBUG=false SECURE_SSL_REDIRECT=false \
	SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')}"

serve: fixtures ## Run the production stack (nginx in front of Gunicorn) on 127.0.0.1:$(PORT)
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(SERVE_ENV) PORT=$(PORT) $(PY) deploy/serve.py

bench: install ## Load-test `make serve` with a large data set and print the figures
	$(PY) bench/run.py

test: install node_modules/.installed ## Run the whole test suite (DATABASE_URL picks the database)
	$(PY) -m pytest

screenshots: install node_modules/.installed ## Refresh docs/screenshots/ (Chromium needed)
	UPDATE_SCREENSHOTS=1 $(PY) -m pytest -q tests/browser/test_robustness.py -k screenshots

lint: install ## Check code style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Reformat the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

createsuperuser: migrate ## Create an administrator account
	$(PY) manage.py createsuperuser

clean: ## Remove the virtualenv, caches and the local SQLite database
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache db.sqlite3 staticfiles
