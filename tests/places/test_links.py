"""story_places and page_links on invented pages in the seeds' style."""

from __future__ import annotations

from viewer.model import PlaceLink, PlaceMention
from viewer.places import StoryPlaces, page_links, story_places

from .conftest import story_places_of

STREET_PAGE = """

槐荫街道 凝心聚力谱写基层治理新篇章

２０２１年以来，临川市槐荫街道坚持党建引领，把“网格化管理”和“居民议事会”有机结合。记者 周明 文/图

枫林社区 小网格撬动大治理

枫林社区将辖区划分为十二个网格，每个网格配备一名专职网格员，今年上半年共收集居民诉求三百余件，办结率达百分之九十八。

松涛社区 “红色物业”让老楼焕新颜

松涛社区针对老旧小区无物业管理的难题，引入红色物业，先后投资４５万元改造楼道、更换路灯，受益居民超过８００户。

竹园社区 志愿服务温暖人心

在竹园社区，一支由退休教师组成的志愿服务队常年为辖区留守儿童辅导功课。石门街道梅岭社区也派人前来学习。

梅岭社区 邻里节办得红红火火

梅岭社区第三届邻里节开幕，居民们自编自演了二十多个节目。
"""

NEWS_PAGE = """

临川新闻

近日，临川市召开全市基层治理工作会议。会上，石门街道、青石镇分别作了交流发言，临川市委要求各街道各乡镇抓好落实。

区财政局驻青石镇柳湾工作队协调资金修通了进村道路。柳湾村党支部书记王明表示，村里将继续发展特色种植。

临川市第一人民医院专家走进社区开展义诊。
"""


def _keys(links: list[PlaceLink]) -> set[tuple[str, str, int, str]]:
    return {(link.child[0], link.parent[0], link.weight, link.reason) for link in links}


def test_story_about_its_headline_place(split_page):
    stories = split_page(STREET_PAGE)
    places = story_places(stories[1])
    assert [(p.name, p.kind, p.count, p.about) for p in places] == [
        ("枫林社区", "community", 2, True)
    ]
    assert places[0].first == 0


def test_story_about_the_most_specific_place_of_its_opening():
    body = "近日，青石镇柳湾村党支部组织党员开展主题党日活动。\n青石镇党委书记李明到柳湾村指导。"
    places = story_places(story_places_of("党员学习不停步", body))
    by_name = {p.name: p for p in places}
    assert by_name["柳湾村"].about and not by_name["青石镇"].about
    assert by_name["柳湾村"].count == 2 and by_name["青石镇"].count == 2
    assert by_name["青石镇"].first == body.index("青石镇")
    assert [p.name for p in places] == ["柳湾村", "青石镇"]  # about-places first


def test_opening_is_limited_and_headline_sets_the_floor():
    body = (
        "２０２１年以来，临川市槐荫街道坚持党建引领。\n" + "居民议事会" * 30 + "。枫林社区也参加。"
    )
    places = {p.name: p for p in story_places(story_places_of("槐荫街道 凝心聚力", body))}
    assert places["槐荫街道"].about
    assert not places["临川市"].about  # less specific than the headline's place
    assert not places["枫林社区"].about  # beyond the opening
    assert places["槐荫街道"].first == body.index("槐荫街道")


def test_short_first_paragraph_runs_on_into_the_next():
    body = "本报讯\n近日，竹园社区开展消防演练。"
    places = story_places(story_places_of("", body))
    assert [(p.name, p.about) for p in places] == [("竹园社区", True)]


def test_place_named_only_in_the_heading_has_no_first_offset():
    (place,) = story_places(story_places_of("梅岭社区 邻里节", "居民们自编自演了节目。"))
    assert place.about and place.first is None and place.count == 1


def test_street_page_puts_its_sections_communities_under_the_street(split_page):
    links = _keys(page_links(split_page(STREET_PAGE)))
    assert ("枫林社区", "槐荫街道", 1, "page") in links
    assert ("松涛社区", "槐荫街道", 1, "page") in links
    assert ("竹园社区", "槐荫街道", 1, "page") in links
    assert ("槐荫街道", "临川市", 10, "adjacent") in links
    # The page says 梅岭社区 lies in 石门街道, so its section does not put it in 槐荫街道.
    assert ("梅岭社区", "石门街道", 10, "adjacent") in links
    assert not any(child == "梅岭社区" and parent == "槐荫街道" for child, parent, *_ in links)


def test_page_city_is_weak_evidence_for_streets_without_parent(split_page):
    links = _keys(page_links(split_page(NEWS_PAGE)))
    assert ("石门街道", "临川市", 1, "page") in links
    assert ("青石镇", "临川市", 1, "page") in links
    # 青石镇柳湾(工作队) names the village without its suffix, right after the town.
    assert ("柳湾村", "青石镇", 10, "adjacent") in links
    # No story is about a street first, so no section evidence; nothing points downwards.
    assert all(reason == "adjacent" or parent == "临川市" for _, parent, _, reason in links)


def test_adjacent_evidence_is_counted_once_per_page():
    mention = PlaceMention("竹园社区", "community", 4, 8, ("石门街道", "street"))
    street = PlaceMention("石门街道", "street", 0, 4)
    text = "石门街道竹园社区"
    story = StoryPlaces(heading=[], body=[street, mention], body_text=text)
    links = page_links([story, story])
    assert links == [PlaceLink(("竹园社区", "community"), ("石门街道", "street"), 10, "adjacent")]


def test_links_only_point_upwards():
    # A parent of a lower level than its child (bad input) gives no evidence.
    odd = PlaceMention("石门街道", "street", 4, 8, ("竹园社区", "community"))
    story = StoryPlaces(heading=[], body=[odd], body_text="竹园社区石门街道")
    assert page_links([story]) == []


def test_page_without_places_gives_no_links():
    assert page_links([StoryPlaces([], [], "今天天气很好。")]) == []
    assert page_links([]) == []
