"""The article reader pane: a story's header, its body with fact and search highlights, zoom.

Story text is only ever handed to Qt as plain text (labels in Qt.PlainText, the body through
`setPlainText`), so markup in a page can never be rendered; bidi controls are shown as marks
(`plain_text.shown`). Facts and search hits are painted as
extra selections rather than document formats: toggling a kind or a search term then only swaps a
list, and the document (and every offset into it) stays untouched.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat, QWheelEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import search_fold
from viewer.gui.highlight_colours import (
    FACT_COLORS,
    FACT_FLASH,
    HIGHLIGHT_TEXT,
    SEARCH_HIT,
    UNKNOWN_FACT,
)
from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.gui.plain_text import shown

translate = QCoreApplication.translate

ZOOM_MIN = -4
ZOOM_MAX = 10
FLASH_MS = 600
UNKNOWN_DATE = QT_TRANSLATE_NOOP("ReaderView", "日期不详")

# Tags extra selections with what they show, so they can be told apart without comparing colours.
_ROLE = QTextFormat.Property.UserProperty
_ROLE_FACT = "fact:"
_ROLE_HIT = "search"
_ROLE_FLASH = "flash"
# Header sizes relative to the body, in points, so zoom moves them together.
_KICKER_DELTA = -1.0
_HEADLINE_DELTA = 6.0
_SUBTITLE_DELTA = 1.0
_META_DELTA = -1.0


class _Utf16Offsets:
    """Maps Python (code point) offsets to Qt document positions, which count UTF-16 units:
    every character beyond the BMP (rare CJK extension ideographs, emoji) takes two."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # The n-th astral character starts at Qt position index + n.
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def to_python(self, position: int) -> int:
        return position - bisect_left(self._astral_qt, position)


