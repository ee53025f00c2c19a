"""Own archives in the real window: new, open, recent, the sample archive kept apart."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from tests.gui.windows import SEEDED_STORIES
from tests.pages import write_pages
from viewer.archive import Archive
from viewer.gui.archives import recent_archives, remember_archive, starting_archive
from viewer.gui.main_window import MainWindow
from viewer.paths import sample_archive_dir

TIMEOUT = 60_000


def sample_window(qtbot, tmp_path, seeds_dir) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(sample_archive_dir(), seeds_dir, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.story_model.rowCount() == SEEDED_STORIES, timeout=TIMEOUT)
    return win


def warnings(window) -> list[str]:
    return [b.text() for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_a_new_archive_starts_empty_and_takes_the_users_pages_not_the_samples(
    qtbot, tmp_path, seeds_dir
):
    win = sample_window(qtbot, tmp_path, seeds_dir)
    assert win.windowTitle() == "示例档案" and win.sample_bar.isVisible()
    mine = tmp_path / "我的档案"
    assert win.create_archive(mine)
    qtbot.waitUntil(lambda: (mine / "archive.db").is_file(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: win.reanalyse_action.isEnabled(), timeout=TIMEOUT)  # open
    assert win.windowTitle() == "我的档案" and not win.sample_bar.isVisible()
    assert win.story_model.rowCount() == 0 and win.tree_model.rowCount() == 0
    assert win.reader.story() is None

    pages = write_pages(tmp_path / "pages")
    with qtbot.waitSignal(win.import_job.finished, timeout=120_000):
        win.start_import([pages["street"].parent])
    qtbot.waitUntil(lambda: win.story_model.rowCount() > 0, timeout=TIMEOUT)
    with Archive(mine) as archive:
        own = archive.files()
    with Archive(sample_archive_dir()) as archive:
        sample = archive.files()
    assert own and all(Path(f["path"]).parent == pages["street"].parent for f in own)
    assert len(sample) == len(list(seeds_dir.glob("*.txt")))  # nothing new in the sample
    assert recent_archives(win._settings) == [mine.resolve(), sample_archive_dir().resolve()]
    win.close()


def test_recent_archives_reopen_with_their_own_last_story(qtbot, tmp_path, seeds_dir):
    win = sample_window(qtbot, tmp_path, seeds_dir)
    win.story_view.selectRow(3)
    qtbot.waitUntil(lambda: win.reader.story() is not None, timeout=TIMEOUT)
    sample_story = win.reader.story()["id"]
    other = tmp_path / "other"
    shutil.copytree(sample_archive_dir(), other)  # an archive with the same story ids
    assert win.open_existing_archive(other)
    qtbot.waitUntil(lambda: win.story_model.rowCount() == SEEDED_STORIES, timeout=TIMEOUT)
    assert win.reader.story() is None  # the sample's last story is not this archive's
    win.story_view.selectRow(7)
    qtbot.waitUntil(lambda: win.reader.story() is not None, timeout=TIMEOUT)
    other_story = win.reader.story()["id"]
    assert other_story != sample_story

    win._fill_recent_menu()
    (action,) = [a for a in win.recent_menu.actions() if "示例档案" in a.text()]
    action.trigger()
    qtbot.waitUntil(lambda: (win.reader.story() or {}).get("id") == sample_story, timeout=TIMEOUT)
    assert win.windowTitle() == "示例档案"
    win.open_existing_archive(other)
    qtbot.waitUntil(lambda: (win.reader.story() or {}).get("id") == other_story, timeout=TIMEOUT)
    win.close()


def test_folders_that_cannot_be_archives_are_refused_with_a_message(qtbot, tmp_path, seeds_dir):
    win = sample_window(qtbot, tmp_path, seeds_dir)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("别的文件", encoding="utf-8")
    assert not win.create_archive(busy)
    assert any("空文件夹" in text and str(busy) in text for text in warnings(win))
    assert not win.open_existing_archive(busy)
    assert any("没有档案" in text for text in warnings(win))
    assert not win.create_archive(sample_archive_dir())  # already an archive: open it instead
    assert win.archive_dir == sample_archive_dir() and not (busy / "archive.db").exists()
    win.close()


def test_no_other_archive_opens_while_an_import_runs(qtbot, tmp_path, seeds_dir):
    win = sample_window(qtbot, tmp_path, seeds_dir)
    pages = write_pages(tmp_path / "pages")
    with qtbot.waitSignal(win.import_job.finished, timeout=120_000):
        win.start_import([pages["street"].parent])
        assert not win.create_archive(tmp_path / "new")
        assert "导入" in win.statusBar().currentMessage()
    assert win.archive_dir == sample_archive_dir() and not (tmp_path / "new").exists()
    win.close()


def test_the_window_starts_on_the_named_then_the_last_then_the_sample_archive(tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert starting_archive(settings, None) == sample_archive_dir()
    last = tmp_path / "last"
    Archive(last).close()
    remember_archive(settings, last)
    assert starting_archive(settings, None) == last.resolve()
    assert starting_archive(settings, tmp_path / "named") == tmp_path / "named"
    shutil.rmtree(last)  # gone (a removed disk): not offered, not opened
    assert (
        recent_archives(settings) == [] and starting_archive(settings, None) == sample_archive_dir()
    )
