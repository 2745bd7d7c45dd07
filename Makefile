# baocao: `make demo` installs and builds a bundled example; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE := data/examples/binh-son-2022-h1.yaml

.PHONY: help install demo test lint schema bench clean

help:  ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## Create .venv and install baocao with its dev tools

demo: $(STAMP)  ## Build the bundled Bình Sơn example into out/
	$(BIN)/baocao validate data/examples
	$(BIN)/baocao build $(EXAMPLE) -o out/
	@echo "Open out/binh-son-2022-h1.docx"

test: $(STAMP)  ## Run the test suite
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff and mypy
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

schema: $(STAMP)  ## Regenerate schemas/ from the models
	$(BIN)/baocao schema -o schemas

bench: $(STAMP)  ## Timings beside their floors, measured in one run
	$(BIN)/python -m pip install --quiet check-jsonschema ruamel.yaml.clib
	$(BIN)/python bench/bench.py

clean:  ## Remove the virtualenv and outputs
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
