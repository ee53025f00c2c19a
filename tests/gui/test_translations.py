"""The English UI: the .ts source is complete and current, and the window switches language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from viewer.gui import i18n
from viewer.gui.core_text import query_error_text
from viewer.gui.main_window import MainWindow
from viewer.gui.models.kinds import fact_kind_name, node_name, story_kind_name
from viewer.search import QueryError, parse_query

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "viewer_en.ts"
BIN = Path(sys.executable).parent
FIELD = re.compile(r"\{[^{}]*\}")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_source_text_has_a_finished_translation_with_the_same_fields() -> None:
    messages = _messages(TS)
    assert len(messages) > 100
    for context, source, translation in messages:
        where = f"{context}: {source!r}"
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), where
        assert translation.text and translation.text.strip(), where
        # str.format fields must survive translation, or .format() raises at run time.
        assert sorted(FIELD.findall(translation.text)) == sorted(FIELD.findall(source)), where


def test_ts_is_current_with_the_code(tmp_path: Path) -> None:
    """lupdate over today's sources finds nothing new: every UI text in the code is translated."""
    lupdate = BIN / "pyside6-lupdate"
    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    sources = sorted(str(p) for p in (REPO / "viewer" / "gui").rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
        check=True,
        cwd=REPO,
    )
    new = [(c, s) for c, s, t in _messages(ts) if t.get("type") == "unfinished"]
    assert new == [], "run `make ts` and translate these"


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path):
    """The English catalogue compiled from the committed .ts (as `make translations` does)."""
    qm = tmp_path / "viewer_en.qm"
    lrelease = BIN / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    translators = i18n.install_translators(qapp, i18n.ENGLISH, catalogue=qm)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(i18n.CHINESE))


def test_english_catalogue_translates_models_and_window(qtbot, english, tmp_path: Path) -> None:
    assert len(english) == 2  # Qt's own and ours
    assert story_kind_name("brief") == "Brief"
    assert fact_kind_name("money") == "Money"
    assert node_name("未归属", "unassigned") == "Unassigned"
    assert node_name("未归属", "community") == "未归属"  # a real place name is never translated
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(tmp_path / "archive", None, settings=settings)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&File"
    assert all(not re.search(r"[\u4e00-\u9fff]", m) for m in menus), menus
    assert window.fact_dock.windowTitle() == "Facts"
    assert window.search_box.placeholderText().startswith("Search")
    assert window.story_model.headerData(0, Qt.Orientation.Horizontal) == "Headline"
    # The core's query errors too, with their fields filled in.
    with pytest.raises(QueryError) as caught:
        parse_query("kind:社论")
    assert query_error_text(caught.value).startswith("There is no kind “社论”")
    # Qt's own catalogue: standard buttons come in the same language.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_chinese_is_the_source_language(qtbot, qapp: QApplication, tmp_path: Path) -> None:
    translators = i18n.install_translators(qapp, i18n.CHINESE)
    try:
        assert story_kind_name("brief") == "简讯"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
        assert QCoreApplication.translate("kinds", "简讯") == "简讯"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize(
    ("stored", "system", "expected"),
    [
        (None, "zh_CN", "zh_CN"),
        (None, "zh_TW", "zh_CN"),
        (None, "de_DE", "en"),
        ("", "en_US", "en"),
        ("en", "zh_CN", "en"),  # the user's choice beats the system
        ("zh_CN", "fr_FR", "zh_CN"),
        ("klingon", "zh_CN", "zh_CN"),  # an unknown stored value is ignored
    ],
)
def test_chosen_language(tmp_path: Path, stored: str | None, system: str, expected: str) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    if stored is not None:
        settings.setValue(i18n.SETTING, stored)
    assert i18n.chosen_language(settings, QLocale(system)) == expected
