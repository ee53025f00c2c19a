"""The search bar: the query box, its filters (place, kind, date range) and the result status.

It knows nothing of the archive: it turns what the user set into the keyword arguments of
`Archive.search_results` (`options()`; with no query text the filters alone select stories), and
says when anything changed with one `changed` signal, which the window debounces. While the
query box has focus, arrow and page keys move through the result view given to
`set_results_view`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import SearchOptions, TreeNode
from viewer.gui.models.kinds import STORY_KIND_NAMES, story_kind_name
from viewer.gui.plain_text import shown, tooltip

DATE_FORMAT = "yyyy-MM-dd"
# Keys the query box hands to the result list: the line edit itself has no use for them.
NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class SearchBar(QWidget):
    """Query box + place / kind / date filters + a status line, in two compact rows."""

    changed = Signal()  # the query text or a filter changed (the window debounces it)
    historyCleared = Signal()  # 清除搜索历史 was chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: QAbstractItemView | None = None
        self._emitted: SearchOptions = {}  # the filters as of the last `changed`
        self._quiet = False  # set while several controls are reset at once

        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr('搜索稿件（Ctrl+F）：词语、"短语"、OR、NOT、place:地点')
        )
        self.query.setAccessibleName(self.tr("搜索"))
        self.query.setToolTip(
            self.tr(
                "输入即搜索。↑/↓ 在结果中移动，Enter 打开结果，Esc 清空。\n"
                '语法：词语（都要出现）、"短语"、OR、NOT 或 -词、( )、'
                "place:地点、author:作者、kind:类型、from:2020、to:2021-06、date:2020..2021"
            )
        )
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        # Recent queries (the window keeps them per archive, see `set_history`).
        self.history_menu = QMenu(self)
        self.history_button = QToolButton()
        self.history_button.setText(self.tr("历史"))
        self.history_button.setToolTip(self.tr("最近的搜索"))
        self.history_button.setAccessibleName(self.tr("最近的搜索"))
        self.history_button.setMenu(self.history_menu)
        self.history_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.set_history([])

        self.place = QComboBox()
        self.place.setEditable(True)
        # Typing a place must not add it to the list; the list comes from the place tree.
        self.place.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.place_edit = self.place.lineEdit()
        assert self.place_edit is not None  # an editable combo box has one
        self.place_edit.setPlaceholderText(self.tr("全部地点"))
        self.place_edit.setClearButtonEnabled(True)
        self.place.setAccessibleName(self.tr("地点筛选"))
        self.place.setToolTip(self.tr("只看这个地点（含其下属地点）的稿件；留空为全部地点"))
        self.place.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.place.setMinimumContentsLength(8)
        completer = QCompleter(self.place.model(), self.place)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.place.setCompleter(completer)

        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部类型"), None)
        for key in STORY_KIND_NAMES:
            self.kind.addItem(story_kind_name(key), key)
        self.kind.setAccessibleName(self.tr("类型筛选"))
        self.kind.setToolTip(self.tr("只看一种稿件：文章、简讯、图片、广告或专栏"))

        self.date_toggle = QCheckBox(self.tr("日期"))
        self.date_toggle.setAccessibleName(self.tr("按日期筛选"))
        self.date_toggle.setToolTip(self.tr("勾选后只看这段日期内的稿件（没有日期的稿件不显示）"))
        today = QDate.currentDate()
        self.date_from = self._date_edit(self.tr("起始日期"), self.tr("从这一天起（含）"))
        self.date_to = self._date_edit(self.tr("结束日期"), self.tr("到这一天止（含）"))
        self.date_from.setDate(today.addYears(-1))
        self.date_to.setDate(today)
        self.date_to.setMinimumDate(self.date_from.date())
        self._set_dates_enabled(False)
        self.date_dash = QLabel(self.tr("至"))
        self.date_dash.setBuddy(self.date_to)

        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.setAccessibleName(self.tr("清除筛选"))
        self.clear_button.setToolTip(self.tr("地点、类型、日期都恢复为全部"))
        self.clear_button.setEnabled(False)

        # Best hits first, or the newest of ALL hits (the list's date header sorts only the
        # hits listed).
        self.sort = QComboBox()
        self.sort.addItem(self.tr("相关度"), "relevance")
        self.sort.addItem(self.tr("最新"), "date")
        self.sort.setAccessibleName(self.tr("结果排序"))
        self.sort.setToolTip(self.tr("按相关度，或按日期从新到旧（在全部结果中取最新的）"))
        self.sort_label = QLabel(self.tr("排序"))
        self.sort_label.setBuddy(self.sort)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("搜索结果"))
        # A long message must not widen the window: it is cut, and whole in the tooltip.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self._lay_out()
        for first, second in zip(self.tab_chain(), self.tab_chain()[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.query.textChanged.connect(self._query_changed)
        self.place.currentIndexChanged.connect(self._filters_changed)
        self.place_edit.editingFinished.connect(self._filters_changed)
        # The clear button of the place box empties it without "editing finished".
        self.place_edit.textChanged.connect(self._place_text_changed)
        self.kind.currentIndexChanged.connect(self._filters_changed)
        self.date_toggle.toggled.connect(self._date_toggled)
        self.date_from.dateChanged.connect(self._date_from_changed)
        self.date_to.dateChanged.connect(self._filters_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.sort.currentIndexChanged.connect(self._sort_changed)

    def _date_edit(self, name: str, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setAccessibleName(name)
        edit.setToolTip(tip)
        return edit

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.query, 1)
        top.addWidget(self.history_button)
        top.addSpacing(6)
        for widget in (self.place, self.kind):
            top.addWidget(widget)
        top.addSpacing(6)
        top.addWidget(self.date_toggle)
        for date_widget in (self.date_from, self.date_dash, self.date_to):
            top.addWidget(date_widget)
        top.addSpacing(6)
        top.addWidget(self.clear_button)
        # The sort sits under the filters, at the status line's end: the top row is as wide
        # as a small screen allows.
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.sort_label)
        bottom.addWidget(self.sort)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(6, 6, 6, 2)
        rows.setSpacing(2)
        rows.addLayout(top)
        rows.addLayout(bottom)

    def tab_chain(self) -> list[QWidget]:
        return [
            self.query,
            self.place,
            self.kind,
            self.date_toggle,
            self.date_from,
            self.date_to,
            self.clear_button,
            self.sort,
        ]

    # -- what the user set ------------------------------------------------------------------

    def options(self) -> SearchOptions:
        """Keyword arguments for `Archive.search_results`: only the filters that are set."""
        out: SearchOptions = {}
        place = self.place.currentText().strip()
        if place:
            out["place"] = place
        kind = self.kind.currentData()
        if kind:
            out["kind"] = kind
        if self.date_toggle.isChecked():
            out["date_from"] = self.date_from.date().toString(Qt.DateFormat.ISODate)
            out["date_to"] = self.date_to.date().toString(Qt.DateFormat.ISODate)
        return out

    def sort_order(self) -> str:
        """`sort` for `Archive.search_results`: "relevance" or "date" (newest first)."""
        return str(self.sort.currentData())

    def set_filters(self, options: SearchOptions) -> None:
        """Set the filters to exactly `options` (a saved search, a facet chosen), then one
        `changed` if that is a change. Dates outside the archive's span widen the limits (an
        undated story mentioning 1983 is found by the year 1983)."""
        self._quiet = True
        self.place.setCurrentIndex(-1)
        self.place.setEditText(options.get("place") or "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(options.get("kind"))))
        start = QDate.fromString(options.get("date_from") or "", Qt.DateFormat.ISODate)
        end = QDate.fromString(options.get("date_to") or "", Qt.DateFormat.ISODate)
        if start.isValid() or end.isValid():
            start = start if start.isValid() else self.date_from.minimumDate()
            end = end if end.isValid() else self.date_to.maximumDate()
            low = min(start, self.date_from.minimumDate())
            high = max(end, self.date_from.maximumDate(), self.date_to.maximumDate())
            self.date_from.setDateRange(low, high)
            self.date_to.setDateRange(low, high)
            self.date_from.setDate(start)
            self.date_to.setMinimumDate(start)
            self.date_to.setDate(end)
        self.date_toggle.setChecked(start.isValid() or end.isValid())
        self._quiet = False
        self._filters_changed()

    def has_filters(self) -> bool:
        return bool(self.options())

    def text(self) -> str:
        return self.query.text().strip()

    def set_history(self, queries: list[str]) -> None:
        """The recent queries the history button offers, newest first; choosing one searches
        it again."""
        self.history_menu.clear()
        for text in queries:
            action = self.history_menu.addAction(shown(text))
            action.triggered.connect(lambda _on=False, t=text: self.query.setText(t))
        if queries:
            self.history_menu.addSeparator()
            self.history_menu.addAction(self.tr("清除搜索历史"), self.historyCleared.emit)
        self.history_button.setEnabled(bool(queries))

    def set_places(self, names: Iterable[str]) -> None:
        """The names the place box offers (and completes), without losing what is typed."""
        current = self.place.currentText()
        self._quiet = True  # refilling is not a change of filter
        self.place.clear()
        self.place.addItems(sorted(set(names)))
        self.place.setCurrentIndex(-1)
        self.place.setEditText(current)
        self._quiet = False

    def set_date_span(self, first: str | None, last: str | None) -> None:
        """The archive's oldest and newest story date (ISO) become the date filter's default
        range and its limits. While the filter is on, the user's range stays and the limits only
        widen (an import of older or newer pages). No valid span: the default stays as it is."""
        start = QDate.fromString(first or "", Qt.DateFormat.ISODate)
        end = QDate.fromString(last or "", Qt.DateFormat.ISODate)
        if not (start.isValid() and end.isValid() and start <= end):
            return
        self._quiet = True  # a new default is no change of filter
        if self.date_toggle.isChecked():
            start = min(start, self.date_from.minimumDate())
            end = max(end, self.date_from.maximumDate(), self.date_to.maximumDate())
            self.date_from.setDateRange(start, end)
            self.date_to.setMaximumDate(end)
        else:
            # Limits first, so that neither date is clamped to an older range on its way.
            self.date_from.setDateRange(start, end)
            self.date_to.setMaximumDate(end)
            self.date_from.setDate(start)  # moves the end's minimum along (_date_from_changed)
            self.date_to.setMinimumDate(start)
            self.date_to.setDate(end)
        self._quiet = False

    def clear_filters(self) -> None:
        """Every filter back to "all", then one `changed` if anything was set."""
        self._quiet = True
        self.place.setCurrentIndex(-1)
        self.place.setEditText("")
        self.kind.setCurrentIndex(0)
        self.date_toggle.setChecked(False)
        self._quiet = False
        self._filters_changed()

    def set_status(self, text: str) -> None:
        # The text may quote what was typed or pasted (a date it cannot read).
        self.status.setText(shown(text))
        self.status.setToolTip(tooltip(text) or "")

    def set_results_view(self, view: QAbstractItemView) -> None:
        """The list that ↑/↓/PageUp/PageDown in the query box move through."""
        self._results = view

    # -- reactions --------------------------------------------------------------------------

    def _sort_changed(self, _index: int) -> None:
        if not self._quiet:
            self.changed.emit()

    def _query_changed(self, _text: str) -> None:
        self.changed.emit()

    def _filters_changed(self, *_args: object) -> None:
        if self._quiet:
            return
        options = self.options()
        self.clear_button.setEnabled(bool(options))
        if options != self._emitted:
            self._emitted = options
            self.changed.emit()

    def _place_text_changed(self, text: str) -> None:
        # Partial names would empty the results at every keystroke: only an emptied box (or a
        # finished edit, a chosen entry) counts as a change.
        if not text:
            self._filters_changed()

    def _set_dates_enabled(self, on: bool) -> None:
        for widget in (self.date_from, self.date_to):
            widget.setEnabled(on)

    def _date_toggled(self, on: bool) -> None:
        self._set_dates_enabled(on)
        self._filters_changed()

    def _date_from_changed(self, date: QDate) -> None:
        # The end can never precede the start (the setter moves it along when it must).
        self.date_to.setMinimumDate(date)
        self._filters_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            plain = not (key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
            key = key_event.key()
            if plain and key == Qt.Key.Key_Escape and self.query.text():
                self.query.clear()
                return True
            if plain and key in NAVIGATION_KEYS and self._results is not None:
                self._move_in_results(key_event)
                return True
        return super().eventFilter(watched, event)

    def _move_in_results(self, event: QKeyEvent) -> None:
        """Let the result view handle the key as if it had focus: it moves its current row and
        selection the way the user knows, while the caret stays in the query box."""
        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
        if self._results is not None:
            QApplication.sendEvent(self._results, copy)


def tree_place_names(nodes: Iterable[TreeNode]) -> list[str]:
    """Every named place in the tree (the "unassigned" groups have no key and are left out)."""
    names: list[str] = []
    stack = list(nodes)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if node.key is not None:
            names.append(node.name)
    return names
