"""Printing a story, and saving it as PDF, the way the reader shows it.

The printed document is a copy of the reader's: the same text (cleaned or original), with the
highlights the reader currently shows (visible fact kinds, search hits) turned into character
formats, and the story's header lines above it. Everything is inserted as plain text, so markup in a
story prints literally, exactly as it is shown on screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QTextEdit, QWidget

from viewer.gui.reader import _ROLE, _ROLE_FLASH, ReaderView, meta_line

_MARGINS_MM = QMarginsF(20, 18, 20, 18)
_HEADLINE_SCALE = 1.6


def story_document(reader: ReaderView) -> QTextDocument | None:
    """The reader's story as a printable document, or None when no story is open."""
    story = reader.story()
    if story is None:
        return None
    document = reader.body.document().clone()
    _apply_highlights(document, reader.body.extraSelections())
    _insert_header(document, story)
    return document


def _apply_highlights(document: QTextDocument, selections: list[QTextEdit.ExtraSelection]) -> None:
    for selection in selections:
        source = selection.cursor
        if not source.hasSelection() or selection.format.property(_ROLE) == _ROLE_FLASH:
            continue
        cursor = QTextCursor(document)
        cursor.setPosition(source.selectionStart())
        cursor.setPosition(source.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
        highlight = QTextCharFormat()
        highlight.setBackground(selection.format.background())
        cursor.mergeCharFormat(highlight)


def _insert_header(document: QTextDocument, story: dict) -> None:
    """Kicker, headline, subtitle and the meta line above the body, as plain-text blocks."""
    base = document.defaultFont()
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    plain = QTextCharFormat()
    plain.setFont(base)
    headline = QTextCharFormat()
    headline_font = QFont(base)
    headline_font.setPointSizeF(size * _HEADLINE_SCALE)
    headline_font.setBold(True)
    headline.setFont(headline_font)
    small = QTextCharFormat()
    small_font = QFont(base)
    small_font.setPointSizeF(size * 0.9)
    small.setFont(small_font)

    lines = [
        (story.get("kicker") or "", plain),
        (story.get("title") or story.get("label") or "", headline),
        (story.get("subtitle") or "", plain),
        (meta_line(story), small),
    ]
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    for text, char_format in lines:
        if text.strip():
            cursor.insertText(text, char_format)
            cursor.insertBlock()
    cursor.insertBlock()  # a blank line between header and body


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageMargins(_MARGINS_MM, QPageLayout.Unit.Millimeter)
    return printer


def save_pdf(reader: ReaderView, path: Path) -> bool:
    """Write the open story to `path` as PDF; False when no story is open."""
    story, document = reader.story(), story_document(reader)
    if story is None or document is None:
        return False
    printer = _pdf_printer(path)
    printer.setDocName(story.get("label") or "")
    document.print_(printer)
    return True


def print_story(reader: ReaderView, parent: QWidget) -> bool:
    """Ask for a printer and print the open story; False when cancelled or nothing is open."""
    document = story_document(reader)
    if document is None:
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageMargins(_MARGINS_MM, QPageLayout.Unit.Millimeter)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "打印稿件"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
