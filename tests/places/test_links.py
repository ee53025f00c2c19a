"""story_places and page_links on pages written for the tests: real divisions (海宁市 and its
streets and towns), invented communities and villages."""

from __future__ import annotations

from viewer.model import PlaceLink, PlaceMention
from viewer.places import StoryPlaces, divisions, find_places, page_links, story_places
from viewer.places.links import CODE_WEIGHT, CONTEXT_WEIGHT, choose_codes

from .conftest import story_places_of

STREET_PAGE = """

硖石街道 凝心聚力谱写基层治理新篇章

２０２１年以来，海宁市硖石街道坚持党建引领，把“网格化管理”和“居民议事会”有机结合。记者 周明 文/图

枫林社区 小网格撬动大治理

枫林社区将辖区划分为十二个网格，每个网格配备一名专职网格员，今年上半年共收集居民诉求三百余件，办结率达百分之九十八。

松涛社区 “红色物业”让老楼焕新颜

松涛社区针对老旧小区无物业管理的难题，引入红色物业，先后投资４５万元改造楼道、更换路灯，受益居民超过８００户。

竹园社区 志愿服务温暖人心

在竹园社区，一支由退休教师组成的志愿服务队常年为辖区留守儿童辅导功课。海洲街道梅岭社区也派人前来学习。

梅岭社区 邻里节办得红红火火

梅岭社区第三届邻里节开幕，居民们自编自演了二十多个节目。
"""

NEWS_PAGE = """

海宁新闻

近日，海宁市召开全市基层治理工作会议。会上，海洲街道、袁花镇分别作了交流发言，海宁市委要求各街道各乡镇抓好落实。

市财政局驻袁花镇柳湾工作队协调资金修通了进村道路。柳湾村党支部书记王明表示，村里将继续发展特色种植。

海宁市第一人民医院专家走进社区开展义诊。
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
    body = "近日，袁花镇柳湾村党支部组织党员开展主题党日活动。\n袁花镇党委书记李明到柳湾村指导。"
    places = story_places(story_places_of("党员学习不停步", body))
    by_name = {p.name: p for p in places}
    assert by_name["柳湾村"].about and not by_name["袁花镇"].about
    assert by_name["柳湾村"].count == 2 and by_name["袁花镇"].count == 2
    assert by_name["袁花镇"].first == body.index("袁花镇")
    assert [p.name for p in places] == ["柳湾村", "袁花镇"]  # about-places first


def test_opening_is_limited_and_headline_sets_the_floor():
    body = (
        "２０２１年以来，海宁市硖石街道坚持党建引领。\n" + "居民议事会" * 30 + "。枫林社区也参加。"
    )
    places = {p.name: p for p in story_places(story_places_of("硖石街道 凝心聚力", body))}
    assert places["硖石街道"].about
    assert not places["海宁市"].about  # less specific than the headline's place
    assert not places["枫林社区"].about  # beyond the opening
    assert places["硖石街道"].first == body.index("硖石街道")


def test_short_first_paragraph_runs_on_into_the_next():
    body = "本报讯\n近日，竹园社区开展消防演练。"
    places = story_places(story_places_of("", body))
    assert [(p.name, p.about) for p in places] == [("竹园社区", True)]


def test_place_named_only_in_the_heading_has_no_first_offset():
    (place,) = story_places(story_places_of("梅岭社区 邻里节", "居民们自编自演了节目。"))
    assert place.about and place.first is None and place.count == 1


def test_street_page_puts_its_sections_communities_under_the_street(split_page):
    links = _keys(page_links(split_page(STREET_PAGE)))
    assert ("枫林社区", "硖石街道", 1, "page") in links
    assert ("松涛社区", "硖石街道", 1, "page") in links
    assert ("竹园社区", "硖石街道", 1, "page") in links
    # The page says 梅岭社区 lies in 海洲街道, so its section does not put it in 硖石街道.
    assert ("梅岭社区", "海洲街道", 10, "adjacent") in links
    assert not any(child == "梅岭社区" and parent == "硖石街道" for child, parent, *_ in links)


def test_divisions_get_their_code_and_its_parent(split_page):
    links = page_links(split_page(STREET_PAGE))
    (street,) = [link for link in links if link.child == ("硖石街道", "street")]
    assert street.reason == "code" and street.weight == CODE_WEIGHT
    assert street.parent == ("海宁市", "city")
    assert divisions.load().key(street.code) == ("硖石街道", "street")
    # Divisions get no "adjacent" or "page" evidence: their codes place them.
    assert all(link.reason == "code" for link in links if link.child[1] == "street")


def test_town_named_before_a_village_without_its_suffix(split_page):
    links = _keys(page_links(split_page(NEWS_PAGE)))
    # 袁花镇柳湾(工作队) names the village without its suffix, right after the town.
    assert ("柳湾村", "袁花镇", 10, "adjacent") in links
    assert ("海洲街道", "海宁市", CODE_WEIGHT, "code") in links
    assert ("袁花镇", "海宁市", CODE_WEIGHT, "code") in links
    # No story is about a street first, so no section evidence.
    assert all(reason != "page" for *_, reason in links)


def _mentions(*texts: str) -> list[PlaceMention]:
    return [m for text in texts for m in find_places(text)]


def test_the_page_decides_an_ambiguous_name_by_its_other_places():
    div = divisions.load()
    mentions = _mentions("卢氏县召开防汛工作会议。", "城关镇各村连夜转移群众。")
    town = ("城关镇", "town")
    assert len(next(m for m in mentions if (m.name, m.kind) == town).codes) > 10
    code, weight = choose_codes(mentions)[town]
    assert div.contains(div.codes(("卢氏县", "county"))[0], code)
    assert weight == CONTEXT_WEIGHT[3]  # same county
    mentions = _mentions("北京今年新建口袋公园二十个。", "朝阳区将新建五个。")
    code, weight = choose_codes(mentions)[("朝阳区", "district")]
    assert code.startswith("11") and weight == CONTEXT_WEIGHT[1]  # same province


def test_a_page_that_cannot_decide_gives_no_code():
    mentions = _mentions("朝阳区一小区停电。")
    assert ("朝阳区", "district") not in choose_codes(mentions)
    assert page_links([StoryPlaces([], mentions, "朝阳区一小区停电。")]) == []


def test_adjacent_evidence_is_counted_once_per_page():
    text = "海洲街道竹园社区"
    story = StoryPlaces(heading=[], body=find_places(text), body_text=text)
    links = [link for link in page_links([story, story]) if link.reason == "adjacent"]
    assert links == [PlaceLink(("竹园社区", "community"), ("海洲街道", "street"), 10, "adjacent")]


def test_links_only_point_upwards():
    # A parent of a lower level than its child (bad input) gives no evidence.
    odd = PlaceMention("梅岭社区", "community", 4, 8, ("竹园村", "village"))
    story = StoryPlaces(heading=[], body=[odd], body_text="竹园村梅岭社区")
    assert page_links([story]) == []


def test_page_without_places_gives_no_links():
    assert page_links([StoryPlaces([], [], "今天天气很好。")]) == []
    assert page_links([]) == []
