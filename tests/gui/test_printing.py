"""Printing and PDF: the reader's story with its header and its visible highlights, as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QTextCursor, QTextDocument

from tests.gui.stories import fact_at, story_dict
from viewer.gui.highlight_colours import FACT_COLORS
from viewer.gui.printing import save_pdf, story_document
from viewer.gui.reader import ReaderView

BODY = "乍浦镇投入３５万元，为<b>全镇</b>１２０户居民<img src=x>修缮房屋。"


@pytest.fixture
def reader(qtbot) -> ReaderView:
    view = ReaderView()
    qtbot.addWidget(view)
    facts = [fact_at("money", BODY, "３５万元"), fact_at("quantity", BODY, "１２０户")]
    view.show_story(story_dict(BODY, facts, kicker="民生实事", byline="记者 孙雅"))
    return view


def _background(document: QTextDocument, start: int, end: int) -> set[str]:
    """The background colours of every character in [start, end)."""
    colours = set()
    for pos in range(start, end):
        cursor = QTextCursor(document)
        cursor.setPosition(pos)
        cursor.setPosition(pos + 1, QTextCursor.MoveMode.KeepAnchor)
        colours.add(cursor.charFormat().background().color().name())
    return colours


def test_document_has_header_then_literal_body(reader: ReaderView) -> None:
    document = story_document(reader)
    lines = document.toPlainText().split("\n")
    assert lines[:3] == ["民生实事", "乍浦镇 新建便民服务站", lines[2]]
    assert lines[2].startswith("记者 孙雅")
    assert lines[-1] == BODY  # markup stays characters, never rendered
    assert "<b>全镇</b>" in document.toPlainText()


def test_visible_fact_kinds_are_highlighted_hidden_ones_not(reader: ReaderView) -> None:
    reader.set_kind_visible("quantity", False)
    document = story_document(reader)
    body_start = document.toPlainText().rindex(BODY)
    money = body_start + BODY.index("３５万元")
    quantity = body_start + BODY.index("１２０户")
    assert _background(document, money, money + 4) == {QColor(FACT_COLORS["money"]).name()}
    assert QColor(FACT_COLORS["quantity"]).name() not in _background(
        document, quantity, quantity + 4
    )
    # The reader's own document is untouched by printing.
    assert reader.body.document().toPlainText() == BODY


def test_nothing_to_print_without_a_story(qtbot) -> None:
    empty = ReaderView()
    qtbot.addWidget(empty)
    assert story_document(empty) is None
    assert save_pdf(empty, Path("never-written.pdf")) is False
    assert not Path("never-written.pdf").exists()


def test_save_pdf_writes_a_pdf(reader: ReaderView, tmp_path: Path) -> None:
    target = tmp_path / "稿件.pdf"
    assert save_pdf(reader, target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 1000
