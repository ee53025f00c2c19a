"""File → 档案中的文件 in the real window: the stored page files, removing one by mistake."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from tests.gui.windows import SEEDED_STORIES
from viewer.gui.models.files import COL_NAME, COL_STORIES, FilesModel, local_time

TIMEOUT = 60_000


def boxes(widget) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.isVisible()]


def test_the_files_model_passes_the_model_tester(qtmodeltester, qtbot, window):
    rows = []
    window.ops.read("t", lambda archive: archive.files(), rows.extend)
    qtbot.waitUntil(lambda: len(rows) == 5, timeout=TIMEOUT)
    model = FilesModel()
    model.set_files(rows)
    qtmodeltester.check(model)
    assert model.index(0, COL_STORIES).data() == str(rows[0]["stories"])


def test_removing_a_file_by_mistake_from_the_window(qtbot, window):
    dialog = window.show_files()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5, timeout=TIMEOUT)
    assert (
        "5 个文件" in dialog.summary.text() and f"{SEEDED_STORIES} 篇稿件" in dialog.summary.text()
    )
    assert not dialog.remove_button.isEnabled()
    row = max(range(5), key=lambda r: int(dialog.proxy.index(r, COL_STORIES).data()))
    name = dialog.proxy.index(row, COL_NAME).data()
    stories = int(dialog.proxy.index(row, COL_STORIES).data())
    dialog.view.selectionModel().select(
        dialog.proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert dialog.remove_button.isEnabled()

    dialog.remove_button.click()  # asks first, naming the file and its stories
    (question,) = boxes(dialog)
    assert f"{stories} 篇稿件" in question.text() and name in question.informativeText()
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.model.rowCount() == 5

    dialog.remove_button.click()
    (question,) = boxes(dialog)
    (delete,) = [
        b
        for b in question.buttons()
        if question.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    delete.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4, timeout=TIMEOUT)
    assert name not in [dialog.proxy.index(r, COL_NAME).data() for r in range(4)]
    assert f"已删除 1 个文件（{stories} 篇稿件）" == dialog.note.text()
    qtbot.waitUntil(
        lambda: window.story_model.rowCount() == SEEDED_STORIES - stories, timeout=TIMEOUT
    )


def test_a_write_that_fails_is_a_message_and_the_window_goes_on(qtbot, window):
    def broken(_archive):
        raise OSError("设备上没有空间")

    done = []
    assert window.run_write("正在删除文件", broken, done.append)
    qtbot.waitUntil(lambda: bool(boxes(window)), timeout=TIMEOUT)
    (box,) = boxes(window)
    assert "设备上没有空间" in box.text() and "正在删除文件" in box.text()
    assert done == [] and not window.import_job.is_running()
    box.accept()
    # The next write runs as usual.
    assert window.run_write("x", lambda archive: len(archive.files()), done.append)
    qtbot.waitUntil(lambda: done == [5], timeout=TIMEOUT)


def test_import_times_are_shown_in_local_time():
    from datetime import UTC, datetime

    moment = datetime(2026, 11, 30, 13, 26, 10, tzinfo=UTC)
    assert local_time(moment.isoformat()) == moment.astimezone().strftime("%Y-%m-%d %H:%M")
    assert local_time("2026-11-30T13:26:10") == local_time(moment.isoformat())  # naive: UTC
    assert local_time("不是时间") == "不是时间"
