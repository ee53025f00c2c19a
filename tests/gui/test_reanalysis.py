"""The window offers to bring an archive read by an older page reading up to today's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from viewer.archive import ANALYSIS_KEY, Archive
from viewer.gui.main_window import MainWindow

TIMEOUT = 60_000
PAGES = {
    "晚报-2024-03-05-01.txt": (
        "２０２４年３月５日　星期二\n\n"
        "长安区建北街道组织春季植树\n\n"
        "本报讯（记者 李明远）３月４日，河北省石家庄市长安区建北街道组织志愿者"
        "在滨河公园植树三百余棵，参加活动的居民有一百二十人。\n\n"
        "社区老年食堂开业\n\n"
        "本报讯　近日，石家庄市长安区育才街道幸福社区老年食堂正式开业，"
        "每天为六十岁以上老人提供午餐，每份收费八元。\n"
    ),
    "晚报-2024-03-06-01.txt": (
        "２０２４年３月６日　星期三\n\n"
        "新华区春耕备耕忙\n\n"
        "本报讯（通讯员 赵一凡）石家庄市新华区各乡镇抓住晴好天气整地备肥，"
        "全区已储备化肥二千四百吨。\n"
    ),
}


def _archive(tmp_path: Path, *, old: bool) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in PAGES.items():
        (pages / name).write_text(text, encoding="utf-8")
    root = tmp_path / "archive"
    with Archive(root) as archive:
        report = archive.import_paths([pages], workers=0)
        assert report.imported == len(PAGES) and report.stories
        if old:  # an archive imported before stories had dates and the version was stored
            archive.store.set_meta(ANALYSIS_KEY, None)
            archive.store.db.execute("update stories set date = null")
            assert archive.needs_reanalysis()
    return root


def _window(qtbot, tmp_path: Path, root: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(root, None, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.story_model.rowCount() > 0, timeout=TIMEOUT)
    return win


@pytest.fixture
def old_window(qtbot, tmp_path):
    win = _window(qtbot, tmp_path, _archive(tmp_path, old=True))
    yield win
    win.close()


def test_an_old_archive_shows_the_bar_and_reanalysing_brings_it_up_to_date(qtbot, old_window):
    win = old_window
    qtbot.waitUntil(win.reanalysis_bar.isVisible, timeout=TIMEOUT)
    assert any("旧版本" in label.text() for label in win.reanalysis_bar.findChildren(QLabel))
    stories = win.story_model.rowCount()
    win.story_view.selectRow(1)
    qtbot.waitUntil(lambda: win.reader.story() is not None, timeout=TIMEOUT)
    old_story = win.reader.story()
    assert old_story["date"] is None
    with qtbot.waitSignal(win.import_job.finished, timeout=TIMEOUT) as blocker:
        win.reanalyse_button.click()
        assert not win.reanalysis_bar.isVisible()
        # One writer: the import's job and its progress dialog do the work.
        assert win.import_job.is_running() and win.import_dialog.windowTitle() == "正在重新分析"
    report = blocker.args[0]
    assert report.done == report.files == len(PAGES) and not report.cancelled
    qtbot.waitUntil(lambda: win.story_model.rowCount() == stories, timeout=TIMEOUT)
    # The list was reloaded (story ids change) and the open story was loaded again, as read now.
    qtbot.waitUntil(lambda: win.reader.story() is not old_story, timeout=TIMEOUT)
    story = win.reader.story()
    assert story["label"] == old_story["label"] and story["date"] == "2024-03-05"
    assert win.story_model.row_for_id(story["id"]) is not None
    assert not win.reanalysis_bar.isVisible()
    with Archive(win.import_job.root) as archive:
        assert not archive.needs_reanalysis()


def test_the_bar_can_be_dismissed_for_the_session(qtbot, old_window):
    qtbot.waitUntil(old_window.reanalysis_bar.isVisible, timeout=TIMEOUT)
    old_window.dismiss_reanalysis_button.click()
    assert not old_window.reanalysis_bar.isVisible()
    assert old_window.reanalyse_action.isEnabled()  # the menu still offers it


def test_a_current_archive_shows_no_bar_and_the_menu_offers_reanalysis(qtbot, tmp_path):
    win = _window(qtbot, tmp_path, _archive(tmp_path, old=False))
    seen = []
    win._worker.reader.analysisChecked.connect(seen.append)
    with qtbot.waitSignal(win._worker.reader.analysisChecked, timeout=TIMEOUT):
        win.requestReopen.emit()
    assert seen == [False] and not win.reanalysis_bar.isVisible()
    file_menu = win.menuBar().actions()[0].menu()
    texts = [a.text().replace("(&R)", "") for a in file_menu.actions()]
    assert "重新分析档案…" in texts and win.reanalyse_action.isEnabled()
    win.close()
