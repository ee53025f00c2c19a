"""ReaderView: header, literal body text, fact and search highlights, reveal, original, zoom."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.gui.stories import fact_at as _fact
from tests.gui.stories import story_dict as _story
from viewer.gui.highlight_colours import FACT_COLORS
from viewer.gui.reader import FLASH_MS, UNKNOWN_DATE, ZOOM_MAX, ZOOM_MIN, ReaderView


@pytest.fixture(scope="module")
def grid_story(seeded) -> dict:
    (summary,) = [s for s in seeded.stories() if "如意庄社区" in (s["title"] or "")]
    return seeded.story(summary["id"])


@pytest.fixture
def reader(qtbot) -> ReaderView:
    view = ReaderView()
    qtbot.addWidget(view)
    return view


def test_header_shows_seed_story(reader, grid_story):
    reader.show_story(grid_story)
    assert reader.headline_label.text() == grid_story["title"]
    assert reader.headline_label.font().bold()
    meta = reader.meta_label.text()
    assert "赵 璐" in meta
    assert UNKNOWN_DATE in meta  # the seed page carries no date
    assert Path(grid_story["source_file"]).name in meta
    assert reader.places_label.text() == "地点：如意庄社区、赛鱼街道"
    assert reader.kicker_label.isHidden()  # empty parts take no room
    assert reader.body.toPlainText() == grid_story["body"]
    assert reader.body.isReadOnly()


def test_header_parts_and_label_for_headline_less_item(reader):
    story = _story(
        "近日，乍浦镇开展义诊。",
        title="",
        label="近日，乍浦镇开展义诊…",
        kicker="民生关注",
        subtitle="——记青石村卫生室",
        byline="（记者 钱晓岚）",
        date="2019-06-03",
        source="河谷晚报",
        page="3",
    )
    reader.show_story(story)
    assert reader.headline_label.text() == "近日，乍浦镇开展义诊…"
    assert reader.kicker_label.text() == "民生关注"
    assert reader.subtitle_label.text() == "——记青石村卫生室"
    assert reader.meta_label.text() == "（记者 钱晓岚） · 2019-06-03 · 河谷晚报 · p1.txt · 第3版"
    assert reader.kicker_label.font().pointSizeF() < reader.headline_label.font().pointSizeF()


def test_subheads_are_bold(reader, grid_story):
    reader.show_story(grid_story)
    doc = reader.body.document()
    bold_blocks, plain_blocks = set(), set()
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        weight = cursor.charFormat().fontWeight()
        (bold_blocks if weight >= QFont.Weight.Bold else plain_blocks).add(block.text())
        block = block.next()
    assert bold_blocks == set(grid_story["subheads"])
    assert plain_blocks


def test_html_looking_text_stays_literal(reader):
    body = "居民说<b>很好</b>，见<img src=x>与&amp;符号。"
    reader.show_story(_story(body, title="<h1>标题</h1>", places=["<i>青石村</i>"]))
    assert reader.body.toPlainText() == body
    assert reader.headline_label.text() == "<h1>标题</h1>"
    assert reader.places_label.text() == "地点：<i>青石村</i>"
    for label in (reader.headline_label, reader.places_label, reader.meta_label):
        assert label.textFormat().name == "PlainText"
    assert "<img" not in reader.body.toHtml().replace("&lt;img", "")


def test_highlights_match_fact_offsets(reader, grid_story):
    reader.show_story(grid_story)
    expected = sorted((f["start"], f["end"]) for f in grid_story["facts"] if f["start"] is not None)
    assert len(expected) > 10
    assert reader.highlight_ranges() == expected
    body = grid_story["body"]
    for selection in reader.body.extraSelections():
        assert selection.cursor.selectedText() in body
    places = sorted((f["start"], f["end"]) for f in grid_story["facts"] if f["kind"] == "place")
    assert reader.highlight_ranges("place") == places
    kind_at = {(f["start"], f["end"]): f["kind"] for f in grid_story["facts"]}
    for selection in reader.body.extraSelections():
        kind = kind_at[(selection.cursor.selectionStart(), selection.cursor.selectionEnd())]
        assert selection.format.background().color() == QColor(FACT_COLORS[kind])


def test_hiding_a_kind_removes_only_its_ranges(reader, grid_story):
    reader.show_story(grid_story)
    persons = reader.highlight_ranges("person")
    everything = reader.highlight_ranges()
    assert persons
    reader.set_kind_visible("person", False)
    assert reader.highlight_ranges("person") == []
    assert reader.highlight_ranges() == sorted(set(everything) - set(persons))
    # The choice holds for the next story too, until shown again.
    reader.show_story(grid_story)
    assert reader.highlight_ranges("person") == []
    reader.set_kind_visible("person", True)
    assert reader.highlight_ranges("person") == persons


def test_offsets_survive_characters_beyond_the_bmp(reader):
    body = "𠀀𠀁村民杜春芳在𡈽坪村种植１２０亩花椒。"
    facts = [_fact("person", body, "杜春芳"), _fact("quantity", body, "１２０亩")]
    reader.show_story(_story(body, facts))
    assert reader.highlight_ranges() == [(f["start"], f["end"]) for f in facts]
    texts = [s.cursor.selectedText() for s in reader.body.extraSelections()]
    assert texts == ["杜春芳", "１２０亩"]
    reader.reveal(facts[1]["start"], facts[1]["end"])
    assert reader.body.textCursor().selectedText() == "１２０亩"


def test_byline_only_and_out_of_range_facts_are_skipped(reader):
    body = "青石村修通了水泥路。"
    facts = [
        {"story": 1, "kind": "person", "text": "钱晓岚", "start": None, "end": None},
        {"story": 1, "kind": "place", "text": "青石村", "start": 0, "end": 3},
        {"story": 1, "kind": "place", "text": "错", "start": 40, "end": 45},
    ]
    reader.show_story(_story(body, facts))
    assert reader.highlight_ranges() == [(0, 3)]


def test_search_terms_fold_width_and_case(reader):
    body = "ＡＢＣ花椒合作社与abc花椒基地，花椒亩产提高。"
    reader.show_story(_story(body, [_fact("organization", body, "ＡＢＣ花椒合作社")]))
    reader.set_search_terms(["abc", "花椒", "  "])
    hits = reader.search_hit_ranges()
    assert hits == [(0, 3), (3, 5), (9, 12), (12, 14), (17, 19)]
    # Hits paint over facts: they come after them in the selection list.
    colors = [s.format.background().color().name() for s in reader.body.extraSelections()]
    assert colors[0] == FACT_COLORS["organization"]
    assert len(colors) == 1 + len(hits)
    assert FACT_COLORS["organization"] not in colors[1:]
    reader.set_search_terms([])
    assert reader.search_hit_ranges() == []
    assert reader.highlight_ranges() == [(0, 8)]


def test_f3_steps_through_the_hits_in_text_order_and_round_the_end(reader, qtbot):
    body = "花椒合作社与花椒基地。\n" + "另一段。\n" * 300 + "花椒亩产提高，合作社增收。"
    reader.resize(300, 300)
    reader.show()
    reader.show_story(_story(body))
    assert not reader.step_hit(1) and reader.hit_bar.isHidden()  # no terms: nothing to step
    reader.set_search_terms(["合作社", "花椒"])
    hits = reader.search_hit_ranges()
    assert len(hits) == 5 and reader.hit_position() == (0, 5)
    assert not reader.hit_bar.isHidden() and reader.hits_label.text().startswith("5 处命中")
    seen = []
    for _ in range(6):
        assert reader.step_hit(1)
        cursor = reader.body.textCursor()
        seen.append((cursor.selectionStart(), cursor.selectionEnd()))
    assert seen == [*hits, hits[0]]  # in text order, then round to the first
    assert reader.hits_label.text() == "第 1 / 5 处"
    reader.step_hit(-1)
    reader.step_hit(-1)
    assert reader.hit_position() == (4, 5) and reader.hits_label.text() == "第 4 / 5 处"
    # The last hit is far down a long story: stepping to it scrolled there.
    reader.step_hit(1)
    assert reader.body.verticalScrollBar().value() > 0
    reader.next_hit_button.click()
    assert reader.hit_position() == (1, 5)
    reader.show_story(_story("别的稿件，没有命中。"))
    assert reader.hit_position() == (0, 0) and reader.hit_bar.isHidden()


def test_the_byline_hit_is_marked_and_stays_plain_text(reader):
    body = "近日，乡村图书馆在河埠村开馆。"
    byline = "本报讯 （记者 屈 晓岚 通讯员 <b>籍海舟</b>）"
    reader.show_story(_story(body, byline=byline))
    reader.set_search_terms(["图书馆", "屈晓岚"])  # an author: name, spaced in the byline
    assert reader.byline_hit_text() == "屈 晓岚"
    assert reader.search_hit_ranges() == [(5, 8)]  # the body's own hits as before
    reader.set_search_terms(["<b>籍海舟</b>"])
    assert reader.byline_hit_text() == "<b>籍海舟</b>"
    assert reader.meta_label.textFormat() == Qt.TextFormat.PlainText
    reader.set_search_terms(["开馆"])  # only in the body: nothing marked in the byline
    assert reader.byline_hit_text() == ""
    reader.show_story(_story(body, byline="（何 静）"))  # a new story keeps the terms
    reader.set_search_terms(["何静"])
    reader.show_story(_story(body, byline="文／何静"))
    assert reader.byline_hit_text() == "何静"


def test_search_terms_find_either_script_on_the_characters_as_written(reader):
    body = "社區經濟持續發展，经济"
    reader.show_story(_story(body, byline="記者 陳 美華"))
    reader.set_search_terms(["经济", "陈美华"])
    assert reader.search_hit_ranges() == [(2, 4), (9, 11)]
    assert reader.byline_hit_text() == "陳 美華"


def test_reveal_selects_and_flashes(reader, grid_story, qtbot):
    reader.resize(400, 300)
    reader.show()
    reader.show_story(grid_story)
    fact = [f for f in grid_story["facts"] if f["start"] is not None][-1]
    reader.reveal(fact["start"], fact["end"])
    cursor = reader.body.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (fact["start"], fact["end"])
    assert cursor.selectedText() == fact["text"]
    assert reader.body.verticalScrollBar().value() > 0  # the last fact is far down
    assert reader.is_flashing()
    qtbot.waitUntil(lambda: not reader.is_flashing(), timeout=FLASH_MS * 5)
    assert reader.body.textCursor().selectedText() == fact["text"]  # the selection stays


def test_reveal_clamps_to_the_text(reader):
    reader.show_story(_story("青石村修通了水泥路。"))
    reader.reveal(5, 999)
    cursor = reader.body.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (5, 10)


def test_original_toggle(reader, grid_story):
    reader.show_story(grid_story)
    reader.set_search_terms(["网格员"])
    body_hits = reader.search_hit_ranges()
    reader.set_show_original(True)
    assert reader.showing_original()
    assert reader.body.toPlainText() == grid_story["original"]
    assert grid_story["original"] != grid_story["body"]
    assert reader.highlight_ranges() == []
    original_hits = reader.search_hit_ranges()
    assert len(original_hits) == len(body_hits) > 0
    assert original_hits != body_hits  # re-found in the original text, not reused
    reader.set_show_original(False)
    assert reader.body.toPlainText() == grid_story["body"]
    assert reader.highlight_ranges()
    # reveal() takes body offsets, so it returns to the body.
    reader.set_show_original(True)
    reader.reveal(0, 2)
    assert not reader.showing_original()
    assert reader.body.textCursor().selectedText() == grid_story["body"][:2]


def test_clear(reader, grid_story):
    reader.show_story(grid_story)
    reader.clear()
    assert reader.story() is None
    assert reader.body.toPlainText() == ""
    assert reader.headline_label.text() == ""
    assert reader.body.extraSelections() == []


def test_zoom_bounds_and_signal(reader, qtbot):
    base = reader.body_point_size()
    with qtbot.waitSignal(reader.zoomChanged) as blocker:
        reader.zoom_in()
    assert blocker.args == [1]
    assert reader.body_point_size() == base + 1
    for _ in range(30):
        reader.zoom_in()
    assert reader.zoom() == ZOOM_MAX
    assert reader.body_point_size() == base + ZOOM_MAX
    with qtbot.assertNotEmitted(reader.zoomChanged):
        reader.zoom_in()
    for _ in range(30):
        reader.zoom_out()
    assert reader.zoom() == ZOOM_MIN
    assert reader.body_point_size() == base + ZOOM_MIN
    assert reader.headline_label.font().pointSizeF() > reader.body_point_size()


def _wheel(delta: int, modifiers: Qt.KeyboardModifier) -> QWheelEvent:
    here = QPointF(5, 5)
    no_button, no_phase = Qt.MouseButton.NoButton, Qt.ScrollPhase.NoScrollPhase
    return QWheelEvent(
        here, here, QPoint(), QPoint(0, delta), no_button, modifiers, no_phase, False
    )


def test_ctrl_wheel_zooms_and_plain_wheel_scrolls(reader):
    viewport = reader.body.viewport()
    QApplication.sendEvent(viewport, _wheel(120, Qt.KeyboardModifier.ControlModifier))
    assert reader.zoom() == 1
    QApplication.sendEvent(viewport, _wheel(-120, Qt.KeyboardModifier.ControlModifier))
    QApplication.sendEvent(viewport, _wheel(-120, Qt.KeyboardModifier.ControlModifier))
    assert reader.zoom() == -1
    QApplication.sendEvent(viewport, _wheel(120, Qt.KeyboardModifier.NoModifier))
    assert reader.zoom() == -1


def test_accessible_names(reader):
    widgets = [
        reader,
        reader.body,
        reader.headline_label,
        reader.kicker_label,
        reader.subtitle_label,
        reader.meta_label,
        reader.places_label,
    ]
    names = [w.accessibleName() for w in widgets]
    assert all(names)
    assert len(set(names)) == len(names)
