"""Importing page files from the window: a worker thread, its progress dialog, the summary.
Reanalysing the archive and repairing its search index run on the same job, with the same dialog.

The import writes through its own Archive opened on the worker thread (an Archive belongs to one
thread; the window's reader keeps its own). Progress crosses to the GUI thread as queued signals,
throttled so a fast import cannot flood the event loop. Cancelling sets an event the import checks
between files, so a cancelled import leaves only whole files in the archive.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import (
    Archive,
    ArchiveBusy,
    BatchMeta,
    CancelFn,
    ImportProgress,
    ImportReport,
    ProgressFn,
    ReanalyseReport,
)
from viewer.gui.core_text import busy_text, rejection_text
from viewer.gui.plain_text import shown

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.1  # seconds between progress signals: at most ~10 a second
translate = QCoreApplication.translate
SHOW_DELAY_MS = 500  # imports shorter than this never show the dialog
SUMMARY_MAX_SKIPPED = 20

# One write to the archive: given the worker's Archive (the archive's folder when the worker
# is made with open_archive=False), progress and cancel, returns its report.
Work = Callable[[Any, ProgressFn, CancelFn], object]


class ImportWorker(QObject):
    """Runs one import (or other write) on the thread it has been moved to."""

    progress = Signal(int, int, int, str)  # done, total, stories, path
    finished = Signal(object)  # ImportReport, or what the work returns
    failed = Signal(str)  # a message for the user

    def __init__(
        self,
        root: Path,
        work: Work,
        cancel_event: threading.Event,
        error_text: str,
        *,
        interval: float = PROGRESS_INTERVAL,
        open_archive: bool = True,
    ) -> None:
        super().__init__()
        self._open_archive = open_archive  # False: `work` gets the folder (a restore)
        self._root = root
        self._work = work
        self._cancel = cancel_event
        self._error_text = error_text  # "…{error}"
        self._interval = interval
        self._last_emit = float("-inf")
        self._pending: ImportProgress | None = None

    def _on_progress(self, step: ImportProgress) -> None:
        now = time.monotonic()
        if step.done >= step.total or now - self._last_emit >= self._interval:
            self._emit(step)
            self._last_emit = now
        else:
            self._pending = step

    def _emit(self, step: ImportProgress) -> None:
        self._pending = None
        self.progress.emit(step.done, step.total, step.stories, step.path)

    @Slot()
    def run(self) -> None:
        try:
            if not self._open_archive:
                report = self._work(self._root, self._on_progress, self._cancel.is_set)
            else:
                with Archive(self._root) as archive:
                    report = self._work(archive, self._on_progress, self._cancel.is_set)
        except ArchiveBusy as err:  # nothing was written: say who is writing instead
            self.failed.emit(busy_text(err))
            return
        except Exception as err:  # the user gets a sentence, the log gets the traceback
            log.exception("writing to %s failed", self._root)
            self.failed.emit(self._error_text.format(error=err))
            return
        if self._pending is not None:  # the last step always reaches the window
            self._emit(self._pending)
        self.finished.emit(report)


class ImportJob(QObject):
    """Owns the import thread and its worker; one import (or reanalysis: the archive has one
    writer) at a time. Signals are the worker's, delivered on the thread that owns the job (the
    GUI thread)."""

    started = Signal()
    progress = Signal(int, int, int, str)  # done, total, stories, path
    finished = Signal(object)  # ImportReport, or ReanalyseReport after `start_reanalysis`
    failed = Signal(str)

    def __init__(
        self,
        root: Path,
        *,
        workers: int | None = None,
        interval: float = PROGRESS_INTERVAL,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = root
        self._workers = workers
        self._interval = interval
        self._cancel = threading.Event()
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._running = False
        # What the running (or last) job does, for the dialog and the window: an import unless
        # one of these is set.
        self.reanalysing = False
        self.repairing_index = False
        self.task_title = ""  # the dialog's title for another task (a backup, a restore)

    def start(self, paths: list[Path], batch: BatchMeta | None = None) -> None:
        """Import `paths`; `batch` is what the user said of them all (paper, date, pattern)."""
        paths, workers = list(paths), self._workers
        self._run(
            lambda archive, progress, cancel: archive.import_paths(
                paths, progress=progress, cancel=cancel, workers=workers, batch=batch
            ),
            self.tr("导入出错，已停止（已导入的文件保留在档案中）：{error}"),
        )

    def start_reanalysis(self) -> None:
        """Read every stored page again with today's page reading; `finished` carries a
        ReanalyseReport."""
        self._run(
            lambda archive, progress, cancel: archive.reanalyse(progress=progress, cancel=cancel),
            self.tr("重新分析出错，已停止（已完成的文件保留新的分析）：{error}"),
            reanalysing=True,
        )

    def start_index_repair(self) -> None:
        """Bring the search index level with the database (after an interrupted import, or a
        damaged or missing index); progress counts stories. `finished` carries True if the
        index changed. The archive stays browsable meanwhile: lists come from the database.
        Cancelled, it keeps what it indexed and the next repair goes on from there."""
        self._run(
            lambda archive, progress, cancel: archive.repair_index(
                progress=progress, cancel=cancel
            ),
            self.tr("重建检索索引出错（档案内容不受影响）：{error}"),
            repairing_index=True,
        )

    def start_task(
        self, title: str, work: Callable, error_text: str, *, open_archive: bool
    ) -> None:
        """Another job on the archive's writer thread (a backup, a restore): `work` gets the
        worker's Archive, or with `open_archive` False the archive folder, then progress and
        cancel; `finished` carries what it returns."""
        self._run(work, error_text, open_archive=open_archive, title=title)

    def _run(
        self,
        work: Work,
        error_text: str,
        *,
        reanalysing: bool = False,
        repairing_index: bool = False,
        open_archive: bool = True,
        title: str = "",
    ) -> None:
        if self._running:
            raise RuntimeError("an import is already running")
        self._join()
        self.reanalysing = reanalysing
        self.repairing_index = repairing_index
        self.task_title = title
        self._cancel = threading.Event()
        worker = ImportWorker(
            self.root,
            work,
            self._cancel,
            error_text,
            interval=self._interval,
            open_archive=open_archive,
        )
        thread = QThread()
        thread.setObjectName("archive-import")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(thread.quit)
        worker.failed.connect(thread.quit)
        self._thread, self._worker = thread, worker
        self._running = True
        thread.start()
        self.started.emit()

    def cancel(self) -> None:
        """Stop after the file being written; the report says `cancelled`."""
        self._cancel.set()

    def is_running(self) -> bool:
        return self._running

    def shutdown(self) -> None:
        """Cancel and wait for the thread (closing the window)."""
        self.cancel()
        self._join()

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = self._worker = None

    @Slot(object)
    def _on_finished(self, report: object) -> None:
        self._running = False
        self.finished.emit(report)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._running = False
        self.failed.emit(message)


def clock(seconds: float) -> str:
    """00:12, or 1:02:03 past an hour."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def time_text(elapsed: float, done: int, total: int) -> str:
    """ "已用 00:12，约剩 00:30"; no estimate before the first file is done."""
    if 0 < done < total:
        remaining = clock(elapsed / done * (total - done))
        return translate("ImportProgressDialog", "已用 {elapsed}，约剩 {remaining}").format(
            elapsed=clock(elapsed), remaining=remaining
        )
    return translate("ImportProgressDialog", "已用 {elapsed}").format(elapsed=clock(elapsed))


