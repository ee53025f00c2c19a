"""Tags, notes and bookmarks in the real window, on a real archive of the seed pages: added from
the reader, shown, searched from a tag, kept through removing and importing the page again and
through a rebuilt index; a note is never lost on leaving the story or closing the window."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.windows import open_window, tooltip_text, type_text
from viewer.archive import AnnotationError, Archive
from viewer.gui import i18n
from viewer.gui.annotations import tag_query
from viewer.gui.core_text import ANNOTATION_ERROR_TEXTS, annotation_error_text
from viewer.gui.main_window import MainWindow
from viewer.store import annotating

TIMEOUT = 60_000
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def pages(tmp_path: Path, seeds_dir: Path) -> Path:
    """The seed pages copied, so one can be removed from the archive and imported again."""
    copy = tmp_path / "pages"
    shutil.copytree(seeds_dir, copy)
    return copy


@pytest.fixture
def win(qtbot, tmp_path: Path, pages: Path):
    window = open_window(qtbot, tmp_path, pages)
    yield window
    window.close()


def open_row(qtbot, win: MainWindow, row: int) -> dict:
    win.story_view.selectRow(row)
    wanted = win.story_model.story(win.story_proxy.mapToSource(win.story_proxy.index(row, 0)).row())
    qtbot.waitUntil(lambda: (win.reader.story() or {}).get("id") == wanted["id"], timeout=TIMEOUT)
    return win.reader.story()


def write(qtbot, win: MainWindow, work) -> object:
    results: list[object] = []
    assert win.run_write("test", work, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT)
    return results[0]


def stored(qtbot, win: MainWindow, story_id: int) -> dict:
    """The story as the archive holds it now (read through the window's reader thread)."""
    answers: list[dict] = []
    win.ops.read("test-story", lambda archive: archive.story(story_id), answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=TIMEOUT)
    return answers[0]


def listed_ids(win: MainWindow) -> list[int]:
    return [win.story_model.story(r)["id"] for r in range(win.story_model.rowCount())]


def search(qtbot, win: MainWindow, query: str) -> list[int]:
    win.search_for(query)
    qtbot.waitUntil(lambda: "条结果" in win.search_status.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not win.ops.is_pending("list"), timeout=TIMEOUT)
    return listed_ids(win)


def test_tag_note_and_bookmark_from_the_reader_survive_reimport_and_reindex(qtbot, win, pages):
    annotator = win.annotator
    story = open_row(qtbot, win, 0)
    assert annotator.tag_bar.tags() == [] and not annotator.bookmark_action.isChecked()

    # A tag, typed (as an input method delivers Chinese) and entered.
    edit = annotator.tag_bar.tag_edit
    edit.setFocus()
    type_text(edit, "回访")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: annotator.tag_bar.tags() == ["回访"], timeout=TIMEOUT)
    assert edit.text() == ""
    (button,) = annotator.tag_bar.tag_buttons()
    assert button.text() == "回访"

    # A note, saved with the button.
    note = annotator.note_editor
    note.edit.setFocus()
    type_text(note.edit, "义诊人数待核实")
    assert note.status.text() == "未保存"
    note.save_button.click()
    qtbot.waitUntil(
        lambda: (win.reader.story() or {}).get("note") == "义诊人数待核实", timeout=TIMEOUT
    )
    assert note.status.text() == "已保存"

    # A bookmark, from the Story menu's action (Ctrl+D).
    assert annotator.bookmark_action in win.story_menu.actions()
    assert annotator.bookmark_action.shortcut().toString() == "Ctrl+D"
    assert annotator.bookmark_action.text() == "加书签"
    annotator.bookmark_action.trigger()
    qtbot.waitUntil(lambda: (win.reader.story() or {}).get("bookmarked") is True, timeout=TIMEOUT)
    assert annotator.bookmark_action.isChecked()
    assert annotator.bookmark_action.text() == "取消书签"
    assert annotator.tag_bar.tags() == ["回访"]  # the reload kept what was there

    # Clicking the tag searches it: the story is the one hit.
    annotator.tag_bar.tag_buttons()[0].click()
    assert win.search_box.text() == "tag:回访"
    qtbot.waitUntil(lambda: listed_ids(win) == [story["id"]], timeout=TIMEOUT)

    # The page removed from the archive and imported again: new ids, same annotations.
    source = story["source_file"]
    write(qtbot, win, lambda archive: archive.remove_files([source]))
    assert search(qtbot, win, "tag:回访") == []
    win.start_import([Path(source)])
    qtbot.waitUntil(lambda: not win.import_job.is_running(), timeout=TIMEOUT)
    (again,) = search(qtbot, win, "tag:回访")
    assert again != story["id"]
    open_row(qtbot, win, 0)
    assert annotator.tag_bar.tags() == ["回访"]
    assert note.text() == "义诊人数待核实" and note.status.text() == "已保存"
    assert annotator.bookmark_action.isChecked()

    # A rebuilt index loses none of it.
    write(qtbot, win, lambda archive: archive.reindex())
    assert search(qtbot, win, "tag:回访") == [again]
    assert search(qtbot, win, "note:人数") == [again]
    assert search(qtbot, win, "is:bookmarked") == [again]

    # Removing the tag and the bookmark from the reader.
    open_row(qtbot, win, 0)
    annotator.tag_bar.remove_buttons()[0].click()
    qtbot.waitUntil(lambda: (win.reader.story() or {}).get("tags") == [], timeout=TIMEOUT)
    assert annotator.tag_bar.tags() == []
    annotator.bookmark_action.trigger()
    qtbot.waitUntil(lambda: (win.reader.story() or {}).get("bookmarked") is False, timeout=TIMEOUT)
    assert annotator.bookmark_action.text() == "加书签"


