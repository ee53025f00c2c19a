"""Guards on the pinned Qt binding itself.

PySide6 6.12.0 drops a reference to `True` on every `Signal.emit()` from Python. On Python 3.11,
where `True` is not immortal, a few thousand emits (a long session: every click, keystroke and
answer is one) make the interpreter abort with "Fatal Python error: bool_dealloc". 6.11.3 does not
leak; this test fails if the pin ever moves to a version that does.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    number = Signal(int)
    payload = Signal(int, object)


def test_emitting_signals_does_not_leak_references_to_booleans(qapp) -> None:
    emitter = _Emitter()
    received = []
    emitter.payload.connect(lambda n, obj: received.append(n))
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for n in range(200):  # few enough that a leaking binding cannot abort the test run
        emitter.plain.emit()
        emitter.number.emit(n)
        emitter.payload.emit(n, {"ok": True})
    after = (sys.getrefcount(True), sys.getrefcount(False))
    assert len(received) == 200
    # Some slack for references held by the test itself; a leak loses 200 or more.
    assert abs(after[0] - before[0]) < 20 and abs(after[1] - before[1]) < 20
