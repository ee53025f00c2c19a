"""The date filter's default range is the archive's own span, and follows imports."""

from __future__ import annotations

from PySide6.QtCore import QDate

from tests.gui.windows import open_window
from tests.pages import write_page_of_day
from viewer.archive import Archive
from viewer.gui.search_bar import SearchBar


def shown_range(window) -> tuple[str, str]:
    bar = window.search_bar
    return (bar.date_from.date().toString("yyyy-MM-dd"), bar.date_to.date().toString("yyyy-MM-dd"))


def import_page(qtbot, window, path) -> None:
    with qtbot.waitSignal(window.import_job.finished, timeout=60_000):
        window.start_import([path])


def test_the_date_filter_starts_at_the_archives_span_and_follows_imports(
    qtbot, tmp_path, seeds_dir
):
    pages = tmp_path / "pages"
    with Archive(tmp_path / "archive") as archive:  # an archive of its own: not seeded
        archive.import_paths(
            [write_page_of_day(pages, "1998-03-05"), write_page_of_day(pages, "2001-11-30")],
            workers=0,
        )
    window = open_window(qtbot, tmp_path, seeds_dir)
    bar = window.search_bar
    all_stories = window.story_model.rowCount()
    # Before the fix: the last twelve months of today, and nothing of 1998-2001 in them.
    qtbot.waitUntil(lambda: shown_range(window) == ("1998-03-05", "2001-11-30"), timeout=10_000)
    assert bar.date_from.minimumDate() == QDate(1998, 3, 5)
    assert bar.date_to.maximumDate() == QDate(2001, 11, 30)

    # Switched on, the default range keeps every (dated) story listed.
    window.search_bar.set_status("")
    bar.date_toggle.setChecked(True)
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=20_000)
    assert window.story_model.rowCount() == all_stories == 2

    # A range the user chose stays through an import; the newer page only widens the limits.
    bar.date_from.setDate(QDate(1999, 1, 1))
    import_page(qtbot, window, write_page_of_day(pages, "2005-06-01"))
    qtbot.waitUntil(lambda: bar.date_to.maximumDate() == QDate(2005, 6, 1), timeout=10_000)
    assert shown_range(window) == ("1999-01-01", "2001-11-30")

    # With the filter off, the next import moves the default range to the grown span.
    bar.date_toggle.setChecked(False)
    import_page(qtbot, window, write_page_of_day(pages, "2007-02-10"))
    qtbot.waitUntil(lambda: shown_range(window) == ("1998-03-05", "2007-02-10"), timeout=10_000)
    window.close()


def test_an_archive_without_dates_keeps_the_default_range(qtbot):
    bar = SearchBar()
    qtbot.addWidget(bar)
    default = (bar.date_from.date(), bar.date_to.date())
    bar.set_date_span(None, None)  # what the window passes on for an archive with no dated story
    assert (bar.date_from.date(), bar.date_to.date()) == default
    bar.date_toggle.setChecked(True)
    assert bar.options()["date_to"] == QDate.currentDate().toString("yyyy-MM-dd")
