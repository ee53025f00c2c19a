"""Starting the desktop application: QApplication, the main window, the event loop.

The window is shown before anything slow happens: the archive opens (and jieba loads, on the
first search) on the reader thread.

With VIEWER_REPORT_FIRST_PAINT set (benchmarks, the packaged app's smoke test) the app reports
its start-up on stdout and then quits: `first-paint <epoch>` when the window is first painted,
`ready <epoch>` when the window learns the archive is open (seconds since the epoch, so another
process can compare them with the moment it launched this one); `failed <epoch>` and exit code 1
if the archive cannot be opened.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from viewer.gui import i18n
from viewer.gui.main_window import MainWindow
from viewer.paths import app_version, resource_path

FIRST_PAINT_ENV = "VIEWER_REPORT_FIRST_PAINT"


class StartupProbe(QObject):
    """Prints the first paint and the archive being ready, then closes the window.

    Closing goes through the window's normal close (settings saved, threads stopped), so the
    process ends with the exit code a user's quit would give.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._painted = False
        self._ready = False
        self.failed = False
        # The window's first Paint event starts its first frame (offscreen and under xcb alike,
        # in the event loop's first pass after show()); its children are drawn in the same pass.
        window.installEventFilter(self)
        # The window asks for the tree the moment its reader reports the archive open. Watching
        # that request rather than the reader's own `ready` (emitted on the reader thread) cannot
        # miss a `ready` sent before this probe was connected.
        window.requestTree.connect(self._on_ready)
        # A failure sent before this line would be missed; opening fails no faster than it
        # succeeds, and a benchmark waiting on this probe has its own time limit.
        window._worker.reader.failed.connect(self._on_failed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            _report("first-paint")
            self._finish_if_done()
        return False

    def _on_ready(self) -> None:
        if not self._ready:
            self._ready = True
            _report("ready")
            self._finish_if_done()

    def _on_failed(self, message: str) -> None:
        self.failed = True
        _report("failed")
        print(message, file=sys.stderr, flush=True)
        QTimer.singleShot(0, self._window.close)

    def _finish_if_done(self) -> None:
        if self._painted and self._ready:
            # Not from inside a paint event or the window's own ready handler.
            QTimer.singleShot(0, self._window.close)


def _report(what: str) -> None:
    print(f"{what} {time.time():.6f}", flush=True)


def run(archive_dir: Path, seeds: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("NewsArchiveViewer")
    app.setApplicationName("NewsArchiveViewer")
    app.setApplicationVersion(app_version())
    app.setDesktopFileName("news-archive-viewer")  # matches packaging/linux's .desktop entry
    i18n.install_translators(app, i18n.chosen_language(QSettings()))
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "地方新闻档案"))
    icon = resource_path("resources", "icon.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    window = MainWindow(archive_dir, seeds)
    probe = StartupProbe(window) if os.environ.get(FIRST_PAINT_ENV) else None
    window.show()
    code = app.exec()
    return 1 if probe is not None and probe.failed else code
