"""Organisations: left edges, single-character suffixes, and generic words that are not names."""

from __future__ import annotations

import pytest

ORGS = [
    ("清河街道联合东平区人民医院开展义诊。", "东平区人民医院"),
    ("小区的青禾物业服务有限公司党支部组织活动。", "青禾物业服务有限公司党支部"),
    ("居民向长青路派出所报警。", "长青路派出所"),
    ("随后,区民政局到场。", "区民政局"),
    ("县卫健委发布通知。", "县卫健委"),
    ("由市疾控中心提供服务。", "市疾控中心"),
    ("与明德小学联合开展。", "明德小学"),
    ("共建单位星光幼儿园的老师", "星光幼儿园"),
    ("社区联合金穗书画协会举办展览", "金穗书画协会"),
    ("网格员多方联系,鑫源物业公司积极处理。", "鑫源物业公司"),
    ("来到光华银行西城支行办理业务", "光华银行西城支行"),
    ("协调宏达集团出资", "宏达集团"),
    ("由区疾控中心牵头", "区疾控中心"),
    ("在顺发超市门前", "顺发超市"),
    ("东平区第三人民医院的医生", "东平区第三人民医院"),
    ("邀请河西省消防救援中心教官授课", "河西省消防救援中心"),
    ("柳湾街道信访办接待群众", "柳湾街道信访办"),
    ("东平区中医院院长白建军说", "东平区中医院"),
    ("在明德学校里上课", "明德学校"),
]


@pytest.mark.parametrize(("text", "name"), ORGS)
def test_organization(facts_of, text: str, name: str) -> None:
    assert [f.text for f in facts_of(text, "organization")] == [name]


def test_several_organisations_in_a_list(facts_of) -> None:
    text = "定期由仁和医院、区卫健委、市疾控中心提供义诊。"
    assert [f.text for f in facts_of(text, "organization")] == [
        "仁和医院",
        "区卫健委",
        "市疾控中心",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "联系热力公司、物业公司等相关部门。",
        "该公司表示同意。",
        "他到医院就诊。",
        "社区民警进入学校宣传。",
        "社区党支部召开会议。",
        "在便民服务中心办理。",
        "坚持以人民为中心。",
        "胸中有大局。",
        "要开新局。",
        "银行卡密码忘了。",
        "大学生志愿者。",
        "学院路社区居民",
        "建设国家中心城市。",
        "党员中心户。",
        "社区举办活动。",
        "信访代办员。",
        "到银行办理业务。",
        "成立了老年人日间照料中心。",
        "人民医院家属院。",
        "充分利用物业公司的专业背景",
    ],
)
def test_not_organization(facts_of, text: str) -> None:
    assert facts_of(text, "organization") == []
