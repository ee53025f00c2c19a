"""The five seed pages end to end: split crudely, page_links, place_all, build_tree."""

from __future__ import annotations

import pytest

from viewer.places import TreeNode, build_tree, page_links, place_all, story_places
from viewer.places.vocab import MODIFIERS

from .conftest import path_to, walk
from .test_recognize import FALSE_PLACES


@pytest.fixture
def seed_tree(seed_texts, split_page) -> tuple[list[TreeNode], dict]:
    links = []
    stories_by_place: dict[tuple[str, str], set[int]] = {}
    story_id = 0
    for seed in sorted(seed_texts):
        stories = split_page(seed_texts[seed])
        links += page_links(stories)
        for sp in stories:
            for place in story_places(sp):
                stories_by_place.setdefault((place.name, place.kind), set()).add(story_id)
            story_id += 1
    placement = place_all(stories_by_place, links, stories_by_place)
    return build_tree(placement.parents, stories_by_place), stories_by_place


def test_seed_places_sit_where_the_pages_put_them(seed_tree):
    roots, _ = seed_tree
    # Every path now starts at the province (the gazetteer supplies the levels the pages skip).
    assert path_to(roots, "如意庄社区") == ("山西省", "阳泉市", "矿区", "赛鱼街道", "如意庄社区")
    assert path_to(roots, "新源社区") == ("山西省", "阳泉市", "矿区", "蔡洼街道", "新源社区")
    gongyi = ("河南省", "郑州市", "巩义市")
    assert path_to(roots, "新华北路社区") == (*gongyi, "新华路街道", "新华北路社区")
    assert path_to(roots, "育英街社区") == (*gongyi, "新华路街道", "育英街社区")
    assert path_to(roots, "紫荆路社区") == (*gongyi, "紫荆路街道", "紫荆路社区")
    assert path_to(roots, "政通路社区") == (*gongyi, "紫荆路街道", "政通路社区")
    assert path_to(roots, "大坡顶村")[-2:] == ("峡窝镇", "大坡顶村")
    assert path_to(roots, "峡窝镇") == ("河南省", "郑州市", "上街区", "峡窝镇")
    # 阳泉市郊区 is the district officially called 郊区, under 阳泉市.
    assert path_to(roots, "郊区") == ("山西省", "阳泉市", "郊区")
    # Communities of a district page that no street claims wait under its unassigned node.
    assert path_to(roots, "三湾街社区") == (
        "河南省",
        "郑州市",
        "上街区",
        "未归属街道",
        "三湾街社区",
    )
    # Communities nothing places at all.
    assert path_to(roots, "东山社区") == ("未归属", "东山社区")
    assert [r.name for r in roots] == ["河南省", "山西省", "未归属"]


def test_seed_tree_has_no_phrase_like_place(seed_tree):
    roots, _ = seed_tree
    names = {node.name for _, node in walk(roots)}
    assert not names & set(FALSE_PLACES)
    for name in names:  # a slogan word plus a suffix (和谐社区, 文明城市) is no place
        assert name[:-2] not in MODIFIERS and name[:-1] not in MODIFIERS, name


def test_seed_tree_counts_are_unions_of_stories(seed_tree):
    roots, stories_by_place = seed_tree

    def check(node: TreeNode) -> set[int]:
        stories = set(stories_by_place.get(node.key, set())) if node.key else set()
        for child in node.children:
            stories |= check(child)
            assert node.count >= child.count
        assert node.count == len(stories)
        return stories

    every = set()
    for root in roots:
        every |= check(root)
    assert every == set().union(*stories_by_place.values())
    assert [r.name for r in roots][-1] == "未归属"
