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
# notebook even after one fails, and lists the failures at the end; JOBS=1 runs the notebooks one
# by one (default: as many at once as there are cores).
SCHEDULER ?=
KEEP_GOING ?=
JOBS ?=
# Extra arguments for `make lab` (the browser test passes --no-browser, a port and a token).
LAB_ARGS ?=
# Outputs never reach git: a clean filter strips them (and the kernel's language_info, which
# JupyterLab rewrites on every save) from what `git add`/`git status` see, while the notebook on
# disk keeps them. Relative to the top of the work tree, where git runs its filters.
STRIP := $(BIN)/python -m nbstripout --keep-id --extra-keys metadata.language_info
# Where git-filter writes the filter (git config scope: --local, this clone; --global, all).
FILTER_SCOPE ?= --local
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json

.PHONY: help setup git-filter figures test test-fast lab lint benchmarks clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name framing --display-name "Python (framing)" >/dev/null
	@touch $(STAMP)

# JupyterLab settings of this project (saved widget state), installed into .venv only.
$(LAB_SETTINGS): jupyter/overrides.json | $(STAMP)
	@mkdir -p $(dir $@)
	cp $< $@

git-filter: ## Install the git filter that keeps notebook outputs out of git (setup does it)
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  git config $(FILTER_SCOPE) filter.nbstripout.clean "$(STRIP)" && \
	  git config $(FILTER_SCOPE) filter.nbstripout.smudge cat && \
	  git config $(FILTER_SCOPE) filter.nbstripout.required true && \
	  git config $(FILTER_SCOPE) diff.ipynb.textconv "$(STRIP) --textconv"; \
	else echo "not a git work tree: no filter installed"; fi

setup: $(STAMP) $(LAB_SETTINGS) git-filter ## Create .venv, install the pinned dependencies and the notebook git filter

figures: $(STAMP) ## Execute every notebook, one per core at once, and regenerate figures/ (CORPUS=dir, SCHEDULER=tcp://…, KEEP_GOING=1, JOBS=n)
	env -u FRAMING_RUN $(BIN)/python -m analysis.run $(if $(CORPUS),--corpus "$(CORPUS)") $(if $(OUT),--out "$(OUT)") \
		$(if $(SCHEDULER),--scheduler "$(SCHEDULER)") $(if $(KEEP_GOING),--keep-going) $(if $(JOBS),--jobs $(JOBS))

test: setup ## Run the whole test suite (unit, properties, notebooks, browser, figures up to date)
	env -u FRAMING_RUN $(BIN)/python -m pytest

test-fast: setup ## The inner loop: every test but those that execute notebooks (marker "notebook")
	env -u FRAMING_RUN $(BIN)/python -m pytest -m "not notebook"

lab: setup ## Open JupyterLab on the "Python (framing)" kernel; figures go to build/runs/lab/figures/
	$(BIN)/python -m analysis.lab
	FRAMING_RUN=lab $(BIN)/jupyter lab notebooks/ $(LAB_ARGS)

lint: $(STAMP) ## ruff on the package, tests and benchmarks
	$(BIN)/ruff check analysis tests benchmarks
	$(BIN)/ruff format --check analysis tests benchmarks

benchmarks: $(STAMP) ## Run every benchmark script and print its figures
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean: ## Remove build/ and caches (keeps .venv and figures/)
	rm -rf build .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
