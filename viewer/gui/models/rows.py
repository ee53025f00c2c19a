"""A flat Qt table over a list of rows, what the window's list models share (the files of the
archive, the corrections, the places to review, the saved searches): row and column counts and
the column headers. Each subclass says what a cell shows (`data`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from viewer.gui.models.headers import column_header

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class RowsTableModel(QAbstractTableModel):
    """Rows kept as given; columns named by `headers`, source texts translated in `context`."""

    def __init__(self, context: str, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._headers = tuple(headers)
        self._rows: list[Any] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self._context, self._headers, section, orientation, role)
