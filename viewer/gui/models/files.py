"""The archive's page files as a Qt table model (File → 档案中的文件).

Rows are `Archive.files()` dicts: one stored page file each, with its paper, date, page, story
count and import time. Paths and names are shown as they are (plain text, bidi controls made
visible), since a file name is whatever the user's disk holds.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.gui.models.rows import RowsTableModel
from viewer.gui.plain_text import shown, tooltip

COL_NAME = 0
COL_PAPER = 1
COL_DATE = 2
COL_PAGE = 3
COL_STORIES = 4
COL_IMPORTED = 5
HEADERS = (
    QT_TRANSLATE_NOOP("FilesModel", "文件"),
    QT_TRANSLATE_NOOP("FilesModel", "报纸"),
    QT_TRANSLATE_NOOP("FilesModel", "日期"),
    QT_TRANSLATE_NOOP("FilesModel", "版面"),
    QT_TRANSLATE_NOOP("FilesModel", "稿件"),
    QT_TRANSLATE_NOOP("FilesModel", "导入时间"),
)
_KEYS = {COL_PAPER: "source", COL_DATE: "date", COL_PAGE: "page", COL_IMPORTED: "imported_at"}


def local_time(iso: str) -> str:
    """An import time (ISO, UTC) as the user's local "2026-11-30 21:26"."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the stored path (what `remove_files` takes)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class FilesModel(RowsTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("FilesModel", HEADERS, parent)

    def set_files(self, rows: list[dict]) -> None:
        self.set_rows(rows)

    def file(self, row: int) -> dict:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return shown(row.get("name") or "")
            if col == COL_STORIES:
                return str(row.get("stories") or 0)
            if col == COL_IMPORTED:
                return local_time(str(row.get("imported_at") or ""))
            return shown(str(row.get(_KEYS[col]) or ""))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME:
            return tooltip(row.get("path") or "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_STORIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PATH_ROLE:
            return row.get("path")
        if role == SORT_ROLE:
            if col == COL_STORIES:
                return int(row.get("stories") or 0)
            if col == COL_NAME:
                return row.get("name") or ""
            return str(row.get(_KEYS[col]) or "")
        return None
