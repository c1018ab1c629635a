# The two commands of the README's quick start:
#   make run    set everything up (virtualenv, packages, embedded PostgreSQL, schema) and ingest the replica
#   make test   set everything up and run the whole test suite
PYTHON ?= python3
VENV   := .venv
DATE   ?= 2023-11-23

.PHONY: run test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/ganpo run --replica --date $(DATE)

test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest
