from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from viewer.archive import Archive
from viewer.gui.highlight_colours import HIGHLIGHT_TEXT
from viewer.gui.models.story_list import COL_TITLE, HITS_ROLE, SNIPPET_ROLE, StoryListModel
from viewer.gui.snippet_delegate import (
    HIT_BACKGROUND,
    SnippetDelegate,
    format_ranges,
    snippet_layout,
)

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


def _spans(ranges) -> list[tuple[int, int]]:
    return [(r.start, r.start + r.length) for r in ranges]


def _row(story_id: int, title: str, snippet: str = "", hits: list | None = None) -> dict:
    return {"id": story_id, "title": title, "label": title, "kind": "article", "date": None,
            "places": [], "snippet_text": snippet, "snippet_hits": hits or []}  # fmt: skip


def test_format_ranges_normal_hits_are_bold_on_amber() -> None:
    ranges = format_ranges([[2, 4], [7, 9]], 12)
    assert _spans(ranges) == [(2, 4), (7, 9)]
    for r in ranges:
        assert r.format.fontWeight() == QFont.Weight.Bold
        assert r.format.background().color() == HIT_BACKGROUND
        assert r.format.foreground().color() == QColor(HIGHLIGHT_TEXT)
    dark = format_ranges([[2, 4]], 12, QColor("#202020"))
    assert dark[0].format.foreground().color() == QColor("#202020")


def test_format_ranges_merge_overlapping_and_unsorted_hits() -> None:
    assert _spans(format_ranges([[5, 8], [1, 3], [2, 6]], 20)) == [(1, 8)]
    assert _spans(format_ranges([[0, 2], [2, 4], [10, 11]], 20)) == [(0, 4), (10, 11)]


def test_format_ranges_clamp_out_of_range_hits() -> None:
    assert _spans(format_ranges([[-3, 2], [8, 30], [15, 20], [4, 4], [6, 5]], 10)) == [
        (0, 2),
        (8, 10),
    ]
    assert format_ranges([[0, 3]], 0) == []


def test_snippet_layout_keeps_markup_literal_and_marks_hits(qapp) -> None:
    text = "老城区<b>粮站</b>旧址改建为柳岸社区活动中心"
    start = text.index("柳岸社区")
    layout = snippet_layout(text, [[start, start + 4]], QFont(), 2000)
    assert layout.text() == text
    assert layout.lineCount() == 1
    assert _spans(layout.formats()) == [(start, start + 4)]


def test_snippet_layout_elides_and_drops_hits_past_the_cut(qapp) -> None:
    text = "新埭镇" * 40 + "青松村"
    layout = snippet_layout(text, [[0, 3], [120, 123]], QFont(), 120)
    assert len(layout.text()) < len(text)
    assert layout.text().endswith("…")
    assert _spans(layout.formats()) == [(0, 3)]


def test_snippet_layout_maps_offsets_beyond_the_bmp(qapp) -> None:
    # "𠀀" is one Python character but two UTF-16 units in Qt.
    text = "𠀀当湖街道"
    layout = snippet_layout(text, [[1, 3]], QFont(), 2000)
    assert _spans(layout.formats()) == [(2, 4)]


def test_size_hint_is_taller_with_a_snippet(qtbot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = StoryListModel(view)
    model.set_stories(
        [_row(1, "平湖市新闻"), _row(2, "当湖街道简讯", "当湖街道开展义诊", [[0, 4]])]
    )
    delegate = SnippetDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    plain = delegate.sizeHint(option, model.index(0, COL_TITLE))
    two_lines = delegate.sizeHint(option, model.index(1, COL_TITLE))
    assert two_lines.height() > plain.height()
    assert two_lines.height() >= option.fontMetrics.height() * 1.7


def _render(view: QTableView) -> QImage:
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    view.viewport().render(image)
    return image


def _second_line_pixels(view: QTableView, image: QImage, row: int) -> tuple[int, int]:
    """(non-background pixels, amber pixels) in the lower half of a title cell."""
    rect = view.visualRect(view.model().index(row, COL_TITLE))
    background = image.pixelColor(rect.right() - 1, rect.bottom() - 1)
    inked = amber = 0
    for y in range(rect.center().y() + 1, rect.bottom()):
        for x in range(rect.left(), rect.right()):
            colour = image.pixelColor(x, y)
            inked += colour != background
            amber += colour == HIT_BACKGROUND
    return inked, amber


def _view_of(qtbot, rows: list[dict], delegate: bool) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    model = StoryListModel(view)
    model.set_stories(rows)
    view.setModel(model)
    if delegate:
        view.setItemDelegateForColumn(COL_TITLE, SnippetDelegate(view))
    view.resize(900, 500)
    view.setColumnWidth(COL_TITLE, 600)
    view.show()
    qtbot.waitExposed(view)
    view.resizeRowsToContents()
    return view


def test_search_results_paint_marked_snippet_on_second_line(qtbot, seeded: Archive) -> None:
    rows = seeded.search("社区")
    assert rows and rows[0]["snippet_hits"]
    view = _view_of(qtbot, rows, delegate=True)
    image = _render(view)
    inked, amber = _second_line_pixels(view, image, 0)
    assert inked > 50
    assert amber > 20


def test_without_delegate_second_line_is_blank(qtbot, seeded: Archive) -> None:
    # The control for the test above: the default delegate paints nothing under the title.
    view = _view_of(qtbot, seeded.search("社区"), delegate=False)
    view.setRowHeight(0, 60)
    image = _render(view)
    rect = view.visualRect(view.model().index(0, COL_TITLE))
    assert rect.height() >= 55
    assert _second_line_pixels(view, image, 0)[1] == 0


def test_selected_row_and_plain_rows_paint(qtbot, seeded: Archive) -> None:
    rows = [_row(1, "平湖市新闻"), *seeded.search("社区")[:2]]
    view = _view_of(qtbot, rows, delegate=True)
    view.selectRow(1)
    image = _render(view)
    assert view.rowHeight(1) > view.rowHeight(0)
    assert _second_line_pixels(view, image, 1)[0] > 50


def test_html_looking_snippet_paints_literally(qtbot) -> None:
    snippet = "<b>x</b> 青松村 &amp; 北关村"
    view = _view_of(qtbot, [_row(1, "<i>标题</i>", snippet, [[9, 12]])], delegate=True)
    index = view.model().index(0, COL_TITLE)
    assert index.data(SNIPPET_ROLE) == snippet
    layout = snippet_layout(snippet, index.data(HITS_ROLE), QFont(), 2000)
    assert layout.text() == snippet
    assert _spans(layout.formats()) == [(9, 12)]
    _render(view)
