"""Corrections in the real window on the seed archive: the story's 更正… dialog, the fact panel's
and the place tree's context menus, the corrections view (undo) and the places to review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.windows import SEEDED_STORIES, select_place
from viewer.gui.corrections import (
    CorrectionsDialog,
    FactFixDialog,
    PlaceChooser,
    StoryCorrectionDialog,
)
from viewer.gui.models import FACT_ROLE, KEY_ROLE
from viewer.gui.models.corrections import (
    COL_NEW,
    COL_OLD,
    COL_STATE,
    COL_TARGET,
    COL_WHAT,
    REVIEW_NAME,
    REVIEW_REASONS,
    REVIEW_STORIES,
    CorrectionsModel,
    ReviewModel,
)

TIMEOUT = 60_000
PAGE_A = "000_0e35cbca75cbf43d.txt"  # as in tests/test_corrections.py
NEW_TITLE = "琥珀鹦鹉螺"  # in no seed page


def row_of(window, name: str, seq: int) -> int | None:
    model = window.story_model
    for row in range(model.rowCount()):
        story = model.story(row)
        if Path(story["source_file"]).name == name and story["seq"] == seq:
            return row
    return None


def open_story(qtbot, window, name: str, seq: int) -> int:
    """Select the story at `seq` on page `name` in the list; its id once the reader shows it."""
    row = row_of(window, name, seq)
    assert row is not None
    story_id = window.story_model.story(row)["id"]
    index = window.story_proxy.mapFromSource(window.story_model.index(row, 0))
    window.story_view.selectRow(index.row())
    qtbot.waitUntil(lambda: (window.reader.story() or {}).get("id") == story_id, timeout=TIMEOUT)
    return story_id


def titles(window) -> dict[int, str]:
    model = window.story_model
    return {model.story(r)["id"]: model.story(r)["title"] for r in range(model.rowCount())}


def search(qtbot, window, text: str) -> set[int]:
    window.search_bar.set_status("")  # an earlier search's status is no answer to this one
    window.search_box.setText(text)
    window._run_search()
    qtbot.waitUntil(lambda: "条结果" in window.search_bar.status.text(), timeout=TIMEOUT)
    return set(titles(window))


def error_boxes(window) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def correct_title_in_dialog(qtbot, window, title: str) -> int:
    story_id = open_story(qtbot, window, PAGE_A, 0)
    window.corrections.story_action.trigger()
    (dialog,) = [d for d in window.findChildren(StoryCorrectionDialog) if d.isVisible()]
    dialog.title.setText(title)
    assert dialog.changes() == [("correct_title", (title,))]
    dialog.accept()
    qtbot.waitUntil(lambda: titles(window).get(story_id) == title, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.reader.story()["title"] == title, timeout=TIMEOUT)
    return story_id


def test_a_title_corrected_in_the_dialog_is_in_the_list_the_reader_and_a_search(qtbot, window):
    before = search(qtbot, window, NEW_TITLE)
    assert not before  # the test can fail
    window.search_box.setText("")
    window._run_search()
    qtbot.waitUntil(lambda: window.story_model.rowCount() == SEEDED_STORIES, timeout=TIMEOUT)
    story_id = correct_title_in_dialog(qtbot, window, NEW_TITLE)
    assert window.reader.headline_label.text() == NEW_TITLE
    assert search(qtbot, window, NEW_TITLE) == {story_id}


def test_story_dialog_changes_date_kind_and_places(qtbot, window):
    story_id = open_story(qtbot, window, PAGE_A, 1)  # a story naming 紫荆路社区
    story = window.reader.story()
    assert "紫荆路社区" in story["places"]
    window.corrections.story_action.trigger()
    (dialog,) = [d for d in window.findChildren(StoryCorrectionDialog) if d.isVisible()]
    dialog.date.setText("2021-05-04")
    dialog.kind.setCurrentIndex(dialog.kind.findData("brief"))
    (item,) = dialog.places.findItems("紫荆路社区", Qt.MatchFlag.MatchExactly)
    item.setSelected(True)
    dialog.remove_selected()
    dialog.new_place.setText("新华北路社区")
    dialog.add_place()
    assert [m for m, _ in dialog.changes()] == [
        "correct_date",
        "correct_kind",
        "remove_story_place",
        "add_story_place",
    ]
    dialog.accept()

    def shown() -> bool:
        story = window.reader.story()
        return (
            story["id"] == story_id
            and story["date"] == "2021-05-04"
            and story["kind"] == "brief"
            and "新华北路社区" in story["places"]
            and "紫荆路社区" not in story["places"]
        )

    qtbot.waitUntil(shown, timeout=TIMEOUT)


def test_a_bad_date_is_refused_with_the_cores_message(qtbot, window):
    open_story(qtbot, window, PAGE_A, 0)
    window.corrections.story_action.trigger()
    (dialog,) = [d for d in window.findChildren(StoryCorrectionDialog) if d.isVisible()]
    dialog.date.setText("2021-13-01")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(error_boxes(window)), timeout=TIMEOUT)
    (box,) = error_boxes(window)
    assert "YYYY-MM-DD" in box.text() and "2021-13-01" in box.text()
    assert "Traceback" not in box.text()
    box.accept()


def test_facts_rejected_and_fixed_from_the_fact_panel(qtbot, window):
    open_story(qtbot, window, PAGE_A, 3)

    def fact_index(text: str):
        model = window.fact_model
        for k in range(model.rowCount()):
            group = model.index(k, 0)
            for r in range(model.rowCount(group)):
                index = model.index(r, 0, group)
                if index.data(FACT_ROLE)["text"] == text:
                    return index
        return None

    def texts() -> set[str]:
        return {f["text"] for f in window.reader.story()["facts"]}

    assert {"惠民", "20件"} <= texts()
    assert window.corrections.fact_menu(window.fact_model.index(0, 0)) is None  # a group row
    menu = window.corrections.fact_menu(fact_index("惠民"))
    (reject,) = [a for a in menu.actions() if a.text() == "删除此要素"]
    reject.trigger()
    qtbot.waitUntil(lambda: "惠民" not in texts(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: fact_index("惠民") is None, timeout=TIMEOUT)

    menu = window.corrections.fact_menu(fact_index("20件"))
    (fix,) = [a for a in menu.actions() if a.text() == "修改…"]
    fix.trigger()
    (dialog,) = [d for d in window.findChildren(FactFixDialog) if d.isVisible()]
    assert dialog.value.isEnabled() and dialog.value.text() == "20"
    dialog.text.setText("21件")
    dialog.value.setText("21")
    dialog.accept()
    qtbot.waitUntil(lambda: "21件" in texts() and "20件" not in texts(), timeout=TIMEOUT)
    fixed = next(f for f in window.reader.story()["facts"] if f["text"] == "21件")
    assert fixed["value"] == 21


def stories_of(qtbot, window, place: str) -> set[int]:
    """The stories the archive lists under a place (read as the window reads)."""
    found: list[set[int]] = []
    window.ops.read("test", lambda archive: {s["id"] for s in archive.stories(place)}, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=TIMEOUT)
    return found[0]


def place_index(window, name: str, kind: str):
    return window.tree_proxy.mapFromSource(window.tree_model.index_for_key((name, kind)))


def test_a_place_merged_from_the_tree_context_menu(qtbot, window):
    merged = stories_of(qtbot, window, "学院路社区")
    assert merged and not merged & stories_of(qtbot, window, "紫荆路社区")
    menu = window.corrections.place_menu(place_index(window, "学院路社区", "community"))
    (merge,) = [a for a in menu.actions() if a.text() == "合并到…"]
    merge.trigger()
    (chooser,) = [d for d in window.findChildren(PlaceChooser) if d.isVisible()]
    completions = chooser.name.completer().model()
    names = {completions.index(r, 0).data() for r in range(completions.rowCount())}
    assert "紫荆路社区" in names and "学院路社区" not in names
    chooser.name.setText("紫荆路社区")
    chooser.accept()
    qtbot.waitUntil(
        lambda: not window.tree_model.index_for_key(("学院路社区", "community")).isValid(),
        timeout=TIMEOUT,
    )
    select_place(window, "紫荆路社区", "community")
    qtbot.waitUntil(lambda: merged <= set(titles(window)), timeout=TIMEOUT)


def test_a_place_moved_under_its_own_child_is_refused_with_a_message(qtbot, window):
    menu = window.corrections.place_menu(place_index(window, "紫荆路街道", "street"))
    (move,) = [a for a in menu.actions() if a.text() == "移到…下"]
    move.trigger()
    (chooser,) = [d for d in window.findChildren(PlaceChooser) if d.isVisible()]
    chooser.name.setText("紫荆路社区")
    chooser.accept()
    qtbot.waitUntil(lambda: bool(error_boxes(window)), timeout=TIMEOUT)
    (box,) = error_boxes(window)
    assert "不能把地点“紫荆路街道”移到它自己或它下属的地点之下" in box.text()
    box.accept()


def test_undo_from_the_corrections_view_brings_the_old_title_back(qtbot, qtmodeltester, window):
    story_id = open_story(qtbot, window, PAGE_A, 0)
    old = window.reader.story()["title"]
    correct_title_in_dialog(qtbot, window, NEW_TITLE)
    dialog = window.corrections.show_corrections()
    assert isinstance(dialog, CorrectionsDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    qtmodeltester.check(dialog.model)
    cells = [dialog.model.index(0, c).data() for c in (COL_WHAT, COL_OLD, COL_NEW, COL_STATE)]
    assert cells == ["标题", old, NEW_TITLE, "已应用"]
    assert not dialog.undo_button.isEnabled()
    dialog.view.selectRow(0)
    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: titles(window).get(story_id) == old, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.reader.story()["title"] == old, timeout=TIMEOUT)
    assert dialog.summary.text() == "0 项更正"


def test_a_correction_survives_a_reimport_and_a_reindex(qtbot, window):
    story_id = correct_title_in_dialog(qtbot, window, NEW_TITLE)
    path = window.story_model.story(row_of(window, PAGE_A, 0))["source_file"]
    dialog = window.corrections.show_corrections()
    done = []
    assert window.run_write("删除", lambda archive: archive.remove_files([path]), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    dialog.reload()
    qtbot.waitUntil(
        lambda: (
            dialog.model.rowCount() == 1
            and dialog.model.index(0, COL_STATE).data() == "稿件已不在档案中"
        ),
        timeout=TIMEOUT,
    )
    assert dialog.model.index(0, COL_TARGET).data() == "（稿件已不在档案中）"
    qtbot.waitUntil(lambda: row_of(window, PAGE_A, 0) is None, timeout=TIMEOUT)
    assert story_id not in titles(window)

    window.start_import([Path(path)])
    qtbot.waitUntil(lambda: not window.import_job.is_running(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: row_of(window, PAGE_A, 0) is not None, timeout=TIMEOUT)
    again = window.story_model.story(row_of(window, PAGE_A, 0))
    assert again["title"] == NEW_TITLE
    assert search(qtbot, window, NEW_TITLE) == {again["id"]}
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.model.index(0, COL_STATE).data() == "已应用", timeout=TIMEOUT)

    done.clear()
    assert window.run_write("重建索引", lambda archive: archive.reindex(), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    assert search(qtbot, window, NEW_TITLE) == {again["id"]}


def test_the_review_list_shows_a_doubtful_place_and_verifying_removes_it(
    qtbot, qtmodeltester, window
):
    dialog = window.corrections.show_corrections()
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.review_model.rowCount() > 0, timeout=TIMEOUT)
    qtmodeltester.check(dialog.review_model)
    model = dialog.review_model
    names = [model.index(r, REVIEW_NAME).data() for r in range(model.rowCount())]
    row = names.index("学院路社区")
    assert model.index(row, REVIEW_STORIES).data() == "2"
    assert "没有找到上级地点" in model.index(row, REVIEW_REASONS).data()
    count = model.rowCount()
    assert not dialog.verify_button.isEnabled()
    dialog.review_view.selectRow(row)
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: model.rowCount() == count - 1, timeout=TIMEOUT)
    assert "学院路社区" not in [model.index(r, REVIEW_NAME).data() for r in range(count - 1)]
    # and the verification is listed as a correction, undoable
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    assert dialog.model.index(0, COL_NEW).data() == "已核实"


def test_the_models_pass_the_model_tester_on_every_kind_of_correction(
    qtmodeltester, tmp_path, seeds_dir
):
    from tests.test_corrections import make_corrections
    from viewer.archive import Archive

    archive = Archive(tmp_path / "archive")
    archive.import_paths([seeds_dir], workers=0)
    make_corrections(archive)
    model = CorrectionsModel()
    model.set_corrections(archive.corrections())
    qtmodeltester.check(model)
    whats = [model.index(r, COL_WHAT).data() for r in range(model.rowCount())]
    assert len(set(whats)) == 10
    for r in range(model.rowCount()):
        assert model.index(r, COL_NEW).data() or model.index(r, COL_OLD).data()
    review = ReviewModel()
    review.set_places(archive.places_to_review())
    qtmodeltester.check(review)
    archive.close()


def test_a_contested_place_is_moved_and_verified_from_the_review_list(qtbot, tmp_path):
    from tests.gui.windows import open_window
    from tests.test_corrections import CONTESTED

    folder = tmp_path / "contested"
    folder.mkdir()
    for name, text in CONTESTED.items():
        (folder / name).write_text(text, encoding="utf-8")
    window = open_window(qtbot, tmp_path, folder)
    dialog = window.corrections.show_corrections()
    dialog.tabs.setCurrentIndex(1)
    model = dialog.review_model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=TIMEOUT)
    assert model.index(0, REVIEW_NAME).data() == "柳岸社区"
    assert "王府街道" in model.index(0, REVIEW_REASONS).data()

    def under_the_street() -> bool:
        place = window.tree_model.index_for_key(("柳岸社区", "community"))
        return place.parent().data(KEY_ROLE) == ("王府街道", "street")

    assert not under_the_street()  # the analysis chose the other street

    dialog.review_view.selectRow(0)
    dialog.move_button.click()
    (chooser,) = [d for d in window.findChildren(PlaceChooser) if d.isVisible()]
    chooser.name.setText("王府街道")
    chooser.accept()
    qtbot.waitUntil(under_the_street, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)  # the move, listed
    dialog.review_view.selectRow(0)
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=TIMEOUT)
    assert dialog.review_summary.text() == "0 个地点待核实"
    window.close()
