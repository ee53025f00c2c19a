"""The place profile pane on a seeded archive (offscreen Qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from viewer.archive import Archive
from viewer.gui.profile_view import (
    COL_ITEM,
    COL_STORY,
    SECTIONS,
    STORY_ROLE,
    PlaceProfileView,
    format_yuan,
)
from viewer.profile import PlaceProfile, place_profile

# Any Qt warning fails a test, except the offscreen platform's note about showing a window.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


@pytest.fixture(scope="module")
def profile(seeded: Archive) -> PlaceProfile:
    found = place_profile(seeded, "紫荆路社区")
    assert found is not None
    return found


@pytest.fixture
def view(qtbot, profile: PlaceProfile) -> PlaceProfileView:
    widget = PlaceProfileView()
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    widget.show_profile(profile)
    widget.show()
    return widget


def _children(section: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [section.child(i) for i in range(section.childCount())]


def test_sections_present_with_counts(view: PlaceProfileView, profile: PlaceProfile) -> None:
    titles = [
        view.tree.topLevelItem(i).text(COL_ITEM) for i in range(view.tree.topLevelItemCount())
    ]
    assert [t.split("（")[0] for t in titles] == [title for _, title in SECTIONS]
    for key, title in SECTIONS:
        section = view.section(key)
        assert section is not None
        expected = len(getattr(profile, key))
        assert section.childCount() == expected
        assert section.text(COL_ITEM).startswith(f"{title}（{expected}")
    households = [c.text(COL_ITEM) for c in _children(view.section("households"))]
    assert households == ["3100户"]
    party = [c.text(COL_ITEM) for c in _children(view.section("party_members"))]
    assert "直管党员 52名" in party
    people = [c.text(COL_ITEM) for c in _children(view.section("people"))]
    assert any(p.startswith("王孝转（") and "社区党支部书记" in p for p in people)
    assert "紫荆路社区" in view.header.text() and "社区" in view.header.text()


def test_activating_an_item_requests_its_story(qtbot, view: PlaceProfileView) -> None:
    row = view.section("households").child(0)
    story_id = row.data(COL_ITEM, STORY_ROLE)
    assert row.text(COL_STORY)  # the story's label is shown beside the figure
    view.tree.setFocus()
    view.tree.setCurrentItem(row)
    with qtbot.waitSignal(view.storyRequested, timeout=2000) as blocker:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert blocker.args == [story_id]


def test_activated_story_holds_the_figure(qtbot, view: PlaceProfileView, seeded: Archive) -> None:
    row = next(
        c for c in _children(view.section("party_members")) if c.text(COL_ITEM).endswith("52名")
    )
    view.tree.setCurrentItem(row)
    with qtbot.waitSignal(view.storyRequested, timeout=2000) as blocker:
        view.tree.itemActivated.emit(row, COL_ITEM)
    story = seeded.story(blocker.args[0])
    assert story is not None and "直管党员52名" in story["body"]


def test_section_rows_do_not_request_stories(qtbot, view: PlaceProfileView) -> None:
    with qtbot.assertNotEmitted(view.storyRequested, wait=100):
        view.tree.itemActivated.emit(view.section("people"), COL_ITEM)


def test_timeline_bars_match_profile(view: PlaceProfileView, profile: PlaceProfile) -> None:
    assert view.timeline.bars() == profile.timeline
    assert view.timeline.bars()
    assert not view.timeline.grab().isNull()  # paints without error
    assert "2020年" in view.timeline.accessibleDescription()
    assert view.undated.isVisibleTo(view) == bool(profile.undated)


def test_clear_empties_everything(view: PlaceProfileView) -> None:
    view.clear()
    assert view.tree.topLevelItemCount() == 0
    assert view.timeline.bars() == []
    assert view.header.text() == ""
    assert not view.timeline.grab().isNull()


def test_markup_is_shown_as_plain_text(qtbot) -> None:
    widget = PlaceProfileView()
    qtbot.addWidget(widget)
    widget.show_profile(PlaceProfile(name="<b>甲</b>社区", kind="community", story_count=0))
    assert widget.header.textFormat() == Qt.TextFormat.PlainText
    assert "<b>甲</b>社区" in widget.header.text()


@pytest.mark.parametrize(
    ("value", "text"),
    [(3800.0, "3800元"), (150000.0, "15万元"), (411000000.0, "4.11亿元")],
)
def test_format_yuan(value: float, text: str) -> None:
    assert format_yuan(value) == text
