"""按期浏览 (paper -> year -> month -> day -> page) in the real window on real archives, the
import's batch dialog, 编辑… in the file list, and the date filter's default span."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from tests.gui.windows import open_window, select_place, type_text
from tests.pages import WEEKLY, write_page_of_day, write_pages
from viewer.archive import Archive, IssueDay, IssueMonth, IssuePage, IssuePaper, IssueYear
from viewer.gui.batch_dialog import BatchDialog
from viewer.gui.importer import summary_text
from viewer.gui.models.issues import ISSUE_ROLE, Issue, IssueTreeModel


def shown_range(window) -> tuple[str, str]:
    bar = window.search_bar
    return (bar.date_from.date().toString("yyyy-MM-dd"), bar.date_to.date().toString("yyyy-MM-dd"))


def listed_ids(window) -> list[int]:
    model = window.story_model
    return sorted(model.story(r)["id"] for r in range(model.rowCount()))


def story_ids(root: Path, issue: Issue) -> list[int]:
    with Archive(root, read_only=True) as archive:
        return sorted(s["id"] for s in archive.stories(**issue.as_kwargs()))


def pick_issue(qtbot, window, issue: Issue) -> None:
    browser = window.issue_browser
    qtbot.waitUntil(lambda: browser.model.index_for_issue(issue).isValid(), timeout=10_000)
    index = browser.model.index_for_issue(issue)
    assert index.data(ISSUE_ROLE) == issue
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    browser.view.selectionModel().select(index, flags)


def weekly_page(folder: Path, name: str, income: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(WEEKLY.replace("45万元", f"{income}万元"), "utf-8")
    return path


def make_archive(root: Path, pages: Path) -> None:
    """东坡周刊 of two days of 1998 and one of 1999; 青州日报 of 2021; pages naming no paper."""
    days = ["1998-03-05", "1998-11-30", "1999-01-04"]
    with Archive(root) as archive:
        report = archive.import_paths(
            [*(write_page_of_day(pages, d) for d in days), *write_pages(pages / "qz").values()],
            workers=0,
        )
    assert not report.skipped


@pytest.fixture
def windows(qtbot, tmp_path, seeds_dir):
    """Opens the window on the archive at tmp_path/archive; closes it even when a test fails
    (a window left open keeps its reader thread running into the next test)."""
    opened = []

    def open_it():
        opened.append(open_window(qtbot, tmp_path, seeds_dir))
        return opened[-1]

    yield open_it
    for window in opened:
        window.close()


def test_the_issue_model_passes_the_model_tester_on_a_real_archive(qtmodeltester, tmp_path):
    make_archive(tmp_path / "archive", tmp_path / "pages")
    with Archive(tmp_path / "archive", read_only=True) as archive:
        papers = archive.issues()
    model = IssueTreeModel()
    model.set_issues(papers)
    qtmodeltester.check(model, force_py=True)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names[:2] == ["东坡周刊", "青州日报"] and names[-1] == "（未注明报纸）"
    year = model.index(0, 0, model.index(0, 0))
    assert (year.data(), year.data(ISSUE_ROLE)) == ("1998 年", Issue("东坡周刊", "1998"))
    month = model.index(0, 0, year)
    day = model.index(0, 0, month)
    page = model.index(0, 0, day)
    assert month.data(ISSUE_ROLE) == Issue("东坡周刊", "1998-03")
    assert day.data(ISSUE_ROLE) == Issue("东坡周刊", "1998-03-05")
    assert page.data(ISSUE_ROLE) == Issue("东坡周刊", "1998-03-05", "03")
    assert model.index_for_issue(Issue("东坡周刊", "1998-03-05", "03")) == page


def big_issue_tree(stories_per_page: int = 3) -> list[IssuePaper]:
    """Three papers, ten years of issues (28 a month) of four pages: 120,960 stories."""
    papers = []
    for name in ("甲报", "乙报", "丙报"):
        paper = IssuePaper(name)
        for year in range(2010, 2020):
            y = IssueYear(year)
            for month in range(1, 13):
                m = IssueMonth(month)
                for day in range(1, 29):
                    pages = [IssuePage(f"A{p}", 1, stories_per_page) for p in range(1, 5)]
                    d = IssueDay(f"{year}-{month:02d}-{day:02d}", 4 * stories_per_page, pages)
                    m.days.append(d)
                    m.stories += d.stories
                y.months.append(m)
                y.stories += m.stories
            paper.years.append(y)
            paper.stories += y.stories
        papers.append(paper)
    return papers


def test_the_issue_model_makes_items_only_for_what_is_opened(qtbot):
    papers = big_issue_tree()
    assert sum(p.stories for p in papers) == 120_960
    model = IssueTreeModel()
    start = time.perf_counter()
    model.set_issues(papers)
    top = [model.index(r, 0) for r in range(model.rowCount())]
    seconds = time.perf_counter() - start
    assert [i.data(ISSUE_ROLE) for i in top] == [Issue("甲报"), Issue("乙报"), Issue("丙报")]
    assert seconds < 0.05, seconds
    # Only the papers have items; finding one page makes items along its branch only.
    page = model.index_for_issue(Issue("乙报", "2015-06-17", "A3"))
    assert page.data() == "版面 A3" and page.data(ISSUE_ROLE) == Issue("乙报", "2015-06-17", "A3")
    root = model._root
    made = [item for item in root.children() if item._children is not None]
    assert [item.issue for item in made] == [Issue("乙报")]
    years = [y for y in made[0].children() if y._children is not None]
    assert [y.issue for y in years] == [Issue("乙报", "2015")]
    # Counting a paper's years makes no item for them.
    assert model.rowCount(top[0]) == 10


def test_picking_an_issue_lists_its_stories_and_resets_the_search_quietly(qtbot, tmp_path, windows):
    root = tmp_path / "archive"
    make_archive(root, tmp_path / "pages")
    window = windows()
    window.left_tabs.setCurrentWidget(window.issue_browser)
    window.search_box.setFocus()
    type_text(window.search_box, "社区")
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=20_000)
    searched = listed_ids(window)

    for issue in (
        Issue("东坡周刊"),
        Issue("东坡周刊", "1998"),
        Issue("东坡周刊", "1998-11"),
        Issue("东坡周刊", "1998-11-30"),
        Issue("东坡周刊", "1998-11-30", "03"),
        Issue("青州日报", "2021-07-02", "A03"),
        Issue(""),  # the pages that name no paper
    ):
        expected = story_ids(root, issue)
        assert expected, issue
        pick_issue(qtbot, window, issue)
        qtbot.waitUntil(lambda e=expected: listed_ids(window) == e, timeout=10_000)
        assert window.search_box.text() == "" and not window.search_bar.has_filters()
        assert window.search_status.text() == ""
    assert listed_ids(window) != searched

    # Picking a place takes over the list, and the issue is no longer picked.
    assert window.issue_browser.picked() == Issue("")
    select_place(window, "云门山街道", "street")
    qtbot.waitUntil(lambda: window.issue_browser.picked() is None, timeout=10_000)
    with Archive(root, read_only=True) as archive:
        place_ids = sorted(s["id"] for s in archive.stories("云门山街道"))
    qtbot.waitUntil(lambda: listed_ids(window) == place_ids, timeout=10_000)


def test_an_archive_of_1998_keeps_1998_in_the_date_filter_and_edits_refresh_the_browser(
    qtbot, tmp_path, windows
):
    root = tmp_path / "archive"
    pages = tmp_path / "pages"
    with Archive(root) as archive:
        archive.import_paths(
            [write_page_of_day(pages, "1998-03-05"), write_page_of_day(pages, "1998-11-30")],
            workers=0,
        )
    window = windows()
    qtbot.waitUntil(lambda: shown_range(window) == ("1998-03-05", "1998-11-30"), timeout=10_000)
    # A place picked and remembered (as closing the window remembers it), then an issue: the
    # reloads after the edits below must not bring the place back over the issue.
    select_place(window, "青石村", "village")
    qtbot.waitUntil(lambda: window.profile_view.isVisible(), timeout=10_000)
    window._save_layout()
    # Listing one day leaves the filter at the archive's span: the searches it filters are
    # archive-wide (before: it shrank to the day listed).
    day = Issue("东坡周刊", "1998-03-05")
    pick_issue(qtbot, window, day)
    qtbot.waitUntil(lambda: listed_ids(window) == story_ids(root, day), timeout=10_000)
    assert shown_range(window) == ("1998-03-05", "1998-11-30")

    # 编辑… in the file list: a bad date is refused in the dialog, a good one is written.
    files = window.show_files()
    qtbot.waitUntil(lambda: files.model.rowCount() == 2, timeout=10_000)
    row = next(
        r for r in range(files.model.rowCount()) if files.model.file(r)["date"] == "1998-11-30"
    )
    files.view.selectRow(files.proxy.mapFromSource(files.model.index(row, 0)).row())
    assert files.edit_button.isEnabled()
    dialog = files.edit_selected()
    assert dialog is not None and dialog.date.text() == "1998-11-30"
    dialog.date.setText("1997-02-30")
    assert not dialog.ok_button.isEnabled() and "1997-02-30" in dialog.message.text()
    dialog.date.setText("1997-12-31")
    assert dialog.ok_button.isEnabled() and dialog.message.text() == ""
    dialog.paper.setText("眉山日报")
    dialog.page.setText("A1")
    dialog.accept()
    edited = Issue("眉山日报", "1997-12-31", "A1")
    qtbot.waitUntil(
        lambda: window.issue_browser.model.index_for_issue(edited).data(ISSUE_ROLE) == edited,
        timeout=20_000,
    )
    qtbot.waitUntil(
        lambda: any(files.model.file(r)["source"] == "眉山日报" for r in range(2)), timeout=10_000
    )
    assert "已修改" in files.note.text()
    # The date filter follows the archive's new span; the day still listed is still picked.
    qtbot.waitUntil(lambda: shown_range(window) == ("1997-12-31", "1998-03-05"), timeout=10_000)
    assert window.issue_browser.picked() == day
    pick_issue(qtbot, window, edited)
    qtbot.waitUntil(lambda: listed_ids(window) == story_ids(root, edited), timeout=10_000)
    assert window.story_model.story(0)["date"] == "1997-12-31"

    # Removing the file takes its paper out of the browser.
    with qtbot.waitSignal(window.import_job.finished, timeout=20_000):
        files.remove([files.model.file(row)["path"]])
    qtbot.waitUntil(
        lambda: [p.paper for p in window.issue_browser.model._papers] == ["东坡周刊"],
        timeout=10_000,
    )
    files.close()


def test_the_import_dialog_checks_as_you_type_and_the_batch_reaches_the_import(
    qtbot, tmp_path, windows
):
    root = tmp_path / "archive"
    make_archive(root, tmp_path / "pages")
    window = windows()
    folder = tmp_path / "scans"
    fits = weekly_page(folder, "19880412_p07.txt", 11)
    unfit = weekly_page(folder, "loose-page.txt", 12)
    dialog = window.ask_batch_then_import([fits, unfit])
    assert isinstance(dialog, BatchDialog) and dialog.isVisible()
    assert dialog.ok_button.isEnabled() and dialog.batch() is None  # all empty: pages decide

    qtbot.keyClicks(dialog.pattern, "{yyyy}{mm}_p{page}")
    assert not dialog.ok_button.isEnabled()
    assert "{yyyy}{mm}{dd}" in dialog.message.text() and "\n" not in dialog.message.text()
    dialog.pattern.setText("{yyyy}{mm}{dd}_p{page}")
    assert dialog.ok_button.isEnabled() and dialog.message.text() == ""
    assert "1988-04-12" in dialog.preview.text() and "07" in dialog.preview.text()
    qtbot.keyClicks(dialog.date, "1988-4-31")
    assert not dialog.ok_button.isEnabled() and "1988-4-31" in dialog.message.text()
    dialog.date.clear()
    dialog.paper.setFocus()
    type_text(dialog.paper, "临川日报")
    assert dialog.ok_button.isEnabled() and "临川日报" in dialog.preview.text()
    batch = dialog.batch()
    assert batch is not None and batch.paper == "临川日报" and batch.pattern is not None

    with qtbot.waitSignal(window.import_job.finished, timeout=60_000) as finished:
        dialog.accept()
    report = finished.args[0]
    assert report.imported == 2 and report.unfit == [str(unfit)]
    assert "loose-page.txt" in summary_text(report) and "不符合" in summary_text(report)
    assert "loose-page.txt" in window.last_import_summary
    # The issue browser shows the new issue; the page named by the pattern and the batch's paper.
    dated = Issue("临川日报", "1988-04-12", "07")
    qtbot.waitUntil(
        lambda: window.issue_browser.model.index_for_issue(dated).data(ISSUE_ROLE) == dated,
        timeout=20_000,
    )
    with Archive(root, read_only=True) as archive:
        stored = {Path(f["path"]).name: f for f in archive.files()}
    assert [stored[fits.name][k] for k in ("source", "date", "page")] == [
        "临川日报",
        "1988-04-12",
        "07",
    ]
    assert stored[unfit.name]["source"] == "临川日报"  # the batch's paper, the name told nothing


def test_a_cancelled_import_dialog_imports_nothing(qtbot, window, tmp_path):
    page = weekly_page(tmp_path / "scans", "one.txt", 13)
    started: list[bool] = []
    window.import_job.started.connect(lambda: started.append(True))
    dialog = window.ask_batch_then_import([page])
    assert dialog is not None
    dialog.reject()
    qtbot.wait(200)
    assert started == []
    dialog = window.ask_batch_then_import([page])
    assert dialog is not None
    with qtbot.waitSignal(window.import_job.finished, timeout=60_000):
        dialog.accept()
    assert started == [True]


def test_the_keyboard_reaches_both_tabs_of_the_left_pane(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.issue_browser.view.hasFocus, timeout=5_000)
    assert window.left_tabs.currentWidget() is window.issue_browser
    # Alt+1 and Ctrl+L bring the place tree's tab back up (a hidden widget takes no focus).
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.tree_view.hasFocus, timeout=5_000)
    window.left_tabs.setCurrentWidget(window.issue_browser)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.place_filter.hasFocus, timeout=5_000)