def test_an_edited_note_is_saved_on_leaving_the_story_and_on_closing(qtbot, win, tmp_path):
    first = open_row(qtbot, win, 0)
    editor = win.annotator.note_editor.edit
    editor.setFocus()
    type_text(editor, "离开时保存")
    second = open_row(qtbot, win, 1)  # not saved by hand
    assert editor.toPlainText() == ""
    qtbot.waitUntil(
        lambda: stored(qtbot, win, first["id"])["note"] == "离开时保存", timeout=TIMEOUT
    )
    open_row(qtbot, win, 0)
    assert editor.toPlainText() == "离开时保存"

    open_row(qtbot, win, 1)
    editor.setFocus()
    type_text(editor, "关窗时保存")
    win.close()  # waits for the note to be written, then closes
    assert win.annotator.unsaved_notes() == {second["id"]: "关窗时保存"}
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=TIMEOUT)
    with Archive(tmp_path / "archive") as archive:
        assert archive.story(second["id"])["note"] == "关窗时保存"
        assert archive.story(first["id"])["note"] == "离开时保存"


def test_a_tag_the_core_refuses_is_said_and_kept_in_the_box(qtbot, win):
    open_row(qtbot, win, 0)
    edit = win.annotator.tag_bar.tag_edit
    too_long = "长" * (annotating.MAX_TAG_CHARS + 1)
    edit.setText(too_long)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win._error_box is not None, timeout=TIMEOUT)
    assert win._error_box.text() == f"标签太长（最多 {annotating.MAX_TAG_CHARS} 个字）"
    assert edit.text() == too_long  # the user's text is not thrown away
    assert win.annotator.tag_bar.tags() == []
    win._error_box.button(QMessageBox.StandardButton.Ok).click()


def test_the_overview_lists_tags_and_bookmarks_and_searches_them(qtbot, win):
    story = open_row(qtbot, win, 2)
    sid = story["id"]
    write(qtbot, win, lambda archive: (archive.add_tag([sid], "a (b)"), archive.set_bookmark(sid)))
    dialog = win.show_annotations()
    qtbot.waitUntil(lambda: dialog.tag_list.count() == 1, timeout=TIMEOUT)
    assert dialog.tag_list.item(0).text() == "a (b)（1 篇）"
    assert dialog.bookmark_list.count() == 1
    dialog.tag_list.itemClicked.emit(dialog.tag_list.item(0))
    assert win.search_box.text() == 'tag:"a (b)"'
    qtbot.waitUntil(lambda: listed_ids(win) == [sid], timeout=TIMEOUT)
    win.search_for("")
    qtbot.waitUntil(lambda: len(listed_ids(win)) > 1, timeout=TIMEOUT)
    win.annotator.show_story(None)
    dialog.bookmark_list.itemClicked.emit(dialog.bookmark_list.item(0))
    qtbot.waitUntil(lambda: (win.reader.story() or {}).get("id") == sid, timeout=TIMEOUT)


