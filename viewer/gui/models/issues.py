"""The archive by issue (paper -> year -> month -> day -> page) as a Qt tree model.

The model wraps `Archive.issues()` as it is. Items are made only for the rows a view asks
about: a node's children get their `_Item`s the first time the node is expanded (or its
children counted), so a 100,000-story archive costs a few hundred items until the user opens
its years. Each item knows its parent and row, so `parent()` never searches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from viewer.archive import IssueDay, IssueMonth, IssuePage, IssuePaper, IssueYear
from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.gui.models.headers import column_header
from viewer.gui.plain_text import shown, tooltip

COL_NAME = 0
COL_COUNT = 1
HEADERS = (
    QT_TRANSLATE_NOOP("IssueTreeModel", "报纸 / 日期 / 版面"),
    QT_TRANSLATE_NOOP("IssueTreeModel", "稿件"),
)
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the node's Issue: what `Archive.stories` takes

AnyIndex = QModelIndex | QPersistentModelIndex
Node = IssuePaper | IssueYear | IssueMonth | IssueDay | IssuePage
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class Issue(NamedTuple):
    """One node's selection, in `Archive.stories(paper=, date=, page=)` terms: None is any,
    "" is none (no paper, undated, no page label); `date` is a year, month or day."""

    paper: str | None = None
    date: str | None = None
    page: str | None = None

    def as_kwargs(self) -> dict[str, str | None]:
        return self._asdict()


def _children(node: Node) -> Sequence[Node]:
    if isinstance(node, IssuePaper):
        return node.years
    if isinstance(node, IssueYear):
        return node.months
    if isinstance(node, IssueMonth):
        return node.days
    if isinstance(node, IssueDay):
        return node.pages
    return ()


class _Item:
    __slots__ = ("_children", "issue", "node", "parent", "row")

    def __init__(self, node: Node | None, parent: _Item | None, row: int, issue: Issue) -> None:
        self.node = node
        self.parent = parent
        self.row = row
        self.issue = issue
        self._children: list[_Item] | None = None  # made on first use

    def children(self, roots: Sequence[Node] = ()) -> list[_Item]:
        if self._children is None:
            nodes = roots if self.node is None else _children(self.node)
            self._children = [
                _Item(n, self, row, _narrowed(self.issue, n)) for row, n in enumerate(nodes)
            ]
        return self._children

    def child_count(self, roots: Sequence[Node] = ()) -> int:
        if self._children is not None:
            return len(self._children)
        return len(roots if self.node is None else _children(self.node))


def _narrowed(issue: Issue, node: Node) -> Issue:
    """The parent's selection narrowed to `node`."""
    if isinstance(node, IssuePaper):
        return Issue(paper=node.paper)
    if isinstance(node, IssueYear):
        return issue._replace(date="" if node.year is None else f"{node.year:04d}")
    if isinstance(node, IssueMonth):
        return issue._replace(date="" if node.month is None else f"{issue.date}-{node.month:02d}")
    if isinstance(node, IssueDay):
        return issue._replace(date=node.date)
    return issue._replace(page=node.page)


translate = QCoreApplication.translate


def node_label(node: Node) -> str:
    if isinstance(node, IssuePaper):
        return shown(node.paper) if node.paper else translate("IssueTreeModel", "（未注明报纸）")
    if isinstance(node, IssueYear):
        if node.year is None:
            return translate("IssueTreeModel", "（无日期）")
        return translate("IssueTreeModel", "{year} 年").format(year=node.year)
    if isinstance(node, IssueMonth):
        if node.month is None:
            return translate("IssueTreeModel", "（无日期）")
        return translate("IssueTreeModel", "{month} 月").format(month=node.month)
    if isinstance(node, IssueDay):
        return node.date or translate("IssueTreeModel", "（无日期）")
    if not node.page:
        return translate("IssueTreeModel", "（未注明版面）")
    return translate("IssueTreeModel", "版面 {page}").format(page=shown(node.page))


class IssueTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._papers: list[IssuePaper] = []
        self._root = _Item(None, None, 0, Issue())

    def set_issues(self, papers: Sequence[IssuePaper]) -> None:
        self.beginResetModel()
        self._papers = list(papers)
        self._root = _Item(None, None, 0, Issue())
        self.endResetModel()

    def index_for_issue(self, issue: Issue) -> QModelIndex:
        """The node selecting exactly `issue`, walking down only its own branch; invalid when
        the archive no longer has it."""
        item, found = self._root, QModelIndex()
        while True:
            below = self._kids(item)
            match = next((c for c in below if _leads_to(c.issue, issue)), None)
            if match is None:
                return found
            item = match
            found = self.createIndex(item.row, COL_NAME, item)
            if item.issue == issue:
                return found

    def _kids(self, item: _Item) -> list[_Item]:
        return item.children(self._papers)

    def _item(self, index: AnyIndex) -> _Item:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._kids(self._item(parent))[row])

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._item(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != COL_NAME:
            return 0
        return self._item(parent).child_count(self._papers)

    def hasChildren(self, parent: AnyIndex = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._item(index)
        node = item.node
        assert node is not None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return node_label(node) if col == COL_NAME else node.stories
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(
                self.tr("{name}：{count} 篇稿件").format(name=node_label(node), count=node.stories)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_COUNT:
            return int(_RIGHT.value)
        if role == ISSUE_ROLE:
            return item.issue
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.TextAlignmentRole and horizontal and section == COL_COUNT:
            return int(_RIGHT.value)
        return column_header("IssueTreeModel", HEADERS, section, orientation, role)


def _leads_to(step: Issue, goal: Issue) -> bool:
    """Whether the node selecting `step` is `goal`'s node or one of its ancestors."""
    if step.paper != goal.paper:
        return False
    if step.date is not None and goal.date is None:
        return False
    if step.date is not None and goal.date is not None:
        if step.date == "" or goal.date == "":
            if step.date != goal.date:
                return False
        elif not goal.date.startswith(step.date):
            return False
    return step.page is None or step.page == goal.page
