"""Organisations in the styles of different papers: well-known bodies by their short names,
names ending in a body word with a place in front, brands, teams, and words that only look
like bodies. Every local name here is invented."""

from __future__ import annotations

import pytest


def orgs(facts_of, text: str) -> list[str]:
    return [f.text for f in facts_of(text, "organization")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新华社记者从外交部获悉,国务院已批准该计划。", ["新华社", "外交部", "国务院"]),
        ("全国人大常委会今天闭幕,全国政协委员列席。", ["全国人大常委会"]),
        ("最高人民法院发布司法解释。", ["最高人民法院"]),
        ("中共中央、国务院印发意见。", ["中共中央", "国务院"]),
        ("联合国秘书长发表声明。", ["联合国"]),
        ("央行宣布下调存款准备金率,工行、建行随即跟进。", ["央行", "工行", "建行"]),
        ("美国国务院发言人回应了记者提问。", ["美国国务院"]),
    ],
)
def test_known_bodies_by_short_name(facts_of, text: str, expected: list[str]) -> None:
    assert orgs(facts_of, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北京市公安局通报了案情。", ["北京市公安局"]),
        ("中国驻智利大使馆提醒在智中国公民注意安全。", ["中国驻智利大使馆"]),
        ("本报讯 昨日,市城管局联合市公安局开展专项整治。", ["市城管局", "市公安局"]),
        ("县农业农村局和镇政府联合开展培训。", ["县农业农村局", "镇政府"]),
        ("石桥镇卫生院和县人民医院联合开展义诊。", ["石桥镇卫生院", "县人民医院"]),
        ("据河西省教育厅消息,今年招生计划不变。", ["河西省教育厅"]),
        ("市住建委有关负责人表示,将加快审批。", ["市住建委"]),
        ("昨天,市第一人民医院的医生介绍了病情。", ["市第一人民医院"]),
    ],
)
def test_place_prefix_belongs_to_the_name(facts_of, text: str, expected: list[str]) -> None:
    assert orgs(facts_of, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("鑫泰地产与华辰置业签约。", ["鑫泰地产", "华辰置业"]),
        ("记者从IBM公司获悉,新品下月上市。", ["IBM公司"]),
        ("宏远集团旗下的顺通物流公司中标。", ["宏远集团", "顺通物流公司"]),
    ],
)
def test_brands(facts_of, text: str, expected: list[str]) -> None:
    assert orgs(facts_of, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("红星队主场迎战飞虎队。", ["红星队", "飞虎队"]),
        ("红星队2比1战胜飞虎队。", ["红星队", "飞虎队"]),
        ("东湖队vs西岭队的比赛将于周六进行。", ["东湖队", "西岭队"]),
    ],
)
def test_teams_on_a_sports_page(facts_of, text: str, expected: list[str]) -> None:
    assert orgs(facts_of, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "胸中有大局。",
        "社区举办活动。",
        "有部分银行采取了新的考核办法。",
        "一些打着投资公司旗号的中介骗取钱财。",
        "他在一家塑料厂打工。",
        "一楼售票厅空无一人。",
        "省委常委、市委书记出席会议。",
        "3月18日有215人到医院就诊。",
        "《天龙八部》是一部武侠小说。",
        "在市中心开了一家店。",
        "这是球队的机会。",
        "影院、商场等公共场所取消了活动。",
        "县里组建了一支专职消防队。",
    ],
)
def test_words_that_only_look_like_bodies(facts_of, text: str) -> None:
    assert orgs(facts_of, text) == []


def test_a_post_of_a_body_is_not_part_of_its_name(facts_of) -> None:
    assert orgs(facts_of, "据河口市地震局局长介绍,余震仍在继续。") == ["河口市地震局"]