class ImportProgressDialog(QDialog):
    """Non-modal progress for an ImportJob; shows itself only when the import takes a while.
    Its 取消 button (or closing it) cancels the import."""

    def __init__(
        self, job: ImportJob, parent: QWidget | None = None, *, delay_ms: int = SHOW_DELAY_MS
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("正在导入"))
        self.setModal(False)
        self.job = job
        self._start = time.monotonic()
        self._step = (0, 0, 0, "")
        self.count_label = QLabel()
        self.file_label = QLabel()
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name, as it is
        self.time_label = QLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("导入进度"))
        buttons = QDialogButtonBox()
        self.cancel_button = buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.count_label, self.bar, self.file_label, self.time_label, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(420)

        self._show_timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._show_timer.timeout.connect(self._appear)
        # Elapsed time keeps moving even while one large file is being analysed.
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._refresh)
        job.started.connect(self._begin)
        job.progress.connect(self._on_progress)
        job.finished.connect(self._end)
        job.failed.connect(self._end)
        if job.is_running():
            self._begin()

    @Slot()
    def _begin(self) -> None:
        if self.job.task_title:
            self.setWindowTitle(self.job.task_title)
        elif self.job.repairing_index:
            self.setWindowTitle(self.tr("正在重建检索索引"))
        else:
            self.setWindowTitle(
                self.tr("正在重新分析") if self.job.reanalysing else self.tr("正在导入")
            )
        self._start = time.monotonic()
        self._step = (0, 0, 0, "")
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("取消"))
        self._refresh()
        self._show_timer.start()
        self._clock_timer.start()

    def _appear(self) -> None:
        if self.job.is_running():
            self.show()

    @Slot(int, int, int, str)
    def _on_progress(self, done: int, total: int, stories: int, path: str) -> None:
        self._step = (done, total, stories, path)
        self._refresh()

    def _refresh(self) -> None:
        done, total, stories, path = self._step
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if total and (self.job.repairing_index or self.job.task_title):
            # (A restore's only counted step is rebuilding the index from the restored database.)
            self.count_label.setText(
                self.tr("已建立索引 {done} / {total} 篇；检索在完成后可用，浏览不受影响").format(
                    done=done, total=total
                )
            )
        elif total:
            self.count_label.setText(
                self.tr("已处理 {done} / {total} 个文件，已写入稿件 {stories} 篇").format(
                    done=done, total=total, stories=stories
                )
            )
        else:
            self.count_label.setText(
                shown(self.job.task_title) if self.job.task_title else self.tr("正在查找文件…")
            )
        self.file_label.setText(shown(Path(path).name) if path else "")
        self.time_label.setText(time_text(time.monotonic() - self._start, done, total))

    def _end(self, *_args: object) -> None:
        self._show_timer.stop()
        self._clock_timer.stop()
        self.hide()

    def reject(self) -> None:
        if self.job.is_running():
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("正在取消…"))
            return  # stays open until the file being written is done
        super().reject()