def _plain_label(name: str, point_delta: float, *, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    label.setProperty("pointDelta", point_delta)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    label.hide()
    return label


def _set_label(label: QLabel, text: str) -> None:
    label.setText(shown(text))
    label.setVisible(bool(text))


def meta_line(story: dict) -> str:
    """Byline · date · source · file name · page, leaving out what is unknown (except the date)."""
    date = story.get("date") or translate("ReaderView", UNKNOWN_DATE)
    parts = [(story.get("byline") or "").strip(), date]
    if story.get("source"):
        parts.append(story["source"])
    if story.get("source_file"):
        parts.append(Path(story["source_file"]).name)
    page = (story.get("page") or "").strip()
    if page:
        parts.append(
            translate("ReaderView", "第{page}版").format(page=page) if page.isdigit() else page
        )
    return " · ".join(p for p in parts if p)


def byline_hit(byline: str, terms: list[str]) -> tuple[int, int] | None:
    """(start, end) of the first term in `byline`, ignoring width, case and the spaces some
    bylines set inside a name (王 芳); None when none is there."""
    folded = search_fold(byline)
    found = [
        m.span()
        for term in terms
        if (name := "".join(search_fold(term).split()))
        for m in [re.search(r"\s*".join(map(re.escape, name)), folded)]
        if m
    ]
    return min(found) if found else None


class ReaderView(QWidget):
    """Shows one story. Offsets given to it (`reveal`, fact start/end) index the story's `body`."""

    zoomChanged = Signal(int)
    storyShown = Signal(object)  # the story dict now shown, or None once cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("文章阅读"))
        self.kicker_label = _plain_label(self.tr("眉题"), _KICKER_DELTA)
        self.headline_label = _plain_label(self.tr("标题"), _HEADLINE_DELTA, bold=True)
        self.subtitle_label = _plain_label(self.tr("副题"), _SUBTITLE_DELTA)
        self.meta_label = _plain_label(self.tr("作者、日期与出处"), _META_DELTA)
        self.places_label = _plain_label(self.tr("涉及地点"), _META_DELTA)
        self.body = QTextEdit()
        self.body.setReadOnly(True)
        self.body.setAcceptRichText(False)
        self.body.setUndoRedoEnabled(False)
        self.body.setAccessibleName(self.tr("正文"))
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # QTextEdit zooms itself on Ctrl+wheel; route that through zoom_in/out to keep count.
        self.body.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        for label in self._labels():
            layout.addWidget(label)
        layout.addWidget(self._build_hit_bar())
        layout.addWidget(self.body, 1)

        self._base_point_size = self.body.font().pointSizeF()
        if self._base_point_size <= 0:
            self._base_point_size = 10.0
        self._zoom = 0
        self._story: dict | None = None
        self._show_original = False
        self._hidden_kinds: set[str] = set()
        self._terms: list[str] = []
        self._offsets = _Utf16Offsets("")
        self._fact_selections: list[tuple[str, QTextEdit.ExtraSelection]] = []
        self._hit_selections: list[QTextEdit.ExtraSelection] = []
        self._hits: list[tuple[int, int]] = []  # search hits in the body, in text order
        self._hit_index = -1  # the hit last stepped to (F3), -1 before the first step
        self._flash_selection: QTextEdit.ExtraSelection | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self._apply_fonts()

    def _build_hit_bar(self) -> QWidget:
        """ "第 3 / 12 处" with previous/next buttons: shown while the story has search hits."""
        self.hit_bar = QWidget()
        self.hits_label = QLabel()
        self.hits_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hits_label.setAccessibleName(self.tr("检索命中位置"))
        self.prev_hit_button = QToolButton()
        self.prev_hit_button.setText(self.tr("上一处"))
        self.prev_hit_button.setToolTip(self.tr("上一处命中（Shift+F3）"))
        self.prev_hit_button.clicked.connect(lambda: self.step_hit(-1))
        self.next_hit_button = QToolButton()
        self.next_hit_button.setText(self.tr("下一处"))
        self.next_hit_button.setToolTip(self.tr("下一处命中（F3）"))
        self.next_hit_button.clicked.connect(lambda: self.step_hit(1))
        row = QHBoxLayout(self.hit_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hits_label, 1)
        row.addWidget(self.prev_hit_button)
        row.addWidget(self.next_hit_button)
        self.hit_bar.hide()
        return self.hit_bar

    def _labels(self) -> list[QLabel]:
        return [
            self.kicker_label,
            self.headline_label,
            self.subtitle_label,
            self.meta_label,
            self.places_label,
        ]

    # -- content ------------------------------------------------------------------------------

    def story(self) -> dict | None:
        return self._story

    def show_story(self, story: dict) -> None:
        self._story = story
        _set_label(self.kicker_label, story.get("kicker") or "")
        _set_label(self.headline_label, story.get("title") or story.get("label") or "")
        _set_label(self.subtitle_label, story.get("subtitle") or "")
        _set_label(self.meta_label, meta_line(story))
        places = story.get("places") or []
        _set_label(
            self.places_label,
            self.tr("地点：{places}").format(places="、".join(places)) if places else "",
        )
        self._fill_body()
        self._mark_byline()
        self.storyShown.emit(story)

    def clear(self) -> None:
        self._story = None
        for label in self._labels():
            _set_label(label, "")
        self._fill_body()
        self.storyShown.emit(None)

    def add_annotation_widgets(self, above_body: QWidget, below_body: QWidget) -> None:
        """The user's tags and bookmark above the body, their note below it
        (viewer.gui.annotations)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.hit_bar), above_body)
        layout.addWidget(below_body)

    def showing_original(self) -> bool:
        return self._show_original

    def set_show_original(self, on: bool) -> None:
        """Show the story's text as imported instead of the cleaned body (without facts)."""
        if on == self._show_original:
            return
        self._show_original = on
        self._fill_body()

    def displayed_text(self) -> str:
        """The text currently in the body pane, as a Python string."""
        if self._story is None:
            return ""
        key = "original" if self._show_original else "body"
        return self._story.get(key) or ""

    def _fill_body(self) -> None:
        self._end_flash()
        text = self.displayed_text()
        self._offsets = _Utf16Offsets(text)
        self.body.setPlainText(shown(text))  # one character for one: offsets stay valid
        self._fact_selections = []
        if self._story is not None and not self._show_original:
            self._bold_subheads(self._story.get("subheads") or [])
            self._fact_selections = self._build_fact_selections(self._story.get("facts") or [])
        self._hit_selections = self._build_hit_selections()
        self._refresh_selections()
        self.body.moveCursor(QTextCursor.MoveOperation.Start)

    def _bold_subheads(self, subheads: list[str]) -> None:
        wanted = {shown(s).strip() for s in subheads if s.strip()}
        if not wanted:
            return
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        block = self.body.document().begin()
        while block.isValid():
            if block.text().strip() in wanted:
                cursor = QTextCursor(block)
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                cursor.mergeCharFormat(bold)
            block = block.next()

    # -- highlights ---------------------------------------------------------------------------

    def _selection(self, start: int, end: int, color: str, role: str) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.body.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color))
        fmt.setForeground(QColor(HIGHLIGHT_TEXT))
        fmt.setProperty(_ROLE, role)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _build_fact_selections(
        self, facts: list[dict]
    ) -> list[tuple[str, QTextEdit.ExtraSelection]]:
        length = len(self.displayed_text())
        built = []
        for fact in facts:
            start, end = fact.get("start"), fact.get("end")
            # A person known only from the byline has no place in the body.
            if start is None or end is None or not 0 <= start < end <= length:
                continue
            kind = fact.get("kind") or ""
            color = FACT_COLORS.get(kind, UNKNOWN_FACT)
            built.append((kind, self._selection(start, end, color, _ROLE_FACT + kind)))
        return built

    def _build_hit_selections(self) -> list[QTextEdit.ExtraSelection]:
        folded = search_fold(self.displayed_text())
        spans = set()
        for term in self._terms:
            needle = search_fold(term)
            at = folded.find(needle)
            while at >= 0:
                spans.add((at, at + len(needle)))
                at = folded.find(needle, at + len(needle))
        self._hits = sorted(spans)
        self._hit_index = -1
        self._show_hit_position()
        built = [self._selection(start, end, SEARCH_HIT, _ROLE_HIT) for start, end in self._hits]
        for selection in built:
            # Bold text sets a hit apart from a fact colour it sits on, as well as its colour.
            selection.format.setFontWeight(QFont.Weight.Bold)
        return built

    def _refresh_selections(self) -> None:
        # Later selections paint over earlier ones: facts, then search hits, then the flash.
        shown = [s for kind, s in self._fact_selections if kind not in self._hidden_kinds]
        shown += self._hit_selections
        if self._flash_selection is not None:
            shown.append(self._flash_selection)
        self.body.setExtraSelections(shown)

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        if visible:
            self._hidden_kinds.discard(kind)
        else:
            self._hidden_kinds.add(kind)
        self._refresh_selections()

    def is_kind_visible(self, kind: str) -> bool:
        return kind not in self._hidden_kinds

    def set_search_terms(self, terms: list[str]) -> None:
        """Mark every occurrence of each term, ignoring full/half width and letter case; in the
        byline (an `author:` name, or a term only the byline holds), its first occurrence."""
        self._terms = [t.strip() for t in terms if t and t.strip()]
        self._hit_selections = self._build_hit_selections()
        self._refresh_selections()
        self._mark_byline()

    def _mark_byline(self) -> None:
        """Select the first term found in the byline, which opens the meta line: a label shows
        one selection, painted in the highlight colour, and stays plain text."""
        self.meta_label.setSelection(0, 0)
        byline = (self._story or {}).get("byline") or ""
        hit = byline_hit(byline.strip(), self._terms)
        if hit is not None:
            offsets = _Utf16Offsets(self.meta_label.text())
            start, end = offsets.to_qt(hit[0]), offsets.to_qt(hit[1])
            self.meta_label.setSelection(start, end - start)

    def byline_hit_text(self) -> str:
        """The byline text now marked ("" when none)."""
        return self.meta_label.selectedText()

    def _ranges(self, role_prefix: str) -> list[tuple[int, int]]:
        ranges = []
        for selection in self.body.extraSelections():
            role = selection.format.property(_ROLE)
            if isinstance(role, str) and role.startswith(role_prefix):
                cursor = selection.cursor
                ranges.append(
                    (
                        self._offsets.to_python(cursor.selectionStart()),
                        self._offsets.to_python(cursor.selectionEnd()),
                    )
                )
        return sorted(ranges)

    def highlight_ranges(self, kind: str | None = None) -> list[tuple[int, int]]:
        """Body offsets of the fact highlights now painted (of one kind, or all)."""
        return self._ranges(_ROLE_FACT + (kind or ""))

    def search_hit_ranges(self) -> list[tuple[int, int]]:
        return self._ranges(_ROLE_HIT)

    # -- navigation ---------------------------------------------------------------------------

    def step_hit(self, step: int) -> bool:
        """Go to the next (step 1) or previous (-1) search hit, round the end of the story;
        False when the story has none."""
        if not self._hits:
            return False
        if self._hit_index < 0:
            self._hit_index = 0 if step > 0 else len(self._hits) - 1
        else:
            self._hit_index = (self._hit_index + step) % len(self._hits)
        self._select(*self._hits[self._hit_index])
        self._show_hit_position()
        return True

    def hit_position(self) -> tuple[int, int]:
        """(the hit stepped to, 1-based, or 0 before the first step; how many hits)."""
        return self._hit_index + 1, len(self._hits)

    def _show_hit_position(self) -> None:
        total = len(self._hits)
        self.hit_bar.setVisible(total > 0)
        if self._hit_index < 0:
            text = self.tr("{n} 处命中（F3 逐处查看）").format(n=total)
        else:
            text = self.tr("第 {i} / {n} 处").format(i=self._hit_index + 1, n=total)
        self.hits_label.setText(text)

    def reveal(self, start: int, end: int) -> None:
        """Select body[start:end], scroll to it and flash it briefly."""
        if self._show_original:
            # The offsets index the cleaned body, so go back to it.
            self.set_show_original(False)
        self._select(start, end)

    def _select(self, start: int, end: int) -> None:
        """Select displayed_text()[start:end], scroll to it and flash it briefly."""
        length = len(self.displayed_text())
        start = max(0, min(start, length))
        end = max(start, min(end, length))
        cursor = QTextCursor(self.body.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        self.body.ensureCursorVisible()
        self._flash_selection = self._selection(start, end, FACT_FLASH, _ROLE_FLASH)
        self._refresh_selections()
        self._flash_timer.start()

    def is_flashing(self) -> bool:
        return self._flash_selection is not None

    def _end_flash(self) -> None:
        self._flash_timer.stop()
        if self._flash_selection is not None:
            self._flash_selection = None
            self._refresh_selections()

    # -- zoom ---------------------------------------------------------------------------------

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        if steps == self._zoom:
            return
        self._zoom = steps
        self._apply_fonts()
        self.zoomChanged.emit(steps)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def body_point_size(self) -> float:
        return self.body.font().pointSizeF()

    def _apply_fonts(self) -> None:
        size = self._base_point_size + self._zoom
        font = self.body.font()
        font.setPointSizeF(size)
        self.body.setFont(font)
        for label in self._labels():
            font = label.font()
            font.setPointSizeF(max(6.0, size + float(label.property("pointDelta"))))
            label.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.body.viewport()
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            return True
        return super().eventFilter(watched, event)
