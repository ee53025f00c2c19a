"""The search box language: what parse_query makes of well-formed and malformed input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.search import ParsedQuery, QueryError, parse_query
from viewer.search.query import And, Literal, Not, Or


def lit(text: str, quoted: bool = False) -> Literal:
    return Literal(text, quoted)


def test_whitespace_means_and():
    q = parse_query("社区  义诊")
    assert q.tree == And((lit("社区"), lit("义诊")))
    assert q.literals == ["社区", "义诊"]


@pytest.mark.parametrize("op_and", ["AND", "与", "&&"])
@pytest.mark.parametrize("op_or", ["OR", "或", "||"])
def test_operators_in_both_languages(op_and, op_or):
    q = parse_query(f"甲 {op_and} 乙 {op_or} 丙")
    assert q.tree == Or((And((lit("甲"), lit("乙"))), lit("丙")))


@pytest.mark.parametrize("text", ["社区 NOT 居民", "社区 非 居民", "社区 -居民"])
def test_negation(text):
    q = parse_query(text)
    assert q.tree == And((lit("社区"), Not(lit("居民"))))
    assert q.literals == ["社区"]  # negated words are not highlighted


def test_lower_case_or_is_a_word():
    assert parse_query("rock or roll").tree == And((lit("rock"), lit("or"), lit("roll")))


def test_parentheses_group_and_full_width_ones_too():
    expected = And((Or((lit("禁毒"), lit("消防"))), lit("社区")))
    assert parse_query("(禁毒 OR 消防) 社区").tree == expected
    assert parse_query("（禁毒 或 消防）社区").tree == expected


def test_quoted_phrases_ascii_and_chinese():
    assert parse_query('"为民 服务"').tree == lit("为民 服务", True)
    assert parse_query("“邻里守望” 活动").tree == And((lit("邻里守望", True), lit("活动")))
    assert parse_query("「两委」").tree == lit("两委", True)
    # highlighting gets the pieces, since each piece is found on its own
    assert parse_query('"为民 服务"').literals == ["为民", "服务"]


def test_quotes_inside_a_word_are_text():
    q = parse_query("社区“两委”干部")
    assert q.tree == lit("社区“两委”干部")


def test_negated_phrase_and_group():
    assert parse_query('社区 -"两委"').tree == And((lit("社区"), Not(lit("两委", True))))
    q = parse_query("社区 -(禁毒 OR 消防)")
    assert q.tree == And((lit("社区"), Not(Or((lit("禁毒"), lit("消防"))))))


def test_filters_are_pulled_out():
    q = parse_query("义诊 place:青枫社区 地点:南湾社区 kind:brief 类型:专栏 date:2020..2021")
    assert q.tree == lit("义诊")
    assert q.places == ["青枫社区", "南湾社区"]
    assert q.kinds == ["brief", "column"]
    assert (q.date_from, q.date_to) == ("2020-01-01", "2021-12-31")


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("from:2020", ("2020-01-01", None)),
        ("to:2020-02", (None, "2020-02-29")),
        ("date:2021-02", ("2021-02-01", "2021-02-28")),
        ("date:2020-10-15", ("2020-10-15", "2020-10-15")),
        ("日期:2020年10月", ("2020-10-01", "2020-10-31")),
        ("日期:2020年10月15日", ("2020-10-15", "2020-10-15")),
        ("date:2020/3/5..2020.04", ("2020-03-05", "2020-04-30")),
        ("date:2019..", ("2019-01-01", None)),
        ("date:..2019", (None, "2019-12-31")),
        ("date:20201015", ("2020-10-15", "2020-10-15")),
        ("from:2019 to:2021 date:2020", ("2020-01-01", "2020-12-31")),
    ],
)
def test_date_filters(text, bounds):
    q = parse_query(f"社区 {text}")
    assert (q.date_from, q.date_to) == bounds


def test_author_filters_in_both_languages():
    q = parse_query('图书馆 author:屈晓岚 作者：籍海舟 作者:"何 静" AUTHOR:ＡＢ')
    assert q.tree == lit("图书馆")
    assert q.authors == ["屈晓岚", "籍海舟", "何静", "ab"]
    assert q.has_filters
    assert parse_query("作者:屈晓岚").tree is None


def test_tag_note_and_bookmark_filters_in_both_languages():
    q = parse_query(
        '社区 tag:防疫 标签："老旧 小区" TAG:ＣＯＶＩＤ note:待核实 笔记:Ａb is:bookmarked'
    )
    assert q.tree == lit("社区") and q.literals == ["社区"]  # the filters are not highlighted
    assert q.tags == ["防疫", "老旧 小区", "COVID"]  # as typed (width folded): compared folded
    assert q.notes == ["待核实", "ab"]
    assert q.bookmarked and q.has_filters and q.has_story_filters
    only = parse_query("标签:防疫")  # a search of one tag alone: filters only
    assert only.tree is None and only.tags == ["防疫"] and only.has_filters
    assert parse_query("是:书签").bookmarked and parse_query("is:书签").bookmarked
    plain = parse_query("社区 place:新埭镇")
    assert not (plain.has_story_filters or plain.tags or plain.notes or plain.bookmarked)


def test_quoted_filter_value_and_full_width_colon():
    assert parse_query('place:"东岭 村" 大棚').places == ["东岭 村"]
    assert parse_query("地点：“东岭村”").places == ["东岭村"]
    q = parse_query("地点：新埭镇 大棚")
    assert q.places == ["新埭镇"]
    assert q.tree == lit("大棚")


def test_unknown_key_is_a_literal():
    assert parse_query("abc:def").tree == lit("abc:def")
    assert parse_query("10:30").tree == lit("10:30")
    assert parse_query("http://example.com").tree == lit("http://example.com")


def test_filter_only_query_has_no_tree():
    q = parse_query("place:新埭镇")
    assert q.tree is None
    assert q.literals == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("社区 OR", lit("社区")),
        ("OR 社区", lit("社区")),
        ("社区 AND OR 义诊", Or((lit("社区"), lit("义诊")))),
        ("社区 NOT", lit("社区")),
        ("(社区 义诊", And((lit("社区"), lit("义诊")))),
        ("社区) 义诊", And((lit("社区"), lit("义诊")))),
        ('"社区 义诊', lit("社区 义诊", True)),
        ("社区 - 义诊", And((lit("社区"), lit("义诊")))),
        ("NOT NOT 社区", lit("社区")),
        ('"" 社区', lit("社区")),
    ],
)
def test_malformed_input_is_read_the_obvious_way(text, expected):
    assert parse_query(text).tree == expected


@pytest.mark.parametrize(
    ("text", "message_part"),
    [
        ("", "请输入"),
        ("   ", "请输入"),
        ("()", "请输入"),
        ("NOT 社区", "排除"),
        ("-社区 -居民", "排除"),
        ("place:", "地名"),
        ("地点: 社区", "地名"),
        ("kind:novel", "类型"),
        ("date:2020-13", "没有这一天"),
        ("date:2020-02-30", "没有这一天"),
        ("date:yesterday", "日期"),
        ("date:..", "日期"),
        ("from:2021 to:2020", "晚于"),
        ("社区 NOT place:新埭镇", "不能排除"),
        ("社区 -author:屈晓岚", "不能排除"),
        ("社区 -tag:防疫", "标签、笔记、书签条件不能排除"),
        ("NOT note:核实", "标签、笔记、书签条件不能排除"),
        ("tag:", "标签"),
        ("笔记:", "笔记"),
        ("is:", "bookmarked"),
        ("is:read", "没有“read”这种条件"),
        ("作者:", "人名"),
        ("(" * 100 + "社区", "括号"),
        ("社区" * 600, "太长"),
    ],
)
def test_query_errors_say_what_is_wrong(text, message_part):
    with pytest.raises(QueryError) as caught:
        parse_query(text)
    assert message_part in str(caught.value)


def test_negation_next_to_a_filter_is_allowed():
    q = parse_query("-居民 place:新埭镇")
    assert q.tree == Not(lit("居民"))
    assert q.places == ["新埭镇"]


@given(st.text(max_size=60))
def test_any_text_parses_or_raises_query_error(text):
    try:
        q = parse_query(text)
    except QueryError as error:
        assert str(error)
        return
    assert isinstance(q, ParsedQuery)
    assert q.tree is not None or q.places or q.kinds or q.date_from or q.date_to
