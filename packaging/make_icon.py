"""Draw the application icon: a folded newspaper page with a red seal-like stamp.

A one-off script; its output (resources/icon.png, icon.ico, icon.icns) is committed.
Run from the repository root: QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

import sys
from math import cos, radians, sin
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SIZE = 256
PAPER = QColor("#fbf8f1")
INK = QColor("#2f3437")
RULE = QColor("#9aa3a8")
STAMP = QColor("#c8102e")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / SIZE, size / SIZE)

    # The page, with a soft shadow and a folded top-right corner.
    page = QRectF(36, 20, 184, 216)
    fold = 34
    outline = QPainterPath()
    outline.moveTo(page.topLeft())
    outline.lineTo(page.right() - fold, page.top())
    outline.lineTo(page.right(), page.top() + fold)
    outline.lineTo(page.bottomRight())
    outline.lineTo(page.bottomLeft())
    outline.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, 50))
    p.drawPath(outline.translated(5, 6))
    p.setBrush(PAPER)
    p.setPen(QPen(INK, 5))
    p.drawPath(outline)
    corner = QPainterPath()
    corner.moveTo(page.right() - fold, page.top())
    corner.lineTo(page.right() - fold, page.top() + fold)
    corner.lineTo(page.right(), page.top() + fold)
    p.setBrush(QColor("#e4ded0"))
    p.drawPath(corner)

    # Masthead bar and columns of text lines.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawRoundedRect(QRectF(56, 44, 112, 22), 4, 4)
    p.setBrush(RULE)
    for column_x, width in ((56, 64), (132, 68)):
        for row in range(7):
            y = 84 + row * 17
            line_width = width if row % 3 != 2 else width * 0.6
            p.drawRoundedRect(QRectF(column_x, y, line_width, 7), 3, 3)

    # The red stamp, slightly tilted, overlapping the lower right of the page.
    p.save()
    p.translate(QPointF(176, 184))
    p.rotate(-12)
    p.setBrush(QColor(255, 255, 255, 120))
    p.setPen(QPen(STAMP, 9))
    p.drawEllipse(QPointF(0, 0), 48, 48)
    p.setPen(QPen(STAMP, 4))
    p.drawEllipse(QPointF(0, 0), 35, 35)
    star = QPainterPath()
    for i in range(10):
        radius = 22 if i % 2 == 0 else 9
        angle = i * 36 - 90
        point = QPointF(0, 0) + _polar(radius, angle)
        if i == 0:
            star.moveTo(point)
        else:
            star.lineTo(point)
    star.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(STAMP)
    p.drawPath(star)
    p.restore()
    p.end()
    return image


def _polar(radius: float, degrees: float) -> QPointF:
    return QPointF(radius * cos(radians(degrees)), radius * sin(radians(degrees)))


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # image plugins (ico, icns) need an application
    RESOURCES.mkdir(exist_ok=True)
    image = draw(SIZE)
    ok = image.save(str(RESOURCES / "icon.png"))
    # ICO and ICNS come from Qt's image plugins; each keeps one 256 px image.
    for name in ("icon.ico", "icon.icns"):
        saved = image.save(str(RESOURCES / name))
        print(f"{name}: {'written' if saved else 'not supported by this Qt'}")
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
