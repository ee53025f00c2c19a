"""Fixtures for the GUI tests."""

from __future__ import annotations

import gc

import pytest

from tests.gui.windows import SEEDED_STORIES, open_window


@pytest.fixture(autouse=True)
def collect_on_gui_thread():
    """Collect each test's garbage (closed windows, their Qt wrappers) here, on the GUI thread.
    Left for later, a collection can run on the next window's reader thread (SearchIndex.open
    calls gc.collect(), and any allocation may trigger one) and free Qt objects there, which
    crashed the run (segmentation fault, seen before and after the backup work)."""
    yield
    gc.collect()


@pytest.fixture
def window(qtbot, tmp_path, seeds_dir):
    win = open_window(qtbot, tmp_path, seeds_dir)
    assert win.story_model.rowCount() == SEEDED_STORIES
    yield win
    win.close()
