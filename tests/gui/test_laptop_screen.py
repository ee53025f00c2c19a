"""The real window on first start on a 1366×768 laptop (less a 40-pixel task bar) and on a
desktop screen, and on the laptop after the desktop saved its layout: it fits, and the place tree
and the fact panel give names the room they need.

Each screen is an offscreen screen of that size in a subprocess (tests/gui/laptop_probe.py): the
test process's own offscreen screen is fixed at 800×800 once Qt is up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.laptop_probe import LONG_CHAIN

REPO = Path(__file__).resolve().parents[2]
# The style leaves 3 pixels of margin either side of an item's text (PM_FocusFrameHMargin + 1).
MARGIN = 6


def _probe(tmp_path: Path, width: int, height: int, settings: Path) -> dict:
    screen = {"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.laptop_probe", str(tmp_path / "a"), str(settings)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


LAPTOP = (1366, 728)  # 1366×768 less a 40-pixel task bar
DESKTOP = (1920, 1040)


@pytest.fixture(scope="module", params=["laptop", "desktop", "laptop after desktop"])
def report(request, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("probe")
    settings = folder / "settings.ini"
    if request.param == "laptop after desktop":
        # The layout a bigger monitor saved (a 1400×860 window at 252,70), restored on the laptop.
        _probe(folder, *DESKTOP, settings)
        assert "geometry" in settings.read_text(encoding="utf-8")
    return _probe(folder, *(DESKTOP if request.param == "desktop" else LAPTOP), settings)


def test_the_first_window_fits_the_screen(report) -> None:
    ax, ay, aw, ah = report["available"]
    x, y, w, h = report["frame"]
    assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, report
    assert w >= min(aw, 1400) - 20 and h >= min(ah, 860) - 45  # and not needlessly small
    assert min(report["splitter"]) > 100 and report["fact_dock_width"] > 100, report


def test_place_names_are_whole_and_counts_take_only_their_room(report) -> None:
    assert [row["texts"][0] for row in report["tree"]] == [name for name, _ in LONG_CHAIN]
    cut = [r["texts"] for r in report["tree"] if r["room"][0] < r["needed"][0] + MARGIN]
    assert not cut, cut
    digits = report["digits"]
    for row in report["tree"]:
        assert digits + MARGIN <= row["room"][1] <= 2 * digits + 4 * MARGIN, row


def test_fact_names_are_whole_and_counts_take_only_their_room(report) -> None:
    facts = [r for r in report["facts"] if r["needed"][0] > 60]  # the long facts, not the kinds
    assert len(facts) >= 4
    cut = [r["texts"] for r in facts if r["room"][0] < r["needed"][0] + MARGIN]
    assert not cut, cut
    names = [r["texts"][0] for r in report["facts"]]
    assert "热合曼·艾力" in names  # whole although its long role wants the room
    role = next(r for r in report["facts"] if r["texts"][1] == "村党支部书记")
    assert role["room"][1] >= role["needed"][1] + MARGIN, role  # a usual role is whole too
    for row in report["facts"]:
        assert row["room"][2] <= report["digits"] + 4 * MARGIN, row
