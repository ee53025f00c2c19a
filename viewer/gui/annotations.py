"""The open story's tags, note and bookmark in the reader, and the overview of all of them.

`StoryAnnotator` owns a tag bar (shown above the story's body), a note editor (below it) and the
Story menu's bookmark action. It reads through the window's `ops` and changes the archive only
through the window's `run_write` (the archive's one writer); after each write the story is read
again, so what is shown is what the archive holds. A note is saved explicitly (the button, or
Ctrl+S in the editor) or when the reader leaves the story or the window closes: an edited note
waits in `_unsaved` until a write has stored it, and is tried again while the writer is busy.
Tags and notes are the user's text: labels show them as plain text, tooltips through
`plain_text.tooltip`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import AnnotatedStory, AnnotationError, Archive, TagCount
from viewer.gui.core_text import annotation_error_text
from viewer.gui.operations import ArchiveOps
from viewer.gui.plain_text import shown, tooltip

# (title, fn(archive), done(result)) -> started: the window's MainWindow.run_write
WriteFn = Callable[[str, Callable[[Archive], Any], Callable[[Any], None]], bool]
RETRY_MS = 1000  # a note waiting for a busy writer is tried again this often
NOTE_LINES = 4  # the note editor's height, in lines of text


def tag_query(tag: str) -> str:
    """The search for a tag: tag:NAME, quoted when the name holds a space or a bracket."""
    if not any(ch.isspace() or ch in "()（）" for ch in tag) and not tag.startswith(('"', "“")):
        return f"tag:{tag}"
    if '"' in tag:
        return f"tag:“{tag}”"
    return f'tag:"{tag}"'


def _checked(work: Callable[[Archive], Any]) -> Callable[[Archive], str | None]:
    """`work` made to return the core's reason (AnnotationError, a story gone) instead of
    raising it, so the window can say it in the UI's language and keep the user's text."""

    def run(archive: Archive) -> str | None:
        try:
            work(archive)
        except (AnnotationError, LookupError) as err:
            return str(err)
        return None

    return run


class TagBar(QWidget):
    """The bookmark toggle, one button per tag (click: search it; ×: remove it) and a box to
    add a tag, with completion from the archive's tags."""

    tagClicked = Signal(str)
    removeRequested = Signal(str)
    addRequested = Signal(str)

    def __init__(self, bookmark_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("标签与书签"))
        self.bookmark_button = QToolButton()
        self.bookmark_button.setDefaultAction(bookmark_action)
        self.bookmark_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tag_edit = QLineEdit(placeholderText=self.tr("添加标签"))
        self.tag_edit.setAccessibleName(self.tr("添加标签"))
        self.tag_edit.setToolTip(self.tr("输入标签后按回车，加到这篇稿件上"))
        self.tag_edit.setClearButtonEnabled(True)
        self.tag_edit.setMaxLength(200)  # the core says what is too long; this keeps typing sane
        self.known_tags = QStringListModel(self)
        completer = QCompleter(self.known_tags, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_edit.setCompleter(completer)
        self.tag_edit.returnPressed.connect(self._add)
        em = self.fontMetrics().horizontalAdvance("M")
        self.tag_edit.setMinimumWidth(8 * em)
        self.tag_edit.setMaximumWidth(16 * em)
        # The tags scroll sideways when there are many, rather than widening the reader. (A
        # Python QLayout subclass holding its own QLayoutItems crashed Qt when garbage-collected
        # after its widgets were gone.)
        self._chip_row = QHBoxLayout()
        self._chip_row.setContentsMargins(0, 0, 0, 0)
        self._chip_row.setSpacing(4)
        self._chip_row.addStretch(1)
        chips = QWidget()
        chips.setLayout(self._chip_row)
        self.scroller = QScrollArea()
        self.scroller.setWidget(chips)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        height = self.tag_edit.sizeHint().height()
        self.scroller.setFixedHeight(
            height + self.scroller.horizontalScrollBar().sizeHint().height()
        )
        self.scroller.hide()  # until the story has a tag
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.bookmark_button)
        top.addWidget(self.tag_edit)
        top.addStretch(1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        rows.addLayout(top)
        rows.addWidget(self.scroller)
        self._tags: list[str] = []
        self._chips: list[QWidget] = []

    def tags(self) -> list[str]:
        return list(self._tags)

    def tag_buttons(self) -> list[QToolButton]:
        """The buttons that search a tag, in the order shown."""
        return [chip.findChildren(QToolButton)[0] for chip in self._chips]

    def remove_buttons(self) -> list[QToolButton]:
        return [chip.findChildren(QToolButton)[1] for chip in self._chips]

    def set_tags(self, tags: list[str]) -> None:
        if tags != self._tags:
            self._tags = list(tags)
            self._rebuild()

    def _rebuild(self) -> None:
        for chip in self._chips:
            self._chip_row.removeWidget(chip)
            chip.deleteLater()
        self._chips = [self._chip(tag) for tag in self._tags]
        for at, chip in enumerate(self._chips):
            self._chip_row.insertWidget(at, chip)
        self.scroller.setVisible(bool(self._chips))

    def _chip(self, tag: str) -> QWidget:
        chip = QWidget()
        row = QHBoxLayout(chip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        search = QToolButton()
        search.setObjectName("tag")
        search.setText(shown(tag).replace("&", "&&"))  # no mnemonic: the text is the tag
        search.setToolTip(tooltip(self.tr("检索带标签“{tag}”的稿件").format(tag=tag)) or "")
        search.setAccessibleName(self.tr("标签：{tag}").format(tag=shown(tag)))
        search.clicked.connect(lambda _on=False, t=tag: self.tagClicked.emit(t))
        remove = QToolButton()
        remove.setObjectName("remove")
        remove.setText("×")
        remove.setToolTip(tooltip(self.tr("删除标签“{tag}”").format(tag=tag)) or "")
        remove.setAccessibleName(self.tr("删除标签：{tag}").format(tag=shown(tag)))
        remove.clicked.connect(lambda _on=False, t=tag: self.removeRequested.emit(t))
        row.addWidget(search)
        row.addWidget(remove)
        return chip

    def _add(self) -> None:
        text = self.tag_edit.text()
        if text.strip():
            self.addRequested.emit(text)


class NoteEditor(QWidget):
    """The story's note: plain text, with a save button and a line saying whether it is saved."""

    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(self.tr("笔记"))
        self.edit.setPlaceholderText(self.tr("这篇稿件的笔记（离开稿件时自动保存）"))
        self.edit.setTabChangesFocus(True)
        lines = self.edit.fontMetrics().lineSpacing() * NOTE_LINES
        self.edit.setFixedHeight(lines + 2 * self.edit.frameWidth() + 8)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self.tr("保存笔记"))
        self.save_button.setToolTip(self.tr("保存笔记（Ctrl+S）"))
        self.save_button.clicked.connect(self.saveRequested)
        save = QShortcut(QKeySequence("Ctrl+S"), self.edit)
        save.setContext(Qt.ShortcutContext.WidgetShortcut)
        save.activated.connect(self.saveRequested)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("笔记"))
        title.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(title)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.edit)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_status(self, text: str) -> None:
        self.status.setText(text)


