"""Fixtures for the GUI tests."""

from __future__ import annotations

import pytest

from tests.gui.windows import SEEDED_STORIES, open_window


@pytest.fixture
def window(qtbot, tmp_path, seeds_dir):
    win = open_window(qtbot, tmp_path, seeds_dir)
    assert win.story_model.rowCount() == SEEDED_STORIES
    yield win
    win.close()
