"""People: role + name, speech verbs, bylines, anonymised names, credits, false names."""

from __future__ import annotations

import pytest

from viewer.model import Credit

ROLE_NAMES = [
    ("村党支部书记韩立群介绍,", "韩立群", "村党支部书记"),
    ("社区党委书记、居委会主任欧阳晓峰说,", "欧阳晓峰", "社区党委书记、居委会主任"),
    ("网格员邵文涛在走访时发现", "邵文涛", "网格员"),
    ("志愿者蒋红梅每天都来。", "蒋红梅", "志愿者"),
    ("联系人:钱卫国 电话", "钱卫国", "联系人"),
    ("居民鲁建华激动地说", "鲁建华", "居民"),
    ("社区工作人员杜明得知情况后", "杜明", "社区工作人员"),
    ("高级教官傅强为大家讲课", "傅强", "高级教官"),
    ("村民赵某被骗", "赵某", "村民"),
    ("支部委员冯晓燕。", "冯晓燕", "支部委员"),
]


@pytest.mark.parametrize(("text", "name", "label"), ROLE_NAMES)
def test_role_and_name(facts_of, text: str, name: str, label: str) -> None:
    found = facts_of(text, "person")
    assert [(f.text, f.norm, f.label) for f in found] == [(name, name, label)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("谭志刚说:“好。”", "谭志刚"),
        ("会上,刘静表示同意。", "刘静"),
        ("韩梅介绍说,", "韩梅"),
        ("对此,嫌疑人钱某某交代", "钱某某"),
        ("承包商孙某将工资挪用。", "孙某"),
    ],
)
def test_name_before_speech_verb_or_anonymised(facts_of, text: str, name: str) -> None:
    assert [f.norm for f in facts_of(text, "person")] == [name]


def test_known_name_is_found_everywhere_with_its_first_role(facts_of) -> None:
    text = "村党支部书记韩立群介绍了情况。韩立群带领大家清扫。最后,韩立群说:“干得好。”"
    found = facts_of(text, "person")
    assert [f.start for f in found] == [6, 15, 28]
    assert all(text[f.start : f.end] == "韩立群" for f in found)
    assert {(f.norm, f.label) for f in found} == {("韩立群", "村党支部书记")}


def test_bylines_in_the_body(facts_of) -> None:
    text = "活动圆满结束。\n(记者 魏晓东 通讯员 秦 岭)\n另讯。\n(冉 静)\n记者 魏晓东 实习生 丁一凡"
    found = facts_of(text, "person")
    assert [(f.text, f.norm, f.label) for f in found] == [
        ("魏晓东", "魏晓东", "记者"),
        ("秦 岭", "秦岭", "通讯员"),
        ("冉 静", "冉静", ""),
        ("魏晓东", "魏晓东", "记者"),
        ("丁一凡", "丁一凡", "实习生"),
    ]


def test_credits(facts_of) -> None:
    credits = [Credit("周晓明", "记者"), Credit("郑卫东", "通讯员")]
    text = "周晓明在现场看到,居民很满意。"
    found = facts_of(text, "person", credits=credits)
    assert [(f.text, f.start, f.label, f.norm) for f in found] == [
        ("周晓明", 0, "记者", "周晓明"),
        ("郑卫东", None, "通讯员", "郑卫东"),
    ]
    assert found[-1].end is None


def test_credit_listed_twice_is_returned_once(facts_of) -> None:
    credits = [Credit("郑卫东", "通讯员"), Credit("郑卫东", "摄影")]
    found = facts_of("无关的文字。", "person", credits=credits)
    assert [(f.norm, f.label) for f in found] == [("郑卫东", "通讯员")]


@pytest.mark.parametrize(
    "text",
    [
        "社区主任说,明天开会。",
        "居民们纷纷表示支持。",
        "工作人员马上上报。",
        "书记处的同志",
        "居民李大爷的话",
        "张先生高兴地说道",
        "居民小陈住在这里",
        "搭建居民连心桥。",
        "社区工作人员第一时间赶到。",
        "社区党总支副书记任业委会委员。",
        "提高居民文明素质。",
        "方面表示,将尽快解决。",
        "他的孙子说",
        "工作人员向他们解释",
        "对于某些问题",
    ],
)
def test_no_false_names(facts_of, text: str) -> None:
    assert facts_of(text, "person") == []


def test_role_is_a_label_not_an_organisation(facts_of) -> None:
    found = facts_of("青松社区党支部书记韩立群说", None)
    assert [(f.kind, f.text) for f in found] == [("person", "韩立群")]


def test_credit_written_in_full_width_letters_is_found(facts_of) -> None:
    found = facts_of("采访对象ＡＮＮＡ说,很好。", "person", credits=[Credit("ＡＮＮＡ", "记者")])
    assert [(f.text, f.start, f.norm) for f in found] == [("ＡＮＮＡ", 4, "ＡＮＮＡ")]


def test_a_name_the_story_keeps_repeating(facts_of) -> None:
    text = "今年52岁的葛振海是退伍军人。葛振海每天早起。邻居们都夸葛振海热心。"
    assert [f.start for f in facts_of(text, "person")] == [6, 15, 28]


@pytest.mark.parametrize(
    "text",
    [
        "开展检查工作。做好检查工作。完成检查工作。",
        "黄河路很宽。黄河路很长。黄河路很美。",
        "刘庄村有水。刘庄村有路。刘庄村有树。",
    ],
)
def test_repetition_alone_needs_a_real_name_three_times(facts_of, text: str) -> None:
    assert facts_of(text, "person") == []


def test_a_name_that_looks_like_one_needs_no_repetition(facts_of) -> None:
    # An unknown word with a surname and name-like characters, doing something, is a person
    # (this used to need three repetitions).
    assert [f.start for f in facts_of("葛振海来了。葛振海走了。", "person")] == [0, 6]


def test_bracketed_word_inside_a_sentence_is_not_a_byline(facts_of) -> None:
    assert facts_of("来自河东(周口)的客商参加了洽谈。", "person") == []
    assert [f.norm for f in facts_of("活动结束。(周 口)", "person")] == ["周口"]
