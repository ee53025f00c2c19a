"""Corrections in the window: the story's 更正… dialog, the fact panel's and the place tree's
context menus, and the corrections view (every correction, undoable, and the places to review).

Every change goes through the window's `run_write` (the archive's one writer); a bad target is
refused by the core with a Chinese `CorrectionError`, which the window shows like any failed
write. Afterwards the window reloads the tree and the list; this module reloads the open story
and the corrections view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import Archive, Correction, PlaceReview
from viewer.gui.models import FACT_ROLE, KEY_ROLE
from viewer.gui.models.corrections import (
    COL_NEW,
    COL_OLD,
    COL_TARGET,
    REVIEW_REASONS,
    CorrectionsModel,
    ReviewModel,
)
from viewer.gui.models.kinds import (
    PLACE_KIND_NAMES,
    STORY_KIND_NAMES,
    fact_kind_name,
    place_kind_name,
    story_kind_name,
)

if TYPE_CHECKING:
    from viewer.gui.main_window import MainWindow

Key = tuple[str, str]  # a place: (name, kind)
# One change of a story: an Archive method taking the story id first, and its other arguments.
Change = tuple[str, tuple[Any, ...]]
AMOUNT_KINDS = ("money", "quantity", "percent")


def place_keys(window: MainWindow) -> list[Key]:
    """Every place in the window's tree (the catch-all groups have no key)."""
    model, keys = window.tree_model, []
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            key = index.data(KEY_ROLE)
            if key is not None:
                keys.append(tuple(key))
            stack.append(index)
    return keys


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    """确定 / 取消 in our own words (Qt's standard texts stay English without its catalogue)."""
    buttons = QDialogButtonBox()
    ok = QCoreApplication.translate("CorrectionDialogs", "确定")
    cancel = QCoreApplication.translate("CorrectionDialogs", "取消")
    buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _completing(edit: QLineEdit, names: Sequence[str]) -> None:
    completer = QCompleter(sorted(set(names)), edit)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    edit.setCompleter(completer)


class StoryCorrectionDialog(QDialog):
    """稿件 → 更正…: the open story's title, date, kind and places, as the user wants them."""

    def __init__(self, story: dict, places: Sequence[Key], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("更正稿件"))
        self.story = story
        self.title = QLineEdit(story.get("title") or "")
        self.title.setPlaceholderText(self.tr("（无标题：列表中显示正文开头）"))
        self.date = QLineEdit(story.get("date") or "")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD，留空为无日期"))
        self.kind = QComboBox()
        for kind in STORY_KIND_NAMES:
            self.kind.addItem(story_kind_name(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(story.get("kind"))))
        self.places = QListWidget()
        self.places.setAccessibleName(self.tr("稿件的地点"))
        for name in story.get("places") or []:
            self._add_item(name, None)
        self.new_place = QLineEdit(placeholderText=self.tr("地名"))
        self.new_place.setAccessibleName(self.tr("要添加的地点"))
        _completing(self.new_place, [name for name, _ in places])
        self.new_kind = QComboBox()
        self.new_kind.addItem(self.tr("已有地点"), None)
        for kind in PLACE_KIND_NAMES:
            if kind != "unassigned":
                self.new_kind.addItem(self.tr("新{kind}").format(kind=place_kind_name(kind)), kind)
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.clicked.connect(self.add_place)
        self.new_place.returnPressed.connect(self.add_place)
        self.remove_button = QPushButton(self.tr("去掉所选"))
        self.remove_button.clicked.connect(self.remove_selected)
        adding = QHBoxLayout()
        adding.addWidget(self.new_place, 1)
        adding.addWidget(self.new_kind)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("地点"), self.places)
        form.addRow("", adding)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("更正会保留：重新导入、重新分析后仍然有效，可在“更正记录”中撤销。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))
        self.resize(560, 420)

    def _add_item(self, name: str, kind: str | None) -> None:
        text = name if kind is None else f"{name}（{place_kind_name(kind)}）"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, (name, kind))
        self.places.addItem(item)

    def place_names(self) -> list[tuple[str, str | None]]:
        return [
            tuple(self.places.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.places.count())
        ]

    def add_place(self) -> None:
        name = self.new_place.text().strip()
        if name and name not in [n for n, _ in self.place_names()]:
            self._add_item(name, self.new_kind.currentData())
        self.new_place.clear()

    def remove_selected(self) -> None:
        for item in self.places.selectedItems():
            self.places.takeItem(self.places.row(item))

    def changes(self) -> list[Change]:
        """What differs from the story: the Archive methods to call, in order."""
        story = self.story
        out: list[Change] = []
        title = self.title.text().strip()
        if title != (story.get("title") or ""):
            out.append(("correct_title", (title,)))
        date = self.date.text().strip()
        if date != (story.get("date") or ""):
            out.append(("correct_date", (date,)))
        kind = self.kind.currentData()
        if kind != story.get("kind"):
            out.append(("correct_kind", (kind,)))
        now = dict(self.place_names())
        before = list(story.get("places") or [])
        out += [("remove_story_place", (name,)) for name in before if name not in now]
        out += [
            ("add_story_place", (name, kind)) for name, kind in now.items() if name not in before
        ]
        return out