def test_tag_queries_quote_what_the_parser_would_split():
    assert tag_query("回访") == "tag:回访"
    assert tag_query("two words") == 'tag:"two words"'
    assert tag_query('say "hi" now') == 'tag:“say "hi" now”'


def _core_messages() -> set[str]:
    messages = set()
    for bad in ("", " ", "长" * (annotating.MAX_TAG_CHARS + 1), "\ud800"):
        with pytest.raises(AnnotationError) as caught:
            annotating.clean_tag(bad)
        messages.add(str(caught.value))
    for bad in ("长" * (annotating.MAX_NOTE_CHARS + 1), "\ud800"):
        with pytest.raises(AnnotationError) as caught:
            annotating.set_note(None, 1, bad)  # checked before the database is touched
        messages.add(str(caught.value))
    return messages


def test_annotation_errors_have_english_translations(qapp: QApplication, tmp_path: Path):
    """Each of the core's messages is in the table (the note ones share the tag ones' shape) and
    comes out in English with its number."""
    for message in _core_messages():
        template = message.replace(str(annotating.MAX_TAG_CHARS), "{n}").replace(
            str(annotating.MAX_NOTE_CHARS), "{n}"
        )
        assert template in ANNOTATION_ERROR_TEXTS, message
    assert str(annotating.UnknownStory(7)).replace("7", "{n}") in ANNOTATION_ERROR_TEXTS
    qm = tmp_path / "viewer_en.qm"
    ts = REPO / "resources" / "i18n" / "viewer_en.ts"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translators = i18n.install_translators(qapp, i18n.ENGLISH, catalogue=qm)
    try:
        assert (
            annotation_error_text("标签太长（最多 50 个字）")
            == "Tag too long (at most 50 characters)"
        )
        assert annotation_error_text("笔记太长（最多 20000 个字）").startswith("Note too long")
        assert annotation_error_text("别的") == "别的"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(i18n.CHINESE))


def test_a_note_written_elsewhere_shows_and_closing_keeps_it(qtbot, win, tmp_path):
    """The open story read again after another write shows that write's note; an editor the
    user has not touched is not saved over it when the window closes."""
    story = open_row(qtbot, win, 0)
    sid = story["id"]
    write(qtbot, win, lambda archive: archive.set_note(sid, "别处写的笔记"))
    qtbot.waitUntil(
        lambda: (win.reader.story() or {}).get("note") == "别处写的笔记", timeout=TIMEOUT
    )
    assert win.annotator.note_editor.text() == "别处写的笔记"
    assert not win.annotator.note_dirty()
    win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=TIMEOUT)
    with Archive(tmp_path / "archive") as archive:
        assert archive.story(sid)["note"] == "别处写的笔记"


def test_tags_and_notes_are_shown_as_plain_text(qtbot, win):
    story = open_row(qtbot, win, 0)
    sid, tag = story["id"], "<b>粗</b> & <img src=x>"
    write(
        qtbot,
        win,
        lambda archive: (archive.add_tag([sid], tag), archive.set_note(sid, "<i>斜</i>")),
    )
    qtbot.waitUntil(lambda: win.annotator.tag_bar.tags() == [tag], timeout=TIMEOUT)
    (button,) = win.annotator.tag_bar.tag_buttons()
    assert button.text() == tag.replace("&", "&&")  # shown as typed, no mnemonic
    assert tag in tooltip_text(button.toolTip())
    assert win.annotator.note_editor.text() == "<i>斜</i>"
    dialog = win.show_annotations()
    qtbot.waitUntil(lambda: dialog.tag_list.count() == 1, timeout=TIMEOUT)
    assert tooltip_text(dialog.tag_list.item(0).toolTip()) == tag


def test_a_note_edited_when_another_archive_is_opened_goes_to_its_own_archive(qtbot, win, tmp_path):
    story = open_row(qtbot, win, 0)
    editor = win.annotator.note_editor.edit
    editor.setFocus()
    type_text(editor, "换档案前写的")
    assert win.open_archive(tmp_path / "other")  # an empty archive of its own
    qtbot.waitUntil(lambda: not win.annotator.unsaved_notes(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not win.import_job.is_running(), timeout=TIMEOUT)
    assert editor.toPlainText() == "" and editor.isReadOnly()
    with Archive(tmp_path / "archive") as archive:
        assert archive.story(story["id"])["note"] == "换档案前写的"
