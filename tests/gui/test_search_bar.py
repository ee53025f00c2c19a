"""The search bar: its filters and keys, alone and in the real window (real archive, real index)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.windows import SEEDED_STORIES, select_place, type_text
from tests.pages import write_pages
from viewer.gui.core_text import QUERY_ERROR_TEXTS, query_error_text
from viewer.gui.main_window import MainWindow
from viewer.gui.models import STORY_ID_ROLE
from viewer.gui.search_bar import SearchBar
from viewer.search import QueryError, parse_query

# An invented page from another year, so a date range has something to leave out.
OLDER_PAGE = """石桥社区 邻里节里话家常

本报讯 近日,石桥社区举办第三届邻里节,210余名居民参加了包饺子、拔河等活动。

（记者 夏启明）
"""


@pytest.fixture
def dated_window(qtbot, tmp_path):
    """A window on the invented pages: three stories dated 2021-07-02, one 2019-03-05, three
    without a date."""
    pages = tmp_path / "pages"
    write_pages(pages)
    (pages / "晨报_2019-03-05_A02.txt").write_text(OLDER_PAGE, encoding="utf-8")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(tmp_path / "archive", pages, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.story_model.rowCount() == 7, timeout=60_000)
    yield win
    win.close()


def rows(win: MainWindow) -> list[dict]:
    return [win.story_model.story(r) for r in range(win.story_model.rowCount())]


def search_and_wait(qtbot, win: MainWindow, change) -> list[dict]:
    """Apply a change to the bar and wait for the search it causes to answer."""
    win.search_bar.set_status("")
    change()
    qtbot.waitUntil(lambda: "条结果" in win.search_status.text(), timeout=20_000)
    return rows(win)


def set_dates(bar: SearchBar, first: str, last: str) -> None:
    bar.date_toggle.setChecked(True)
    bar.date_from.setDate(QDate.fromString(first, Qt.DateFormat.ISODate))
    bar.date_to.setDate(QDate.fromString(last, Qt.DateFormat.ISODate))


# -- the bar alone --------------------------------------------------------------------------


def test_options_hold_only_the_filters_that_are_set(qtbot):
    bar = SearchBar()
    qtbot.addWidget(bar)
    assert bar.options() == {} and not bar.has_filters()
    bar.set_places(["柳岸社区", "云门山街道"])
    bar.place.setCurrentIndex(bar.place.findText("柳岸社区"))
    assert bar.options() == {"place": "柳岸社区"}
    bar.kind.setCurrentIndex(bar.kind.findData("caption"))
    set_dates(bar, "2020-03-01", "2021-02-28")
    assert bar.options() == {
        "place": "柳岸社区",
        "kind": "caption",
        "date_from": "2020-03-01",
        "date_to": "2021-02-28",
    }
    assert bar.has_filters()
    # Refilling the place list (after an import) keeps the chosen place and is no change.
    emitted = []
    bar.changed.connect(lambda: emitted.append(1))
    bar.set_places(["柳岸社区", "云门山街道", "槐荫社区"])
    assert bar.options()["place"] == "柳岸社区" and emitted == []


def test_clear_resets_every_filter_with_one_signal(qtbot):
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.set_places(["青州市"])
    bar.place.setCurrentIndex(0)
    bar.kind.setCurrentIndex(2)
    bar.date_toggle.setChecked(True)
    assert bar.clear_button.isEnabled()
    emitted = []
    bar.changed.connect(lambda: emitted.append(bar.options()))
    bar.clear_button.click()
    assert emitted == [{}]
    assert bar.options() == {}
    assert not bar.date_from.isEnabled() and not bar.clear_button.isEnabled()


def test_the_end_date_cannot_precede_the_start(qtbot):
    bar = SearchBar()
    qtbot.addWidget(bar)
    set_dates(bar, "2021-05-01", "2021-06-01")
    bar.date_from.setDate(QDate(2021, 9, 1))
    assert bar.options()["date_to"] >= bar.options()["date_from"] == "2021-09-01"


def test_the_date_span_is_a_default_that_never_overrides_the_user(qtbot):
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.set_date_span("2018-04-01", "2021-07-02")
    bar.date_toggle.setChecked(True)
    assert (bar.options()["date_from"], bar.options()["date_to"]) == ("2018-04-01", "2021-07-02")
    bar.set_date_span("2010-01-01", "2011-01-01")
    assert bar.options()["date_from"] == "2018-04-01"


def test_controls_are_named_explained_and_tab_in_order(qtbot):
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.show()
    controls = bar.tab_chain()
    for widget in controls:
        assert widget.accessibleName(), widget
        assert widget.toolTip(), widget
    # Walk the focus chain from the query box; note which control each stop belongs to.
    seen: list[QWidget] = []
    widget = bar.query
    for _ in range(40):
        owner = next((c for c in controls if c is widget or c.isAncestorOf(widget)), None)
        if owner is not None and owner not in seen:
            seen.append(owner)
        widget = widget.nextInFocusChain()
    assert seen == controls


# -- in the window --------------------------------------------------------------------------


def test_the_place_box_offers_the_tree_places(window):
    assert window.search_bar.place.findText("新华路街道") >= 0
    assert window.search_bar.place.findText("如意庄社区") >= 0


def test_a_kind_filter_keeps_only_that_kind(qtbot, window):
    everything = search_and_wait(qtbot, window, lambda: type_text(window.search_box, "社区"))
    assert {row["kind"] for row in everything} > {"brief"}
    bar = window.search_bar
    briefs = search_and_wait(
        qtbot, window, lambda: bar.kind.setCurrentIndex(bar.kind.findData("brief"))
    )
    assert 0 < len(briefs) < len(everything)
    assert {row["kind"] for row in briefs} == {"brief"}
    assert "已筛选" in window.search_status.text()


def test_a_place_filter_keeps_only_that_places_stories(qtbot, window, seeded):
    street = {s["label"] for s in seeded.stories("新华路街道")}
    everything = search_and_wait(qtbot, window, lambda: type_text(window.search_box, "社区"))
    assert {row["label"] for row in everything} - street  # other places match the words too
    bar = window.search_bar
    there = search_and_wait(
        qtbot, window, lambda: bar.place.setCurrentIndex(bar.place.findText("新华路街道"))
    )
    assert there and {row["label"] for row in there} <= street


def test_filters_without_words_list_the_filtered_stories(qtbot, window, seeded):
    bar = window.search_bar
    listed = search_and_wait(
        qtbot, window, lambda: bar.place.setCurrentIndex(bar.place.findText("新华路街道"))
    )
    assert window.search_box.text() == ""
    assert {row["label"] for row in listed} == {s["label"] for s in seeded.stories("新华路街道")}
    # Clearing the filters brings back the whole list.
    bar.clear_filters()
    qtbot.waitUntil(lambda: window.story_model.rowCount() == SEEDED_STORIES, timeout=20_000)
    assert window.search_status.text() == ""


def test_a_date_range_leaves_out_stories_outside_it(qtbot, dated_window):
    win, bar = dated_window, dated_window.search_bar
    # Before the user touches it, the range spans the listed stories' dates.
    assert bar.date_from.date().toString(Qt.DateFormat.ISODate) == "2019-03-05"
    assert bar.date_to.date().toString(Qt.DateFormat.ISODate) == "2021-07-02"
    in_2021 = search_and_wait(qtbot, win, lambda: set_dates(bar, "2021-01-01", "2021-12-31"))
    assert len(in_2021) == 3 and {row["date"] for row in in_2021} == {"2021-07-02"}
    in_2019 = search_and_wait(qtbot, win, lambda: set_dates(bar, "2019-01-01", "2019-12-31"))
    assert [row["date"] for row in in_2019] == ["2019-03-05"]
    # With words too: the range still applies.
    both = search_and_wait(qtbot, win, lambda: type_text(win.search_box, "社区"))
    assert [row["label"] for row in both] == [row["label"] for row in in_2019]


def test_arrow_keys_in_the_box_move_through_the_results(qtbot, window):
    box, view = window.search_box, window.story_view
    box.setFocus()
    assert not view.selectionModel().hasSelection()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 0
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 2
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert view.currentIndex().row() == 1
    assert view.selectionModel().selectedRows()[0].row() == 1
    qtbot.keyClick(box, Qt.Key.Key_PageDown)
    assert view.currentIndex().row() > 2
    qtbot.keyClick(box, Qt.Key.Key_PageUp)
    assert view.currentIndex().row() < 2
    assert QApplication.focusWidget() is box  # the caret never left the box


def test_enter_opens_the_row_chosen_with_the_arrows(qtbot, window):
    box, view = window.search_box, window.story_view
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    chosen = window.story_proxy.index(1, 0).data(STORY_ID_ROLE)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert view.currentIndex().row() == 1
    assert QApplication.focusWidget() is view
    qtbot.waitUntil(lambda: (window.reader.story() or {}).get("id") == chosen, timeout=10_000)


def test_enter_with_nothing_chosen_opens_the_first_result(qtbot, window):
    search_and_wait(qtbot, window, lambda: type_text(window.search_box, "义诊"))
    first = window.story_proxy.index(0, 0).data(STORY_ID_ROLE)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.story_view.currentIndex().row() == 0
    qtbot.waitUntil(lambda: (window.reader.story() or {}).get("id") == first, timeout=10_000)


def test_escape_clears_the_query(qtbot, window):
    results = search_and_wait(qtbot, window, lambda: type_text(window.search_box, "义诊"))
    assert len(results) < SEEDED_STORIES
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    qtbot.waitUntil(lambda: window.story_model.rowCount() == SEEDED_STORIES, timeout=20_000)


def test_the_search_bar_sits_above_the_panes_and_fits_the_window(window):
    bar = window.search_bar
    assert bar.geometry().bottom() <= window.splitter.geometry().top()
    assert bar.minimumSizeHint().width() < window.centralWidget().width()
    # One row of controls plus the status line: compact.
    assert bar.height() < 4 * window.search_box.height()


def test_picking_a_place_in_the_tree_resets_query_and_filters(qtbot, window, seeded):
    bar = window.search_bar
    search_and_wait(qtbot, window, lambda: type_text(window.search_box, "社区"))
    search_and_wait(qtbot, window, lambda: bar.kind.setCurrentIndex(bar.kind.findData("brief")))
    select_place(window, "新华路街道", "street")
    expected = {s["id"] for s in seeded.stories("新华路街道")}
    qtbot.waitUntil(lambda: {r["id"] for r in rows(window)} == expected, timeout=20_000)
    assert window.search_box.text() == "" and not bar.has_filters()
    assert window.search_status.text() == ""


# One query per way the core can refuse a query.
BAD_QUERIES = [
    "place:",
    "作者:",
    "kind:",
    "from:",
    "(" * 60 + "社区" + ")" * 60,
    "社区 NOT place:东城",
    "kind:社论",
    "社" * 1001,
    "   ",
    "NOT 社区",
    "from:2021 to:2019",
    "date:去年",
    "date:2021-02-30",
    "date:..",
    "tag:",
    "笔记:",
    "is:",
    "is:read",
    "社区 -tag:防疫",
]


# One search call per way the core can refuse the search's own arguments.
BAD_SEARCHES = [
    {"limit": 0},
    {"kind": "社论"},
    {"date_from": "2021-02-30"},
    {"place": "\udcff"},  # an undecodable byte from a command line
]


def test_every_query_error_has_a_translatable_text_equal_to_the_core(seeded):
    templates = set()
    refusals = [lambda q=q: parse_query(q) for q in [*BAD_QUERIES, "\udcff"]]
    refusals += [lambda o=o: seeded.search("社区", **o) for o in BAD_SEARCHES]
    for refuse in refusals:
        with pytest.raises(QueryError) as caught:
            refuse()
        error = caught.value
        templates.add(error.template)
        assert error.template in QUERY_ERROR_TEXTS, error.template
        assert query_error_text(error) == str(error)  # Chinese UI: the core's own words
    assert templates == set(QUERY_ERROR_TEXTS)  # no table entry the core never raises
