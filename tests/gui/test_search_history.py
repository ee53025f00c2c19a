"""Recent queries in the real window: kept when acted on, per archive, searched again."""

from __future__ import annotations

from tests.gui.windows import type_text

TIMEOUT = 20_000


def search(qtbot, window, text: str) -> None:
    window.search_box.clear()
    window.search_box.setFocus()
    type_text(window.search_box, text)
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=TIMEOUT)


def history_texts(window) -> list[str]:
    return [a.text() for a in window.search_bar.history_menu.actions() if a.text()]


def test_queries_acted_on_are_remembered_per_archive_and_searched_again(qtbot, window, tmp_path):
    assert not window.search_bar.history_button.isEnabled()
    search(qtbot, window, "义诊")
    window.search_box.returnPressed.emit()  # Enter: opens the first result
    search(qtbot, window, "社区")
    window.story_view.selectRow(1)  # opening a result keeps the query too
    search(qtbot, window, "图书")  # typed, never acted on: not kept
    assert window.search_history() == ["社区", "义诊"]
    assert history_texts(window)[:2] == ["社区", "义诊"]
    assert window.search_bar.history_button.isEnabled()

    window.search_box.clear()
    qtbot.waitUntil(lambda: window.search_status.text() == "", timeout=TIMEOUT)
    (again,) = [a for a in window.search_bar.history_menu.actions() if a.text() == "义诊"]
    again.trigger()
    assert window.search_box.text() == "义诊"
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=TIMEOUT)

    window.story_view.selectRow(0)  # the same query again moves to the front, once
    assert window.search_history() == ["义诊", "社区"]

    other = tmp_path / "other"
    assert window.create_archive(other)
    qtbot.waitUntil(lambda: window.reanalyse_action.isEnabled(), timeout=60_000)
    assert window.search_history() == [] and not window.search_bar.history_button.isEnabled()
    assert window.open_existing_archive(tmp_path / "archive")
    qtbot.waitUntil(lambda: window.search_history() == ["义诊", "社区"], timeout=60_000)
    qtbot.waitUntil(lambda: history_texts(window)[:2] == ["义诊", "社区"], timeout=60_000)

    (clear,) = [a for a in window.search_bar.history_menu.actions() if a.text() == "清除搜索历史"]
    clear.trigger()
    assert window.search_history() == [] and not window.search_bar.history_button.isEnabled()
