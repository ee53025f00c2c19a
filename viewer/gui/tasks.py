"""Background work for the window: a reader thread that owns its own Archive.

sqlite3 connections and the open Whoosh searcher belong to one thread, so the reader opens the
archive inside its thread and every request reaches it through a queued signal. Results come back
as signals carrying a request number, so the window can drop answers to requests it has since
replaced (typing fast in the search box). Nothing here touches a widget.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from viewer.archive import Archive, ensure_seeded
from viewer.gui.core_text import query_error_text
from viewer.profile import place_profile
from viewer.search import QueryError
from viewer.search.index import IndexUnavailable
from viewer.store import safety
from viewer.writelock import ArchiveBusy

log = logging.getLogger(__name__)
CHECK_DELAY_MS = 300
T = TypeVar("T")


class ArchiveReader(QObject):
    """Answers the window's read requests on a worker thread."""

    ready = Signal()  # the archive is open (and seeded if it was empty)
    failed = Signal(str)  # the archive could not be opened: a message for the user
    analysisChecked = Signal(bool)  # after opening and reopening: an older page reading is stored
    indexChecked = Signal(bool)  # after opening: the search index needs repair (or rebuilding)
    treeLoaded = Signal(object)  # list[TreeNode]
    dateSpanLoaded = Signal(object)  # (first, last) ISO dates, or None: no story has a date
    storiesLoaded = Signal(int, object)  # request, list[dict]
    searchDone = Signal(int, object, float)  # request, list[dict], seconds
    searchFailed = Signal(int, str)  # request, the message to show
    storyLoaded = Signal(int, object)  # request, dict | None
    profileLoaded = Signal(int, object)  # request, PlaceProfile | None
    troubled = Signal(object)  # safety.Diagnosis: a damaged database or lost writes
    readOnly = Signal(str)  # the archive folder, opened read-only: nothing can be written

    def __init__(self, root: Path, seeds: Path | None = None) -> None:
        super().__init__()
        self._root = root
        self._seeds = seeds
        self._archive: Archive | None = None
        self._checked = False  # check_database ran (or is due) since the archive opened

    @Slot()
    def open(self) -> None:
        try:
            self._archive = Archive(self._root)
            if self._seeds is not None and not self._archive.read_only:
                with contextlib.suppress(ArchiveBusy):  # another process is filling it
                    ensure_seeded(self._archive, self._seeds)
        except Exception as err:  # reported to the user, never a traceback
            self.failed.emit(
                self.tr("无法打开档案 {path}：{error}").format(path=self._root, error=err)
            )
            if isinstance(err, sqlite3.DatabaseError):
                self.check_database()
            return
        self.ready.emit()
        if self._archive.read_only:
            self.readOnly.emit(str(self._root))
        self.analysisChecked.emit(self._archive.needs_reanalysis())
        try:
            # (A read-only archive cannot be repaired here; `check` says what is wrong.)
            needed = not self._archive.read_only and self._archive.index_needs_repair()
        except Exception:  # an index that cannot even be counted needs rebuilding all the more
            needed = True
        self.indexChecked.emit(needed)
        self.check_database(CHECK_DELAY_MS)

    def check_database(self, delay_ms: int = 0) -> None:
        """PRAGMA quick_check and the lost-writes count (0.2 s on 20,000 stories), once per
        opening; `delay_ms` lets the window's first tree and list be answered first."""
        if not self._checked:
            self._checked = True
            QTimer.singleShot(delay_ms, self, self._check_now)

    def _check_now(self) -> None:
        diagnosis = safety.diagnose(self._root)
        if not diagnosis.ok:
            self.troubled.emit(diagnosis)

    def _read(self, what: Callable[..., T], *args: object) -> T | None:
        """`what(*args)`, or None when the database cannot be read (checked and reported)."""
        try:
            return what(*args)
        except sqlite3.DatabaseError:
            self.check_database()
            return None

    @Slot()
    def reopen(self) -> None:
        """See another thread's writes (an import): a fresh connection and searcher."""
        if self._archive is not None:
            self._archive.close()
        self._archive = Archive(self._root)
        self.analysisChecked.emit(self._archive.needs_reanalysis())

    @Slot()
    def load_tree(self) -> None:
        if self._archive is not None:
            nodes = self._read(self._archive.tree)
            if nodes is not None:
                self.treeLoaded.emit(nodes)

    @Slot()
    def load_date_span(self) -> None:
        """The archive's date span (an index seek), asked together with the tree: on opening
        and after every import, reanalysis or restore."""
        if self._archive is not None:
            span = self._read(self._archive.date_span)
            self.dateSpanLoaded.emit(span)

    @Slot(int, object)
    def load_stories(self, request: int, place: str | None) -> None:
        if self._archive is not None:
            stories = self._read(self._archive.stories, place)
            if stories is None:
                return
            self.storiesLoaded.emit(request, stories)

    @Slot(int, str, object)
    def search(self, request: int, text: str, options: dict) -> None:
        if self._archive is None:
            return
        start = time.perf_counter()
        try:
            results = self._archive.search(text, **options)
        except QueryError as err:
            text = self.tr("查询有误：{message}").format(message=query_error_text(err))
            self.searchFailed.emit(request, text)
            return
        except Exception as err:  # an answer the window shows, never a search silently lost
            log.exception("searching %s failed", self._root)
            self.searchFailed.emit(request, self.tr("检索出错：{error}").format(error=err))
            return
        except IndexUnavailable as err:  # a read-only archive whose index cannot be read
            self.searchFailed.emit(request, str(err))
            return
        self.searchDone.emit(request, results, time.perf_counter() - start)

    @Slot(int, int)
    def load_story(self, request: int, story_id: int) -> None:
        if self._archive is not None:
            self.storyLoaded.emit(request, self._archive.story(story_id))

    @Slot(int, str)
    def load_profile(self, request: int, name: str) -> None:
        if self._archive is not None:
            self.profileLoaded.emit(request, place_profile(self._archive, name))

    @Slot()
    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None


class ReaderThread:
    """Owns the thread the ArchiveReader lives on, and stops it cleanly."""

    def __init__(self, reader: ArchiveReader) -> None:
        self.reader = reader
        self.thread = QThread()
        self.thread.setObjectName("archive-reader")
        reader.moveToThread(self.thread)
        self.thread.started.connect(reader.open)
        # `finished` is emitted on the worker thread itself: close the archive there.
        self.thread.finished.connect(reader.close, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.thread.quit()
        self.thread.wait()
