"""The main window fits its screen: on first start and after a bigger monitor's saved layout."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize

from tests.gui.windows import open_window
from viewer.gui.main_window import MainWindow
from viewer.gui.screen_fit import FRAME_ALLOWANCE, default_frame
from viewer.places.hierarchy import TreeNode


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


def _deep_chain(names: list[tuple[str, str]], count: int) -> TreeNode:
    node = None
    for name, kind in reversed(names):
        node = TreeNode(name, kind, count, [node] if node else [], (name, kind))
    assert node is not None
    return node


def test_long_deep_place_names_are_not_cut_on_a_laptop(qtbot, tmp_path, seeds_dir) -> None:
    # Loaded first, so the archive's own tree cannot arrive after the one set below.
    win = open_window(qtbot, tmp_path, seeds_dir)
    # The first-start size on a 1366×768 laptop less its task bar.
    frame = default_frame(QRect(0, 0, 1366, 728))
    win.resize(frame.size() - FRAME_ALLOWANCE)
    # Five levels, the longest names the gazetteer's kinds give, five-digit counts.
    win._on_tree(
        (
            [
                _deep_chain(
                    [
                        ("新疆维吾尔自治区", "province"),
                        ("伊犁哈萨克自治州", "city"),
                        ("霍尔果斯市", "county"),
                        ("伊车嘎善锡伯族乡", "township"),
                        ("西马家坪社区", "community"),
                    ],
                    99999,
                )
            ],
            None,  # no date span
        )
    )
    win.tree_view.expandAll()
    qtbot.waitUntil(lambda: win.tree_view.visualRect(win.tree_proxy.index(0, 0)).isValid())
    metrics = win.tree_view.fontMetrics()
    index = win.tree_proxy.index(0, 0)
    cut = []
    while index.isValid():
        room = win.tree_view.visualRect(index).width()
        # The style leaves a few pixels of margin either side of an item's text.
        if room < metrics.horizontalAdvance(index.data()) + 8:
            cut.append((index.data(), room))
        index = win.tree_proxy.index(0, 0, index)
    assert not cut, cut
    count = win.tree_proxy.index(0, 1)
    assert win.tree_view.visualRect(count).width() >= metrics.horizontalAdvance("99999") + 8
    win.close()
