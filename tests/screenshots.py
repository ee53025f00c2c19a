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
from PySide6.QtWidgets import QApplication

from tests.corpus import write_corpus
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


def shoot(app: QApplication, path: Path) -> None:
    wait(app, lambda: False, 0.6)  # let paints and layouts settle
    app.primaryScreen().grabWindow(0).save(str(path))
    print(path)


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
    annotated_reader(app, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
