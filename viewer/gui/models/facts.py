"""A story's facts grouped by kind, as a two-level Qt item model.

Top level: one row per fact kind present, in `FACT_KIND_NAMES` order (unknown kinds last), showing
the kind's name and how many times its facts occur. Children: one row per distinct fact (same kind,
text up to full/half-width forms, role and value), showing its text, its normalised value and how
often it occurs; a reader wants "张三 ×4", not four rows of 张三. Byline-only facts (start None) are
listed like any other.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from viewer.archive import fold
from viewer.gui.highlight_colours import FACT_COLORS, UNKNOWN_FACT
from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.gui.models.headers import column_header
from viewer.gui.models.kinds import FACT_KIND_NAMES, fact_kind_name, place_kind_name
from viewer.gui.plain_text import shown, tooltip

COL_TEXT = 0
COL_VALUE = 1
COL_COUNT = 2
HEADERS = (
    QT_TRANSLATE_NOOP("FactTreeModel", "内容"),
    QT_TRANSLATE_NOOP("FactTreeModel", "数值"),
    QT_TRANSLATE_NOOP("FactTreeModel", "次数"),
)

FACT_ROLE = Qt.ItemDataRole.UserRole + 1  # the first occurrence in the text (else the first)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
OCCURRENCES_ROLE = Qt.ItemDataRole.UserRole + 3  # every occurrence, in text order

translate = QCoreApplication.translate

MONTH_DAY = re.compile(r"--\d\d-\d\d")  # a date norm with month and day but no year

AnyIndex = QModelIndex | QPersistentModelIndex
# Shared default "no parent" index (an immutable value; avoids a call in every default).
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _number(value: float, thousands: bool) -> str:
    """1200000.0 -> "1,200,000" (or "1200000"); 57.5 -> "57.5"; never scientific notation."""
    if float(value).is_integer():
        return f"{int(value):,}" if thousands else str(int(value))
    text = f"{value:,.4f}" if thousands else f"{value:.4f}"
    return text.rstrip("0").rstrip(".")


def fact_value(fact: dict, page_year: str | None = None) -> str:
    """The normalised value shown next to a fact: amounts with their unit, a person's role, a
    date's ISO form, a place's kind. A date without a year takes the page's year, marked as
    inferred, when the page has a date."""
    kind = fact.get("kind")
    value = fact.get("value")
    unit = fact.get("unit") or ""
    if kind in ("money", "quantity") and value is not None:
        unit = unit or ("元" if kind == "money" else "")
        return f"{_number(value, thousands=kind == 'money')} {unit}".rstrip()
    if kind == "percent" and value is not None:
        return f"{_number(value, thousands=False)}%"
    if kind == "person":
        return fact.get("label") or ""
    if kind == "place":
        return place_kind_name(fact.get("label") or "")
    norm = fact.get("norm") or ""
    if kind == "date" and norm.startswith("-"):
        # "--10-10" / "---15": the text already says the day; what the reader needs is the year,
        # and whether the text gave it.
        if page_year and MONTH_DAY.fullmatch(norm):
            return translate("FactTreeModel", "{date}（按版面年份）").format(
                date=page_year + norm[1:]
            )
        return translate("FactTreeModel", "年份不详")
    if kind == "organization" and norm == (fact.get("text") or ""):
        return ""  # the name again says nothing new
    return norm


def _distinct_key(fact: dict) -> tuple:
    return (fold(fact.get("text") or ""), fact.get("label") or "", fact.get("value"))


class _Entry:
    """One distinct fact and all its occurrences (text order; byline-only ones last)."""

    __slots__ = ("facts", "first")

    def __init__(self, facts: list[dict]) -> None:
        self.facts = sorted(facts, key=lambda f: (f.get("start") is None, f.get("start") or 0))
        self.first = self.facts[0]


class _Group:
    __slots__ = ("entries", "kind", "occurrences", "row")

    def __init__(self, kind: str, row: int, facts: list[dict]) -> None:
        self.kind = kind
        self.row = row
        self.occurrences = len(facts)
        same: dict[tuple, list[dict]] = {}
        for fact in facts:
            same.setdefault(_distinct_key(fact), []).append(fact)
        self.entries = [_Entry(group) for group in same.values()]


# Top-level indexes point at this sentinel; a fact's index points at its group.
_TOP = object()


def _order(kind: str) -> tuple[int, str]:
    known = list(FACT_KIND_NAMES)
    return (known.index(kind), "") if kind in FACT_KIND_NAMES else (len(known), kind)


class FactTreeModel(QAbstractItemModel):
    """Facts grouped by kind. Each kind's row has a check box: unchecked hides that kind's
    highlights in the reader (the choice holds for every story until changed)."""

    kindVisibilityChanged = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._hidden: set[str] = set()
        self._page_year: str | None = None

    def set_facts(self, facts: list[dict], page_date: str | None = None) -> None:
        """Show `facts`; `page_date` (ISO) supplies the year for dates that lack one."""
        by_kind: dict[str, list[dict]] = {}
        for fact in facts:
            by_kind.setdefault(fact.get("kind") or "", []).append(fact)
        self.beginResetModel()
        self._page_year = page_date[:4] if page_date and page_date[:4].isdigit() else None
        self._groups = [
            _Group(kind, row, by_kind[kind]) for row, kind in enumerate(sorted(by_kind, key=_order))
        ]
        self.endResetModel()

    def kinds(self) -> list[str]:
        return [g.kind for g in self._groups]

    def group_index(self, kind: str) -> QModelIndex:
        for group in self._groups:
            if group.kind == kind:
                return self.createIndex(group.row, 0, _TOP)
        return QModelIndex()

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, self._groups[parent.row()])

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        owner = index.internalPointer()
        if owner is _TOP:
            return QModelIndex()
        return self.createIndex(owner.row, 0, _TOP)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalPointer() is not _TOP:
            return 0
        return len(self._groups[parent.row()].entries)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return len(HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_TEXT and index.internalPointer() is _TOP:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() != COL_TEXT
            or index.internalPointer() is not _TOP
        ):
            return False
        kind = self._groups[index.row()].kind
        visible = Qt.CheckState(value) == Qt.CheckState.Checked
        if visible:
            self._hidden.discard(kind)
        else:
            self._hidden.add(kind)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.kindVisibilityChanged.emit(kind, visible)
        return True

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        owner = index.internalPointer()
        if owner is _TOP:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.CheckStateRole and index.column() == COL_TEXT:
                hidden = group.kind in self._hidden
                return Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked
            return self._group_data(group, index.column(), role)
        return self._entry_data(owner.entries[index.row()], index.column(), role)

    @staticmethod
    def _group_data(group: _Group, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TEXT:
                return fact_kind_name(group.kind)
            return str(group.occurrences) if col == COL_COUNT else None
        if role == Qt.ItemDataRole.DecorationRole and col == COL_TEXT:
            return QColor(FACT_COLORS.get(group.kind, UNKNOWN_FACT))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_COUNT:
            return int(_RIGHT.value)
        if role == KIND_ROLE:
            return group.kind
        return None

    def _entry_data(self, entry: _Entry, col: int, role: int) -> Any:
        fact = entry.first
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TEXT:
                return shown(fact.get("text"))
            if col == COL_VALUE:
                return shown(fact_value(fact, self._page_year))
            return str(len(entry.facts))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_COUNT:
            return int(_RIGHT.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            label = fact.get("label") or ""
            if fact.get("start") is None:
                return tooltip(
                    translate("FactTreeModel", "{text}（署名）").format(text=fact.get("text") or "")
                )
            return tooltip(f"{label}：{fact.get('text') or ''}") if label else None
        if role == FACT_ROLE:
            return fact
        if role == OCCURRENCES_ROLE:
            return entry.facts
        if role == KIND_ROLE:
            return fact.get("kind")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header("FactTreeModel", HEADERS, section, orientation, role)
