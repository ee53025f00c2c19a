"""The story list (place browsing and search results) as a flat Qt table model.

Rows are the archive's plain story dicts from `Archive.stories` or `Archive.search`; the model
reads only the keys both share (plus the search snippet when present).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.gui.models.headers import column_header
from viewer.gui.models.kinds import story_kind_name
from viewer.gui.plain_text import shown, tooltip

COL_TITLE = 0
COL_KIND = 1
COL_DATE = 2
COL_PLACES = 3
HEADERS = (
    QT_TRANSLATE_NOOP("StoryListModel", "标题"),
    QT_TRANSLATE_NOOP("StoryListModel", "类型"),
    QT_TRANSLATE_NOOP("StoryListModel", "日期"),
    QT_TRANSLATE_NOOP("StoryListModel", "地点"),
)

STORY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
HITS_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4

NO_DATE = "—"
SHOWN_PLACES = 3
AnyIndex = QModelIndex | QPersistentModelIndex
# Shared default "no parent" index (an immutable value; avoids a call in every default).
_ROOT = QModelIndex()


def _places(row: Mapping[str, Any]) -> str:
    return "、".join((row.get("places") or [])[:SHOWN_PLACES])


def _title(row: Mapping[str, Any]) -> str:
    return row.get("label") or row.get("title") or ""


class StoryListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Mapping[str, Any]] = []
        self._row_by_id: dict[int, int] = {}

    def set_stories(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_by_id = {}
        for n, row in enumerate(self._rows):
            self._row_by_id.setdefault(int(row["id"]), n)
        self.endResetModel()

    def row_for_id(self, story_id: int) -> int | None:
        """Source row of a story, or None when it is not listed."""
        return self._row_by_id.get(story_id)

    def story_id(self, row: int) -> int:
        return int(self._rows[row]["id"])

    def has_snippets(self) -> bool:
        """True when the rows are search results carrying snippets (two-line rows)."""
        return any(row.get("snippet_text") for row in self._rows[:1])

    def story(self, row: int) -> Mapping[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(self._display(row, col))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TITLE:
                return tooltip(row.get("snippet_text") or _title(row))
            if col == COL_PLACES:
                return tooltip("、".join(row.get("places") or []))
            return None
        if role == STORY_ID_ROLE:
            return int(row["id"])
        if role == SNIPPET_ROLE:
            # The text the offsets in HITS_ROLE index (`shown` keeps every offset).
            return shown(row.get("snippet_text"))
        if role == HITS_ROLE:
            return list(row.get("snippet_hits") or [])
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        return None

    @staticmethod
    def _display(row: Mapping[str, Any], col: int) -> str:
        if col == COL_TITLE:
            return _title(row)
        if col == COL_KIND:
            return story_kind_name(row.get("kind") or "")
        if col == COL_DATE:
            return row.get("date") or NO_DATE
        return _places(row)

    @staticmethod
    def _sort_key(row: Mapping[str, Any], col: int) -> str:
        if col == COL_TITLE:
            return _title(row)
        if col == COL_KIND:
            return row.get("kind") or ""
        if col == COL_DATE:
            return row.get("date") or ""
        return _places(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header("StoryListModel", HEADERS, section, orientation, role)
