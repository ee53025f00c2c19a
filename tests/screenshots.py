"""`make screenshots`: drive the real window on the seed archive and save PNGs of its main views.

Run under a display (the Makefile uses xvfb-run). Captures the whole screen, so dialogs show too.
Usage: python -m tests.screenshots OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.corpus import write_corpus
from tests.pages import write_page_of_day, write_pages
from viewer.archive import Archive, BatchMeta
from viewer.gui import i18n
from viewer.gui.main_window import MainWindow
from viewer.gui.models import KEY_ROLE

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def wait(app: QApplication, done: Callable[[], bool], seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if done():
            return True
        time.sleep(0.02)
    return False


def busiest_community(model: QAbstractItemModel) -> QModelIndex:
    """The community with the most stories (so the profile has something to show)."""
    best, best_count = QModelIndex(), -1
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            count = model.index(row, 1, parent).data()
            if (
                index.data(KEY_ROLE)
                and index.data(KEY_ROLE)[1] == "community"
                and count > best_count
            ):
                best, best_count = index, count
            pending.append(index)
    return best


def shoot(app: QApplication, path: Path, width: int = -1, height: int = -1) -> None:
    """The screen from its top left corner, `width` × `height` (all of it by default)."""
    wait(app, lambda: False, 0.6)  # let paints and layouts settle
    app.primaryScreen().grabWindow(0, 0, 0, width, height).save(str(path))
    print(path)


SIZES = ((1366, 768), (1600, 1000))  # a laptop and a desktop


def shoot_at_sizes(app: QApplication, window: QWidget, out: Path, name: str) -> None:
    """`name`-WIDTH.png of the screen's top-left corner with `window` at each of SIZES."""
    for width, height in SIZES:
        window.setGeometry(0, 0, width, height - 40)  # less a task bar
        wait(app, lambda: False, 0.6)
        path = out / f"{name}-{width}x{height}.png"
        app.primaryScreen().grabWindow(0, 0, 0, width, height).save(str(path))
        print(path)


def hits_and_files(app: QApplication, root: Path, out: Path) -> None:
    """The sample archive with its bar, F3 through a story's hits, and the file list."""
    settings = QSettings(str(root / "desk.ini"), QSettings.Format.IniFormat)
    win = MainWindow(root / "archive", SEEDS, settings)
    win.show()
    wait(app, lambda: win.story_model.rowCount() > 0)
    event = QInputMethodEvent("", [])
    event.setCommitString("社区")
    QApplication.sendEvent(win.search_box, event)
    wait(app, lambda: "条结果" in win.search_status.text())
    win.story_view.selectRow(0)
    wait(app, lambda: win.reader.hit_position()[1] > 2)
    for _ in range(3):
        win.reader.step_hit(1)
    shoot_at_sizes(app, win, out, "hit-navigation")
    files = win.show_files()
    wait(app, lambda: files.model.rowCount() > 0)
    files.view.selectRow(1)
    files.move(win.x() + 80, win.y() + 80)
    shoot_at_sizes(app, win, out, "archive-files")
    files.close()
    win.close()


