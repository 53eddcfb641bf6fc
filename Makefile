# One entry point for newcomers and CI: every target builds its own virtual environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test coverage lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kampung-bahagia demo $(ARGS)

# Two workers on the two cores of CI, an idle one taking over queued tests (PYTEST_XDIST=
# runs in one process); PYTEST_ARGS adds anything else, e.g. make test PYTEST_ARGS="-k premium".
PYTEST_XDIST ?= -n 2 --dist worksteal
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

# The same suite with line coverage of the three packages. Kept out of `make test`: on
# Python 3.11 the tracer costs as much CPU as the tests themselves.
coverage: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_XDIST) --cov=bot --cov=handlers --cov=storage \
		--cov-report=term $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot handlers storage

bench: $(STAMP)
	$(BIN)/python benchmarks/engine.py

clean:
	rm -rf $(VENV) data/demo.db* .pytest_cache
