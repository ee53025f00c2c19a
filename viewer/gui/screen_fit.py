"""Keeping the main window on its screen: a first-start size that fits a small laptop (1366×768
less the task bar) and a saved geometry from a bigger monitor brought back within the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtWidgets import QWidget

PREFERRED_SIZE = QSize(1400, 860)
# The title bar and borders are unknown until the window manager has framed the window once:
# leave room for a typical frame so the whole frame, not only the client area, fits.
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(window: QWidget) -> QRect:
    """The usable area (task bars excluded) of the screen the window is, or will be, on."""
    return window.screen().availableGeometry()


def default_frame(available: QRect, preferred: QSize = PREFERRED_SIZE) -> QRect:
    """Where the window's frame goes on first start: the preferred size plus a typical frame,
    shrunk to fit `available` and centred in it."""
    size = (preferred + FRAME_ALLOWANCE).boundedTo(available.size())
    frame = QRect(0, 0, size.width(), size.height())
    frame.moveCenter(available.center())
    return frame


def place_by_default(window: QWidget) -> None:
    """First start: the preferred size, or less on a small screen, centred on the screen."""
    frame = default_frame(available_geometry(window))
    window.resize(frame.size() - FRAME_ALLOWANCE)
    window.move(frame.topLeft())  # a window's position is its frame's


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move `window` so its frame lies within its screen's available area."""
    if window.isMaximized() or window.isFullScreen():
        return  # the window manager sizes those to the screen itself
    available = available_geometry(window)
    frame = window.frameGeometry()
    geometry = window.geometry()
    # Before the first show the frame equals the geometry: assume a typical frame then.
    extra_w = frame.width() - geometry.width() or FRAME_ALLOWANCE.width()
    extra_h = frame.height() - geometry.height() or FRAME_ALLOWANCE.height()
    width = min(geometry.width(), available.width() - extra_w)
    height = min(geometry.height(), available.height() - extra_h)
    if (width, height) != (geometry.width(), geometry.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    left = min(max(frame.left(), available.left()), available.right() + 1 - frame.width())
    top = min(max(frame.top(), available.top()), available.bottom() + 1 - frame.height())
    if (left, top) != (frame.left(), frame.top()):
        window.move(left, top)


class _RefitOnFirstShow(QObject):
    """Fits the window again once it has been shown: only then are its real frame margins
    known (restoreGeometry itself can leave a pixel of the frame off the screen)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self.parent()
        if watched is window and isinstance(window, QWidget) and event.type() == QEvent.Type.Show:
            window.removeEventFilter(self)
            QTimer.singleShot(0, window, lambda: fit_to_screen(window))
        return False


def keep_on_screen(window: QWidget) -> None:
    """Fit `window` to its screen now and again when it is first shown."""
    fit_to_screen(window)
    window.installEventFilter(_RefitOnFirstShow(window))
