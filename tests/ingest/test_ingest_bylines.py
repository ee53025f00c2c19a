"""Bylines in the forms local papers print them, and text that only looks like one."""

from __future__ import annotations

import pytest

from viewer.ingest.bylines import (
    is_end_note,
    parse_byline,
    parse_credit_line,
    split_dateline,
    split_trailing_byline,
)
from viewer.model import Credit


@pytest.mark.parametrize(
    ("printed", "credits"),
    [
        (
            "记者 李晓霞 巩义时报 孙淑霞 文/图",
            [Credit("李晓霞", "记者"), Credit("孙淑霞", "巩义时报")],
        ),
        (
            "(记者 蔡肇娥 通讯员 吴勤勤 时阳)",
            [Credit("蔡肇娥", "记者"), Credit("吴勤勤", "通讯员"), Credit("时阳", "通讯员")],
        ),
        ("(李 莉)", [Credit("李莉", "")]),
        ("(曹蓉 彭晓)", [Credit("曹蓉", ""), Credit("彭晓", "")]),
        ("（王鹤婷）", [Credit("王鹤婷", "")]),
        ("(本报通讯员)", []),
        ("本报通讯员撰", []),
        ("雷 洁摄", [Credit("雷洁", "摄影")]),
        ("（记者　郑　明　通讯员　程晓燕）", [Credit("郑明", "记者"), Credit("程晓燕", "通讯员")]),
        (
            "本报记者 欧阳文清 见习记者 韩露",
            [Credit("欧阳文清", "本报记者"), Credit("韩露", "见习记者")],
        ),
        ("记者周明远", [Credit("周明远", "记者")]),
        ("（魏宏伟　文／图）", [Credit("魏宏伟", "文/图")]),
        ("记者 秦 岭 摄", [Credit("秦岭", "记者")]),
        ("(记者 买买提·艾力)", [Credit("买买提·艾力", "记者")]),
        ("东林广播电视台 记者 贺小雨", [Credit("贺小雨", "记者")]),
        ("(记者 尹晓东、樊莉)", [Credit("尹晓东", "记者"), Credit("樊莉", "记者")]),
    ],
)
def test_byline_forms(printed, credits):
    byline = parse_byline(printed)
    assert byline is not None
    assert byline.text == printed
    assert list(byline.credits) == credits


def test_photo_bylines_are_flagged():
    assert parse_byline("雷 洁摄").photo
    assert parse_byline("记者 秦 岭 摄").photo
    assert not parse_byline("记者 李晓霞 文/图").photo


@pytest.mark.parametrize(
    "text",
    [
        "(2020年)",
        "(亚星盛世小区对面)",
        "（“我们一定把事办好”）",
        "(试行)",
        "(上)",
        "(完)",
        "(待续)",
        "红色政通",
        "招租",
        "党群服务中心",
        "记者看到",
        "记者手记",
        "曹蓉 彭晓",  # bare names without brackets, role or suffix
        "我为家乡摄",
        "(记者 12345)",
        "",
        "()",
    ],
)
def test_not_bylines(text):
    assert parse_byline(text) is None


@pytest.mark.parametrize(
    ("paragraph", "body", "byline"),
    [
        (
            "加快了建设幸福家园的步伐。记者 甲乙丙 某某融媒记者 丁戊 文/图",
            "加快了建设幸福家园的步伐。",
            "记者 甲乙丙 某某融媒记者 丁戊 文/图",
        ),
        ("让社区治理和服务更高效。” (赵 璐)", "让社区治理和服务更高效。”", "(赵 璐)"),
        (
            "为老人办理了业务。(记者 孙畅 通讯员 赵爽)",
            "为老人办理了业务。",
            "(记者 孙畅 通讯员 赵爽)",
        ),
        ("服务青少年４００余人次。（汤　静）", "服务青少年４００余人次。", "（汤　静）"),
        ("近日发生了一起火灾(记者 安琪)", "近日发生了一起火灾", "(记者 安琪)"),
    ],
)
def test_trailing_bylines_are_split_off(paragraph, body, byline):
    head, found = split_trailing_byline(paragraph)
    assert head == body
    assert found is not None and found.text == byline


@pytest.mark.parametrize(
    "paragraph",
    [
        "现公开招租，欢迎咨询。联系人:王海超 电话:68115977 15838193617",
        "位于中心路9号院(某某小区对面)，独立四层商务楼",
        "社区成立于2018年。(2020年)",
        "他说：“这是好事。”（“我们一定办好”）",
        "本文件自发布之日起施行。(试行)",
        "记者看到工作人员正在为",
        "工作中采访了张三(记者)",  # a bare role, no full stop: part of the sentence
        "",
    ],
)
def test_parenthesised_text_that_is_not_a_byline_stays(paragraph):
    assert split_trailing_byline(paragraph) == (paragraph, None)


