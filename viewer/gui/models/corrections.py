"""Table models of the corrections view: every stored correction, and the places to review.

Rows are the core's `Correction` and `PlaceReview` values as they come from the reader thread;
the models only say them in the UI's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from viewer.archive import Correction, PlaceReview
from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.gui.models.files import local_time
from viewer.gui.models.kinds import place_kind_name, story_kind_name
from viewer.gui.models.rows import RowsTableModel
from viewer.gui.plain_text import shown, tooltip

AnyIndex = QModelIndex | QPersistentModelIndex

_ROOT = QModelIndex()
_CONTEXT = "CorrectionsModel"

COL_WHAT, COL_TARGET, COL_OLD, COL_NEW, COL_WHEN, COL_STATE = range(6)
HEADERS = [
    QT_TRANSLATE_NOOP("CorrectionsModel", "更正"),
    QT_TRANSLATE_NOOP("CorrectionsModel", "对象"),
    QT_TRANSLATE_NOOP("CorrectionsModel", "原值"),
    QT_TRANSLATE_NOOP("CorrectionsModel", "新值"),
    QT_TRANSLATE_NOOP("CorrectionsModel", "时间"),
    QT_TRANSLATE_NOOP("CorrectionsModel", "状态"),
]
WHAT_NAMES: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("CorrectionsModel", "标题"),
    "date": QT_TRANSLATE_NOOP("CorrectionsModel", "日期"),
    "kind": QT_TRANSLATE_NOOP("CorrectionsModel", "类型"),
    "add_place": QT_TRANSLATE_NOOP("CorrectionsModel", "添加地点"),
    "remove_place": QT_TRANSLATE_NOOP("CorrectionsModel", "去掉地点"),
    "reject_fact": QT_TRANSLATE_NOOP("CorrectionsModel", "删除要素"),
    "fix_fact": QT_TRANSLATE_NOOP("CorrectionsModel", "修改要素"),
    "rename_place": QT_TRANSLATE_NOOP("CorrectionsModel", "地点改名"),
    "merge_place": QT_TRANSLATE_NOOP("CorrectionsModel", "合并地点"),
    "move_place": QT_TRANSLATE_NOOP("CorrectionsModel", "移动地点"),
    "verify_place": QT_TRANSLATE_NOOP("CorrectionsModel", "核实地点"),
}
STATE_NAMES: dict[str, str] = {
    "applied": QT_TRANSLATE_NOOP("CorrectionsModel", "已应用"),
    "orphaned": QT_TRANSLATE_NOOP("CorrectionsModel", "稿件已不在档案中"),
    "unmatched": QT_TRANSLATE_NOOP("CorrectionsModel", "未匹配"),
}
PLACE_WHATS = ("rename_place", "merge_place", "move_place", "verify_place")
CORRECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    """A text named in WHAT_NAMES or STATE_NAMES, in the UI's language."""
    return QCoreApplication.translate(_CONTEXT, text)


def _place(name: object, kind: object) -> str:
    return f"{name}（{place_kind_name(str(kind))}）" if kind else str(name or "")


def _key(value: object) -> str:
    """A place given as [name, kind] (a merge's or a move's destination)."""
    if isinstance(value, list | tuple) and len(value) == 2:
        return _place(value[0], value[1])
    return str(value or "")


def state(correction: Correction) -> str:
    """applied, orphaned (its story is gone; it applies again if it returns) or unmatched."""
    if correction.orphaned:
        return "orphaned"
    return "unmatched" if correction.unmatched else "applied"


def target_text(c: Correction) -> str:
    if c.what in PLACE_WHATS:
        return _place(c.place_name, c.place_kind)
    story = (
        QCoreApplication.translate("CorrectionsModel", "稿件 {id}").format(id=c.story_id)
        if c.story_id is not None
        else QCoreApplication.translate("CorrectionsModel", "（稿件已不在档案中）")
    )
    if c.what in ("reject_fact", "fix_fact"):
        fact = (c.target or {}).get("text") or ""
        return QCoreApplication.translate("CorrectionsModel", "{story}：要素“{fact}”").format(
            story=story, fact=fact
        )
    return story


def old_and_new(c: Correction) -> tuple[str, str]:
    """What the correction replaced and what it put in its place, as shown."""
    value, previous = c.value, c.previous
    if c.what == "kind":
        return story_kind_name(str(previous or "")), story_kind_name(str(value or ""))
    if c.what in ("title", "date"):
        return str(previous or ""), str(value or "")
    place = _place(c.place_name, c.place_kind)
    if c.what == "add_place":
        return "", place
    if c.what == "remove_place":
        return place, ""
    fact = str((c.target or {}).get("text") or "")
    if c.what == "reject_fact":
        return fact, QCoreApplication.translate("CorrectionsModel", "（删除）")
    if c.what == "fix_fact":
        new = value.get("text") if isinstance(value, dict) else value
        return fact, str(new or "")
    if c.what == "rename_place":
        return str(c.place_name or ""), str(value or "")
    if c.what == "merge_place":
        return place, QCoreApplication.translate("CorrectionsModel", "并入 {place}").format(
            place=_key(value)
        )
    if c.what == "move_place":
        return _key(previous), QCoreApplication.translate(
            "CorrectionsModel", "{place} 之下"
        ).format(place=_key(value))
    return "", QCoreApplication.translate("CorrectionsModel", "已核实")


class CorrectionsModel(RowsTableModel):
    """Every correction, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_CONTEXT, HEADERS, parent)

    def set_corrections(self, rows: Sequence[Correction]) -> None:
        self.set_rows(rows)

    def correction(self, row: int) -> Correction:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        if role == CORRECTION_ID_ROLE:
            return c.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = index.column()
        if col == COL_WHAT:
            text = _tr(WHAT_NAMES.get(c.what, c.what))
        elif col == COL_TARGET:
            text = target_text(c)
        elif col in (COL_OLD, COL_NEW):
            text = old_and_new(c)[col - COL_OLD]
        elif col == COL_WHEN:
            text = local_time(c.made_at)
        else:
            text = _tr(STATE_NAMES[state(c)])
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(c.describe())  # the core's one line says it all, in Chinese
        return shown(text)


_REVIEW = "ReviewModel"
REVIEW_NAME, REVIEW_KIND, REVIEW_PARENT, REVIEW_STORIES, REVIEW_REASONS = range(5)
REVIEW_HEADERS = [
    QT_TRANSLATE_NOOP("ReviewModel", "地点"),
    QT_TRANSLATE_NOOP("ReviewModel", "类型"),
    QT_TRANSLATE_NOOP("ReviewModel", "上级"),
    QT_TRANSLATE_NOOP("ReviewModel", "稿件"),
    QT_TRANSLATE_NOOP("ReviewModel", "原因"),
]


class ReviewModel(RowsTableModel):
    """The places the archive is unsure of, most stories first, with the reasons."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_REVIEW, REVIEW_HEADERS, parent)

    def set_places(self, rows: Sequence[PlaceReview]) -> None:
        self.set_rows(rows)

    def place(self, row: int) -> PlaceReview:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == REVIEW_STORIES:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        # The reasons are the core's Chinese sentences; the tooltip has them whole.
        reasons = "；".join(p.reasons)
        if role == Qt.ItemDataRole.ToolTipRole and col == REVIEW_REASONS:
            return tooltip("\n".join(p.reasons))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = [p.name, place_kind_name(p.kind), p.parent or "", str(p.stories), reasons]
        return shown(values[col])
