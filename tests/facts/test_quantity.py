"""Quantities: number + classifier/unit, value, canonical unit and what is counted."""

from __future__ import annotations

import pytest

QUANTITIES = [
    # (text, [(span, value, unit, label), ...])
    ("全村共有1260户4800余人。", [("1260户", 1260, "户", ""), ("4800余人", 4800, "人", "")]),
    ("在册党员86名,分为5个支部。", [("86名", 86, "名", "党员"), ("5个", 5, "个", "支部")]),
    ("组织38名志愿者参加。", [("38名", 38, "名", "志愿者")]),
    ("新建停车位120个。", [("120个", 120, "个", "停车位")]),
    ("建成12间教室。", [("12间", 12, "间", "教室")]),
    ("占地面积2400平方米。", [("2400平方米", 2400, "平方米", "占地面积")]),
    ("改造绿地800平米。", [("800平米", 800, "平方米", "绿地")]),
    ("新增车棚500平方,", [("500平方", 500, "平方米", "车棚")]),
    ("修建道路1.2公里。", [("1.2公里", 1.2, "公里", "道路")]),
    ("步行约1200米就到。", [("1200米", 1200, "米", "")]),
    ("发放宣传册5000余册。", [("5000余册", 5000, "册", "宣传册")]),
    ("设置三个服务点。", [("三个", 3, "个", "服务点")]),
    ("购置两台电脑。", [("两台", 2, "台", "电脑")]),
    ("今年58岁的老党员", [("58岁", 58, "岁", "")]),
    ("吸引２０００余人参加。", [("２０００余人", 2000, "人", "")]),
    ("受益群众1.5万人。", [("1.5万人", 15_000, "人", "群众")]),
    ("为期10天的培训", [("10天", 10, "天", "")]),
    ("共化解矛盾纠纷23起。", [("23起", 23, "起", "纠纷")]),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITIES)
def test_quantity(facts_of, text: str, expected: list[tuple[str, float, str, str]]) -> None:
    found = facts_of(text, "quantity")
    assert [(f.text, f.value, f.unit, f.label) for f in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "召开第八次会议。",
        "第12个国际志愿者日。",
        "住在3号楼2单元。",
        "家住15号院。",
        "推行2+3+N工作模式。",
        "解决二次供水问题。",
        "一个人也不落下。",
        "来自四面八方的志愿者。",
        "始建于2019年。",
        "阅读《三十六计》。",
        "10月5日举行。",
        "家里有六七个人。",
        "十几个问题。",
        "四处奔走。",
        "千家万户。",
    ],
)
def test_not_quantity(facts_of, text: str) -> None:
    assert facts_of(text, "quantity") == []


def test_chinese_one_is_not_a_count_but_arabic_one_is(facts_of) -> None:
    assert facts_of("送来一面锦旗。", "quantity") == []
    assert [f.value for f in facts_of("乒乓球台1张。", "quantity")] == [1]
