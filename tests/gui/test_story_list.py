from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from viewer.archive import Archive
from viewer.gui.models.story_list import (
    COL_DATE,
    COL_KIND,
    COL_PLACES,
    COL_TITLE,
    HITS_ROLE,
    SNIPPET_ROLE,
    SORT_ROLE,
    STORY_ID_ROLE,
    StoryListModel,
)

# The C++ model tester reports problems as Qt warnings; make them fail the test.
pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _row(story_id: int, label: str, kind: str, date: str | None, places: list[str]) -> dict:
    return {"id": story_id, "title": label, "label": label, "kind": kind, "date": date,
            "places": places}  # fmt: skip


INVENTED = [
    _row(7, "丙：柳岸社区新开食堂", "article", "2019-03-02", ["柳岸社区", "当湖街道"]),
    _row(3, "甲：新埭镇修路", "brief", None, ["新埭镇", "青松村", "平湖市", "北关村"]),
    _row(5, "乙：广告", "ad", "1998-01-01", []),
]


def _column(model, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def test_empty_stories_and_search_pass_modeltester(qtmodeltester, seeded: Archive) -> None:
    model = StoryListModel()
    qtmodeltester.check(model)
    model.set_stories(seeded.stories())
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(seeded.stories()) > 10
    results = seeded.search("社区")
    model.set_stories(results)
    qtmodeltester.check(model)
    assert model.rowCount() == len(results) > 0
    first = model.index(0, COL_TITLE)
    assert first.data(STORY_ID_ROLE) == results[0]["id"]
    assert first.data(SNIPPET_ROLE) == results[0]["snippet_text"]
    assert "社区" in first.data(SNIPPET_ROLE)
    hits = first.data(HITS_ROLE)
    assert hits and all(first.data(SNIPPET_ROLE)[a:b] == "社区" for a, b in hits)


def test_place_listing_shows_label_and_chinese_kind(seeded: Archive) -> None:
    model = StoryListModel()
    model.set_stories(seeded.stories("紫荆路街道"))
    assert model.rowCount() > 0
    assert set(_column(model, COL_KIND)) <= {"文章", "简讯", "图片", "广告", "专栏"}
    assert all(p for p in _column(model, COL_PLACES))
    assert model.index(0, COL_TITLE).data(SNIPPET_ROLE) == ""
    assert model.index(0, COL_TITLE).data(HITS_ROLE) == []


def test_display_columns() -> None:
    model = StoryListModel()
    model.set_stories(INVENTED)
    assert model.headerData(COL_TITLE, Qt.Orientation.Horizontal) == "标题"
    assert _column(model, COL_TITLE) == ["丙：柳岸社区新开食堂", "甲：新埭镇修路", "乙：广告"]
    assert _column(model, COL_KIND) == ["文章", "简讯", "广告"]
    assert _column(model, COL_DATE) == ["2019-03-02", "—", "1998-01-01"]
    assert _column(model, COL_PLACES) == ["柳岸社区、当湖街道", "新埭镇、青松村、平湖市", ""]
    assert _column(model, COL_DATE, SORT_ROLE) == ["2019-03-02", "", "1998-01-01"]
    assert _column(model, COL_KIND, SORT_ROLE) == ["article", "brief", "ad"]


def test_row_for_id_and_story_id() -> None:
    model = StoryListModel()
    model.set_stories(INVENTED)
    assert model.row_for_id(3) == 1
    assert model.story_id(1) == 3
    assert model.row_for_id(99) is None
    model.set_stories([])
    assert model.row_for_id(3) is None


def test_sorting_through_proxy_uses_raw_values() -> None:
    model = StoryListModel()
    model.set_stories(INVENTED)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(COL_DATE, Qt.SortOrder.AscendingOrder)
    # The undated story sorts first (""), unlike its display "—" which would sort last.
    assert _column(proxy, COL_TITLE, STORY_ID_ROLE) == [3, 5, 7]
    proxy.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert _column(proxy, COL_TITLE, STORY_ID_ROLE) == [7, 5, 3]
    proxy.sort(COL_KIND, Qt.SortOrder.AscendingOrder)
    assert _column(proxy, COL_KIND) == ["广告", "文章", "简讯"]
    proxy.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert _column(proxy, COL_TITLE, STORY_ID_ROLE) == [3, 5, 7]  # 甲 > 乙 > 丙 by code point
    proxy.sort(COL_PLACES, Qt.SortOrder.AscendingOrder)
    assert _column(proxy, COL_TITLE, STORY_ID_ROLE) == [5, 3, 7]  # "" < 新 < 柳
