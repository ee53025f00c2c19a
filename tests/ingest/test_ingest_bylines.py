"""Bylines in the forms local papers print them, and text that only looks like one."""

from __future__ import annotations

import pytest

from viewer.ingest.bylines import parse_byline, split_dateline, split_trailing_byline
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
