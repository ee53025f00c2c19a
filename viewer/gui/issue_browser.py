"""按期浏览: the archive as printed, paper -> year -> month -> day -> page, beside the place tree.

Reads `Archive.issues()` through the window's `ops` (the reader thread); picking a node emits
`issuePicked` with its `Issue`, which the window lists as it lists a picked place. After a reload
(an import, a removal, a file's metadata edited) the node picked before is picked again if the
archive still has it, quietly: the list is already showing it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeView, QVBoxLayout, QWidget

from viewer.archive import IssuePaper
from viewer.gui.models.issues import COL_COUNT, ISSUE_ROLE, Issue, IssueTreeModel
from viewer.gui.operations import ArchiveOps


class IssueBrowser(QWidget):
    issuePicked = Signal(object)  # Issue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IssueTreeModel(self)
        self.view = QTreeView()
        self.view.setAccessibleName(self.tr("按期浏览"))
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        count_title = str(self.model.headerData(COL_COUNT, Qt.Orientation.Horizontal))
        header.resizeSection(
            COL_COUNT,
            max(metrics.horizontalAdvance(t) for t in ("99999", count_title))
            + 2 * metrics.horizontalAdvance("M"),
        )
        self.view.setIndentation(metrics.horizontalAdvance("M") + 2)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._quiet = False

    def load(self, ops: ArchiveOps) -> None:
        ops.read("issues", lambda archive: archive.issues(), self.set_issues)

    def set_issues(self, papers: list[IssuePaper]) -> None:
        picked = self.picked()
        self.model.set_issues(papers)
        if len(papers) == 1:  # one paper: its years are what there is to choose from
            self.view.expand(self.model.index(0, 0))
        if picked is None:
            return
        index = self.model.index_for_issue(picked)
        if index.isValid() and index.data(ISSUE_ROLE) == picked:
            self._quiet = True
            self.view.scrollTo(index)
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._quiet = False

    def picked(self) -> Issue | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ISSUE_ROLE) if rows else None

    def forget_pick(self) -> None:
        """Another pane (the place tree) chose what the list shows."""
        self._quiet = True
        self.view.selectionModel().clearSelection()
        self._quiet = False

    def _on_selection(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes and not self._quiet:
            self.issuePicked.emit(indexes[0].data(ISSUE_ROLE))
