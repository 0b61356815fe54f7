# Two commands matter: `make run` and `make test`. The rest are their stages.
SHELL := /bin/bash
.DEFAULT_GOAL := help

APP_PY  := .venv-app/bin/python
RASA_PY := .venv-rasa/bin/python
STAGE   := scripts/stage.sh
export RASA_TELEMETRY_ENABLED := false

.PHONY: help setup build migrate run test lint test-app test-rasa validate eval bench lock clean

help:
	@echo "make run    start everything (action server, Rasa, API) on http://localhost:8000/"
	@echo "make test   lint, validate and run every test suite"
	@echo "make build  regenerate derived bot files and train the model if its inputs changed"
	@echo "make eval   train on data/nlu, score the held-out set, fail when a quality bar is missed (var/eval/)"
	@echo "make bench  latency of place resolution, actor lookup, FAQ answering and /api/route (reports in var/bench/)"
	@echo "make lock   re-pin requirements/*.lock from requirements/*.in"
	@echo "make clean  remove var/ (databases, model) and both virtual environments"

setup:
	@$(STAGE) "environments (.venv-app, .venv-rasa)" scripts/setup_envs.sh

build: setup migrate
	@$(STAGE) "generate bot files from the knowledge base" $(APP_PY) -m scripts.build_bot
	@$(STAGE) "export the place names for the NLU" $(APP_PY) -m knowledge export-gazetteer
	@$(STAGE) "Dutch spaCy pipeline and Rasa config" $(RASA_PY) -m nlu_components.build_pipeline
	@$(STAGE) "train the Rasa model if needed" scripts/train_if_changed.sh

migrate: setup
	@$(STAGE) "database migrations and knowledge base" $(APP_PY) -m knowledge load

run: build
	@echo; echo "==> starting the stack (Ctrl-C stops everything)"
	@$(APP_PY) -m scripts.stack

lint: setup
	@$(STAGE) "ruff (lint + format check)" bash -c "$(APP_PY) -m ruff check . && $(APP_PY) -m ruff format --check ."
	@$(STAGE) "mypy (application)" $(APP_PY) -m mypy
	@$(STAGE) "mypy (actions and NLU components, Rasa environment)" $(RASA_PY) -m mypy --config-file actions/mypy.ini actions nlu_components tests/actions tests/nlu

validate: build
	@$(STAGE) "generated bot files are current" $(APP_PY) -m scripts.build_bot --check
	@$(STAGE) "knowledge base: sources, phone numbers, areas" $(APP_PY) -m knowledge validate
	@$(STAGE) "rasa data validate (warnings must be explained)" $(APP_PY) -m scripts.validate_bot

test-rasa: build
	@$(STAGE) "pytest: actions and NLU components (Python 3.10)" $(RASA_PY) -m pytest -c tests/pytest-rasa.ini tests/actions tests/nlu
	@$(STAGE) "conversation test stories (user text through NLU and dialogue)" .venv-rasa/bin/rasa test core --e2e --fail-on-prediction-errors --no-plot --model var/models/bot.tar.gz --stories tests/stories --out var/test-stories

test-app: build
	@$(STAGE) "PostgreSQL for the knowledge-base tests" scripts/ensure_postgres.sh
	@$(STAGE) "Chromium for the browser tests" scripts/ensure_chromium.sh
	@$(STAGE) "pytest: application, end to end and in the browser (Python 3.11)" $(APP_PY) -m pytest tests/app tests/e2e

test: lint validate test-rasa test-app
	@echo; echo "make test: all stages passed"

# Both parts always run (the FAQ part scores the parses the NLU part writes); either can fail it.
eval: build
	@nlu=0; faq=0; \
	$(STAGE) "NLU evaluation on the held-out set" $(RASA_PY) -m nlu_components.evaluate || nlu=$$?; \
	$(STAGE) "FAQ answering on the held-out questions" $(APP_PY) -m scripts.evaluate_faq || faq=$$?; \
	test $$nlu -eq 0 -a $$faq -eq 0

bench: build
	@$(STAGE) "benchmark: place resolution, actor lookup and FAQ answering" $(APP_PY) -m scripts.bench_knowledge
	@$(STAGE) "benchmark: /api/route at 20 concurrent clients" $(APP_PY) -m scripts.bench_api
	@$(STAGE) "benchmark: /api/chat overhead on top of Rasa" $(APP_PY) -m scripts.bench_chat

lock:
	scripts/lock.sh

clean:
	rm -rf var .venv-app .venv-rasa
