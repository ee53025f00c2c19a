"""The main window fits its screen: on first start and after a bigger monitor's saved layout."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize

from viewer.gui.main_window import MainWindow
from viewer.gui.screen_fit import FRAME_ALLOWANCE, default_frame


def _window(qtbot, tmp_path, settings: QSettings) -> MainWindow:
    win = MainWindow(tmp_path / "archive", None, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_first_start_fits_the_screen(qtbot, tmp_path) -> None:
    win = _window(qtbot, tmp_path, _settings(tmp_path))
    available = win.screen().availableGeometry()
    assert available.contains(win.frameGeometry()), (win.frameGeometry(), available)
    # Every pane keeps some room: the place tree, the list, the reader and the fact dock.
    assert min(win.splitter.sizes()) > 100, win.splitter.sizes()
    assert win.fact_dock.width() > 100
    win.close()


def test_a_laptop_screen_gets_a_window_inside_it() -> None:
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel task bar
    frame = default_frame(laptop)
    assert laptop.contains(frame), frame
    assert frame.width() >= 1300 and frame.height() >= 650  # and not needlessly small
    big = QRect(0, 0, 2560, 1400)
    assert default_frame(big).size() == QSize(1400, 860) + FRAME_ALLOWANCE


def test_a_saved_oversize_geometry_is_brought_within_the_screen(qtbot, tmp_path) -> None:
    settings = _settings(tmp_path)
    first = _window(qtbot, tmp_path, settings)
    available = first.screen().availableGeometry()
    # As saved on a monitor twice the size of this screen, partly off to its right.
    first.setGeometry(
        available.x() + 300, available.y() + 50, 2 * available.width(), 2 * available.height()
    )
    qtbot.waitUntil(lambda: first.width() > available.width())
    first.close()
    saved = settings.value("window/geometry")
    assert isinstance(saved, QByteArray) and not saved.isEmpty()

    second = _window(qtbot, tmp_path, settings)
    qtbot.waitUntil(lambda: available.contains(second.frameGeometry()), timeout=2000)
    assert second.width() > available.width() // 2  # shrunk to fit, not to nothing
    second.close()
