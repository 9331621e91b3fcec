# awslab: every command a learner, an author or CI needs. Run `make help` for the list.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
PORT ?= 8888
P ?=

.PHONY: help install lab test book run execute lint clean

help:
	@echo "make lab      JupyterLab on the notebooks (creates .venv and installs everything first)"
	@echo "make test     every test layer: models, notebooks (nbval), batch runs, book build, real browser"
	@echo "make book     build the static site into _build/html (notebook execution is cached)"
	@echo "make run      batch-run every notebook with papermill; override parameters with P=\"-p name value\""
	@echo "make execute  re-execute notebooks in place before committing them (NB=path to limit)"
	@echo "make lint     ruff"

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
	$(BIN)/python -m pytest --nbval -p no:cacheprovider -n auto --dist loadfile tests notebooks

book: install
	$(BIN)/python -m awslab book

run: install
	$(BIN)/python -m awslab run $(P)

execute: install
	$(BIN)/python -m awslab execute $(NB)

lint: install
	$(BIN)/ruff check awslab tests

clean:
	rm -rf _build
