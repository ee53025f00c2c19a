"""place_all, resolve_parents and build_tree, on hand-made evidence and on pages written for the
tests (real divisions: 海宁市 and its streets and towns; invented communities and villages)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import PLACE_RANK, PlaceLink
from viewer.places import (
    TreeNode,
    build_tree,
    divisions,
    page_links,
    place_all,
    resolve_parents,
    story_places,
)
from viewer.places.hierarchy import UNASSIGNED_ROOT

from .conftest import find_node, path_to, split_stories, story_places_of, walk
from .test_links import STREET_PAGE

PROVINCE = ("浙江省", "province")
PREFECTURE = ("嘉兴市", "city")
CITY = ("海宁市", "city")
XIASHI = ("硖石街道", "street")
HAIZHOU = ("海洲街道", "street")
YUANHUA = ("袁花镇", "town")
ZHUYUAN = ("竹园社区", "community")
FENGLIN = ("枫林社区", "community")
LIUWAN = ("柳湾村", "village")

OTHER_PAGE = """

竹园社区开展消防演练

本报讯　近日，海宁市海洲街道竹园社区联合辖区消防站开展消防安全演练，１２０余名居民参加。
"""


def _link(child, parent, weight, reason="page", code=""):
    return PlaceLink(child, parent, weight, reason, code)


def _pages(*pages: str) -> tuple[list[PlaceLink], dict[tuple[str, str], set[int]]]:
    """page_links and the stories of each place, as an import would store them."""
    links: list[PlaceLink] = []
    stories: dict[tuple[str, str], set[int]] = {}
    story_id = 0
    for page in pages:
        per_story = [story_places_of(h, b) for h, b in split_stories(page)]
        links += page_links(per_story)
        for sp in per_story:
            story_id += 1
            for place in story_places(sp):
                stories.setdefault((place.name, place.kind), set()).add(story_id)
    return links, stories


def _tree(links, stories, home=None) -> list[TreeNode]:
    placement = place_all(stories, links, stories, home)
    return build_tree(placement.parents, stories)


def test_divisions_hang_from_their_ancestors_and_communities_from_the_evidence():
    links, stories = _pages(STREET_PAGE, OTHER_PAGE)
    placement = place_all(stories, links, stories)
    assert placement.parents[XIASHI] == CITY
    assert placement.parents[CITY] == PREFECTURE
    assert placement.parents[PREFECTURE] == PROVINCE
    assert placement.parents[PROVINCE] is None
    assert placement.levels[PROVINCE] == 1 and placement.levels[CITY] == 3
    assert placement.codes[XIASHI] == divisions.load().codes(XIASHI)[0]
    # 竹园社区: stated once (10) beats one street page (1); 枫林社区 by the street's page.
    assert placement.parents[ZHUYUAN] == HAIZHOU
    assert placement.parents[FENGLIN] == XIASHI
    assert placement.codes[FENGLIN] is None and placement.levels[FENGLIN] == 5
    roots = build_tree(placement.parents, stories)
    assert path_to(roots, "枫林社区") == ("浙江省", "嘉兴市", "海宁市", "硖石街道", "枫林社区")
    assert path_to(roots, "竹园社区") == ("浙江省", "嘉兴市", "海宁市", "海洲街道", "竹园社区")


def test_an_ambiguous_name_goes_with_the_pages_that_decide_it():
    div = divisions.load()
    town = ("城关镇", "town")
    codes = div.codes(town)
    (lushi,) = [c for c in codes if div.key(div.parent(c)) == ("卢氏县", "county")]
    other = next(c for c in codes if c != lushi)
    links = [_link(town, ("卢氏县", "county"), 4, "code", lushi)] * 2
    links += [_link(town, div.key(div.parent(other)), 4, "code", other)]
    placement = place_all([town], links, {town: {1, 2, 3}})
    assert placement.codes[town] == lushi
    assert placement.parents[town] == ("卢氏县", "county")
    assert path_to(build_tree(placement.parents, {town: {1}}), "城关镇") == (
        "河南省",
        "三门峡市",
        "卢氏县",
        "城关镇",
    )


def test_the_home_region_decides_what_no_page_did():
    district = ("朝阳区", "district")
    stories = {district: {1}}
    placement = place_all([district], [], stories, home="110000000000")
    assert placement.parents[district] == ("北京市", "province")
    placement = place_all([district], [], stories, home="220100000000")
    assert placement.parents[district] == ("长春市", "city")
    # Neither a given home nor any decided place: the district stays unresolved.
    placement = place_all([district], [], stories)
    assert placement.codes[district] is None and placement.parents[district] is None
    roots = build_tree(placement.parents, stories)
    assert [r.name for r in roots] == [UNASSIGNED_ROOT]
    assert path_to(roots, "朝阳区") == (UNASSIGNED_ROOT, "朝阳区")


def test_the_inferred_home_is_the_prefecture_most_stories_name():
    links, stories = _pages(STREET_PAGE)
    district = ("朝阳区", "district")
    stories[district] = {99}
    placement = place_all(stories, links, stories)
    assert placement.home_inferred and placement.home == "330400000000"  # 嘉兴市
    # Neither 朝阳区 lies in 嘉兴市 or 浙江省: still unresolved.
    assert placement.codes[district] is None


def test_a_name_decided_elsewhere_is_skipped_in_a_path_that_needs_another_division():
    div = divisions.load()
    district, street = ("朝阳区", "district"), ("望京街道", "street")
    changchun = next(c for c in div.codes(district) if c.startswith("22"))
    links = [_link(district, ("长春市", "city"), 10, "code", changchun)]
    stories = {district: {1}, street: {2}}
    placement = place_all(stories, links, stories)
    assert placement.parents[district] == ("长春市", "city")
    # 望京街道 lies in Beijing's 朝阳区, which this archive's 朝阳区 is not: it hangs from 北京市.
    assert placement.parents[street] == ("北京市", "province")


def test_summed_weight_wins_over_single_evidence():
    links = [_link(ZHUYUAN, XIASHI, 1)] * 11 + [_link(ZHUYUAN, HAIZHOU, 10, "adjacent")]
    assert resolve_parents([ZHUYUAN], links)[ZHUYUAN] == XIASHI


def test_ties_go_to_the_strongest_single_evidence_then_to_name_order():
    links = [_link(ZHUYUAN, XIASHI, 1)] * 10 + [_link(ZHUYUAN, HAIZHOU, 10, "adjacent")]
    assert resolve_parents([ZHUYUAN], links)[ZHUYUAN] == HAIZHOU
    links = [_link(ZHUYUAN, HAIZHOU, 1), _link(ZHUYUAN, XIASHI, 1)]
    expected = min(HAIZHOU, XIASHI)
    assert resolve_parents([ZHUYUAN], links)[ZHUYUAN] == expected
    assert resolve_parents([ZHUYUAN], list(reversed(links)))[ZHUYUAN] == expected


def test_no_evidence_no_parent_and_never_downwards():
    links = [
        _link(XIASHI, ZHUYUAN, 10, "adjacent"),  # a street inside a community: ignored
        _link(ZHUYUAN, FENGLIN, 10, "adjacent"),  # same level: ignored
        _link(CITY, CITY, 10, "adjacent"),
    ]
    parents = resolve_parents([XIASHI, ZHUYUAN, CITY, LIUWAN], links)
    assert parents == {XIASHI: None, ZHUYUAN: None, CITY: None, LIUWAN: None}


def _check_counts(node: TreeNode, stories_by_place) -> set[int]:
    stories = set(stories_by_place.get(node.key, set())) if node.key else set()
    for child in node.children:
        stories |= _check_counts(child, stories_by_place)
        assert node.count >= child.count
    assert node.count == len(stories)
    return stories


def test_tree_layout_counts_and_unassigned_nodes():
    parents = {
        PROVINCE: None,
        PREFECTURE: PROVINCE,
        CITY: PREFECTURE,
        XIASHI: CITY,
        FENGLIN: XIASHI,
        ZHUYUAN: CITY,  # a community straight under a city
        LIUWAN: None,  # a village nobody places
        YUANHUA: CITY,
        ("朝阳区", "district"): None,  # a division the archive could not decide
    }
    stories = {
        CITY: {1},
        XIASHI: {1, 2},
        FENGLIN: {2, 3},
        ZHUYUAN: {4},
        LIUWAN: {5, 6},
        YUANHUA: {7},
        ("朝阳区", "district"): {8},
    }
    roots = build_tree(parents, stories)
    assert [(r.name, r.kind, r.key) for r in roots] == [
        ("浙江省", "province", PROVINCE),
        ("未归属", "unassigned", None),
    ]
    city = find_node(roots, "海宁市")
    assert city.count == 5  # stories 1, 2, 3, 4, 7
    assert [c.name for c in city.children] == ["硖石街道", "袁花镇", "未归属街道"]
    assert [c.count for c in city.children] == [3, 1, 1]
    assert find_node(roots, "未归属街道").children[0].key == ZHUYUAN
    assert find_node(roots, "硖石街道").children[0].key == FENGLIN
    assert [c.name for c in roots[1].children] == ["柳湾村", "朝阳区"]
    assert roots[1].count == 3
    for root in roots:
        _check_counts(root, stories)


def test_children_sorted_by_count_then_name():
    streets = [(name, "street") for name in ("乙街道", "甲街道", "丙街道")]
    parents = {**dict.fromkeys(streets, CITY), CITY: PROVINCE}
    stories = {streets[0]: {1}, streets[1]: {2}, streets[2]: {3, 4}}
    (province,) = build_tree(parents, stories)
    (city,) = province.children
    assert [c.name for c in city.children] == ["丙街道", *sorted(["乙街道", "甲街道"])]


def test_provinces_come_first_by_count():
    parents = {("北京市", "province"): None, PROVINCE: None, ("贵州省", "province"): None}
    stories = {("北京市", "province"): {1}, PROVINCE: {2, 3}, ("贵州省", "province"): {4}}
    assert [r.name for r in build_tree(parents, stories)] == ["浙江省", "北京市", "贵州省"]


def test_cyclic_input_does_not_hang():
    parents = {XIASHI: CITY, CITY: XIASHI}
    roots = build_tree(parents, {XIASHI: {1}})
    assert sum(root.count for root in roots) == 1


def test_empty_tree():
    assert build_tree({}, {}) == []


_KEYS = [PROVINCE, CITY, XIASHI, HAIZHOU, ZHUYUAN, FENGLIN, LIUWAN, YUANHUA]


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
    seen = [node.key for _, node in walk(roots) if node.key is not None]
    assert sorted(seen) == sorted(_KEYS)  # every place exactly once
    every = set()
    for root in roots:
        every |= _check_counts(root, stories)
    assert every == set().union(*stories.values()) if stories else every == set()
