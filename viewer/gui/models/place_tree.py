"""The place tree (city -> street -> community) as a Qt item model, plus its filter/sort proxy.

The model wraps the archive's `TreeNode` list as-is; each internal pointer is a small `_Item`
that knows its parent, so `parent()` is O(1) and never searches the tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from viewer.archive import TreeNode
from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.gui.models.headers import column_header
from viewer.gui.models.kinds import node_name, place_kind_name
from viewer.gui.plain_text import shown, tooltip

COL_NAME = 0
COL_COUNT = 1
HEADERS = (
    QT_TRANSLATE_NOOP("PlaceTreeModel", "地点"),
    QT_TRANSLATE_NOOP("PlaceTreeModel", "稿件"),
)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex
# Shared default "no parent" index (an immutable value; avoids a call in every default).
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _Item:
    """A node plus where it sits, so parent() needs no search."""

    __slots__ = ("children", "node", "parent", "row")

    def __init__(self, node: TreeNode | None, parent: _Item | None, row: int) -> None:
        self.node = node
        self.parent = parent
        self.row = row
        self.children: list[_Item] = []


def _wrap(nodes: Sequence[TreeNode], parent: _Item) -> None:
    for row, node in enumerate(nodes):
        item = _Item(node, parent, row)
        parent.children.append(item)
        _wrap(node.children, item)


class PlaceTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Item(None, None, 0)
        self._by_key: dict[tuple[str, str], _Item] = {}

    def set_tree(self, nodes: Sequence[TreeNode]) -> None:
        self.beginResetModel()
        self._root = _Item(None, None, 0)
        _wrap(nodes, self._root)
        self._by_key = {}
        stack = list(self._root.children)
        while stack:
            item = stack.pop()
            if item.node is not None and item.node.key is not None:
                self._by_key.setdefault(item.node.key, item)
            stack.extend(item.children)
        self.endResetModel()

    def index_for_key(self, key: tuple[str, str] | None) -> QModelIndex:
        """Index (name column) of the node with this (name, kind) key; invalid when absent."""
        item = self._by_key.get(key) if key is not None else None
        if item is None:
            return QModelIndex()
        return self.createIndex(item.row, COL_NAME, item)

    def _item(self, index: AnyIndex) -> _Item:
        if index.isValid():
            return index.internalPointer()
        return self._root

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._item(parent).children[row])

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._item(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._item(parent).children)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._item(index).node
        assert node is not None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(node_name(node.name, node.kind)) if col == COL_NAME else node.count
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(
                self.tr("{name}（{kind}，{count} 篇稿件）").format(
                    name=node_name(node.name, node.kind),
                    kind=place_kind_name(node.kind),
                    count=node.count,
                )
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_COUNT:
            return int(_RIGHT.value)
        if role == KEY_ROLE:
            return node.key
        if role == KIND_ROLE:
            return node.kind
        if role == NAME_ROLE:
            return node.name
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.TextAlignmentRole and horizontal and section == COL_COUNT:
            return int(_RIGHT.value)
        return column_header("PlaceTreeModel", HEADERS, section, orientation, role)


class PlaceFilterProxy(QSortFilterProxyModel):
    """Filter box for the tree: a node stays when its name, or any descendant's, matches."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(COL_NAME)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        # Counts compare as numbers; equal counts (and the name column) fall back to the name.
        src = self.sourceModel()
        if left.column() == COL_COUNT:
            lc, rc = src.data(left), src.data(right)
            if lc != rc:
                return lc < rc
        ln = src.data(left.sibling(left.row(), COL_NAME), NAME_ROLE) or ""
        rn = src.data(right.sibling(right.row(), COL_NAME), NAME_ROLE) or ""
        return ln < rn