def _same_note(a: str | None, b: str | None) -> bool:
    """The core keeps a note stripped and blank as none."""
    return (a or "").strip() == (b or "").strip()


class StoryAnnotator(QObject):
    """The open story's tags, note and bookmark: shown from `show_story`, changed through writes.

    `searchRequested(query)`: a tag was clicked (the window searches it)."""

    searchRequested = Signal(str)

    def __init__(
        self,
        ops: ArchiveOps,
        write: WriteFn,
        show_error: Callable[[str], None],
        reload_story: Callable[[int], None],
        archive_dir: Callable[[], Path],
        writable: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._write = write
        self._show_error = show_error
        self._reload_story = reload_story
        self._window = parent
        self._archive_dir = archive_dir
        self._writable = writable
        self._folder = archive_dir()  # the archive the story ids and `_unsaved` belong to
        self._story_id: int | None = None
        self._saved_note: str | None = None  # the open story's note as the archive holds it
        self._bookmarked = False
        self._unsaved: dict[int, str] = {}  # story id -> note text not yet stored
        self._close_requested = False
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._save_next)

        self.bookmark_action = QAction(self.tr("加书签"), self)
        self.bookmark_action.setShortcut(QKeySequence("Ctrl+D"))
        self.bookmark_action.setCheckable(True)
        self.bookmark_action.triggered.connect(self.toggle_bookmark)
        self.bookmark_action.setEnabled(False)
        self.tag_bar = TagBar(self.bookmark_action)
        self.tag_bar.tagClicked.connect(lambda tag: self.searchRequested.emit(tag_query(tag)))
        self.tag_bar.addRequested.connect(self.add_tag)
        self.tag_bar.removeRequested.connect(self.remove_tag)
        self.note_editor = NoteEditor()
        self.note_editor.saveRequested.connect(self.save_note)
        self.note_editor.edit.textChanged.connect(self._show_note_state)
        self._show(None)
        parent.installEventFilter(self)  # a close waits for the note to be stored

    # -- showing ------------------------------------------------------------------------------

    def story_id(self) -> int | None:
        return self._story_id

    def show_story(self, story: dict | None) -> None:
        """The reader shows `story` (None: nothing): a note edited for the story left is kept
        for saving; the same story read again (after a write) keeps the note being typed."""
        if self._archive_dir() != self._folder:
            self._forget_other_archive()
        new_id = story["id"] if story is not None else None
        if new_id != self._story_id:
            self._keep_edited_note()
        same = new_id == self._story_id and new_id is not None
        self._story_id = new_id
        self._show(story, keep_note=same)

    def _show(self, story: dict | None, *, keep_note: bool = False) -> None:
        has_story = story is not None
        can_write = has_story and self._writable()  # a read-only archive shows, never edits
        story = story or {}
        self._bookmarked = bool(story.get("bookmarked"))
        self.bookmark_action.setEnabled(can_write)
        self.bookmark_action.setChecked(self._bookmarked)
        self.bookmark_action.setText(self.tr("取消书签") if self._bookmarked else self.tr("加书签"))
        self.bookmark_action.setToolTip(
            self.tr("取消这篇稿件的书签（Ctrl+D）")
            if self._bookmarked
            else self.tr("给这篇稿件加书签（Ctrl+D）")
        )
        self.tag_bar.set_tags(list(story.get("tags") or []))
        self.tag_bar.tag_edit.setEnabled(can_write)
        for button in self.tag_bar.remove_buttons():
            button.setEnabled(can_write)
        typing = keep_note and self.note_dirty()  # the same story read again mid-edit
        self._saved_note = story.get("note")
        editor = self.note_editor.edit
        if not typing:
            waiting = self._unsaved.get(self._story_id) if self._story_id is not None else None
            editor.setPlainText(waiting if waiting is not None else (self._saved_note or ""))
        editor.setReadOnly(not can_write)
        self.note_editor.setEnabled(has_story)
        self.tag_bar.setVisible(True)
        self._show_note_state()
        if has_story:
            self._load_known_tags()

    def note_dirty(self) -> bool:
        """The note in the editor differs from the archive's."""
        if self._story_id is None:
            return False
        return not _same_note(self.note_editor.text(), self._saved_note)

    def _show_note_state(self) -> None:
        if self._story_id is None:
            self.note_editor.set_status("")
        elif self.note_dirty() or self._story_id in self._unsaved:
            self.note_editor.set_status(self.tr("未保存"))
        elif self._saved_note:
            self.note_editor.set_status(self.tr("已保存"))
        else:
            self.note_editor.set_status("")
        self.note_editor.save_button.setEnabled(self.note_dirty())

    def _load_known_tags(self) -> None:
        self._ops.read("annotation-tags", lambda archive: archive.tags(), self._on_known_tags)

    def _on_known_tags(self, counts: list[TagCount]) -> None:
        self.tag_bar.known_tags.setStringList([c.tag for c in counts])

    # -- changing -----------------------------------------------------------------------------

    def _change(
        self, title: str, work: Callable[[Archive], Any], after: Callable[[], None]
    ) -> bool:
        story_id = self._story_id
        if story_id is None:
            return False

        def done(problem: str | None) -> None:
            if problem is not None:
                self._show_error(annotation_error_text(problem))
            else:
                after()
            if self._story_id == story_id:
                self._reload_story(story_id)

        return self._write(title, _checked(work), done)

    def add_tag(self, text: str) -> None:
        story_id = self._story_id
        self._change(
            self.tr("添加标签"),
            lambda archive: archive.add_tag([story_id], text),
            self.tag_bar.tag_edit.clear,
        )

    def remove_tag(self, tag: str) -> None:
        story_id = self._story_id
        self._change(
            self.tr("删除标签"), lambda archive: archive.remove_tag([story_id], tag), lambda: None
        )

    def toggle_bookmark(self) -> None:
        story_id, on = self._story_id, not self._bookmarked
        # Shown as it is until the archive says otherwise (the story is read again).
        self.bookmark_action.setChecked(self._bookmarked)
        self._change(
            self.tr("设置书签"),
            lambda archive: archive.set_bookmark(story_id, on),
            lambda: None,
        )

    def save_note(self) -> None:
        """Store the note in the editor now."""
        if self._story_id is not None and (self.note_dirty() or self._story_id in self._unsaved):
            self._unsaved[self._story_id] = self.note_editor.text()
            self._save_next()

    def _keep_edited_note(self) -> None:
        """The reader leaves the open story: its edited note waits to be stored."""
        if self.note_dirty():
            assert self._story_id is not None
            self._unsaved[self._story_id] = self.note_editor.text()
            self._save_next()

    def unsaved_notes(self) -> dict[int, str]:
        return dict(self._unsaved)

    def _forget_other_archive(self) -> None:
        """The window shows another archive now: notes still waiting for the one left (it was
        read-only, or its writer failed) cannot be stored there; they are shown, to be copied."""
        waiting, left = self._unsaved, self._folder
        self._unsaved, self._folder = {}, self._archive_dir()
        self._story_id, self._saved_note = None, None
        self._close_requested = False
        if waiting:
            message = self.tr("这些笔记没能保存到档案 {folder}：").format(folder=left)
            self._show_error("\n\n".join([message, *waiting.values()]))

    def _save_next(self) -> None:
        """Store one waiting note; tried again while the writer is busy with something else."""
        if self._archive_dir() != self._folder:
            self._forget_other_archive()
            return
        if not self._unsaved:
            if self._close_requested:
                self._window.close()
            return
        story_id, text = next(iter(self._unsaved.items()))

        def done(problem: str | None) -> None:
            if self._unsaved.get(story_id) == text:
                del self._unsaved[story_id]
            if problem is not None:
                self._close_requested = False  # the user must see why before the window goes
                self._show_error(annotation_error_text(problem))
            elif self._story_id == story_id:
                self._saved_note = text
                self._reload_story(story_id)
            self._show_note_state()
            self._save_next()

        work = _checked(lambda archive: archive.set_note(story_id, text))
        if not self._write(self.tr("写笔记"), work, done):
            self._retry.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self._keep_edited_note()
            if self._unsaved and not self._close_requested:
                # Closed again once the notes are stored; a second close while they still wait
                # (a writer that keeps failing) closes anyway.
                self._close_requested = True
                assert isinstance(event, QCloseEvent)
                event.ignore()
                return True
        return super().eventFilter(watched, event)


