"""find_places against the gazetteer: each rule family on sentences in other papers' styles."""

from __future__ import annotations

import pytest

from viewer.places import divisions, find_places


def _found(text: str) -> list[tuple[str, str, str]]:
    """(as written, canonical name, kind) of each mention."""
    return [(text[m.start : m.end], m.name, m.kind) for m in find_places(text)]


def _one(text: str, written: str):
    (mention,) = [m for m in find_places(text) if text[m.start : m.end] == written]
    return mention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Short forms of provinces and prefectures are places, named by their official name.
        (
            "据新华社电　北京、香港、台湾三地的专家昨日齐聚贵阳。",
            [
                ("北京", "北京市", "province"),
                ("香港", "香港特别行政区", "province"),
                ("台湾", "台湾省", "province"),
                ("贵阳", "贵阳市", "city"),
            ],
        ),
        ("香港特区政府宣布", [("香港特区", "香港特别行政区", "province")]),
        ("江苏镇江的游客", [("江苏", "江苏省", "province"), ("镇江", "镇江市", "city")]),
        (
            "贵阳市民排队领取，贵阳市场供应充足",
            [("贵阳市", "贵阳市", "city"), ("贵阳", "贵阳市", "city")],
        ),
        # Former names are the division as it is now.
        ("原宣武区的胡同", [("宣武区", "西城区", "district")]),
        ("襄樊市一家工厂", [("襄樊市", "襄阳市", "city")]),
        # A county or city that became a district kept its name: 奉化市 is 奉化区 today.
        (
            "宁波奉化市溪口镇",
            [
                ("宁波", "宁波市", "city"),
                ("奉化市", "奉化区", "district"),
                ("溪口镇", "溪口镇", "town"),
            ],
        ),
        # An organ of the place still names it.
        ("南明区委书记一行", [("南明区", "南明区", "district")]),
    ],
)
def test_divisions_by_official_short_and_former_names(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Words that only contain a short form.
        "北京大学的学生",
        "北京时间昨晚八点",
        "沿北京路向东，在北京站下车",
        "香港股市收盘上涨",
        # Phrases that only look like places.
        "国家级贫困地区",
        "原北京军区某部",
        "大学生暑期三下乡",
        "加强城乡社区治理",
        "地震重灾区",
        "广大市民踊跃参与",
        "义乌市场行情",
        # Foreign places are left out.
        "俄罗斯总统在莫斯科会见",
        # Generic official names count only right after their city.
        "城区和郊区同时停水",
        # A common word that is a county's short form, with nothing around it.
        "社会和平稳定",
        # Two-character county names inside phrases: 各市和县, 省市县三级.
        "各市和县都要落实，省市县三级联动",
    ],
)
def test_no_place(text):
    assert find_places(text) == []


def test_a_name_after_a_bigger_one_keeps_only_the_divisions_inside_it():
    div = divisions.load()
    alone = _one("朝阳区一小区停电", "朝阳区")
    assert len(alone.codes) >= 2  # 北京 and 长春 both have one
    beijing = _one("北京市朝阳区一小区停电", "朝阳区")
    changchun = _one("吉林省长春市朝阳区一小区停电", "朝阳区")
    assert len(beijing.codes) == len(changchun.codes) == 1
    assert div.contains(div.codes(("北京市", "province"))[0], beijing.codes[0])
    assert div.contains(div.codes(("长春市", "city"))[0], changchun.codes[0])
    assert changchun.parent == ("长春市", "city")
    county = _one("河南省卢氏县城关镇中心小学", "城关镇")
    assert len(county.codes) == 1 and county.parent == ("卢氏县", "county")


def test_three_levels_written_together_state_their_parents():
    text = "贵州省贵阳市南明区花果园街道"
    mentions = find_places(text)
    assert [(m.name, m.parent and m.parent[0], m.level) for m in mentions] == [
        ("贵州省", None, 1),
        ("贵阳市", "贵州省", 2),
        ("南明区", "贵阳市", 3),
        ("花果园街道", "南明区", 4),
    ]


def test_county_short_form_needs_evidence():
    # Right after its province or city.
    assert _found("浙江义乌的小商品") == [
        ("浙江", "浙江省", "province"),
        ("义乌", "义乌市", "city"),
    ]
    assert _found("北京海淀的一所中学") == [
        ("北京", "北京市", "province"),
        ("海淀", "海淀区", "district"),
    ]
    # A place word alone is not enough...
    assert _found("周末去海淀逛书店") == []
    # ...unless the text names the county in full as well.
    text = "海淀区一所中学开放日，不少家长专程赶到海淀参观。"
    assert [m.name for m in find_places(text)] == ["海淀区", "海淀区"]


def test_generic_names_right_after_their_city():
    mentions = find_places("铜陵市郊区一处工地发生塌方")
    assert [(m.name, m.kind, m.parent) for m in mentions] == [
        ("铜陵市", "city", None),
        ("郊区", "district", ("铜陵市", "city")),
    ]
    assert len(mentions[1].codes) == 1


def test_two_character_county_after_its_city():
    assert _found("马鞍山市和县一名村民") == [
        ("马鞍山市", "马鞍山市", "city"),
        ("和县", "和县", "county"),
    ]
    assert _found("徐州的沛县、丰县") == [
        ("徐州", "徐州市", "city"),
        ("沛县", "沛县", "county"),
        ("丰县", "丰县", "county"),
    ]


def test_community_named_like_a_division_stays_a_community():
    text = "朝阳社区举办邻里节，推动了朝阳文化建设。"
    assert _found(text) == [("朝阳社区", "朝阳社区", "community")]


def test_unknown_community_stays_unverified_under_its_stated_parent():
    text = "在海宁市硖石街道东山社区，居民自发组建了巡逻队。"
    mentions = find_places(text)
    community = mentions[-1]
    assert (community.name, community.codes, community.level) == ("东山社区", (), 5)
    assert community.parent == ("硖石街道", "street")
    assert mentions[-2].codes  # the street is a real division


def test_town_name_glued_to_what_follows():
    # jieba writes 方岩|镇下|宅村; the town and the village are still found.
    text = "金华永康市方岩镇下宅村万里路"
    assert [(m.name, m.parent and m.parent[0]) for m in find_places(text)][-2:] == [
        ("方岩镇", "永康市"),
        ("下宅村", "方岩镇"),
    ]
    # A preposition glued to the town: 驻|袁花镇.
    assert [m.name for m in find_places("区财政局驻袁花镇工作队")] == ["袁花镇"]


def test_renamed_town_is_the_street_it_became():
    (mention,) = find_places("家住乔司镇的王女士")
    assert (mention.name, mention.kind) == ("乔司街道", "street")


def test_surface_and_canonical_name():
    text = "２０１０年以前的宣武区"
    (mention,) = find_places(text)
    assert text[mention.start : mention.end] == "宣武区" and mention.name == "西城区"
