"""File → 档案中的文件: the page files an archive holds, and removing those imported by mistake.

The list is read through the window's `ops` (reader thread); removing goes through the window's
`run_write` (the archive's one writer, with the import's progress dialog when it takes a while).
编辑… changes one file's paper, date and page (`Archive.set_file_meta`), also through `run_write`.
Removing takes a file's stories, facts, places and index entries out of the archive, never the
file on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import Archive, FileMetaChange, RemoveReport
from viewer.gui.file_meta_dialog import FileMetaDialog
from viewer.gui.models.files import COL_NAME, SORT_ROLE, FilesModel
from viewer.gui.operations import ArchiveOps
from viewer.gui.plain_text import shown

# (title, fn(archive), done(result)) -> started: the window's MainWindow.run_write
WriteFn = Callable[[str, Callable[[Archive], Any], Callable[[Any], None]], bool]


class FilesDialog(QDialog):
    def __init__(self, ops: ArchiveOps, write: WriteFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("档案中的文件"))
        self._ops = ops
        self._write = write
        self.model = FilesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)  # every column: a name, a paper, a date
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(placeholderText=self.tr("筛选文件（文件名、报纸、日期）"))
        self.filter.setAccessibleName(self.tr("筛选文件"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("文件列表"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # import order until clicked
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel()  # what the last removal did
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.remove_button = QPushButton(self.tr("从档案中删除…"))
        self.remove_button.setToolTip(
            self.tr("删除所选文件的稿件、要素和检索条目；磁盘上的文件不受影响")
        )
        self.remove_button.clicked.connect(self._confirm_remove)
        self.remove_button.setEnabled(False)
        self.edit_button = QPushButton(self.tr("编辑…"))
        self.edit_button.setToolTip(self.tr("修改所选文件的报纸、日期和版面"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_button.setEnabled(False)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        buttons = QDialogButtonBox()
        # Our own text: Qt's standard "Close" would stay English without Qt's own catalogue.
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.summary)
        row.addWidget(self.note, 1)
        row.addWidget(self.edit_button)
        row.addWidget(self.remove_button)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(860, 480)

    def reload(self) -> None:
        self._ops.read("files", lambda archive: archive.files(), self._on_files)

    def _on_files(self, rows: list[dict]) -> None:
        self.model.set_files(rows)
        stories = sum(int(r.get("stories") or 0) for r in rows)
        self.summary.setText(
            self.tr("{files} 个文件，{stories} 篇稿件").format(files=len(rows), stories=stories)
        )
        self._on_selection()

    def selected_files(self) -> list[dict]:
        rows = self.view.selectionModel().selectedRows()
        return [self.model.file(self.proxy.mapToSource(index).row()) for index in rows]

    def _on_selection(self, *_args: object) -> None:
        rows = len(self.view.selectionModel().selectedRows())
        self.remove_button.setEnabled(rows > 0)
        self.edit_button.setEnabled(rows == 1)

    def edit_selected(self) -> FileMetaDialog | None:
        """编辑…: the selected file's paper, date and page in a small dialog."""
        files = self.selected_files()
        if len(files) != 1:
            return None
        self.edit_dialog = FileMetaDialog(files[0], self)
        dialog = self.edit_dialog
        dialog.accepted.connect(lambda: self.set_meta(dialog.path, **dialog.values()))
        dialog.open()
        return dialog

    def set_meta(self, path: str, *, paper: str, date: str, page: str) -> bool:
        """Give the file stored at `path` this paper, date ("" for none) and page (on the
        writer thread); the window's panes reload after it."""
        return self._write(
            self.tr("正在修改文件信息"),
            lambda archive: archive.set_file_meta(path, paper=paper, date=date, page=page),
            self._on_meta_set,
        )

    def _on_meta_set(self, change: FileMetaChange) -> None:
        self.note.setText(
            self.tr("已修改 {name}（{n} 篇稿件改了日期）").format(
                name=shown(Path(change.path).name), n=change.redated
            )
        )
        self.reload()

    def _confirm_remove(self) -> None:
        files = self.selected_files()
        if not files:
            return
        stories = sum(int(f.get("stories") or 0) for f in files)
        names = "\n".join(f["name"] for f in files[:10])
        if len(files) > 10:
            names += "\n" + self.tr("… 另有 {n} 个").format(n=len(files) - 10)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("从档案中删除"),
            self.tr(
                "从档案中删除这 {files} 个文件和它们的 {stories} 篇稿件？磁盘上的文件不受影响，"
                "以后可以重新导入。"
            ).format(files=len(files), stories=stories),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(names)
        box.addButton(self.tr("删除"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: (
                self.remove([f["path"] for f in files])
                if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole
                else None
            )
        )
        box.open()

    def remove(self, paths: list[str]) -> bool:
        """Take the files stored at `paths` out of the archive (on the writer thread)."""
        self.remove_button.setEnabled(False)
        started = self._write(
            self.tr("正在删除文件"),
            lambda archive: archive.remove_files(paths),
            self._on_removed,
        )
        if not started:
            self._on_selection()
        return started

    def _on_removed(self, report: RemoveReport) -> None:
        stories = sum(n for _, n in report.removed)
        self.note.setText(
            self.tr("已删除 {files} 个文件（{stories} 篇稿件）").format(
                files=len(report.removed), stories=stories
            )
        )
        self.reload()
