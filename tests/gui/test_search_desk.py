"""The search desk in the real window: saved searches with their counts, facets that find what
they count, and results sorted by date (real archive, real index)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt

from tests.gui.windows import type_text
from tests.pages import write_pages
from viewer.gui import main_window
from viewer.gui.main_window import MainWindow
from viewer.gui.models.search_desk import (
    COL_COUNT,
    COL_NAME,
    FILTER_ROLE,
    GROUP_KINDS,
    GROUP_PLACES,
    GROUP_YEARS,
)


def search_and_wait(qtbot, win: MainWindow, change) -> int:
    """Apply a change, wait for the search it causes and for its facets; the result count."""
    win.search_bar.set_status("")
    before = win.search_desk.facet_model.facets()
    change()
    qtbot.waitUntil(lambda: "条结果" in win.search_status.text(), timeout=20_000)
    model = win.search_desk.facet_model
    qtbot.waitUntil(lambda: model.facets() is not None and model.facets() is not before)
    return win.story_model.rowCount()


def settle(qtbot, win: MainWindow) -> None:
    """Every read asked so far answered (a write reloads the list after the saved searches)."""
    qtbot.waitUntil(
        lambda: not any(win.ops.is_pending(c) for c in ("list", "saved-searches", "facets")),
        timeout=20_000,
    )


def saved_counts(win: MainWindow) -> dict[str, object]:
    model = win.search_desk.saved_model
    return {
        model.index(r, COL_NAME).data(): model.index(r, COL_COUNT).data()
        for r in range(model.rowCount())
    }


def click(qtbot, view, index: QModelIndex) -> None:
    view.scrollTo(index)
    point = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_a_saved_search_shows_its_count_and_follows_an_import(qtbot, window, tmp_path):
    desk = window.search_desk
    found = search_and_wait(qtbot, window, lambda: type_text(window.search_box, "社区"))
    assert desk.save_button.isEnabled()
    assert desk.save_current("社区稿件")
    qtbot.waitUntil(lambda: saved_counts(window) == {"社区稿件": found}, timeout=60_000)

    # The invented pages hold more stories about 社区: the count follows the import.
    settle(qtbot, window)
    window.search_bar.set_status("")
    with qtbot.waitSignal(window.import_job.finished, timeout=120_000):
        window.start_import([write_pages(tmp_path / "pages")["street"].parent])
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=20_000)
    now = window.story_model.rowCount()
    assert now > found, window.last_import_summary
    qtbot.waitUntil(lambda: saved_counts(window) == {"社区稿件": now}, timeout=20_000)


def test_a_saved_search_runs_renames_and_is_deleted(qtbot, window, qtmodeltester):
    desk, bar = window.search_desk, window.search_bar
    kind = bar.kind.findData("brief")
    briefs = search_and_wait(
        qtbot,
        window,
        lambda: (type_text(window.search_box, "社区"), bar.kind.setCurrentIndex(kind)),
    )
    listed = {window.story_model.story(r)["id"] for r in range(briefs)}
    assert desk.save_current("社区简讯")
    qtbot.waitUntil(lambda: saved_counts(window) == {"社区简讯": briefs}, timeout=60_000)
    settle(qtbot, window)
    qtmodeltester.check(desk.saved_model)

    # Something else searched, then the saved one clicked: its text and filter come back.
    search_and_wait(qtbot, window, lambda: (window.search_box.setText("义诊"), bar.clear_filters()))
    assert bar.options() == {}
    search_and_wait(
        qtbot, window, lambda: click(qtbot, desk.saved_view, desk.saved_model.index(0, COL_NAME))
    )
    assert bar.text() == "社区" and bar.options() == {"kind": "brief"}
    assert {window.story_model.story(r)["id"] for r in range(window.story_model.rowCount())} == (
        listed
    )

    assert desk.rename("社区简讯", "简讯")
    qtbot.waitUntil(lambda: saved_counts(window) == {"简讯": briefs}, timeout=60_000)
    assert desk.delete("简讯")
    qtbot.waitUntil(lambda: saved_counts(window) == {}, timeout=60_000)


def test_facets_find_what_they_count(qtbot, window, qtmodeltester):
    desk, bar, model = window.search_desk, window.search_bar, window.search_desk.facet_model
    everything = search_and_wait(qtbot, window, lambda: type_text(window.search_box, "社区"))
    facets = model.facets()
    assert facets is not None and facets.total == everything
    qtmodeltester.check(model)
    for group in (GROUP_PLACES, GROUP_KINDS, GROUP_YEARS):
        parent = model.index(group, 0)
        assert model.rowCount(parent) > 0
        # One of the fewest hits (a filter that changes the results), the last listed: for the
        # years the oldest, whose range must end with its year.
        row = min(
            range(model.rowCount(parent)),
            key=lambda r: (model.index(r, COL_COUNT, parent).data(), -r),
        )
        facet = model.index(row, COL_NAME, parent).data(FILTER_ROLE)
        count = model.index(row, COL_COUNT, parent).data()
        assert 0 < count < everything, facet
        index = model.index(row, COL_NAME, parent)
        shown = search_and_wait(qtbot, window, lambda i=index: click(qtbot, desk.facet_view, i))
        assert shown == count, facet
        assert bar.text() == "社区"
        search_and_wait(qtbot, window, bar.clear_filters)


# The same words, many times in the old story and once in the new: relevance puts the old first.
OLD_PAGE = """水库移民新村落成

本报讯 水库移民新村落成，水库移民搬进新居。水库管理处介绍，水库库区移民二百户。

（记者 夏启明）
"""
NEW_PAGE = """河堤加固完工

本报讯 河堤加固工程完工，下游水库来水更稳。

（记者 夏启明）
"""


def test_sort_by_date_asks_for_the_newest_of_all_hits(qtbot, tmp_path, monkeypatch):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "晨报_2001-05-04_A02.txt").write_text(OLD_PAGE, encoding="utf-8")
    (pages / "晨报_2020-09-01_A02.txt").write_text(NEW_PAGE, encoding="utf-8")
    # One result listed: only the core can say which of all hits is the newest.
    monkeypatch.setattr(main_window, "SEARCH_LIMIT", 1)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(tmp_path / "archive", pages, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.story_model.rowCount() == 2, timeout=60_000)
    search_and_wait(qtbot, win, lambda: type_text(win.search_box, "水库"))
    assert [win.story_model.story(0)["date"]] == ["2001-05-04"]  # the most relevant
    search_and_wait(qtbot, win, lambda: win.search_bar.sort.setCurrentIndex(1))
    assert win.search_bar.sort_order() == "date"
    assert [win.story_model.story(0)["date"]] == ["2020-09-01"]
    win.close()
