"""Fixtures for the GUI tests."""

from __future__ import annotations

import gc

import pytest

from tests.gui.windows import SEEDED_STORIES, open_window


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread():
    """Collect each test's cyclic garbage here, on the GUI thread. Left for later, Qt objects a
    test made without a parent could be collected by the next window's reader thread, which
    destroys them on the wrong thread: Qt aborted or segfaulted in 4 of 8 full runs, always
    while a later window's reader thread was opening its archive (and garbage-collecting)."""
    yield
    gc.collect()


@pytest.fixture
def window(qtbot, tmp_path, seeds_dir):
    win = open_window(qtbot, tmp_path, seeds_dir)
    assert win.story_model.rowCount() == SEEDED_STORIES
    yield win
    win.close()