def annotated_reader(app: QApplication, out: Path) -> None:
    """The reader with a story's tags, note and bookmark, at a laptop's and a desktop's size."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(root / "archive", SEEDS, settings)
        win.show()
        wait(app, lambda: win.story_model.rowCount() > 0)
        win.story_view.selectRow(1)
        wait(app, lambda: win.reader.story() is not None)
        story_id = win.reader.story()["id"]

        def annotate(archive):
            archive.add_tag([story_id], "回访")
            archive.add_tag([story_id], "待核实")
            archive.add_tag([story_id], "基层治理")
            archive.set_note(
                story_id, "义诊人数与区卫健委通报不一致，待电话核实。\n见 2020-10 另一篇。"
            )
            archive.set_bookmark(story_id, True)

        win.run_write("annotate", annotate)
        wait(app, lambda: len((win.reader.story() or {}).get("tags") or []) == 3)
        wait(app, lambda: (win.reader.story() or {}).get("id") == story_id)
        for width, height in ((1366, 768), (1600, 1000)):
            win.setGeometry(0, 0, width, height)
            wait(app, lambda: False, 0.6)
            path = out / f"reader-annotations-{width}x{height}.png"
            win.grab().save(str(path))
            print(path)
        win.close()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(root / "archive", SEEDS, settings)
        win.setGeometry(0, 0, 1600, 1000)
        win.show()
        if not wait(app, lambda: win.tree_model.rowCount() > 0 and win.story_model.rowCount() > 0):
            print("the archive did not load", file=sys.stderr)
            return 1

        # Tree + profile: a community selected, one of its stories open.
        win.tree_view.expandAll()
        index = win.tree_proxy.mapFromSource(busiest_community(win.tree_model))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        win.tree_view.selectionModel().select(index, flags)
        wait(app, lambda: win.profile_view.isVisible() and win.story_model.rowCount() > 0)
        win.story_view.selectRow(0)
        wait(app, lambda: win.reader.story() is not None)
        shoot(app, out / "tree-profile.png")

        # Reader with facts highlighted, fact panel in front.
        win.fact_dock.raise_()
        shoot(app, out / "reader-facts.png")

        # Search results with marked snippets.
        event = QInputMethodEvent("", [])
        event.setCommitString("社区治理")
        QApplication.sendEvent(win.search_box, event)
        wait(app, lambda: "条结果" in win.search_status.text())
        win.story_view.selectRow(0)
        wait(app, lambda: False, 1.0)
        shoot(app, out / "search.png")

        # Import progress: a few hundred generated pages, captured while the dialog is up.
        pages = write_corpus(root / "import", 2400, per_page=8)
        win.start_import([pages[0].parent])
        wait(app, win.import_dialog.isVisible, 30)
        wait(app, lambda: False, 1.0)
        shoot(app, out / "import-progress.png")
        win.import_job.cancel()
        wait(app, lambda: not win.import_job.is_running(), 60)
        win.close()

        hits_and_files(app, root, out)
        shoot_issue_browser(app, root / "dates", out)
        corrections_view(app, root / "corrected", out)
        search_desk_shots(app, out)
        annotated_reader(app, out)

        # The English UI, on the same archive, with a kind filter set in the search bar.
        i18n.install_translators(app, i18n.ENGLISH)
        english = MainWindow(root / "archive", None, settings)
        english.setGeometry(0, 0, 1600, 1000)
        english.show()
        wait(app, lambda: english.story_model.rowCount() > 0)
        bar = english.search_bar
        bar.kind.setCurrentIndex(bar.kind.findData("brief"))
        wait(app, lambda: "results" in english.search_status.text())
        english.story_view.selectRow(0)
        wait(app, lambda: english.reader.story() is not None)
        shoot(app, out / "english.png")
        english.close()
    return 0


def shoot_issue_browser(app: QApplication, root: Path, out: Path) -> None:
    """按期浏览 with a day picked, and the import's batch dialog with a pattern typed (its
    preview) and with a bad date (its message), at 1366×768 and 1600×1000."""
    pages = root / "pages"
    with Archive(root / "archive") as archive:
        archive.import_paths([SEEDS], workers=0, batch=BatchMeta.make(paper="示例日报"))
        days = ["2019-12-30", "2020-03-02", "2020-03-09", "2020-03-16", "2020-04-06"]
        archive.import_paths([write_page_of_day(pages, d) for d in days], workers=0)
        archive.import_paths(list(write_pages(pages / "more").values()), workers=0)
    scan = pages / "scans" / "20200412_p07.txt"
    scan.parent.mkdir(parents=True, exist_ok=True)
    scan.write_text("（示例）", "utf-8")
    settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(root / "archive", None, settings)
    win.show()
    wait(app, lambda: win.issue_browser.model.rowCount() > 0 and win.story_model.rowCount() > 0)
    win.left_tabs.setCurrentWidget(win.issue_browser)
    model, view = win.issue_browser.model, win.issue_browser.view
    paper = next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "东坡周刊"
    )
    year = model.index(1, 0, paper)  # 2020
    month = model.index(0, 0, year)  # March
    for index in (paper, year, month):
        view.expand(index)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().select(model.index(1, 0, month), flags)
    wait(app, lambda: win.story_model.rowCount() == 1)
    win.story_view.selectRow(0)
    wait(app, lambda: win.reader.story() is not None)
    for width, height in ((1366, 768), (1600, 1000)):
        win.setGeometry(0, 0, width, height)
        shoot(app, out / f"issues-{width}x{height}.png", width, height)
        dialog = win.ask_batch_then_import([scan])
        assert dialog is not None
        dialog.paper.setText("临川日报")
        dialog.pattern.setText("{yyyy}{mm}{dd}_p{page}")
        shoot(app, out / f"import-batch-{width}x{height}.png", width, height)
        dialog.date.setText("2020-02-30")
        shoot(app, out / f"import-batch-error-{width}x{height}.png", width, height)
        dialog.reject()
    win.close()


def corrections_view(app: QApplication, root: Path, out: Path) -> None:
    """编辑 → 更正记录…: the corrections (every kind) and the places to review, on a seed archive
    of its own, at a laptop's and a desktop's screen size."""
    from tests.test_corrections import make_corrections
    from viewer.archive import Archive

    archive = Archive(root / "archive")
    archive.import_paths([SEEDS], workers=0)
    make_corrections(archive)
    archive.close()
    settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(root / "archive", None, settings)
    win.show()
    wait(app, lambda: win.story_model.rowCount() > 0)
    dialog = win.corrections.show_corrections()
    wait(app, lambda: dialog.model.rowCount() > 0 and dialog.review_model.rowCount() > 0)
    for width, height in ((1366, 768), (1600, 1000)):
        win.setGeometry(0, 0, width, height)
        dialog.resize(min(980, width - 80), min(560, height - 120))
        dialog.move(win.geometry().center() - dialog.rect().center())
        for tab, name in ((0, "corrections"), (1, "places-to-review")):
            dialog.tabs.setCurrentIndex(tab)
            wait(app, lambda: False, 0.6)
            path = out / f"{name}-{width}x{height}.png"
            app.primaryScreen().grabWindow(0, 0, 0, width, height).save(str(path))
            print(path)
    dialog.close()
    win.close()


def search_desk_shots(app: QApplication, out: Path) -> None:
    """Saved searches with their counts and the facets of a search, at 1366×768 (a laptop) and
    1600×1000, on a seed archive of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(root / "archive", SEEDS, settings)
        win.show()
        wait(app, lambda: win.story_model.rowCount() > 0)
        desk, bar = win.search_desk, win.search_bar
        saved = [
            ("社区治理", "社区治理", None),
            ("社区简讯", "社区", "brief"),
            ("义诊", "义诊", None),
        ]
        for name, query, kind in saved:
            win.search_box.setText(query)
            bar.kind.setCurrentIndex(max(0, bar.kind.findData(kind)))
            wait(app, lambda: not win.import_job.is_running() and not win.ops.is_pending("list"))
            wait(app, lambda: False, 0.5)  # the debounced search
            desk.save_current(name)
            wait(app, lambda n=name: desk.saved_model.row_for_name(n) is not None)
        bar.kind.setCurrentIndex(0)
        win.search_box.setText("社区")
        wait(app, lambda: desk.facet_model.facets() is not None and "条结果" in bar.status.text())
        win.story_view.selectRow(0)
        wait(app, lambda: win.reader.story() is not None)
        for width, height in ((1366, 768), (1600, 1000)):
            win.setGeometry(0, 0, width, height)
            wait(app, lambda: False, 0.8)
            path = out / f"search-desk-{width}x{height}.png"
            app.primaryScreen().grabWindow(0, 0, 0, width, height).save(str(path))
            print(path)
        win.close()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
