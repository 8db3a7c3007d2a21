# The two commands of the README: `make run` serves the portal, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench install lint messages schema clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version 2>&1))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

var:
	@mkdir -p var/broker/queue var/broker/processed var/broker/control var/media var/cache

run: install var
	@$(BIN)/python manage.py check --fail-level ERROR
	@$(BIN)/python manage.py migrate --noinput
	@$(BIN)/python manage.py seed_demo
	@$(BIN)/python manage.py render_factsheets --round 2nd-round --no-wait
	@echo
	@echo "  The portal is at http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/en/admin/)"
	@echo "  Web, Celery worker and Celery beat run below; Ctrl-C stops them all."
	@echo
	@PYTHONUNBUFFERED=1 $(BIN)/honcho -f Procfile.dev start

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# axe-core checks every page of the browser tests against WCAG 2.1 AA (installed from the npm registry).
AXE := var/node/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --silent --no-save --no-audit --no-fund --prefix var/node axe-core@4.14.1

# The suite in TEST_WORKERS processes (pytest-xdist), each with its own test database, Redis databases and
# media folder (lanzarote_portal/settings/test.py); the tests with real workers share one (tests/conftest.py).
TEST_WORKERS ?= 2
test: lint $(AXE)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

# Benchmarks on the machine's PostgreSQL (database lanzarote_bench) and Redis (databases 3 and 4), at
# seed_scale's full volume; the table goes to bench/results.md. Quicker: make bench BENCH_ARGS="--scale demo".
# The load test needs wrk (Debian: apt-get install wrk); the bench says so when it is missing.
bench: install var
	$(BIN)/python -m bench $(BENCH_ARGS)

# The API's OpenAPI description, committed as docs/api/openapi.yaml (tests/api/test_schema.py compares).
schema: install
	$(BIN)/python manage.py spectacular --file docs/api/openapi.yaml --validate --fail-on-warn

messages: install
	$(BIN)/python manage.py makemessages --all --no-location --no-obsolete --ignore=.venv --ignore=var
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf var
