"""People found by the second round of rules: speakers before a colon, names jieba glued a
function character onto, transliterated names listed together, names in Latin letters, and
sport and culture titles. Every name here is invented."""

from __future__ import annotations

import pytest


def people(facts_of, text: str) -> list[str]:
    return [f.text for f in facts_of(text, "person")]


# --- a speaker's colon ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Interview transcripts: the name may be cut into dictionary words (金石 + 明).
        ("金石明:我倒觉得这场比赛并不好踢。", ["金石明"]),
        ("记者:您怎么看?\n罗文山:市场还会调整。", ["罗文山"]),
        ("主持人问了第一个问题。林向东:这是我早年的作品。", ["林向东"]),
    ],
)
def test_speaker_before_a_colon(facts_of, text: str, expected: list[str]) -> None:
    assert people(facts_of, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "地址:人民路12号。",  # no surname in front
        "高温:明天最高气温38度。",  # an everyday word
        "时间:下午三点。",
        "他说的话很清楚:明天开会。",  # not at the start of a sentence
    ],
)
def test_no_speaker_before_other_colons(facts_of, text: str) -> None:
    assert people(facts_of, text) == []


# --- a function character glued to a name ------------------------------------------------------


def test_name_after_a_glued_conjunction(facts_of) -> None:
    # jieba cuts 但柏静 as one unknown word; the name is what follows 但.
    text = "价格仍在上扬。但柏静表示,下半年会有回落。"
    assert people(facts_of, text) == ["柏静"]


def test_glued_conjunction_without_a_name(facts_of) -> None:
    assert people(facts_of, "但是他们表示,明年还会再来。") == []


# --- transliterated names and Latin-letter names ------------------------------------------------


def test_transliterated_names_listed_together_on_a_sports_page(facts_of) -> None:
    text = "本赛季锋线上的卡萨托、贝鲁诺和德尔维奥,都已伤愈。"
    assert people(facts_of, text) == ["卡萨托", "贝鲁诺", "德尔维奥"]


def test_listed_towns_in_other_news_are_no_people(facts_of) -> None:
    # The same shape in disaster news: towns, not people.
    assert people(facts_of, "马那瓜、马萨亚,莱昂等该国多个城市有震感。") == []


def test_listed_countries_are_no_people(facts_of) -> None:
    assert people(facts_of, "美国、英国和法国的代表出席了会议。") == []


def test_listed_clubs_are_no_people(facts_of) -> None:
    assert people(facts_of, "曼联、阿森纳和切尔西都在争夺这名球员。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brody表示自己会参加下个月的比赛。", ["Brody"]),
        ("赛后Moonlight说,对手的发挥很出色。", ["Moonlight"]),
    ],
)
def test_latin_name_with_a_verb(facts_of, text: str, expected: list[str]) -> None:
    assert people(facts_of, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "EA表示将推出新作。",  # all capitals: an acronym, usually a body
        "这款游戏在PC上运行流畅。",
        "Windows系统更新后,电脑运行变慢了。",  # no verb of a person
        "who说了算?",  # not capitalised
    ],
)
def test_latin_words_that_are_no_names(facts_of, text: str) -> None:
    assert people(facts_of, text) == []


# --- sport and culture titles -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("巴西国脚埃兰多已经伤愈。", ["埃兰多"]),
        ("该队核心人物是后腰加尔戈诺。", ["加尔戈诺"]),
        ("好莱坞影星米兰达来华宣传新片。", ["米兰达"]),
    ],
)
def test_sport_and_culture_titles(facts_of, text: str, expected: list[str]) -> None:
    assert people(facts_of, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("韩国选手Moonlight在决赛中发挥出色。", ["Moonlight"]),
        ("球队主教练Hiddink对比赛结果很满意。", ["Hiddink"]),
    ],
)
def test_latin_name_after_a_post(facts_of, text: str, expected: list[str]) -> None:
    assert people(facts_of, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "CrypticStudios表示新作将在明年发售。",  # a studio, not a person
        "游戏公司BlueGames宣布裁员。",
        "球队主教练WCG的安排是临时的。",  # all capitals after a post
    ],
)
def test_latin_company_names_are_no_people(facts_of, text: str) -> None:
    assert people(facts_of, text) == []


def test_surname_with_a_foreign_sounding_given_name_after_a_post(facts_of) -> None:
    assert people(facts_of, "总裁许洛德表示,今年业绩增长。") == ["许洛德"]
