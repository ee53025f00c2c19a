"""Leagues and clubs (`viewer.facts.clubs`), well-known bodies inside longer names, and left
edges that must not take in a word before a known body. Every local name here is invented."""

from __future__ import annotations

import pytest


def orgs(facts_of, text: str) -> list[str]:
    return [f.text for f in facts_of(text, "organization")]


def people(facts_of, text: str) -> list[str]:
    return [f.text for f in facts_of(text, "person")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本赛季英超争冠形势扑朔迷离。", ["英超"]),
        ("意甲第10轮焦点战周末打响。", ["意甲"]),
        ("中超联赛新赛季将于3月开幕,各队积极备战。", ["中超"]),
        ("他们上赛季闯入了欧冠八强。", ["欧冠"]),
    ],
)
def test_leagues_are_bodies(facts_of, text: str, expected: list[str]) -> None:
    assert orgs(facts_of, text) == expected


def test_clubs_without_a_town_name_anywhere(facts_of) -> None:
    # No score and no match word: 曼联 and 阿森纳 are clubs all the same.
    text = "据英国媒体消息,曼联和阿森纳都看中了这名年轻人。"
    assert orgs(facts_of, text) == ["曼联", "阿森纳"]


def test_a_club_is_no_person(facts_of) -> None:
    text = "阿森纳表示将在冬季转会窗口引援。"
    assert orgs(facts_of, text) == ["阿森纳"]
    assert people(facts_of, text) == []


def test_town_clubs_on_a_sports_page(facts_of) -> None:
    text = "周日的比赛中,罗马主场迎战热那亚,球队急需一场胜利。"
    assert orgs(facts_of, text) == ["罗马", "热那亚"]


def test_town_club_keeps_its_team_word(facts_of) -> None:
    text = "上轮联赛中,利物浦队客场战平对手。"
    assert orgs(facts_of, text) == ["利物浦队"]


@pytest.mark.parametrize(
    "text",
    [
        "暑假里她和家人去罗马旅游,参观了许多古迹。",
        "这批货物从利物浦港装船,下月运抵上海。",
        "他在米兰学习服装设计已经三年。",
        # A sports page, but a town word follows: the town itself.
        "比赛结束后,球迷们陆续返回利物浦市区。",
    ],
)
def test_towns_off_the_sports_page_are_no_clubs(facts_of, text: str) -> None:
    assert orgs(facts_of, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb or a noun before a well-known bank is not part of its name.
        ("这家公司去年投资兴业银行的理财产品。", ["兴业银行"]),
        ("上述邮储银行网点将延长营业时间。", ["邮储银行"]),
        # A place in front still belongs to it.
        ("中国工商银行发布了年报。", ["中国工商银行"]),
    ],
)
def test_known_body_at_the_end_of_a_name(facts_of, text: str, expected: list[str]) -> None:
    assert orgs(facts_of, text) == expected


def test_caption_word_is_no_part_of_a_name(facts_of) -> None:
    text = "图为青禾建筑设计有限公司的新办公楼。"
    assert orgs(facts_of, text) == ["青禾建筑设计有限公司"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新闻出版总署近日下发通知。", ["新闻出版总署"]),
        ("深发展和浦发的信用卡业务增长较快。", ["深发展", "浦发"]),
    ],
)
def test_more_bodies_by_their_short_names(facts_of, text: str, expected: list[str]) -> None:
    assert orgs(facts_of, text) == expected


def test_short_bank_names_listed_with_other_banks(facts_of) -> None:
    text = "招行、民生、中行等银行已上调利率。"
    assert orgs(facts_of, text) == ["招行", "民生", "中行"]


@pytest.mark.parametrize(
    "text",
    [
        "各级政府要关注民生,办好实事。",
        "这件事光大了门楣。",  # no list, no body beside it
        "民生、教育和医疗是今年的重点。",  # a list, but of no bodies
    ],
)
def test_short_bank_names_alone_are_everyday_words(facts_of, text: str) -> None:
    assert orgs(facts_of, text) == []


def test_fields_listed_after_a_department_are_no_banks(facts_of) -> None:
    text = "区住建局、交通、水利等部门联合开展检查。"
    assert orgs(facts_of, text) == ["区住建局"]
