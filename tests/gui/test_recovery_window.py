"""The window and a troubled archive: a damaged database offers its backup and restores it;
File → 备份档案… copies the archive on the writer thread; a read-only mount browses with import
disabled."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.test_recovery import _unshare_works, damage, in_read_only_mount
from viewer.archive import Archive
from viewer.gui.main_window import MainWindow
from viewer.store import safety

TIMEOUT = 60_000
SEEDED = 42


def _seeded_archive(tmp_path: Path, seeds_dir: Path) -> Path:
    root = tmp_path / "archive"
    with Archive(root) as archive:
        assert archive.import_paths([seeds_dir], workers=0).stories == SEEDED
    return root


def _window(qtbot, tmp_path: Path, root: Path, seeds: Path | None = None) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(root, seeds, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_damaged_archive_offers_its_backup_and_restoring_brings_the_stories_back(
    qtbot, tmp_path, seeds_dir
):
    root = _seeded_archive(tmp_path, seeds_dir)
    backup = safety.backup_info(safety.list_backups(root)[0])
    damage(root / "archive.db")
    win = _window(qtbot, tmp_path, root, seeds_dir)  # as the app opens it: seeding if empty
    try:
        qtbot.waitUntil(win.alert_bar.isVisible, timeout=TIMEOUT)
        text = win.alert_bar.message.text()
        assert "已损坏" in text and f"{backup.taken:%Y-%m-%d %H:%M}" in text
        assert f"{SEEDED} 篇稿件" in text and "重新导入" in text  # what restoring would lose
        assert win.story_model.rowCount() == 0  # the list could not be read
        with qtbot.waitSignal(win.import_job.finished, timeout=TIMEOUT):
            win.alert_bar.restore_button.click()
        qtbot.waitUntil(lambda: win.story_model.rowCount() == SEEDED, timeout=TIMEOUT)
        assert not win.alert_bar.isVisible()
        assert "原数据库保留为" in win.last_import_summary
    finally:
        win.close()
    assert list(root.glob("archive.db.damaged-*"))
    with Archive(root) as archive:
        assert archive.search("经济") and archive.check().ok


def test_writes_lost_since_the_last_record_are_reported_with_the_way_out(
    qtbot, tmp_path, seeds_dir
):
    root = _seeded_archive(tmp_path, seeds_dir)
    # What a deleted -wal leaves (tests/test_recovery.py does it for real with SIGKILL): the
    # record beside the database is ahead of the database's own count.
    safety.record_writes(root, safety.recorded_writes(root) + 7)
    win = _window(qtbot, tmp_path, root)
    try:
        qtbot.waitUntil(win.alert_bar.isVisible, timeout=TIMEOUT)
        text = win.alert_bar.message.text()
        assert "缺少 7 次" in text and "重新导入" in text and f"{SEEDED} 篇稿件" in text
        assert win.alert_bar.restore_button.isVisible()
        assert win.story_model.rowCount() == SEEDED  # still browsable
    finally:
        win.close()


def test_backing_up_from_the_window_writes_a_consistent_copy(qtbot, tmp_path, seeds_dir):
    root = _seeded_archive(tmp_path, seeds_dir)
    win = _window(qtbot, tmp_path, root)
    try:
        qtbot.waitUntil(lambda: win.story_model.rowCount() == SEEDED, timeout=TIMEOUT)
        dest = tmp_path / "copy.db"
        with qtbot.waitSignal(win.import_job.finished, timeout=TIMEOUT):
            win.start_backup(dest)
        assert str(dest) in win.last_import_summary
    finally:
        win.close()
    assert safety.quick_check(dest) == [] and safety.backup_info(dest).stories == SEEDED


READ_ONLY_WINDOW = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from viewer.gui.main_window import MainWindow

    app = QApplication([])
    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    win = MainWindow(Path(sys.argv[1]), None, settings)
    win.show()

    def report():
        if win.story_model.rowCount() == 0 or not win.alert_bar.isVisible():
            return
        timer.stop()
        win.start_import([Path(sys.argv[1])])  # as a drop would: refused
        print(json.dumps({
            "stories": win.story_model.rowCount(),
            "import_enabled": any(a.isEnabled() for a in win.import_actions),
            "reanalyse_enabled": win.reanalyse_action.isEnabled(),
            "bar": win.alert_bar.message.text(),
            "status": win.statusBar().currentMessage(),
            "importing": win.import_job.is_running(),
        }, ensure_ascii=False))
        win.close()
        app.quit()

    timer = QTimer(interval=50)
    timer.timeout.connect(report)
    timer.start()
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    """
)


@pytest.mark.skipif(not _unshare_works(), reason="needs root and unshare -m (mount namespaces)")
def test_the_window_on_a_read_only_mount_shows_stories_and_disables_import(tmp_path, seeds_dir):
    root = _seeded_archive(tmp_path, seeds_dir)
    script = tmp_path / "window.py"
    script.write_text(READ_ONLY_WINDOW, encoding="utf-8")
    mount = tmp_path / "ro"
    done = in_read_only_mount(
        root,
        mount,
        f'QT_QPA_PLATFORM=offscreen "$PY" {script} {mount} {tmp_path}/settings.ini',
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["stories"] == SEEDED
    assert not seen["import_enabled"] and not seen["reanalyse_enabled"]
    assert "只读" in seen["bar"] and str(mount) in seen["bar"]
    assert "不能导入" in seen["status"] and not seen["importing"]
    assert "Traceback" not in done.stderr
