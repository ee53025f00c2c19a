"""Background work for the window: a reader thread that owns its own Archive.

sqlite3 connections and the open Whoosh searcher belong to one thread, so the reader opens the
archive inside its thread and every request, a function of the archive, reaches it through a
queued signal (see operations.ArchiveOps, the window's side). Answers come back as signals
carrying the request's channel and number, so the window can drop answers to requests it has
since replaced (typing fast in the search box). Nothing here touches a widget.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from viewer.archive import (
    Archive,
    ArchiveBusy,
    IndexUnavailable,
    QueryError,
    diagnose,
    ensure_seeded,
)
from viewer.gui.core_text import busy_text, query_error_text

log = logging.getLogger(__name__)
CHECK_DELAY_MS = 300


class ArchiveReader(QObject):
    """Answers the window's read requests on a worker thread."""

    ready = Signal()  # the archive is open (and seeded if it was empty)
    failed = Signal(str)  # the archive could not be opened: a message for the user
    analysisChecked = Signal(bool)  # after opening and reopening: an older page reading is stored
    indexChecked = Signal(bool)  # after opening: the search index needs repair (or rebuilding)
    answered = Signal(str, int, object)  # channel, request, what fn(archive) returned
    errored = Signal(str, int, str)  # channel, request, why it failed: a message for the user
    troubled = Signal(object)  # Diagnosis: a damaged database or lost writes
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
        diagnosis = diagnose(self._root)
        if not diagnosis.ok:
            self.troubled.emit(diagnosis)

    @Slot(str, int, object)
    def run(self, channel: str, request: int, fn: Callable[[Archive], object]) -> None:
        """`fn(archive)` for the window (see operations.ArchiveOps): its result, or a message
        saying why it failed. Nothing raised here is lost on stderr."""
        if self._archive is None:
            self.errored.emit(channel, request, self.tr("档案没有打开"))
            return
        try:
            result = fn(self._archive)
        except Exception as err:
            self.errored.emit(channel, request, self._error_text(err))
            return
        self.answered.emit(channel, request, result)

    def _error_text(self, err: Exception) -> str:
        if isinstance(err, QueryError):
            return self.tr("查询有误：{message}").format(message=query_error_text(err))
        if isinstance(err, ArchiveBusy):
            return busy_text(err)
        if isinstance(err, IndexUnavailable):  # a read-only archive whose index cannot be read
            return str(err)
        if isinstance(err, sqlite3.DatabaseError):
            self.check_database()  # the window's alert bar says what can be done
            return self.tr("档案数据库读取出错：{error}").format(error=err)
        log.exception("an archive operation on %s failed", self._root)
        return self.tr("出错了：{error}").format(error=err)

    @Slot()
    def reopen(self) -> None:
        """See another thread's writes (an import): a fresh connection and searcher."""
        if self._archive is not None:
            self._archive.close()
        self._archive = Archive(self._root)
        self.analysisChecked.emit(self._archive.needs_reanalysis())

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