def test_dateline_is_taken_off_the_paragraph():
    assert split_dateline("本报讯 6月24日,某村党支部组织党员") == (
        ["本报讯"],
        [],
        "6月24日,某村党支部组织党员",
    )
    parts, credits, rest = split_dateline("本报讯（记者 张宁）近日，社区开展活动。")
    assert parts == ["本报讯", "（记者 张宁）"]
    assert credits == [Credit("张宁", "记者")]
    assert rest == "近日，社区开展活动。"
    assert split_dateline("本报3月5日讯　全区开展植树活动")[0] == ["本报3月5日讯"]
    assert split_dateline("本报社长到社区调研") is None


@pytest.mark.parametrize(
    ("paragraph", "parts", "credits", "rest"),
    [
        (
            "新华社北京１月５日电（记者 严小川）受冷空气影响，北方多地迎来降雪。",
            ["新华社北京１月５日电", "（记者 严小川）"],
            [Credit("严小川", "记者")],
            "受冷空气影响，北方多地迎来降雪。",
        ),
        (
            "本报北京１月１日讯　新年第一天，各地举办迎新活动。",
            ["本报北京１月１日讯"],
            [],
            "新年第一天，各地举办迎新活动。",
        ),
        (
            "中新网7月24日电(记者 林小雨 通讯员 韩江)24日凌晨，某地发生一起交通事故。",
            ["中新网7月24日电", "(记者 林小雨 通讯员 韩江)"],
            [Credit("林小雨", "记者"), Credit("韩江", "通讯员")],
            "24日凌晨，某地发生一起交通事故。",
        ),
        (
            "（记者 乔木）近日，东湖社区开展义诊活动。",
            ["（记者 乔木）"],
            [Credit("乔木", "记者")],
            "近日，东湖社区开展义诊活动。",
        ),
        (
            "晨报讯　记者 甲乙丙　丁戊　昨日，新的公交线路开通。",
            ["晨报讯", "记者 甲乙丙　丁戊"],
            [Credit("甲乙丙", "记者"), Credit("丁戊", "记者")],
            "昨日，新的公交线路开通。",
        ),
    ],
)
def test_datelines_of_agencies_and_papers(paragraph, parts, credits, rest):
    assert split_dateline(paragraph) == (parts, credits, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "据新华社报道，多地迎来降雪。",  # an attribution inside a sentence
        "7月23日下午，在东湖公园发生一起落水事件。",  # when it happened, not a dateline
        "记者看到，工作人员正在清理路面。",
    ],
)
def test_sentences_that_are_not_datelines(paragraph):
    assert split_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("printed", "credits", "photo"),
    [
        ("文／柏青", [Credit("柏青", "文")], False),
        ("图/张小山 李海", [Credit("张小山", "摄影"), Credit("李海", "摄影")], True),
        ("卡马乔 摄", [Credit("卡马乔", "摄影")], True),  # a rare name set apart from 摄
        ("读者　郑宏", [Credit("郑宏", "读者")], False),
    ],
)
def test_more_byline_forms(printed, credits, photo):
    byline = parse_byline(printed)
    assert byline is not None
    assert (list(byline.credits), byline.photo) == (credits, photo)


def test_picture_credit_lines():
    credit = parse_credit_line("图片：新华社")
    assert credit is not None and credit.photo and credit.credits == ()
    person = parse_credit_line("摄影：黄立")
    assert person is not None and person.credits == (Credit("黄立", "摄影"),)
    assert parse_credit_line("图为候鸟在湿地觅食。") is None
    assert parse_credit_line("图片新闻") is None


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("（完）", True),
        ("（作者为东湖大学教授）", True),
        ("（参考消息网）", True),
        ("来源：东湖晚报", True),
        ("作者：刘一　（来源：东湖晚报）", True),
        ("（待续）", True),
        ("（责任编辑：马原）", True),
        ("（资料图）", False),
        ("（上）", False),
        ("（一）强化宣传引导", False),
        ("（这是一个很长很长的括号里的句子，远远超过了一条注释应有的长度，所以它不算注释）", False),
        ("社区开展义诊活动", False),
    ],
)
def test_end_notes(line, note):
    assert is_end_note(line) is note
