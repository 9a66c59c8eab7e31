# The two commands a user needs: `make figures` and `make test`. Each sets up what it needs.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install whenever the pins change.
STAMP := $(VENV)/.installed
CORPUS ?=
OUT ?=
# SCHEDULER=tcp://host:8786 sends the per-article work to a Dask cluster; KEEP_GOING=1 runs every
# notebook even after one fails, and lists the failures at the end.
SCHEDULER ?=
KEEP_GOING ?=

.PHONY: help setup figures test test-fast lab lint benchmarks clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name framing --display-name "Python (framing)" >/dev/null
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the pinned dependencies

figures: $(STAMP) ## Execute every notebook in order and regenerate figures/ (CORPUS=dir, SCHEDULER=tcp://…, KEEP_GOING=1)
	$(BIN)/python -m analysis.run $(if $(CORPUS),--corpus "$(CORPUS)") $(if $(OUT),--out "$(OUT)") \
		$(if $(SCHEDULER),--scheduler "$(SCHEDULER)") $(if $(KEEP_GOING),--keep-going)

test: $(STAMP) ## Run the whole test suite (unit, properties, notebooks, figures up to date)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## The inner loop: every test but those that execute notebooks (marker "notebook")
	$(BIN)/python -m pytest -m "not notebook"

lab: $(STAMP) ## Open JupyterLab with the "Python (framing)" kernel
	$(BIN)/jupyter lab notebooks/

lint: $(STAMP) ## ruff on the package, tests and benchmarks
	$(BIN)/ruff check analysis tests benchmarks
	$(BIN)/ruff format --check analysis tests benchmarks

benchmarks: $(STAMP) ## Run every benchmark script and print its figures
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean: ## Remove build/ and caches (keeps .venv and figures/)
	rm -rf build .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
