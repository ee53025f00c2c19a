"""Hostile input to `Archive.search`: whatever text and arguments a user, a script or a pasted
page hands it, the only exception it may raise is QueryError (which the window and the command
line show as a message). Fuzzed against the seed archive, built once per session."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.search import QueryError
from viewer.search.options import MAX_LIMIT

# Pieces of the query language and of hostile pages, mixed with arbitrary text below.
SYNTAX = [
    "社区",
    "经济",
    "居民",
    "义诊",
    "的",
    "place:",
    "place:青州市",
    "地点:",
    "kind:",
    "kind:brief",
    "类型:简讯",
    "from:",
    "from:2020",
    "to:2021-06",
    "date:2020..2021",
    "date:..",
    "日期:2020年10月",
    "date:2021-02-30",
    "date:0000",
    "from:99999",
    '"',
    "“",
    "”",
    "(",
    ")",
    "（",
    "OR",
    "AND",
    "NOT",
    "或",
    "-",
    "--",
    "**",
    "*",
    "\\",
    ":",
    "<img src=file:///etc/hostname>",
    "<b>x</b>",
    "\u202e",
    "\u2066",
    "\u200f",
    "\x00",
    "\ud800",  # a lone surrogate: what non-UTF-8 bytes on a command line decode to
    "\U00020000",
    "\ufeff",
    "\t",
    "\n",
]
ANY_CHAR = st.characters(blacklist_categories=())  # surrogates and control characters included
QUERY = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(ANY_CHAR, max_size=6)), max_size=12).map(
        lambda parts: " ".join(parts)
    ),
    st.lists(st.sampled_from(SYNTAX), max_size=12).map("".join),
)
DATE = st.one_of(
    st.none(),
    st.sampled_from(["2020", "2020-03", "2020-03-05", "2020年3月", "20200305", "2021/02/30"]),
    st.sampled_from(["", " ", "abc", "2020-13", "0000", "-1", "9999-12-31", "2020..2021"]),
    st.text(ANY_CHAR, max_size=12),
    st.integers(-10, 10_000),
)
LIMIT = st.one_of(
    st.integers(-5, 60),
    st.sampled_from([0, 1, MAX_LIMIT, MAX_LIMIT + 1, 10**18, -(10**18)]),
    st.sampled_from([None, True, 2.5, "10", ""]),
)
KIND = st.one_of(
    st.none(),
    st.sampled_from(["article", "brief", "BRIEF", "简讯", "", "社论", "ad ", "<b>"]),
    st.text(ANY_CHAR, max_size=8),
)
PLACE = st.one_of(
    st.none(),
    st.sampled_from(["青州市", "贵州", "社区", "", " ", "%", "_", "'", '"', "\x00", "\ud800"]),
    st.text(ANY_CHAR, max_size=10),
)
FUZZ = settings(
    max_examples=700,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(text=QUERY)
def test_hostile_query_text_raises_only_query_error(seeded, text):
    try:
        results = seeded.search(text, limit=5)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert len(results) <= 5


@FUZZ
@given(text=QUERY, date_from=DATE, date_to=DATE, limit=LIMIT, kind=KIND, place=PLACE)
def test_hostile_search_arguments_raise_only_query_error(
    seeded, text, date_from, date_to, limit, kind, place
):
    try:
        results = seeded.search(
            text, place=place, date_from=date_from, date_to=date_to, kind=kind, limit=limit
        )
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
        return
    if limit is not None:  # None: every hit
        assert isinstance(limit, int) and 1 <= limit <= MAX_LIMIT
        assert len(results) <= limit


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"limit": 0}, "结果数应为 1 到 100000 之间的整数，不能是“0”"),
        ({"limit": -3}, "结果数应为 1 到 100000 之间的整数，不能是“-3”"),
        ({"limit": 10**9}, "结果数应为 1 到 100000 之间的整数，不能是“1000000000”"),
        ({"date_from": "2020-13"}, "没有这一天：“2020-13”"),
        ({"date_to": "去年"}, "看不懂日期“去年”：日期应写成 2020、2020-10 或 2020-10-15"),
        (
            {"date_from": "2021", "date_to": "2020"},
            "日期范围不对：开始 2021-01-01 晚于结束 2020-12-31",
        ),
        ({"kind": "社论"}, "没有“社论”这种类型"),
    ],
    ids=["limit-0", "limit-negative", "limit-huge", "month-13", "words", "from-after-to", "kind"],
)
def test_bad_search_arguments_say_why(seeded, options, message):
    with pytest.raises(QueryError) as caught:
        seeded.search("社区", **options)
    assert str(caught.value).startswith(message)


def test_dates_are_read_as_typed(seeded):
    """`from=2020` means from 2020-01-01 and `to=2020` up to 2020-12-31, as in the query box."""
    for date_from, date_to in (("2021", "2021"), ("2021-07", "2021-07"), ("2021-07-02", None)):
        options = {"date_from": date_from, "date_to": date_to}
        as_typed = seeded.search("社区", limit=200, **options)
        in_query = seeded.search(
            f"社区 from:{date_from}" + (f" to:{date_to}" if date_to else ""), limit=200
        )
        assert as_typed and [r["id"] for r in as_typed] == [r["id"] for r in in_query]
        # (undated stories that mention a year of the range count as in it)
        assert all(not r["date"] or r["date"].startswith(date_from[:4]) for r in as_typed)
