# Customer Focus course: `make book` builds the site, `make test` runs every test.
# Both set everything up on a fresh machine: a virtual environment in .venv,
# the Python requirements and this package (editable), the npm packages the
# site serves (node_modules), and, for the browser tests, Debian's Chromium.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HTML := _build/html
PORT ?= 8000
JOBS ?= 2
# Browser tests find the built site here.
export CF_SITE := $(CURDIR)/$(HTML)

NBVAL := $(BIN)/python -m pytest -p no:cacheprovider --nbval --nbval-current-env --nbval-cell-timeout 120 \
	--nbval-sanitize-with tests/nbval-sanitize.cfg -n $(JOBS) --dist loadfile

.PHONY: help setup book translations serve test lint unit notebooks drift browser exercises slides handouts scorm dist chromium clean

help:
	@echo "make book   build the course site into $(HTML) (sets everything up first)"
	@echo "make test   run every test: lint, unit (with docstring examples), notebooks, drift, build, browser"
	@echo "make lint   check the Python code with ruff (configured in pyproject.toml)"
	@echo "make translations  refresh locales/zh_TW/LC_MESSAGES/*.po after English changes (keeps translations)"
	@echo "make serve  serve the built site, compressed, on http://127.0.0.1:$(PORT)"
	@echo "make exercises  regenerate exercises/ from solutions/"
	@echo "make slides  write a reveal.js deck per Learn chapter into _build/slides (runs offline)"
	@echo "make handouts  print the kit's handouts (A4 and US Letter) to PDF into dist/handouts"
	@echo "make scorm  build dist/customer-focus-scorm12.zip and dist/customer-focus-scorm2004.zip"
	@echo "make dist   build the package's wheel (with the worksheets) into dist/"
	@echo "make clean  remove the build output (keeps .venv and node_modules)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

# Both editions, built at the same time: English in $(HTML) (as `jupyter-book build . -W -n
# --keep-going` builds it, its pages read by $(JOBS) processes) and Traditional Chinese in
# $(HTML)/zh-TW (its pages' translations from locales/zh_TW; its doctrees, notebook cache and
# notebooks' outputs in _build/zh-TW; its handouts printed once the English edition, whose
# copy of MathJax its pages load, is built). The English build's output is shown first.
# What the site is built from. `make book` skips the build when nothing here (nor the installed
# packages) changed since the last successful one: the stamp is taken when a build starts, so an
# edit made during a build is seen by the next `make book`. `make clean` forces a full build.
# What the build itself writes there is not a change: the worksheets' results files, which their
# notebooks save into an output/ folder beside them when the build runs them.
BOOK_INPUTS := _config.yml _toc.yml references.bib book src solutions exercises docs \
	$(wildcard locales) $(VENV)/.installed node_modules/.installed
BOOK_STAMP := _build/.book-inputs

book: setup chromium
	@if [ -f $(BOOK_STAMP) ] && [ -f $(HTML)/index.html ] && [ -f $(HTML)/zh-TW/index.html ] && [ -z "$$(find $(BOOK_INPUTS) \
		-newer $(BOOK_STAMP) -not -path '*/__pycache__*' -not -path '*/.ipynb_checkpoints*' \
		-not -path '*.egg-info*' -not -path '*/output/*' -print -quit)" ]; then \
		echo "The course site is up to date (nothing changed since it was built): $(CURDIR)/$(HTML)/index.html"; \
	else \
		mkdir -p _build && touch $(BOOK_STAMP).next; \
		$(BIN)/python -m customer_focus.publish.editions site --jobs $(JOBS); \
		mv $(BOOK_STAMP).next $(BOOK_STAMP); \
		echo "The course site is built: $(CURDIR)/$(HTML)/index.html (中文: $(CURDIR)/$(HTML)/zh-TW/index.html)"; \
	fi

# The zh-TW edition's catalogs (README "How to translate"): the book's message templates
# (.pot, one per page) into _build/gettext, then merged into locales/zh_TW/LC_MESSAGES/*.po,
# keeping every translation already made (a changed English text turns it fuzzy).
# The package's own catalogs (what it says in notebooks and live tools: README "How to
# translate") are extracted from the code, merged and compiled the same way; the exercises'
# own texts and the code's comments (locales/zh_TW/exercises.po and code-comments.po, README
# "The notebooks a reader downloads") too.
translations: setup
	$(BIN)/python -m customer_focus.publish.editions gettext
	$(BIN)/sphinx-intl update -p _build/gettext -l zh_TW -d locales
	$(BIN)/python -m customer_focus.publish.messages update
	$(BIN)/python -m customer_focus.publish.notebooks update

serve:
	@test -f $(HTML)/index.html || { echo "No site yet: run 'make book' first."; exit 1; }
	$(BIN)/python -m customer_focus.publish.serve $(HTML) --port $(PORT)

# Chromium prints the workshop kit's handouts (make book) and runs the browser tests;
# poppler-utils' pdftotext reads the printed words' positions in the tests; fonts-noto-cjk
# draws the zh-TW edition's Traditional Chinese (the pages' font stack names it).
chromium:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null \
		|| [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then \
		echo "Installing Debian's chromium, poppler-utils and fonts-noto-cjk"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium poppler-utils fonts-noto-cjk >/dev/null; \
	fi

lint: setup
	$(BIN)/ruff check src tests benchmarks

# The unit tests and every docstring example of the package.
unit: setup
	$(BIN)/python -m pytest -m "not browser" -n $(JOBS) --durations=10 --doctest-modules tests src/customer_focus

notebooks: setup
	$(NBVAL) book solutions
	$(BIN)/python -m pytest -p no:cacheprovider --nbval-lax --nbval-current-env --nbval-cell-timeout 120 -n $(JOBS) --dist loadfile exercises

drift: setup
	$(BIN)/python -m customer_focus exercises --check
	$(BIN)/python -m customer_focus specs --check

browser: setup chromium
	@test -f $(HTML)/index.html || { echo "No site to test: run 'make book' first."; exit 1; }
	$(BIN)/python -m pytest -m browser -n $(JOBS) --dist loadfile --durations=10

test: setup chromium
	$(MAKE) lint
	$(MAKE) unit
	$(MAKE) notebooks
	$(MAKE) drift
	$(MAKE) book
	$(MAKE) browser
	@echo "All tests passed."

exercises: setup
	$(BIN)/python -m customer_focus exercises

slides: setup
	$(BIN)/python -m customer_focus slides --out _build/slides

handouts: book chromium
	$(BIN)/python -m customer_focus handouts --site $(HTML) --out dist/handouts

scorm: book
	$(BIN)/python -m customer_focus scorm --site $(HTML) --out dist

# The wheel carries the worksheets, exercises and sample data (setup.py copies them in).
dist: setup
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --disable-pip-version-check --wheel-dir dist .
	@ls dist/customer_focus-*.whl

clean:
	rm -rf _build dist build .pytest_cache .hypothesis
	find . -name __pycache__ -not -path "./$(VENV)/*" -not -path "./node_modules/*" -prune -exec rm -rf {} +
