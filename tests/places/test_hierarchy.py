"""resolve_parents and build_tree, on hand-made evidence and on invented pages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import PLACE_RANK, PlaceLink
from viewer.places import TreeNode, build_tree, page_links, resolve_parents

from .test_links import STREET_PAGE

CITY = ("临川市", "city")
DISTRICT = ("东郊区", "district")
HUAIYIN = ("槐荫街道", "street")
SHIMEN = ("石门街道", "street")
ZHUYUAN = ("竹园社区", "community")
FENGLIN = ("枫林社区", "community")
LIUWAN = ("柳湾村", "village")

OTHER_PAGE = """

竹园社区开展消防演练

本报讯　近日，东郊区石门街道竹园社区联合辖区消防站开展消防安全演练，１２０余名居民参加。
"""


def _link(child, parent, weight, reason="page"):
    return PlaceLink(child, parent, weight, reason)


def test_community_named_with_two_streets_goes_with_the_stronger_evidence(split_page):
    links = page_links(split_page(STREET_PAGE)) + page_links(split_page(OTHER_PAGE))
    parents = resolve_parents([ZHUYUAN, FENGLIN, HUAIYIN, SHIMEN], links)
    assert parents[ZHUYUAN] == SHIMEN  # stated once (10) beats one street page (1)
    assert parents[FENGLIN] == HUAIYIN
    assert parents[HUAIYIN] == CITY
    assert parents[SHIMEN] == DISTRICT


def test_summed_weight_wins_over_single_evidence():
    links = [_link(ZHUYUAN, HUAIYIN, 1)] * 11 + [_link(ZHUYUAN, SHIMEN, 10, "adjacent")]
    assert resolve_parents([ZHUYUAN], links)[ZHUYUAN] == HUAIYIN


def test_ties_go_to_the_strongest_single_evidence_then_to_name_order():
    links = [_link(ZHUYUAN, HUAIYIN, 1)] * 10 + [_link(ZHUYUAN, SHIMEN, 10, "adjacent")]
    assert resolve_parents([ZHUYUAN], links)[ZHUYUAN] == SHIMEN
    links = [_link(ZHUYUAN, SHIMEN, 1), _link(ZHUYUAN, HUAIYIN, 1)]
    expected = min(SHIMEN, HUAIYIN)
    assert resolve_parents([ZHUYUAN], links)[ZHUYUAN] == expected
    assert resolve_parents([ZHUYUAN], list(reversed(links)))[ZHUYUAN] == expected


def test_no_evidence_no_parent_and_never_downwards():
    links = [
        _link(HUAIYIN, ZHUYUAN, 10, "adjacent"),  # a street inside a community: ignored
        _link(ZHUYUAN, FENGLIN, 10, "adjacent"),  # same level: ignored
        _link(CITY, CITY, 10, "adjacent"),
    ]
    parents = resolve_parents([HUAIYIN, ZHUYUAN, CITY, LIUWAN], links)
    assert parents == {HUAIYIN: None, ZHUYUAN: None, CITY: None, LIUWAN: None}


def _walk(nodes: list[TreeNode]):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _find(nodes: list[TreeNode], name: str) -> TreeNode:
    (node,) = [node for node in _walk(nodes) if node.name == name]
    return node


def _check_counts(node: TreeNode, stories_by_place) -> set[int]:
    stories = set(stories_by_place.get(node.key, set())) if node.key else set()
    for child in node.children:
        stories |= _check_counts(child, stories_by_place)
        assert node.count >= child.count
    assert node.count == len(stories)
    return stories


def test_tree_layout_counts_and_unassigned_nodes():
    parents = {
        HUAIYIN: CITY,
        FENGLIN: HUAIYIN,
        ZHUYUAN: CITY,  # a community straight under a city
        LIUWAN: None,  # a village nobody places
        SHIMEN: DISTRICT,
        DISTRICT: CITY,
    }
    stories = {
        CITY: {1},
        HUAIYIN: {1, 2},
        FENGLIN: {2, 3},
        ZHUYUAN: {4},
        LIUWAN: {5, 6},
        SHIMEN: {7},
    }
    roots = build_tree(parents, stories)
    assert [(r.name, r.kind, r.key) for r in roots] == [
        ("临川市", "city", CITY),
        ("未归属", "unassigned", None),
    ]
    city = roots[0]
    assert city.count == 5  # stories 1, 2, 3, 4, 7
    assert [c.name for c in city.children] == ["槐荫街道", "东郊区", "未归属街道"]
    assert [c.count for c in city.children] == [3, 1, 1]
    assert _find(roots, "未归属街道").children[0].key == ZHUYUAN
    assert _find(roots, "槐荫街道").children[0].key == FENGLIN
    assert roots[1].children[0].key == LIUWAN and roots[1].count == 2
    assert _find(roots, "东郊区").count == 1  # known only as a parent, counts its subtree
    for root in roots:
        _check_counts(root, stories)


def test_children_sorted_by_count_then_name():
    streets = [(name, "street") for name in ("乙街道", "甲街道", "丙街道")]
    parents = dict.fromkeys(streets, CITY)
    stories = {streets[0]: {1}, streets[1]: {2}, streets[2]: {3, 4}}
    (city,) = build_tree(parents, stories)
    assert [c.name for c in city.children] == ["丙街道", *sorted(["乙街道", "甲街道"])]


def test_cyclic_input_does_not_hang():
    parents = {HUAIYIN: CITY, CITY: HUAIYIN}
    roots = build_tree(parents, {HUAIYIN: {1}})
    assert sum(root.count for root in roots) == 1


def test_empty_tree():
    assert build_tree({}, {}) == []


_KEYS = [CITY, DISTRICT, HUAIYIN, SHIMEN, ZHUYUAN, FENGLIN, LIUWAN, ("青石镇", "town")]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_KEYS), st.sampled_from(_KEYS), st.integers(1, 10)),
        max_size=30,
    ),
    st.dictionaries(st.sampled_from(_KEYS), st.sets(st.integers(0, 20), max_size=5)),
)
def test_any_evidence_gives_a_consistent_tree(raw_links, stories):
    links = [_link(child, parent, weight) for child, parent, weight in raw_links]
    parents = resolve_parents(_KEYS, links)
    for child, parent in parents.items():
        assert parent is None or PLACE_RANK[parent[1]] < PLACE_RANK[child[1]]
    roots = build_tree(parents, stories)
    seen = [node.key for node in _walk(roots) if node.key is not None]
    assert sorted(seen) == sorted(_KEYS)  # every place exactly once
    every = set()
    for root in roots:
        every |= _check_counts(root, stories)
    assert every == set().union(*stories.values()) if stories else every == set()
