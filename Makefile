# One entry point for newcomers and CI: every target builds its own virtual environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kampung-bahagia demo $(ARGS)

# Two workers on the two cores of CI, an idle one taking over queued tests (PYTEST_XDIST=
# runs in one process); coverage of the three packages printed at the end (PYTEST_COV=
# leaves it out); PYTEST_ARGS adds anything else, e.g. make test PYTEST_ARGS="-k premium".
PYTEST_XDIST ?= -n 2 --dist worksteal
PYTEST_COV ?= --cov=bot --cov=handlers --cov=storage --cov-report=term
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_XDIST) $(PYTEST_COV) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python benchmarks/engine.py

clean:
	rm -rf $(VENV) data/demo.db* .pytest_cache
