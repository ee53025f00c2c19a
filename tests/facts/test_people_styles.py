"""People in the styles of different papers: national agency copy, a city evening paper, a
sports page and a county paper. Every name here is invented."""

from __future__ import annotations

import pytest


def people(facts_of, text: str) -> list[tuple[str, str]]:
    return [(f.text, f.label) for f in facts_of(text, "person")]


# --- national news agency copy --------------------------------------------------------------

TITLES = [
    ("国家主席陈立华今天在北京会见了来访的客人。", ("陈立华", "国家主席")),
    ("国务院总理周德明主持召开常务会议。", ("周德明", "总理")),
    ("国务院副总理郑国梁在会见时说,中方愿加强合作。", ("郑国梁", "副总理")),
    ("外交部发言人邵慧敏在例行记者会上回答了提问。", ("邵慧敏", "发言人")),
    ("外长钱立新出席了签字仪式。", ("钱立新", "外长")),
    ("驻法国大使韦国栋出席招待会。", ("韦国栋", "大使")),
    ("省长侯建业到灾区察看灾情。", ("侯建业", "省长")),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_national_title_before_a_name(facts_of, text: str, expected: tuple[str, str]) -> None:
    assert people(facts_of, text) == [expected]


def test_titles_joined_in_a_list(facts_of) -> None:
    text = "副总理马长江、国务委员孙丽华陪同会见。"
    assert people(facts_of, text) == [("马长江", "副总理"), ("孙丽华", "国务委员")]


def test_agency_dateline_byline_without_spaces(facts_of) -> None:
    text = "新华社北京3月5日电(记者张荣典)国家主席陈立华今天会见了来宾。"
    assert people(facts_of, text) == [("张荣典", "记者"), ("陈立华", "国家主席")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("英国外交大臣戴维·米勒表示,英方欢迎这一决定。", "戴维·米勒"),
        ("欧盟委员会主席埃娃·诺德表示,将继续支持多边贸易体制。", "埃娃·诺德"),
        ("据悉,阿卜杜拉·哈桑已于上周抵达。", "阿卜杜拉·哈桑"),
        ("当地居民买买提·艾力说,今年收成很好。", "买买提·艾力"),
    ],
)
def test_foreign_and_minority_names_joined_by_a_dot(facts_of, text: str, name: str) -> None:
    assert [f.text for f in facts_of(text, "person")] == [name]


def test_a_famous_name_before_a_speech_verb(facts_of) -> None:
    assert people(facts_of, "钱其琛说,双方应加强合作。") == [("钱其琛", "")]


# --- city evening paper ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "晚报讯(记者范晓彤 通讯员柯一鸣)昨天上午,市民在超市购物。",
            [("范晓彤", "记者"), ("柯一鸣", "通讯员")],
        ),
        ("(记者 韩丽萍 通讯员 刘振东)", [("韩丽萍", "记者"), ("刘振东", "通讯员")]),
        (
            "本报讯(记者马力通讯员于士林)住建部门发布通知。",
            [("马力", "记者"), ("于士林", "通讯员")],
        ),
        ("本报记者 冯晓阳 通讯员 葛天宇 报道", [("冯晓阳", "本报记者"), ("葛天宇", "通讯员")]),
    ],
)
def test_bylines_with_and_without_spaces(facts_of, text: str, expected) -> None:
    assert people(facts_of, text) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("获奖的有蒋文博、毛丽娟、邝志远和曾小兰。", ["蒋文博", "毛丽娟", "邝志远", "曾小兰"]),
        ("出席会议的有张建国、李红梅、王志刚等。", ["张建国", "李红梅", "王志刚"]),
    ],
)
def test_names_in_a_list(facts_of, text: str, names: list[str]) -> None:
    assert [f.text for f in facts_of(text, "person")] == names


def test_a_name_jieba_does_not_know(facts_of) -> None:
    # 谭晓萌 is in no dictionary: surname statistics and the verb after it find her.
    assert people(facts_of, "谭晓萌说,这个项目明年完工。") == [("谭晓萌", "")]


def test_anonymised_person_after_a_group_word(facts_of) -> None:
    text = "昨天上午,市民钱某在滨江路一家超市购物时丢失钱包。"
    assert people(facts_of, text) == [("钱某", "市民")]


# --- sports page -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("主帅塔瓦雷斯赛后表示,球队踢出了应有的水平。", ("塔瓦雷斯", "主帅")),
        ("主教练穆里尼奥表示球队状态正在恢复。", ("穆里尼奥", "主教练")),
        ("前锋施耀东梅开二度。", ("施耀东", "前锋")),
        ("中场球员阿尔贝托打进一球。", ("阿尔贝托", "球员")),
    ],
)
def test_players_and_coaches(facts_of, text: str, expected: tuple[str, str]) -> None:
    assert people(facts_of, text) == [expected]


# --- county paper ----------------------------------------------------------------------------


def test_everyday_word_as_a_given_name_after_a_post(facts_of) -> None:
    assert people(facts_of, "村支书高峰说,今年村里种了三百亩蓝莓。") == [("高峰", "村支书")]
    assert people(facts_of, "村支书高峰带领村民清理河道。") == [("高峰", "村支书")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("镇党委书记温晓东带领工作组走访了12户村民。", ("温晓东", "镇党委书记")),
        ("县农业农村局的技术员倪光明给村民讲解技术。", ("倪光明", "技术员")),
        ("村民石秀英今年种了十亩花生。", ("石秀英", "村民")),
    ],
)
def test_county_roles(facts_of, text: str, expected: tuple[str, str]) -> None:
    assert people(facts_of, text) == [expected]


def test_a_confirmed_name_counts_everywhere(facts_of) -> None:
    text = "村民石秀英今年种了十亩花生。石秀英说,明年还要多种。"
    assert [(f.start, f.label) for f in facts_of(text, "person")] == [(2, "村民"), (14, "村民")]


# --- what is not a person --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "黄河路很宽,沈阳很冷。",
        "他在黄山市区住了三年。",
        "居民们高兴地说,路修好了。",
        "医生初步判断是食物中毒。",
        "副市长任组长,副县长任副组长。",
        "这是最豪华的领队班底了。",
        "大家的祝福。",
        "欢迎来到金山公园。",
        "《哈利·波特》系列很受欢迎。",
        "热那亚主场迎战罗马。",
        "张大使说,双方将加强合作。",
        "校园君温馨提醒,临近期末注意安全。",
    ],
)
def test_places_and_common_words_are_not_people(facts_of, text: str) -> None:
    assert facts_of(text, "person") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("某某文化公司总经理韩立", ("韩立", "总经理")),  # a caption line: the name ends the text
        ("采访对象:市第二医院院长欧阳明", ("欧阳明", "院长")),
    ],
)
def test_title_and_name_at_the_very_end(facts_of, text: str, expected: tuple[str, str]) -> None:
    assert people(facts_of, text) == [expected]
