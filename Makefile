# awslab: every command a learner, an author or CI needs. Run `make help` for the list.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
PORT ?= 8888
P ?=

# Every layer in one run; each notebook is executed once per parameter set (default and scenarios/startup.yaml).
PYTEST := $(BIN)/python -m pytest -n auto --dist loadfile --doctest-modules
QUICK := -m "not notebooks and not book and not browser"

.PHONY: help install lab test check book run execute lint clean

help:
	@echo "make lab      JupyterLab on the notebooks (creates .venv and installs everything first)"
	@echo "make test     every test layer: models, doctests, notebooks (nbval), batch runs, book build, real browser"
	@echo "make check    the authors' quick loop: models, properties, doctests, parameter checks, lint (no kernels)"
	@echo "make book     build the static site into _build/html (executes only notebooks without a current copy)"
	@echo "make run      batch-run every notebook with papermill; override parameters with P=\"-p name value\""
	@echo "make execute  execute MyST sources and write their pinned .ipynb beside them (NB=path to limit)"
	@echo "make lint     ruff over the package, the tests and the notebooks"

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

lab: install
	$(BIN)/jupyter lab --allow-root --no-browser --port=$(PORT) --notebook-dir=notebooks

test: install
	$(PYTEST) tests notebooks awslab

check: install
	$(PYTEST) $(QUICK) tests awslab

book: install
	$(BIN)/python -m awslab book

run: install
	$(BIN)/python -m awslab run $(P)

execute: install
	$(BIN)/python -m awslab execute $(NB)

lint: install
	$(BIN)/ruff check awslab tests notebooks conftest.py
	$(BIN)/ruff format --check awslab tests conftest.py

clean:
	rm -rf _build
