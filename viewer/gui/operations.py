"""One way for the window to ask the archive something: `ops.read(channel, fn, done)`.

`fn(archive)` runs on the reader thread (which owns the window's Archive); `done(result)` runs on
the GUI thread. Each channel ("list", "story", "profile" …) keeps only its newest request: an
answer to a request replaced since (fast typing, quick clicks) is dropped. A failure reaches
`failed(message)` if given, else the window's error handler, so no error is only printed to
stderr. Adding a new read is one call, not a new pair of signals (anki's QueryOp).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from viewer.archive import Archive

T = TypeVar("T")


@dataclass
class _Pending:
    request: int
    done: Callable[[Any], None]
    failed: Callable[[str], None] | None


class ArchiveOps(QObject):
    """The window's side of the reader thread: requests out, answers matched back."""

    # channel, request, fn(archive): queued to ArchiveReader.run on the reader thread
    submitted = Signal(str, int, object)
    # channel, request: its `done` or `failed` has run (benchmarks and tests watch it)
    handled = Signal(str, int)

    def __init__(self, on_error: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_error = on_error
        self._numbers = itertools.count(1)
        self._pending: dict[str, _Pending] = {}

    def read(
        self,
        channel: str,
        fn: Callable[[Archive], T],
        done: Callable[[T], None],
        failed: Callable[[str], None] | None = None,
    ) -> int:
        """Run `fn(archive)` on the reader thread, replacing the channel's pending request;
        returns the request's number."""
        request = next(self._numbers)
        self._pending[channel] = _Pending(request, done, failed)
        self.submitted.emit(channel, request, fn)
        return request

    def forget(self, channel: str) -> None:
        """Drop the channel's pending request: its answer, when it comes, is ignored."""
        self._pending.pop(channel, None)

    def forget_all(self) -> None:
        """Drop every pending request (the window is switching to another archive)."""
        self._pending.clear()

    def is_pending(self, channel: str) -> bool:
        return channel in self._pending

    def _take(self, channel: str, request: int) -> _Pending | None:
        pending = self._pending.get(channel)
        if pending is None or pending.request != request:
            return None  # stale: a newer request of this channel was made, or it was forgotten
        del self._pending[channel]
        return pending

    @Slot(str, int, object)
    def on_answered(self, channel: str, request: int, result: object) -> None:
        pending = self._take(channel, request)
        if pending is not None:
            pending.done(result)
            self.handled.emit(channel, request)

    @Slot(str, int, str)
    def on_errored(self, channel: str, request: int, message: str) -> None:
        pending = self._take(channel, request)
        if pending is not None:
            (pending.failed or self._on_error)(message)
            self.handled.emit(channel, request)
