"""A page whose text looks like markup and carries bidi controls, imported into a real archive and
shown in the real window: every item, tooltip and label shows its characters as they are.

Tooltips are read the way QToolTip reads them (rich text whenever Qt.mightBeRichText says so), so
a tooltip that would render `<b>` as bold or load `<img src=file:///…>` fails here.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel

from tests.gui.windows import open_window, select_place, tooltip_text, type_text
from tests.pages import HOSTILE_BODY, HOSTILE_FILE, HOSTILE_TITLE, write_hostile_page
from viewer.archive import Archive
from viewer.gui.models import HITS_ROLE, SNIPPET_ROLE, FactTreeModel
from viewer.gui.plain_text import tooltip
from viewer.text import BIDI_CONTROLS, BIDI_MARK, neutralise_bidi

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
IMG = "<img src=file:///etc/hostname>"


def no_bidi(text: str) -> bool:
    return not any(c in BIDI_CONTROLS for c in text)


def every_index(model, parent: QModelIndex | None = None):
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        for col in range(model.columnCount(parent)):
            index = model.index(row, col, parent)
            yield index
            if col == 0:
                yield from every_index(model, index)


def shown_texts(model) -> list[str]:
    """Every item text and every tooltip as displayed; each tooltip is checked to show no image
    and to stay what it says when read as Qt reads it."""
    texts = []
    for index in every_index(model):
        display = index.data(DISPLAY)
        if isinstance(display, str):
            texts.append(display)
        tip = index.data(TOOLTIP)
        if tip:
            texts.append(tooltip_text(tip))
    assert all(no_bidi(text) for text in texts)
    return texts


@pytest.fixture
def window(qtbot, tmp_path):
    with Archive(tmp_path / "archive") as archive:
        report = archive.import_paths([write_hostile_page(tmp_path / "pages")], workers=0)
        assert report.stories >= 1 and not report.skipped
    win = open_window(qtbot, tmp_path, None)
    yield win
    win.close()


def test_story_list_tree_and_reader_show_markup_and_bidi_literally(qtbot, window):
    title = neutralise_bidi(HOSTILE_TITLE)
    assert BIDI_MARK in title and "<b>柳岸</b>" in title

    # The story list, browsing: the title as the row shows it and as its tooltip shows it.
    texts = shown_texts(window.story_model)
    assert texts.count(title) == 2, texts

    # The place tree.
    assert any(text.startswith("柳岸社区（") for text in shown_texts(window.tree_model))

    # The reader: every label plain text, showing the characters; the body likewise.
    window.story_view.selectRow(0)
    reader = window.reader
    qtbot.waitUntil(lambda: reader.story() is not None, timeout=10_000)
    labels = reader.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert reader.headline_label.text() == title
    assert f"{HOSTILE_FILE}" in reader.meta_label.text()
    assert all(no_bidi(label.text()) for label in labels)
    assert reader.body.toPlainText() == neutralise_bidi(HOSTILE_BODY)
    assert IMG in reader.body.toPlainText()
    assert reader.body.document().toHtml().count("<img") == 0

    # The fact panel, filled from the same story.
    facts = shown_texts(window.fact_model)
    assert "陈秀英" in facts


def test_search_results_show_snippets_literally_with_hits_at_their_offsets(qtbot, window):
    type_text(window.search_box, "居民")
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=20_000)
    model = window.story_model
    assert model.rowCount() == 1
    row = model.story(0)
    assert "**好**" in row["snippet_text"] and IMG in row["snippet_text"]
    index = model.index(0, 0)
    snippet = index.data(SNIPPET_ROLE)
    # Offsets from the core index the text the delegate paints: one mark for one control.
    assert snippet == neutralise_bidi(row["snippet_text"]) and no_bidi(snippet)
    hits = index.data(HITS_ROLE)
    assert hits == row["snippet_hits"] and [snippet[a:b] for a, b in hits] == ["居民"]
    assert tooltip_text(index.data(TOOLTIP)) == snippet
    shown_texts(model)


def test_profile_view_shows_markup_literally(qtbot, window):
    select_place(window, "柳岸社区", "community")
    profile = window.profile_view
    qtbot.waitUntil(lambda: profile.header.text().startswith("柳岸社区"), timeout=20_000)
    assert profile.header.textFormat() == Qt.TextFormat.PlainText
    title = neutralise_bidi(HOSTILE_TITLE)
    shown = []
    tree = profile.tree
    for i in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(i)
        for k in range(section.childCount()):
            item = section.child(k)
            for col in range(tree.columnCount()):
                shown += [item.text(col), tooltip_text(item.toolTip(col))]
    assert title in shown and all(no_bidi(text) for text in shown)


def test_search_status_quotes_what_was_typed_literally(qtbot, window):
    type_text(window.search_box, "from:<b>去年</b>\u202e")
    qtbot.waitUntil(lambda: "查询有误" in window.search_status.text(), timeout=20_000)
    status = window.search_status
    assert status.textFormat() == Qt.TextFormat.PlainText
    assert f"“<b>去年</b>{BIDI_MARK}”" in status.text() and no_bidi(status.text())
    assert tooltip_text(status.toolTip()) == status.text()


def test_fact_tooltips_show_markup_literally(qtmodeltester):
    fact = {
        "kind": "person",
        "text": f"{IMG}\u202e陈",
        "label": "<b>书记</b>",
        "value": None,
        "unit": "",
        "norm": "",
        "start": 0,
        "end": 3,
    }
    byline = {**fact, "start": None, "end": None}
    model = FactTreeModel()
    model.set_facts([fact, byline])
    qtmodeltester.check(model)
    texts = shown_texts(model)
    assert f"<b>书记</b>：{IMG}{BIDI_MARK}陈" in texts
    assert f"{IMG}{BIDI_MARK}陈" in texts


def test_tooltip_is_plain_whatever_the_text():
    for text in (IMG, "<b>x</b>", "a &amp; b", "<qt>x", "line\n  two", "<!-- x -->", "\u202ex"):
        assert tooltip_text(tooltip(text)) == neutralise_bidi(text)
    assert tooltip("") is None


def test_import_dialog_shows_a_file_name_literally(qtbot, window):
    dialog = window.import_dialog
    dialog._on_progress(1, 2, 3, f"/pages/{HOSTILE_FILE}\u202e.txt")
    assert dialog.file_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.file_label.text() == f"{HOSTILE_FILE}{BIDI_MARK}.txt"


def test_search_arguments_the_core_refuses_are_a_message_in_the_window(qtbot, window):
    for options, message in (
        ({"limit": 0}, "结果数应为 1 到 100000 之间的整数"),
        ({"date_from": "2021-02-30"}, "没有这一天"),
        ({"kind": "社论"}, "没有“社论”这种类型"),
    ):
        window.search_bar.set_status("")
        window.ops.read(
            "list",
            lambda archive, options=options: archive.search_results("社区", **options),
            window._on_search_done,
            window._on_search_failed,
        )
        qtbot.waitUntil(lambda: "查询有误" in window.search_status.text(), timeout=20_000)
        assert message in window.search_status.text()
