"""The window step of `viewer --smoke-test`: the real main window opens and shows the archive.

Run in the packaged program this proves that Qt, its platform plugin and the reader thread work
in the bundle. Window settings go to a temporary file so the check leaves the user's layout alone.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from viewer.gui.main_window import MainWindow


def open_main_window(archive_dir: Path, seeds: Path | None, timeout_s: float) -> tuple[int, int]:
    """Show the main window on `archive_dir`, wait until its place tree and story list are filled,
    close it; returns (top-level places, stories listed). TimeoutError if they never fill."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="viewer-smoke-settings-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(archive_dir, seeds, settings)
        loop = QEventLoop()

        def filled() -> bool:
            return bool(window.tree_model.rowCount() and window.story_model.rowCount())

        def quit_when_filled() -> None:
            if filled():
                loop.quit()

        # The reader thread answers through queued signals; each answer resets one model.
        window.tree_model.modelReset.connect(quit_when_filled)
        window.story_model.modelReset.connect(quit_when_filled)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        window.show()
        try:
            if not filled():
                loop.exec()
            if not filled():
                raise TimeoutError(
                    QCoreApplication.translate(
                        "Smoke", "窗口在 {s:.0f} 秒内没有显示地点树和稿件列表"
                    ).format(s=timeout_s)
                )
            return window.tree_model.rowCount(), window.story_model.rowCount()
        finally:
            window.close()  # stops the reader thread and the import job
            window.deleteLater()
            app.processEvents()
