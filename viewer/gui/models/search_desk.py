"""The search desk's models: the saved searches with their hit counts, and the facets of the
search shown (how its hits spread over places, story kinds and years).

Rows are what the archive answered (`Archive.saved_searches()`, `Archive.facets()`); the models
only lay them out. Each facet row carries the filter it stands for (`FILTER_ROLE`), so the view
that shows it needs no knowledge of the archive to apply it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from viewer.archive import FacetCounts, SavedSearch
from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.gui.models.headers import column_header
from viewer.gui.models.kinds import story_kind_name
from viewer.gui.models.rows import RowsTableModel
from viewer.gui.plain_text import shown, tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

COL_NAME = 0
COL_COUNT = 1
SAVED_HEADERS = (
    QT_TRANSLATE_NOOP("SavedSearchModel", "保存的检索"),
    QT_TRANSLATE_NOOP("SavedSearchModel", "篇数"),
)
FACET_HEADERS = (
    QT_TRANSLATE_NOOP("FacetModel", "结果分布"),
    QT_TRANSLATE_NOOP("FacetModel", "篇数"),
)
SAVED_ROLE = Qt.ItemDataRole.UserRole + 1  # the SavedSearch of the row
# ("place", name) / ("kind", STORY_KINDS key) / ("year", 2020); None on a group row
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2

# The short lists first, so that all three groups show in a laptop's pane.
GROUPS = (
    QT_TRANSLATE_NOOP("FacetModel", "类型"),
    QT_TRANSLATE_NOOP("FacetModel", "年份"),
    QT_TRANSLATE_NOOP("FacetModel", "地点"),
)
GROUP_KINDS, GROUP_YEARS, GROUP_PLACES = range(3)


def filters_text(search: SavedSearch) -> str:
    """The filters of a saved search in one line (place, kind, date range)."""
    f = search.filters
    parts = [p for p in (f.place, story_kind_name(f.kind) if f.kind else None) if p]
    if f.date_from or f.date_to:
        parts.append(f"{f.date_from or '…'}–{f.date_to or '…'}")
    return " · ".join(parts)


class SavedSearchModel(RowsTableModel):
    """One row per saved search: its name and how many stories it finds now."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("SavedSearchModel", SAVED_HEADERS, parent)

    def set_searches(self, searches: list[SavedSearch]) -> None:
        self.set_rows(searches)

    def search(self, row: int) -> SavedSearch:
        return self._rows[row]

    def row_for_name(self, name: str) -> int | None:
        return next((r for r, s in enumerate(self._rows) if s.name == name), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        search = self._rows[index.row()]
        column = index.column()
        if role == SAVED_ROLE:
            return search
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return shown(search.name)
            return "!" if search.hits is None else search.hits
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [search.query or QCoreApplication.translate("SavedSearchModel", "（只有筛选）")]
            if filters := filters_text(search):
                lines.append(filters)
            if search.error:
                lines.append(
                    QCoreApplication.translate("SavedSearchModel", "无法检索：{error}").format(
                        error=search.error
                    )
                )
            return tooltip("\n".join(lines))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FacetModel(QAbstractItemModel):
    """Three groups (places, kinds, years), each listing its values with their hit counts.

    A group row has internal id 0; a value row has its group's number + 1 as internal id, which
    is all `parent()` needs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._facets: FacetCounts | None = None
        self._values: list[list[tuple[tuple[str, Any], str, int]]] = [[], [], []]

    def set_facets(self, facets: FacetCounts | None) -> None:
        self.beginResetModel()
        self._facets = facets
        if facets is None:
            self._values = [[], [], []]
        else:
            self._values = [[], [], []]
            self._values[GROUP_KINDS] = [
                (("kind", k.kind), story_kind_name(k.kind), k.stories) for k in facets.kinds
            ]
            # Newest first: recent years are what a search is usually after.
            self._values[GROUP_YEARS] = [
                (("year", y.year), str(y.year), y.stories) for y in reversed(facets.years)
            ]
            self._values[GROUP_PLACES] = [
                (("place", p.name), shown(p.name), p.stories) for p in facets.places
            ]
        self.endResetModel()

    def facets(self) -> FacetCounts | None:
        return self._facets

    def group_index(self, group: int) -> QModelIndex:
        return self.index(group, 0)

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if self._facets is None:
            return 0
        if not parent.isValid():
            return len(GROUPS)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._values[parent.row()])
        return 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return len(FACET_HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._facets is None:
            return None
        column = index.column()
        if index.internalId() == 0:  # a group
            if role == Qt.ItemDataRole.DisplayRole and column == COL_NAME:
                return QCoreApplication.translate("FacetModel", GROUPS[index.row()])
            if role == Qt.ItemDataRole.ToolTipRole and index.row() == GROUP_PLACES:
                listed, total = len(self._values[GROUP_PLACES]), self._facets.place_count
                if listed < total:
                    return QCoreApplication.translate(
                        "FacetModel", "列出命中最多的 {n} 个地点（共 {total} 个）"
                    ).format(n=listed, total=total)
            if (
                role == Qt.ItemDataRole.ToolTipRole
                and index.row() == GROUP_YEARS
                and self._facets.undated
            ):
                return QCoreApplication.translate("FacetModel", "另有 {n} 篇没有日期").format(
                    n=self._facets.undated
                )
            return None
        facet, text, count = self._values[index.internalId() - 1][index.row()]
        if role == FILTER_ROLE:
            return facet
        if role == Qt.ItemDataRole.DisplayRole:
            return text if column == COL_NAME else count
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("FacetModel", "点击只看这些稿件（{n} 篇）").format(
                n=count
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header("FacetModel", FACET_HEADERS, section, orientation, role)
