"""The real main window, offscreen, on an archive built from the seeds by its own reader thread."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.gui.windows import SEEDED_STORIES, located_fact, open_window, select_place, type_text
from viewer.gui.models import (
    FACT_ROLE,
    HITS_ROLE,
    KEY_ROLE,
    OCCURRENCES_ROLE,
    SNIPPET_ROLE,
    STORY_ID_ROLE,
)


def test_selecting_a_street_lists_its_stories(qtbot, window):
    select_place(window, "新华路街道", "street")
    qtbot.waitUntil(lambda: 0 < window.story_model.rowCount() < SEEDED_STORIES, timeout=10_000)
    labels = [window.story_model.index(r, 0).data() for r in range(window.story_model.rowCount())]
    assert any(label.startswith("新华北路社区") for label in labels)
    assert not any("如意庄" in label for label in labels)


def test_opening_a_story_fills_reader_and_fact_panel(qtbot, window):
    select_place(window, "如意庄社区", "community")
    qtbot.waitUntil(lambda: window.story_model.rowCount() == 1, timeout=10_000)
    window.story_view.selectRow(0)
    qtbot.waitUntil(lambda: window.fact_model.rowCount() > 0, timeout=10_000)
    assert window.reader.headline_label.text().startswith("如意庄社区")
    assert "网格" in window.reader.displayed_text()

    # Clicking a fact puts the reader's cursor on it.
    window.fact_view.expandAll()
    fact_index = located_fact(window)  # not a byline-only person: it has a place in the text
    fact = fact_index.data(FACT_ROLE)
    rect = window.fact_view.visualRect(fact_index)
    qtbot.mouseClick(window.fact_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = window.reader.body.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (fact["start"], fact["end"])


def _repeated_fact(window) -> QModelIndex | None:
    model = window.fact_model
    for k in range(model.rowCount()):
        group = model.index(k, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            if sum(f["start"] is not None for f in index.data(OCCURRENCES_ROLE)) >= 2:
                return index
    return None


def test_clicking_a_fact_again_goes_to_its_next_occurrence(qtbot, window, seeded):
    # A story where some fact occurs twice in the text (found, not assumed).
    story_id = next(
        s["id"]
        for s in seeded.stories()
        if len({(f["kind"], f["text"]) for f in seeded.story(s["id"])["facts"]})
        < len([f for f in seeded.story(s["id"])["facts"] if f["start"] is not None])
    )
    window._open_story(story_id)
    qtbot.waitUntil(lambda: _repeated_fact(window) is not None, timeout=10_000)
    index = _repeated_fact(window)
    window.fact_view.expandAll()
    placed = [f for f in index.data(OCCURRENCES_ROLE) if f["start"] is not None]
    rect = window.fact_view.visualRect(index)
    seen = []
    for _ in range(len(placed) + 1):
        qtbot.mouseClick(window.fact_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        cursor = window.reader.body.textCursor()
        seen.append((cursor.selectionStart(), cursor.selectionEnd()))
    expected = [(f["start"], f["end"]) for f in placed]
    assert seen == expected + expected[:1]  # then round again


def test_typing_a_query_shows_marked_results(qtbot, window):
    window.search_box.setFocus()
    type_text(window.search_box, "义诊")
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=20_000)
    rows = window.story_model.rowCount()
    assert 0 < rows < SEEDED_STORIES
    for row in range(rows):
        assert "义诊" in window.story_model.index(row, 0).data(SNIPPET_ROLE)


def test_f3_goes_through_the_open_storys_hits_from_the_search_box(qtbot, window):
    window.search_box.setFocus()
    type_text(window.search_box, "社区")
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=20_000)
    window.story_view.selectRow(0)
    qtbot.waitUntil(lambda: window.reader.hit_position()[1] > 1, timeout=20_000)
    total = window.reader.hit_position()[1]
    window.search_box.setFocus()  # F3 works wherever the keyboard is
    for key, modifier, expected in (
        (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier, 2),
        (Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier, 1),
        (Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier, total),
    ):
        QTest.keyClick(window.search_box, key, modifier)
        assert window.reader.hit_position() == (expected, total)
    assert window.reader.hits_label.text() == f"第 {total} / {total} 处"


def test_a_traditional_query_finds_simplified_stories_and_marks_them(qtbot, window):
    type_text(window.search_box, "經濟")
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=20_000)
    rows = window.story_model.rowCount()
    assert 0 < rows < SEEDED_STORIES
    for row in range(rows):
        index = window.story_model.index(row, 0)
        text = index.data(SNIPPET_ROLE)
        assert [text[a:b] for a, b in index.data(HITS_ROLE)][:1] == ["经济"]
    window.story_view.selectRow(0)
    qtbot.waitUntil(lambda: window.reader.hit_position()[1] > 0, timeout=20_000)
    body = window.reader.displayed_text()
    assert {body[a:b] for a, b in window.reader.search_hit_ranges()} == {"经济"}


def test_a_malformed_query_gets_a_gentle_message(qtbot, window):
    type_text(window.search_box, "place:")
    qtbot.waitUntil(lambda: "查询有误" in window.search_status.text(), timeout=20_000)
    assert window.story_model.rowCount() == SEEDED_STORIES  # the list is left as it was


def test_story_list_starts_in_source_order(window):
    ids = [window.story_proxy.index(r, 0).data(STORY_ID_ROLE) for r in range(5)]
    assert ids == sorted(ids)


def test_next_and_previous_story_from_the_keyboard(qtbot, window):
    window.story_view.setFocus()
    window.story_view.selectRow(0)
    first = window.story_proxy.index(0, 0).data(STORY_ID_ROLE)
    second = window.story_proxy.index(1, 0).data(STORY_ID_ROLE)
    qtbot.waitUntil(lambda: (window.reader.story() or {}).get("id") == first, timeout=10_000)
    qtbot.keyClick(window.story_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: (window.reader.story() or {}).get("id") == second, timeout=10_000)
    qtbot.keyClick(window.story_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: (window.reader.story() or {}).get("id") == first, timeout=10_000)


def test_layout_zoom_place_and_story_persist(qtbot, tmp_path, seeds_dir):
    first = open_window(qtbot, tmp_path, seeds_dir)
    select_place(first, "如意庄社区", "community")
    qtbot.waitUntil(lambda: first.story_model.rowCount() == 1, timeout=10_000)
    first.story_view.selectRow(0)
    qtbot.waitUntil(lambda: first.reader.story() is not None, timeout=10_000)
    story_id = first.reader.story()["id"]
    first.reader.zoom_in()
    first.reader.zoom_in()
    first.close()

    again = open_window(qtbot, tmp_path, seeds_dir)
    assert again.reader.zoom() == 2
    qtbot.waitUntil(lambda: (again.reader.story() or {}).get("id") == story_id, timeout=10_000)
    assert again.tree_view.currentIndex().data(KEY_ROLE) == ("如意庄社区", "community")
    again.close()


def test_dropping_a_folder_imports_it_while_the_window_stays_responsive(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QTimer, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from tests.corpus import write_corpus

    folder = tmp_path / "drop"
    write_corpus(folder, 400, per_page=8)  # 50 pages
    roots_before = window.tree_model.rowCount()
    ticks = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt routes synthetic drag events only during a real drag: call the handlers directly.
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.import_job.finished, timeout=120_000) as finished:
        window.dropEvent(drop)
        window.batch_dialog.accept()  # the batch's paper and date: left to the pages
    timer.stop()
    assert finished.args[0].imported == 50
    assert len(ticks) >= 5  # the GUI thread kept running its event loop
    qtbot.waitUntil(lambda: window.tree_model.rowCount() > roots_before, timeout=10_000)
    qtbot.waitUntil(lambda: window.story_model.rowCount() > SEEDED_STORIES, timeout=10_000)


def test_unchecking_a_fact_kind_hides_its_highlights(qtbot, window):
    select_place(window, "如意庄社区", "community")
    qtbot.waitUntil(lambda: window.story_model.rowCount() == 1, timeout=10_000)
    window.story_view.selectRow(0)
    qtbot.waitUntil(lambda: window.fact_model.rowCount() > 0, timeout=10_000)
    group = window.fact_model.group_index("person")
    assert window.reader.highlight_ranges("person")
    window.fact_model.setData(group, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert window.reader.highlight_ranges("person") == []
    assert window.reader.highlight_ranges("place")  # other kinds stay
    window.fact_model.setData(group, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert window.reader.highlight_ranges("person")


def test_copy_citation_puts_a_gbt7714_reference_on_the_clipboard(qtbot, window):
    window.story_view.selectRow(0)
    qtbot.waitUntil(lambda: window.reader.story() is not None, timeout=10_000)
    window.copy_citation()
    text = QApplication.clipboard().text()
    assert "[N]." in text and window.reader.story()["title"] in text


def test_tab_walks_the_window_in_reading_order(qtbot, window):
    window.activateWindow()
    chain = [w for w in window.tab_chain() if w.isEnabled()]  # e.g. dates until ticked
    assert chain[0] is window.search_box
    assert window.profile_view.tree in chain and window.place_filter in chain
    window.search_box.setFocus()
    qtbot.waitUntil(window.search_box.hasFocus, timeout=5_000)
    visited = [QApplication.focusWidget()]
    for _ in range(len(chain) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    # Widgets that pass focus to an inner editor (the place combo box) count as themselves.
    assert [w if w in chain else w.parentWidget() for w in visited] == chain


def test_every_main_widget_has_an_accessible_name(window):
    for widget in window.tab_chain():
        assert widget.accessibleName(), widget


def test_alt_number_moves_the_keyboard_to_each_pane(qtbot, window):
    window.activateWindow()
    window.profile_dock.hide()
    panes = [
        window.tree_view,
        window.story_view,
        window.reader.body,
        window.fact_view,
        window.profile_view.tree,
    ]
    for number, pane in enumerate(panes, start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(pane.hasFocus, timeout=5_000)
    assert window.profile_dock.isVisible()  # a hidden pane is shown when asked for


def test_enter_on_a_fact_shows_it_in_the_text(qtbot, window):
    select_place(window, "如意庄社区", "community")
    qtbot.waitUntil(lambda: window.story_model.rowCount() == 1, timeout=10_000)
    window.story_view.selectRow(0)
    qtbot.waitUntil(lambda: window.fact_model.rowCount() > 0, timeout=10_000)
    window.fact_view.expandAll()
    index = located_fact(window)
    fact = index.data(FACT_ROLE)
    window.activateWindow()
    window.fact_view.setFocus()
    window.fact_view.setCurrentIndex(index)
    qtbot.keyClick(window.fact_view, Qt.Key.Key_Return)
    cursor = window.reader.body.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (fact["start"], fact["end"])
