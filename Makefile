# baocao: `make demo` installs and builds a bundled example; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE := data/examples/binh-son-2022-h1.yaml
LOCK := requirements.lock
UV := uv==0.13.9

.PHONY: help install demo test test-latest lock lint schema bench look clean

help:  ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# Exact versions with their hashes from the lock; baocao itself is installed editable on top.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)  ## Create .venv and install baocao with its dev tools

demo: $(STAMP)  ## Build the bundled Bình Sơn example into out/
	$(BIN)/baocao validate data/examples
	$(BIN)/baocao build $(EXAMPLE) -o out/
	@echo "Open out/binh-son-2022-h1.docx; run baocao as $(BIN)/baocao, or after: source $(BIN)/activate"

test: $(STAMP)  ## Run the test suite
	$(BIN)/python -m pytest

test-latest:  ## Run the tests against the newest versions pyproject.toml allows (not in CI)
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade -e '.[dev]'
	.venv-latest/bin/python -m pytest -p no:cacheprovider

lock:  ## Refresh requirements.lock from pyproject.toml (exact versions and hashes)
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet '$(UV)'
	.venv-lock/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
	    --python-version 3.11 --upgrade -o $(LOCK)
	rm -rf .venv-lock

lint: $(STAMP)  ## ruff, mypy, and the layers of the package (tests/test_layers.py)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_layers.py

schema: $(STAMP)  ## Regenerate schemas/ from the models
	$(BIN)/baocao schema -o schemas

bench: $(STAMP)  ## Timings beside their floors, measured in one run
	$(BIN)/python -m pip install --quiet check-jsonschema ruamel.yaml.clib
	$(BIN)/python bench/bench.py

look: $(STAMP)  ## Every example as PDF pages and one contact sheet in out/look/ (needs LibreOffice, poppler)
	$(BIN)/python bench/look.py

clean:  ## Remove the virtualenv and outputs
	rm -rf $(VENV) .venv-latest .venv-lock out .pytest_cache .mypy_cache .ruff_cache
