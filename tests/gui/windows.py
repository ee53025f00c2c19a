"""Helpers for tests that drive the real main window."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings
from PySide6.QtGui import QInputMethodEvent, Qt, QTextDocument
from PySide6.QtWidgets import QApplication

from viewer.gui.main_window import MainWindow
from viewer.gui.models import FACT_ROLE
from viewer.gui.screen_fit import PREFERRED_SIZE

SEEDED_STORIES = 42


def open_window(qtbot, tmp_path, seeds_dir) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(tmp_path / "archive", seeds_dir, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.tree_model.rowCount() > 0, timeout=60_000)
    qtbot.waitUntil(lambda: win.story_model.rowCount() > 0, timeout=10_000)
    # The window fits itself to its screen, and the offscreen screen is 800×800: give it back the
    # size of a desktop window, the size the layout tests measure the panes at.
    win.resize(PREFERRED_SIZE)
    return win


def located_fact(window) -> QModelIndex:
    """The first fact in the panel that has a place in the text."""
    model = window.fact_model
    return next(
        model.index(r, 0, model.index(k, 0))
        for k in range(model.rowCount())
        for r in range(model.rowCount(model.index(k, 0)))
        if model.index(r, 0, model.index(k, 0)).data(FACT_ROLE)["start"] is not None
    )


def type_text(widget, text: str) -> None:
    """Chinese text arrives through the input method, as it does for a real user."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def select_place(win: MainWindow, name: str, kind: str) -> None:
    source = win.tree_model.index_for_key((name, kind))
    assert source.isValid(), name
    index = win.tree_proxy.mapFromSource(source)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    win.tree_view.selectionModel().select(index, flags)


def tooltip_text(tip: str | None) -> str:
    """What a tooltip shows, read the way QToolTip reads it: as rich text whenever
    Qt.mightBeRichText says so. Fails on a tooltip that would show an image."""
    if not tip:
        return ""
    if not Qt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    block = document.begin()
    while block.isValid():
        for fragment in _fragments(block):
            assert not fragment.charFormat().isImageFormat(), tip
        block = block.next()
    return document.toPlainText()


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        yield it.fragment()
        it += 1