class AnnotationsDialog(QDialog):
    """Story → 标签与书签: every tag with its count and every bookmarked story; a click on a tag
    searches it, on a bookmark opens the story."""

    searchRequested = Signal(str)
    storyRequested = Signal(int)

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("标签与书签"))
        self._ops = ops
        self.tag_list = QListWidget()
        self.tag_list.setAccessibleName(self.tr("全部标签"))
        self.tag_list.itemActivated.connect(self._on_tag)
        self.tag_list.itemClicked.connect(self._on_tag)
        self.bookmark_list = QListWidget()
        self.bookmark_list.setAccessibleName(self.tr("全部书签"))
        self.bookmark_list.itemActivated.connect(self._on_bookmark)
        self.bookmark_list.itemClicked.connect(self._on_bookmark)
        all_bookmarks = QPushButton(self.tr("列出全部书签稿件"))
        all_bookmarks.clicked.connect(lambda: self.searchRequested.emit("is:bookmarked"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        lists = QHBoxLayout()
        for title, widget in (
            (self.tr("标签"), self.tag_list),
            (self.tr("书签"), self.bookmark_list),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            lists.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addLayout(lists)
        row = QHBoxLayout()
        row.addWidget(all_bookmarks)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(640, 420)

    def reload(self) -> None:
        self._ops.read(
            "annotation-overview",
            lambda archive: (archive.tags(), archive.bookmarks()),
            self._on_loaded,
        )

    def _on_loaded(self, answer: tuple[list[TagCount], list[AnnotatedStory]]) -> None:
        counts, bookmarks = answer
        self.tag_list.clear()
        for count in counts:
            if not count.stories:
                continue  # only orphans carry it: a search finds nothing
            text = self.tr("{tag}（{n} 篇）").format(tag=shown(count.tag), n=count.stories)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, count.tag)
            item.setToolTip(tooltip(count.tag) or "")
            self.tag_list.addItem(item)
        self.bookmark_list.clear()
        for marked in bookmarks:
            if marked.story_id is None:
                continue
            item = QListWidgetItem(shown(marked.title) or self.tr("（无标题）"))
            item.setData(Qt.ItemDataRole.UserRole, marked.story_id)
            item.setToolTip(tooltip(marked.path) or "")
            self.bookmark_list.addItem(item)

    def _on_tag(self, item: QListWidgetItem) -> None:
        self.searchRequested.emit(tag_query(item.data(Qt.ItemDataRole.UserRole)))

    def _on_bookmark(self, item: QListWidgetItem) -> None:
        self.storyRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
