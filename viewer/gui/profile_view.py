"""The place profile pane: a stories-per-year bar chart and the place's figures, people and
organizations in sections, each row linked to the story it came from.

All archive text reaches Qt as plain text (item text, plain-text labels, painted strings, and
tooltips through `plain_text.tooltip`), so markup in a page is never rendered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.gui.models.kinds import place_kind_name
from viewer.gui.plain_text import shown, tooltip
from viewer.model import NamedEntry, PlaceProfile, ProfileItem

translate = QCoreApplication.translate

STORY_ROLE = Qt.ItemDataRole.UserRole  # the story id an item opens; None on section rows
SECTION_ROLE = Qt.ItemDataRole.UserRole + 1  # a section row's key ("households" ...)

# (PlaceProfile field, section title) in display order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("households", QT_TRANSLATE_NOOP("PlaceProfileView", "户数")),
    ("residents", QT_TRANSLATE_NOOP("PlaceProfileView", "居民")),
    ("party_members", QT_TRANSLATE_NOOP("PlaceProfileView", "党员")),
    ("money", QT_TRANSLATE_NOOP("PlaceProfileView", "资金")),
    ("facilities", QT_TRANSLATE_NOOP("PlaceProfileView", "设施")),
    ("people", QT_TRANSLATE_NOOP("PlaceProfileView", "人物")),
    ("organizations", QT_TRANSLATE_NOOP("PlaceProfileView", "机构")),
)
COL_ITEM = 0
COL_STORY = 1

_BAR_GAP = 6
_MIN_BAR_WIDTH = 28
_MAX_BAR_WIDTH = 64  # a few years should not become a wall of colour
_CHART_HEIGHT = 120


def format_yuan(value: float) -> str:
    """120万元 rather than 1200000元: newspapers count money in 万 and 亿."""
    if abs(value) >= 1e8:
        return translate("PlaceProfileView", "{n}亿元").format(n=f"{value / 1e8:.4g}")
    if abs(value) >= 1e4:
        return translate("PlaceProfileView", "{n}万元").format(n=f"{value / 1e4:.6g}")
    return translate("PlaceProfileView", "{n}元").format(n=f"{value:.6g}")


class YearBarChart(QWidget):
    """Stories per year as bars, with the count above and the year below each bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[int, int]] = []
        self.setAccessibleName(self.tr("每年稿件数"))
        self.setMinimumHeight(_CHART_HEIGHT)

    def set_bars(self, bars: list[tuple[int, int]]) -> None:
        self._bars = sorted(bars)
        bar = self.tr("{year}年{count}篇")
        summary = self.tr("，").join(bar.format(year=y, count=c) for y, c in self._bars)
        self.setAccessibleDescription(summary or self.tr("没有注明年份的稿件"))
        self.setToolTip(summary)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[int, int]]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        width = len(self._bars) * (_MIN_BAR_WIDTH + _BAR_GAP) + _BAR_GAP
        return QSize(max(width, 160), _CHART_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        if not self._bars:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("没有注明年份的稿件")
            )
            return
        text_h = self.fontMetrics().height()
        top, bottom = text_h + 2, self.height() - text_h - 2
        slot = max((self.width() - _BAR_GAP) / len(self._bars), 1.0)
        bar_w = min(max(slot - _BAR_GAP, 1.0), _MAX_BAR_WIDTH)
        highest = max(count for _, count in self._bars) or 1
        bar_color = palette.color(QPalette.ColorRole.Highlight)
        for n, (year, count) in enumerate(self._bars):
            x = _BAR_GAP + n * slot
            h = (bottom - top) * count / highest
            painter.fillRect(QRectF(x, bottom - h, bar_w, h), bar_color)
            align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(
                QRectF(x - 4, bottom - h - text_h, bar_w + 8, text_h), align, str(count)
            )
            painter.drawText(QRectF(x - 8, bottom + 2, bar_w + 16, text_h), align, str(year))


def _figure_text(item: ProfileItem) -> str:
    text = format_yuan(item.value) if item.unit == "元" and item.value is not None else item.text
    return f"{item.label} {text}" if item.label else text


def _entry_text(entry: NamedEntry) -> str:
    return f"{entry.name}（{'、'.join(entry.roles)}）" if entry.roles else entry.name


class PlaceProfileView(QWidget):
    """Shows one `PlaceProfile`; activating a row asks for its story."""

    storyRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("地点概况"))
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setAccessibleName(self.tr("地点"))
        self.timeline = YearBarChart()
        self.undated = QLabel()
        self.undated.setTextFormat(Qt.TextFormat.PlainText)
        self.undated.setAccessibleName(self.tr("未注明年份"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("概况条目"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("条目"), self.tr("稿件")])
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.timeline)
        layout.addWidget(self.undated)
        layout.addWidget(self.tree, 1)
        self.clear()

    def clear(self) -> None:
        self.header.setText("")
        self.timeline.set_bars([])
        self.undated.setText("")
        self.undated.hide()
        self.tree.clear()

    def show_profile(self, profile: PlaceProfile) -> None:
        self.clear()
        kind = place_kind_name(profile.kind) if profile.kind else ""
        parts = (
            [profile.name]
            + ([kind] if kind else [])
            + [self.tr("{n} 篇稿件").format(n=profile.story_count)]
        )
        self.header.setText(shown(" · ".join(parts)))
        self.timeline.set_bars(profile.timeline)
        if profile.undated:
            self.undated.setText(self.tr("未注明年份：{n} 篇").format(n=profile.undated))
            self.undated.show()
        for key, title in SECTIONS:
            entries = getattr(profile, key)
            title = self.tr(title)
            section = QTreeWidgetItem([self._section_title(profile, key, title, len(entries))])
            section.setData(COL_ITEM, SECTION_ROLE, key)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(section)
            for entry in entries:
                section.addChild(self._row(entry))
            section.setExpanded(bool(entries))
        self.tree.resizeColumnToContents(COL_ITEM)

    def section(self, key: str) -> QTreeWidgetItem | None:
        """The section row for a `PlaceProfile` field name, e.g. "people"."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(COL_ITEM, SECTION_ROLE) == key:
                return item
        return None

    @staticmethod
    def _section_title(profile: PlaceProfile, key: str, title: str, count: int) -> str:
        if key == "money" and count:
            total = format_yuan(profile.money_total)
            return translate("PlaceProfileView", "{title}（{count}，合计 {total}）").format(
                title=title, count=count, total=total
            )
        return translate("PlaceProfileView", "{title}（{count}）").format(title=title, count=count)

    @staticmethod
    def _row(entry: ProfileItem | NamedEntry) -> QTreeWidgetItem:
        if isinstance(entry, NamedEntry):
            text = _entry_text(entry)
            tip = translate("PlaceProfileView", "见于 {n} 篇稿件").format(n=len(entry.story_ids))
        else:
            text = _figure_text(entry)
            tip = entry.text
        row = QTreeWidgetItem([shown(text), shown(entry.story_label)])
        row.setData(COL_ITEM, STORY_ROLE, entry.story_id)
        row.setToolTip(COL_ITEM, tooltip(tip) or "")
        row.setToolTip(COL_STORY, tooltip(entry.story_label) or "")
        return row

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        story_id = item.data(COL_ITEM, STORY_ROLE)
        if story_id is not None:
            self.storyRequested.emit(int(story_id))
