"""Starting the desktop application: QApplication, the main window, the event loop.

The window is shown before anything slow happens: the archive opens (and jieba loads, on the
first search) on the reader thread.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from viewer import app_version
from viewer.gui.main_window import MainWindow


def run(archive_dir: Path, seeds: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("NewsArchiveViewer")
    app.setApplicationName("NewsArchiveViewer")
    app.setApplicationDisplayName("地方新闻档案")
    app.setApplicationVersion(app_version())
    window = MainWindow(archive_dir, seeds)
    window.show()
    return app.exec()
