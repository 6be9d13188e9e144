# Stadtdialog — everyday commands. `make run` and `make test` work from a clean clone.
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
DEV := DJANGO_SETTINGS_MODULE=cms.settings.dev

.PHONY: run test lint format messages bench serve-prod worker clean

$(PY):
	@python=$$(scripts/find-python) || exit 1; echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime-installed

run: $(VENV)/.runtime-installed
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py seed_demo
	@$(DEV) $(PY) manage.py demo_logins --url http://$(HOST):$(PORT)
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev-installed
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerates the English catalogue. Source strings are German (the site's first language); only
# developers need GNU gettext for this — the compiled .mo files are committed.
messages: $(VENV)/.dev-installed
	$(DEV) $(PY) manage.py makemessages --locale en --ignore '.venv/*' --ignore 'tests/*' --no-obsolete
	$(DEV) $(PY) manage.py compilemessages --ignore '.venv/*'

# The production configuration locally: gunicorn + task worker against the local PostgreSQL and
# Redis (migrate and collectstatic first). Settings from the environment: docs/deploy.md.
serve-prod: $(VENV)/.runtime-installed
	scripts/serve-prod

# The background worker for emails and exports (TASKS_BACKEND=database); one per server is enough.
worker: $(VENV)/.runtime-installed
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-cms.settings.production} $(PY) manage.py db_worker --queue-name '*'

# Benchmarks against references measured in the same run (PostgreSQL needed): BENCHMARKS.md.
bench: $(VENV)/.dev-installed
	$(PY) bench/run.py $(BENCH)

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected .pytest_cache
