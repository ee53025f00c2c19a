from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from tests.gui.windows import tooltip_text
from viewer.archive import Archive
from viewer.gui.models.place_tree import (
    COL_COUNT,
    COL_NAME,
    KEY_ROLE,
    KIND_ROLE,
    NAME_ROLE,
    PlaceFilterProxy,
    PlaceTreeModel,
)
from viewer.places import TreeNode

# The C++ model tester reports problems as Qt warnings; make them fail the test.
pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _names(model, parent: QModelIndex | None = None) -> list[str]:
    parent = QModelIndex() if parent is None else parent
    return [model.index(r, COL_NAME, parent).data(NAME_ROLE) for r in range(model.rowCount(parent))]


def _walk(model, parent: QModelIndex | None = None) -> list[QModelIndex]:
    parent = QModelIndex() if parent is None else parent
    out = []
    for r in range(model.rowCount(parent)):
        index = model.index(r, COL_NAME, parent)
        out.append(index)
        out.extend(_walk(model, index))
    return out


def _invented() -> list[TreeNode]:
    lane = TreeNode("柳岸社区", "community", 2, [], ("柳岸社区", "community"))
    hill = TreeNode("青松村", "village", 1, [], ("青松村", "village"))
    street = TreeNode("当湖街道", "street", 3, [lane], ("当湖街道", "street"))
    town = TreeNode("新埭镇", "town", 5, [hill], ("新埭镇", "town"))
    city = TreeNode("平湖市", "city", 8, [street, town], ("平湖市", "city"))
    orphan = TreeNode("Maple社区", "community", 1, [], ("Maple社区", "community"))
    loose = TreeNode("未归属", "unassigned", 1, [orphan], None)
    return [city, loose]


def test_empty_and_seeded_pass_modeltester(qtmodeltester, seeded: Archive) -> None:
    model = PlaceTreeModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    model.set_tree(seeded.tree())
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(seeded.tree())
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "地点"
    assert model.headerData(COL_COUNT, Qt.Orientation.Horizontal) == "稿件"


def test_every_seed_node_reachable_and_parented(seeded: Archive) -> None:
    model = PlaceTreeModel()
    model.set_tree(seeded.tree())
    indexes = _walk(model)
    assert len(indexes) > 20
    for index in indexes:
        key = index.data(KEY_ROLE)
        if key is not None:
            assert model.index_for_key(key) == index
            assert key == (index.data(NAME_ROLE), index.data(KIND_ROLE))
    street = model.index_for_key(("紫荆路街道", "street"))
    assert street.parent().data(NAME_ROLE) == "巩义市"
    assert "紫荆路社区" in _names(model, street)


def test_roles_tooltip_and_alignment() -> None:
    model = PlaceTreeModel()
    model.set_tree(_invented())
    city = model.index(0, COL_NAME)
    assert city.data() == "平湖市"
    assert city.siblingAtColumn(COL_COUNT).data() == 8
    assert tooltip_text(city.data(Qt.ItemDataRole.ToolTipRole)).startswith("平湖市（市")
    align = city.siblingAtColumn(COL_COUNT).data(Qt.ItemDataRole.TextAlignmentRole)
    assert align & int(Qt.AlignmentFlag.AlignRight.value)
    loose = model.index(1, COL_NAME)
    assert loose.data(KEY_ROLE) is None
    assert loose.data(KIND_ROLE) == "unassigned"
    assert "未归属" in tooltip_text(loose.data(Qt.ItemDataRole.ToolTipRole))
    hill = model.index_for_key(("青松村", "village"))
    assert tooltip_text(hill.data(Qt.ItemDataRole.ToolTipRole)).startswith("青松村（村")
    assert hill.parent().parent() == city
    assert not model.index_for_key(("不存在社区", "community")).isValid()
    assert not model.index_for_key(None).isValid()


def test_reset_replaces_tree(qtbot) -> None:
    model = PlaceTreeModel()
    model.set_tree(_invented())
    with qtbot.waitSignal(model.modelReset):
        model.set_tree(_invented()[:1])
    assert model.rowCount() == 1
    assert not model.index_for_key(("Maple社区", "community")).isValid()


def test_filter_keeps_ancestors_and_ignores_case(qtmodeltester) -> None:
    model = PlaceTreeModel()
    model.set_tree(_invented())
    proxy = PlaceFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.setFilterFixedString("柳岸")
    assert _names(proxy) == ["平湖市"]
    city = proxy.index(0, COL_NAME)
    assert _names(proxy, city) == ["当湖街道"]
    assert _names(proxy, proxy.index(0, COL_NAME, city)) == ["柳岸社区"]
    proxy.setFilterFixedString("maple")
    assert _names(proxy) == ["未归属"]
    proxy.setFilterFixedString("")
    assert _names(proxy) == ["平湖市", "未归属"]


def test_sort_by_count_then_name() -> None:
    model = PlaceTreeModel()
    model.set_tree(_invented())
    proxy = PlaceFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_COUNT, Qt.SortOrder.DescendingOrder)
    city = proxy.index(0, COL_NAME)
    assert _names(proxy, city) == ["新埭镇", "当湖街道"]
    proxy.sort(COL_COUNT, Qt.SortOrder.AscendingOrder)
    assert _names(proxy, proxy.index(1, COL_NAME)) == ["当湖街道", "新埭镇"]
    proxy.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert _names(proxy) == sorted(["平湖市", "未归属"])


def test_equal_counts_fall_back_to_name() -> None:
    nodes = [
        TreeNode("乙镇", "town", 2, [], ("乙镇", "town")),
        TreeNode("丙镇", "town", 2, [], ("丙镇", "town")),
        TreeNode("甲镇", "town", 1, [], ("甲镇", "town")),
    ]
    model = PlaceTreeModel()
    model.set_tree(nodes)
    proxy = PlaceFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_COUNT, Qt.SortOrder.AscendingOrder)
    assert _names(proxy) == ["甲镇", "丙镇", "乙镇"]


def test_less_than_takes_persistent_indexes() -> None:
    # lessThan's signature admits QPersistentModelIndex, which has no siblingAtColumn (mypy).
    nodes = [
        TreeNode("乙镇", "town", 2, [], ("乙镇", "town")),
        TreeNode("甲镇", "town", 2, [], ("甲镇", "town")),
    ]
    model = PlaceTreeModel()
    model.set_tree(nodes)
    proxy = PlaceFilterProxy()
    proxy.setSourceModel(model)
    yi, jia = (QPersistentModelIndex(model.index(row, COL_COUNT)) for row in (0, 1))
    # Equal counts: the names decide, by code point (乙 U+4E59 before 甲 U+7532).
    assert proxy.lessThan(yi, jia)
    assert not proxy.lessThan(jia, yi)
