"""A window opened on an archive whose search index is missing rebuilds it with progress, while
the tree, the list and the reader keep working from the database."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QSettings

from tests.gui.windows import SEEDED_STORIES, type_text
from viewer.archive import INDEX_DIR, Archive
from viewer.gui.main_window import MainWindow

TIMEOUT = 60_000


def test_a_missing_index_is_rebuilt_with_progress_and_search_works_after(
    qtbot, tmp_path, seeds_dir
):
    root = tmp_path / "archive"
    with Archive(root) as archive:
        archive.import_paths([seeds_dir], workers=0)
    shutil.rmtree(root / INDEX_DIR)

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(root, None, settings)
    steps: list[tuple[int, int]] = []
    win.import_job.progress.connect(lambda done, total, *_: steps.append((done, total)))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.story_model.rowCount() == SEEDED_STORIES, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: bool(steps) and not win.import_job.is_running(), timeout=TIMEOUT)
    assert win.import_job.repairing_index
    assert win.import_dialog.windowTitle() == "正在重建检索索引"
    assert steps[-1] == (SEEDED_STORIES, SEEDED_STORIES)
    assert win.tree_model.rowCount() > 0

    win.search_box.setFocus()
    type_text(win.search_box, "义诊")
    qtbot.waitUntil(lambda: "条结果" in win.search_status.text(), timeout=TIMEOUT)
    assert 0 < win.story_model.rowCount() < SEEDED_STORIES
    win.close()