def summary_text(report: ImportReport) -> str:
    """What happened, in Chinese, for a message box: counts, then each skipped file and why."""
    lines = (
        [translate("ImportSummary", "导入已取消，已完成的文件保留在档案中。")]
        if report.cancelled
        else []
    )
    counts = translate("ImportSummary", "共找到 {files} 个文件：新导入 {imported} 个").format(
        files=report.files, imported=report.imported
    )
    if report.replaced:
        counts += translate("ImportSummary", "（其中 {n} 个替换了旧版本）").format(
            n=report.replaced
        )
    counts += translate("ImportSummary", "，内容未变 {unchanged} 个，跳过 {skipped} 个。").format(
        unchanged=report.unchanged, skipped=len(report.skipped)
    )
    lines += [counts, translate("ImportSummary", "写入稿件 {n} 篇。").format(n=report.stories)]
    if report.skipped:
        lines += ["", translate("ImportSummary", "以下文件未导入：")]
        for rejection in report.skipped[:SUMMARY_MAX_SKIPPED]:
            reason = rejection_text(rejection.code, rejection.message)
            lines.append(f"· {Path(rejection.path).name}：{reason}")
        more = len(report.skipped) - SUMMARY_MAX_SKIPPED
        if more > 0:
            lines.append(translate("ImportSummary", "… 另有 {n} 个").format(n=more))
    if report.duplicates:
        lines += [
            "",
            translate("ImportSummary", "以下文件与本次导入的另一个文件内容相同，只存了一份："),
        ]
        for path, first in report.duplicates[:SUMMARY_MAX_SKIPPED]:
            same = translate("ImportSummary", "与 {name} 相同").format(name=Path(first).name)
            lines.append(f"· {Path(path).name}：{same}")
    if report.unfit:
        lines += [
            "",
            translate(
                "ImportSummary", "以下 {n} 个文件的文件名不符合所给的模式，未从文件名读取信息："
            ).format(n=len(report.unfit)),
        ]
        lines += [f"· {Path(path).name}" for path in report.unfit[:SUMMARY_MAX_SKIPPED]]
        more = len(report.unfit) - SUMMARY_MAX_SKIPPED
        if more > 0:
            lines.append(translate("ImportSummary", "… 另有 {n} 个").format(n=more))
    if report.warnings:
        lines += ["", translate("ImportSummary", "以下文件已导入，但请注意：")]
        for warning in report.warnings[:SUMMARY_MAX_SKIPPED]:
            reason = rejection_text(warning.code, warning.message)
            lines.append(f"· {Path(warning.path).name}：{reason}")
    return "\n".join(lines)


def reanalysis_summary_text(report: ReanalyseReport) -> str:
    """What a reanalysis did, for a message box."""
    lines = [
        translate(
            "ImportSummary", "已重新分析 {done} / {files} 个文件；稿件 {before} 篇 → {after} 篇。"
        ).format(
            done=report.done,
            files=report.files,
            before=report.stories_before,
            after=report.stories_after,
        )
    ]
    if report.cancelled:
        lines.append(
            translate(
                "ImportSummary", "重新分析已取消：已完成的文件保留新的分析，其余文件保持原样。"
            )
        )
    return "\n".join(lines)
