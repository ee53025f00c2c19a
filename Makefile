# Two entry points for a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint format bench screenshots clean venv

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

# Builds db/ from seeds/ when there is no archive yet, then opens the viewer.
run: $(STAMP)
	$(BIN)/python -m viewer

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m tests.benchmark

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