def apply_changes(archive: Archive, story_id: int, changes: Sequence[Change]) -> int:
    """Make the corrections of one story; how many were made."""
    for method, args in changes:
        getattr(archive, method)(story_id, *args)
    return len(changes)


class FactFixDialog(QDialog):
    """修改…: a fact's text as it should have been read (and an amount's value)."""

    def __init__(self, fact: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改要素"))
        self.fact = fact
        self.text = QLineEdit(fact.get("text") or "")
        self.value = QLineEdit("" if fact.get("value") is None else f"{fact['value']:g}")
        self.value.setEnabled(fact.get("kind") in AMOUNT_KINDS)
        form = QFormLayout(self)
        form.addRow(self.tr("类型"), QLabel(fact_kind_name(fact.get("kind") or "")))
        form.addRow(self.tr("文字"), self.text)
        form.addRow(self.tr("数值"), self.value)
        form.addRow(_buttons(self))
        self.resize(420, self.sizeHint().height())

    def new_value(self) -> float | None:
        try:
            return float(self.value.text()) if self.value.isEnabled() else None
        except ValueError:
            return None


class PlaceChooser(QDialog):
    """Choose another place of the archive, by name (completed as it is typed)."""

    def __init__(
        self, title: str, label: str, places: Sequence[Key], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._kinds: dict[str, list[str]] = {}
        for name, kind in places:
            self._kinds.setdefault(name, []).append(kind)
        self.name = QLineEdit()
        self.name.setAccessibleName(label)
        _completing(self.name, list(self._kinds))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.name)
        layout.addWidget(_buttons(self))
        self.resize(380, 120)

    def chosen(self) -> tuple[str, str | None]:
        """The name typed, and its kind when only one place has that name."""
        name = self.name.text().strip()
        kinds = self._kinds.get(name, [])
        return name, kinds[0] if len(kinds) == 1 else None


class CorrectionsDialog(QDialog):
    """编辑 → 更正记录…: every correction (撤销 the selected one), and the places to review."""

    def __init__(self, ui: CorrectionsUi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("更正记录"))
        self._ui = ui
        self.model = CorrectionsModel(self)
        self.view = self._table(self.model, self.tr("更正列表"), (COL_TARGET, COL_OLD, COL_NEW))
        self.undo_button = QPushButton(self.tr("撤销所选更正"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.summary = QLabel()
        corrections = QWidget()
        column = QVBoxLayout(corrections)
        column.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.undo_button)
        column.addLayout(row)

        self.review_model = ReviewModel(self)
        self.review_view = self._table(self.review_model, self.tr("待核实地点"), (REVIEW_REASONS,))
        self.review_view.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("标记为已核实"))
        self.move_button = QPushButton(self.tr("移到…下"))
        self.merge_button = QPushButton(self.tr("合并到…"))
        self.verify_button.clicked.connect(lambda: self._on_review(ui.verify))
        self.move_button.clicked.connect(lambda: self._on_review(ui.ask_move))
        self.merge_button.clicked.connect(lambda: self._on_review(ui.ask_merge))
        self.review_summary = QLabel()
        review = QWidget()
        column = QVBoxLayout(review)
        hint = QLabel(
            self.tr("档案无法确定这些地点的归属：核实无误后标记，或移到正确的上级、并入另一地点。")
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addWidget(self.review_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.review_summary, 1)
        for button in (self.verify_button, self.move_button, self.merge_button):
            row.addWidget(button)
        column.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(corrections, self.tr("更正记录"))
        self.tabs.addTab(review, self.tr("待核实地点"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._enable)
        self.review_view.selectionModel().selectionChanged.connect(self._enable)
        self._enable()
        self.resize(980, 560)

    @staticmethod
    def _table(model: Any, name: str, stretch: Sequence[int]) -> QTableView:
        view = QTableView()
        view.setAccessibleName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        return view

    def reload(self) -> None:
        ops = self._ui.window.ops
        ops.read("corrections", lambda archive: archive.corrections(), self._on_corrections)
        ops.read(
            "places to review", lambda archive: archive.places_to_review(), self._on_review_list
        )

    def _on_corrections(self, rows: list[Correction]) -> None:
        self.model.set_corrections(rows)
        self.summary.setText(self.tr("{n} 项更正").format(n=len(rows)))
        self._enable()

    def _on_review_list(self, rows: list[PlaceReview]) -> None:
        self.review_model.set_places(rows)
        self.review_view.resizeRowsToContents()
        self.review_summary.setText(self.tr("{n} 个地点待核实").format(n=len(rows)))
        self._enable()

    def _enable(self, *_args: object) -> None:
        self.undo_button.setEnabled(self.view.selectionModel().hasSelection())
        picked = self.review_view.selectionModel().hasSelection()
        for button in (self.verify_button, self.move_button, self.merge_button):
            button.setEnabled(picked)

    def selected_correction(self) -> Correction | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.correction(rows[0].row()) if rows else None

    def selected_place(self) -> PlaceReview | None:
        rows = self.review_view.selectionModel().selectedRows()
        return self.review_model.place(rows[0].row()) if rows else None

    def undo_selected(self) -> bool:
        correction = self.selected_correction()
        if correction is None:
            return False
        self.undo_button.setEnabled(False)
        correction_id = correction.id
        return self._ui.write(
            self.tr("撤销更正"), lambda archive: archive.undo_correction(correction_id)
        )

    def _on_review(self, action: Callable[[Key], object]) -> None:
        place = self.selected_place()
        if place is not None:
            action((place.name, place.kind))


class CorrectionsUi(QObject):
    """The window's corrections: its menu entries, context menus and dialogs."""

    def __init__(self, window: MainWindow, edit_menu: QMenu, story_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: CorrectionsDialog | None = None
        self.story_action = story_menu.addAction(self.tr("更正(&K)…"), self.correct_story)
        self.view_action = edit_menu.addAction(self.tr("更正记录(&R)…"), self.show_corrections)
        for view, menu in ((window.fact_view, self.fact_menu), (window.tree_view, self.place_menu)):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, view=view, menu=menu: self._popup(view, menu, pos)
            )

    def _popup(
        self, view: QTreeView, build: Callable[[QModelIndex], QMenu | None], pos: QPoint
    ) -> None:
        menu = build(view.indexAt(pos))
        if menu is not None:
            menu.exec(view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def write(
        self, title: str, work: Callable[[Archive], object], done: Callable[[], None] | None = None
    ) -> bool:
        """A correction on the writer thread; then the open story and this view show it."""

        def finished(_result: object) -> None:
            story = self.window.reader.story()
            if story is not None:
                self.window.load_story(story["id"])
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.reload()
            if done is not None:
                done()

        return self.window.run_write(title, work, finished)

    # -- the open story ---------------------------------------------------------------------

    def correct_story(self) -> StoryCorrectionDialog | None:
        story = self.window.reader.story()
        if story is None:
            self.window.statusBar().showMessage(self.tr("请先打开一篇稿件"), 5000)
            return None
        dialog = StoryCorrectionDialog(story, place_keys(self.window), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        story_id = story["id"]
        dialog.accepted.connect(lambda: self._apply_story(story_id, dialog.changes()))
        dialog.open()
        return dialog

    def _apply_story(self, story_id: int, changes: list[Change]) -> None:
        if changes:
            self.write(
                self.tr("更正稿件"), lambda archive: apply_changes(archive, story_id, changes)
            )

    def fact_menu(self, index: QModelIndex) -> QMenu | None:
        fact = index.data(FACT_ROLE) if index.isValid() else None
        story = self.window.reader.story()
        if fact is None or story is None:
            return None  # a kind's group row, or no story open
        story_id, text, kind = story["id"], fact["text"], fact["kind"]
        menu = QMenu(self.window)
        menu.addAction(
            self.tr("删除此要素"),
            lambda: self.write(
                self.tr("删除要素"), lambda archive: archive.reject_fact(story_id, text, kind)
            ),
        )
        menu.addAction(self.tr("修改…"), lambda: self.ask_fix(story_id, fact))
        return menu

    def ask_fix(self, story_id: int, fact: dict) -> FactFixDialog:
        dialog = FactFixDialog(fact, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        text, kind = fact["text"], fact["kind"]

        def fix() -> None:
            new, value = dialog.text.text(), dialog.new_value()
            self.write(
                self.tr("修改要素"),
                lambda archive: archive.fix_fact(story_id, text, new, kind=kind, value=value),
            )

        dialog.accepted.connect(fix)
        dialog.open()
        return dialog

    # -- places -----------------------------------------------------------------------------

    def place_menu(self, index: QModelIndex) -> QMenu | None:
        key = index.data(KEY_ROLE) if index.isValid() else None
        if key is None:
            return None  # nothing under the mouse, or a catch-all group
        key = (key[0], key[1])
        menu = QMenu(self.window)
        menu.addAction(self.tr("重命名…"), lambda: self.ask_rename(key))
        menu.addAction(self.tr("合并到…"), lambda: self.ask_merge(key))
        menu.addAction(self.tr("移到…下"), lambda: self.ask_move(key))
        menu.addAction(self.tr("标记为已核实"), lambda: self.verify(key))
        return menu

    def _choose(
        self, title: str, label: str, key: Key, then: Callable[[str, str | None], object]
    ) -> PlaceChooser:
        others = [k for k in place_keys(self.window) if k != key]
        chooser = PlaceChooser(title, label, others, self.window)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.accepted.connect(lambda: then(*chooser.chosen()))
        chooser.open()
        return chooser

    def ask_rename(self, key: Key) -> PlaceChooser:
        name, kind = key
        chooser = self._choose(
            self.tr("重命名地点"),
            self.tr("“{name}”的新名称：").format(name=name),
            key,
            lambda new, _kind: self.write(
                self.tr("重命名地点"), lambda archive: archive.rename_place(name, new, kind)
            ),
        )
        chooser.name.setText(name)
        return chooser

    def ask_merge(self, key: Key) -> PlaceChooser:
        name, kind = key
        return self._choose(
            self.tr("合并地点"),
            self.tr("把“{name}”并入：").format(name=name),
            key,
            lambda into, into_kind: self.write(
                self.tr("合并地点"),
                lambda archive: archive.merge_place(name, into, kind=kind, into_kind=into_kind),
            ),
        )

    def ask_move(self, key: Key) -> PlaceChooser:
        name, kind = key
        return self._choose(
            self.tr("移动地点"),
            self.tr("把“{name}”移到这个地点之下：").format(name=name),
            key,
            lambda parent, parent_kind: self.write(
                self.tr("移动地点"),
                lambda archive: archive.move_place(
                    name, parent, kind=kind, parent_kind=parent_kind
                ),
            ),
        )

    def verify(self, key: Key) -> bool:
        name, kind = key
        return self.write(self.tr("核实地点"), lambda archive: archive.verify_place(name, kind))

    # -- the corrections view ---------------------------------------------------------------

    def show_corrections(self) -> CorrectionsDialog:
        if self.dialog is None:
            self.dialog = CorrectionsDialog(self, self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.reload()
        return self.dialog
