"""The window's one way to ask the archive something (`window.ops.read`), on the real reader
thread with a real archive: answers reach the asker, stale ones are dropped, and a failure is a
message in the window, never only a line on stderr."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

TIMEOUT = 20_000


def wait_handled(qtbot, window, channel: str, request: int) -> None:
    handled = []
    window.ops.handled.connect(lambda c, r: handled.append((c, r)))
    qtbot.waitUntil(lambda: (channel, request) in handled, timeout=TIMEOUT)


def message_boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_a_read_answers_on_the_gui_thread_with_what_the_archive_returned(qtbot, window):
    answers = []
    request = window.ops.read("count", lambda archive: len(archive.stories()), answers.append)
    wait_handled(qtbot, window, "count", request)
    assert answers == [window.story_model.rowCount()] and answers[0] > 0


def test_only_the_newest_request_of_a_channel_is_answered(qtbot, window):
    answers = []
    for n in range(5):
        request = window.ops.read("same", lambda _archive, n=n: n, answers.append)
    other = []
    window.ops.read("other", lambda _archive: "kept", other.append)
    wait_handled(qtbot, window, "same", request)
    qtbot.waitUntil(lambda: other == ["kept"], timeout=TIMEOUT)
    assert answers == [4]


def test_an_exception_in_an_archive_operation_is_a_message_in_the_window(qtbot, window):
    def broken(_archive):
        raise RuntimeError("磁盘上的某个东西坏了")

    request = window.ops.read("broken", broken, lambda _: None)
    wait_handled(qtbot, window, "broken", request)
    boxes = message_boxes(window)
    assert len(boxes) == 1 and "磁盘上的某个东西坏了" in boxes[0].text()
    assert "磁盘上的某个东西坏了" in window.statusBar().currentMessage()

    # A second failure while the first is still shown updates that box: no pile of dialogs.
    def unreadable(_archive):
        raise sqlite3.DatabaseError("file is not a database")

    request = window.ops.read("broken", unreadable, lambda _: None)
    wait_handled(qtbot, window, "broken", request)
    boxes = message_boxes(window)
    assert len(boxes) == 1 and "file is not a database" in boxes[0].text()
    boxes[0].accept()
    qtbot.waitUntil(lambda: not message_boxes(window), timeout=TIMEOUT)

    # The asker may take the failure itself (the search bar shows a query's problem).
    failures = []
    request = window.ops.read("broken", broken, lambda _: None, failures.append)
    wait_handled(qtbot, window, "broken", request)
    assert failures == ["出错了：磁盘上的某个东西坏了"] and not message_boxes(window)


def test_a_failed_search_is_said_in_the_search_bar(qtbot, window):
    window.search_bar.query.setText("(((((((((((((((((((((((((((((((((((((((((((((((((((((((x")
    qtbot.waitUntil(lambda: "查询有误" in window.search_status.text(), timeout=TIMEOUT)
    assert not message_boxes(window)
