"""Column headers for the item models: horizontal labels only, no row numbers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt


def column_header(
    context: str, headers: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """`headerData` for a model whose columns are named by `headers` (source texts, translated
    in `context`)."""
    if (
        role == Qt.ItemDataRole.DisplayRole
        and orientation == Qt.Orientation.Horizontal
        and 0 <= section < len(headers)
    ):
        return QCoreApplication.translate(context, headers[section])
    return None
