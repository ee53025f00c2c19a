"""The story list's title cell for search results: the title, and under it the snippet with
every hit marked.

Story text is drawn with QTextLayout and format ranges, never as rich text, so a snippet that
looks like markup paints literally.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from viewer.gui.highlight_colours import HIGHLIGHT_TEXT, SEARCH_HIT
from viewer.gui.models.story_list import HITS_ROLE, SNIPPET_ROLE

HIT_BACKGROUND = QColor(SEARCH_HIT)
HIT_TEXT = QColor(HIGHLIGHT_TEXT)
SNIPPET_COLOUR = QColor("#6b6b6b")
SNIPPET_SCALE = 0.88
LINE_GAP = 2
# Room above and below the two lines, about what the styles leave around one line of text.
VERTICAL_PADDING = 6
AnyIndex = QModelIndex | QPersistentModelIndex


def row_height(font: QFont, with_snippet: bool) -> int:
    """The story list's row height: one line of text, or a title line and a snippet line."""
    height = QFontMetrics(font).height() + VERTICAL_PADDING
    if with_snippet:
        height += LINE_GAP + QFontMetrics(snippet_font(font)).height()
    return height


def format_ranges(
    hits: Iterable[Sequence[int]], length: int, foreground: QColor | None = None
) -> list[QTextLayout.FormatRange]:
    """Bold-on-amber ranges for `hits` ([start, end) offsets), clamped to a text of `length`;
    overlapping or touching hits merge so no character is formatted twice. The hit text is
    `foreground`, by default the highlights' dark text: the snippet's grey and a selected row's
    light text are both too faint on amber."""
    clamped = sorted(
        (max(0, int(a)), min(length, int(b))) for a, b in hits if min(length, b) > max(0, a)
    )
    merged: list[list[int]] = []
    for start, end in clamped:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setBackground(HIT_BACKGROUND)
    fmt.setForeground(HIT_TEXT if foreground is None else foreground)
    ranges = []
    for start, end in merged:
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = start, end - start, fmt
        ranges.append(r)
    return ranges


def _utf16_offsets(text: str, hits: Iterable[Sequence[int]]) -> list[tuple[int, int]]:
    """Python offsets -> Qt's UTF-16 offsets (they differ after characters beyond the BMP,
    such as rare CJK extension characters)."""
    spans = [(int(a), int(b)) for a, b in hits]
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return spans
    before = [0]
    for c in text:
        before.append(before[-1] + (2 if ord(c) >= 0x10000 else 1))
    last = len(text)
    return [(before[min(max(a, 0), last)], before[min(max(b, 0), last)]) for a, b in spans]


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def snippet_font(base: QFont) -> QFont:
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * SNIPPET_SCALE)
    else:
        font.setPixelSize(max(1, round(base.pixelSize() * SNIPPET_SCALE)))
    return font


def snippet_layout(
    text: str,
    hits: Iterable[Sequence[int]],
    font: QFont,
    width: int,
    hit_foreground: QColor | None = None,
) -> QTextLayout:
    """One laid-out line of `text` elided to `width` pixels, hits formatted. The caller draws it."""
    shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))
    # An elided line keeps its prefix, so hits stay valid up to the ellipsis.
    kept = _utf16_len(shown) - (1 if shown != text else 0)
    layout = QTextLayout(shown, font)
    layout.setFormats(format_ranges(_utf16_offsets(text, hits), kept, hit_foreground))
    layout.beginLayout()
    line = layout.createLine()
    if line.isValid():
        line.setLineWidth(max(0, width))
        line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return layout


class SnippetDelegate(QStyledItemDelegate):
    """Title column delegate: two lines (title, marked snippet) when the row has a snippet."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        snippet = index.data(SNIPPET_ROLE) or ""
        if not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background, selection and focus from the style, then our own text over them.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(2, 0, -2, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        title_colour = opt.palette.color(group, role)
        title_metrics = QFontMetrics(opt.font)
        small = snippet_font(opt.font)
        small_metrics = QFontMetrics(small)
        block = title_metrics.height() + LINE_GAP + small_metrics.height()
        top = rect.top() + max(0, (rect.height() - block) // 2)

        painter.save()
        painter.setClipRect(rect)
        painter.setFont(opt.font)
        painter.setPen(title_colour)
        shown_title = title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        title_rect = QRect(rect.left(), top, rect.width(), title_metrics.height())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(title_rect, int(align | Qt.TextFlag.TextSingleLine), shown_title)

        hits = index.data(HITS_ROLE) or []
        layout = snippet_layout(snippet, hits, small, rect.width())
        # The selection colour keeps the snippet readable; hits keep their amber behind it.
        painter.setPen(title_colour if selected else SNIPPET_COLOUR)
        origin = QPointF(rect.left(), top + title_metrics.height() + LINE_GAP)
        layout.draw(painter, origin)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        base = super().sizeHint(option, index)
        if not index.data(SNIPPET_ROLE):
            return base
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        height = (
            QFontMetrics(opt.font).height()
            + LINE_GAP
            + QFontMetrics(snippet_font(opt.font)).height()
            + VERTICAL_PADDING
        )
        return QSize(base.width(), max(base.height(), height))
