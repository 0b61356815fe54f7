# Two commands matter: `make run` and `make test`. The rest are their stages.
SHELL := /bin/bash
.DEFAULT_GOAL := help

APP_PY  := .venv-app/bin/python
RASA_PY := .venv-rasa/bin/python
STAGE   := scripts/stage.sh
export RASA_TELEMETRY_ENABLED := false

.PHONY: help setup build migrate run test lint test-app test-actions validate bench lock clean

help:
	@echo "make run    start everything (action server, Rasa, API) on http://localhost:8000/"
	@echo "make test   lint, validate and run every test suite"
	@echo "make build  regenerate derived bot files and train the model if its inputs changed"
	@echo "make bench  latency of place resolution, actor lookup and /api/route (reports in var/bench/)"
	@echo "make lock   re-pin requirements/*.lock from requirements/*.in"
	@echo "make clean  remove var/ (databases, model) and both virtual environments"

setup:
	@$(STAGE) "environments (.venv-app, .venv-rasa)" scripts/setup_envs.sh

build: setup
	@$(STAGE) "generate bot files from the knowledge base" $(APP_PY) -m scripts.build_bot
	@$(STAGE) "train the Rasa model if needed" scripts/train_if_changed.sh

migrate: setup
	@$(STAGE) "database migrations and knowledge base" $(APP_PY) -m knowledge load

run: build migrate
	@echo; echo "==> starting the stack (Ctrl-C stops everything)"
	@$(APP_PY) -m scripts.stack

lint: setup
	@$(STAGE) "ruff (lint + format check)" bash -c "$(APP_PY) -m ruff check . && $(APP_PY) -m ruff format --check ."
	@$(STAGE) "mypy (application)" $(APP_PY) -m mypy
	@$(STAGE) "mypy (actions, Rasa environment)" $(RASA_PY) -m mypy --config-file actions/mypy.ini actions tests/actions

validate: build migrate
	@$(STAGE) "generated bot files are current" $(APP_PY) -m scripts.build_bot --check
	@$(STAGE) "knowledge base: sources, phone numbers, areas" $(APP_PY) -m knowledge validate
	@$(STAGE) "rasa data validate (warnings must be explained)" $(APP_PY) -m scripts.validate_bot

test-actions: setup
	@$(STAGE) "pytest: actions (Python 3.10)" $(RASA_PY) -m pytest -c tests/actions/pytest.ini tests/actions

test-app: build
	@$(STAGE) "PostgreSQL for the knowledge-base tests" scripts/ensure_postgres.sh
	@$(STAGE) "pytest: application and end to end (Python 3.11)" $(APP_PY) -m pytest tests/app tests/e2e

test: lint validate test-actions test-app
	@echo; echo "make test: all stages passed"

bench: build migrate
	@$(STAGE) "benchmark: place resolution and actor lookup" $(APP_PY) -m scripts.bench_knowledge
	@$(STAGE) "benchmark: /api/route at 20 concurrent clients" $(APP_PY) -m scripts.bench_api
	@$(STAGE) "benchmark: /api/chat overhead on top of Rasa" $(APP_PY) -m scripts.bench_chat

lock:
	scripts/lock.sh

clean:
	rm -rf var .venv-app .venv-rasa
