# The two commands of the README's quick start:
#   make run    set everything up (virtualenv, packages, embedded PostgreSQL, schema) and ingest the replica
#   make test   set everything up and run the whole test suite
# (both compile the indicator rules with mypyc first, `make native`: a minute once, nothing while the sources are
# unchanged; a run without a C compiler goes on with the rules as Python, a test run stops)
PYTHON ?= python3
VENV   := .venv
DATE   ?= 2023-11-23

.PHONY: run test native

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[test,native]"
	touch $@

native: $(VENV)/.installed
	$(VENV)/bin/python -m pipelines.native

run: $(VENV)/.installed
	$(VENV)/bin/python -m pipelines.native --optional
	$(VENV)/bin/ganpo run --replica --date $(DATE)

test: native
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest
