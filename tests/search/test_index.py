"""The index against a plain scan: exact-substring recall, ranking, boolean logic, filters."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from viewer import segmenter
from viewer.search import IndexDoc, ParsedQuery, QueryError, SearchIndex, parse_query
from viewer.search.query import Literal
from viewer.text import search_fold

SHARED = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def doc_texts(doc: IndexDoc) -> list[str]:
    return [doc.title, doc.kicker, doc.subtitle, doc.body]


def literal_query(text: str) -> ParsedQuery:
    return ParsedQuery(tree=Literal(text), literals=[text])


def ids(index: SearchIndex, query: ParsedQuery | str, **kwargs: object) -> set[int]:
    parsed = parse_query(query) if isinstance(query, str) else query
    return {hit.story_id for hit in index.search(parsed, limit=None, **kwargs)}


def ranked(index: SearchIndex, text: str) -> list[int]:
    return [hit.story_id for hit in index.search(parse_query(text), limit=None)]


def grep(corpus: list[IndexDoc], needle: str) -> set[int]:
    needle = search_fold(needle)
    return {d.story_id for d in corpus if any(needle in search_fold(t) for t in doc_texts(d))}


@SHARED
@given(data=st.data())
def test_every_substring_is_found_exactly_as_grep_would(index, corpus, data):
    doc = data.draw(st.sampled_from(corpus))
    text = data.draw(st.sampled_from([t for t in doc_texts(doc) if len(t) >= 2]))
    size = data.draw(st.integers(2, 6))
    start = data.draw(st.integers(0, max(0, len(text) - size)))
    needle = text[start : start + size]
    assume(len(needle) >= 2 and not any(c.isspace() for c in needle))
    assert ids(index, literal_query(needle)) == grep(corpus, needle)


@pytest.mark.parametrize(
    "needle",
    [
        "社区",
        "区党",
        "9000余人",
        "8.6%",
        "0371-64128800",
        "“两委”",
        "年,紫荆",
        ":“",
        "1+16+N+X",
        "……",
    ],
)
def test_substrings_across_words_digits_and_punctuation(index, corpus, needle):
    expected = grep(corpus, needle)
    assert expected, f"test data should contain {needle}"
    assert ids(index, literal_query(needle)) == expected


def test_single_characters_are_found_exactly_in_a_small_index(index, corpus):
    for char in "转霞%２亩":
        assert ids(index, literal_query(char)) == grep(corpus, char), char


def test_full_width_and_half_width_forms_meet(index):
    assert ids(index, "ＡＢＣ２０２０") == {902, 904}
    assert ids(index, "abc2020") == {902, 904}
    assert ids(index, "２４００户") == {901}
    assert ids(index, "2400户") == {901}


def test_quoted_phrase_with_chinese_quotes_inside_story_text(index, corpus):
    assert ids(index, "“邻里守望”") == grep(corpus, "邻里守望")
    # pasted with its quotes in the middle of a token: the quotes are part of the literal
    assert ids(index, "开展“邻里守望”志愿") == {901}


def test_title_beats_body_for_the_same_word(tmp_path, jieba_ready):
    filler = "居民们积极参与社区活动，现场气氛热烈。" * 4
    ix = SearchIndex.open(tmp_path / "ix")
    ix.add(
        [
            IndexDoc(1, "", "", "", filler + "这次义诊很受欢迎。", "article", "", [], [], "1"),
            IndexDoc(
                2, "社区义诊受欢迎", "", "", filler + "活动很受欢迎。", "article", "", [], [], "1"
            ),
        ]
    )
    ix.commit()
    assert [h.story_id for h in ix.search(parse_query("义诊"))] == [2, 1]
    ix.close()


def test_word_match_ranks_above_substring_match(tmp_path, jieba_ready):
    word_text = "他当年考上了大学，如今回乡创业。"
    inner_text = "一批大学生来到乡里创业，如今干劲十足。"
    assert "大学" in segmenter.cut(word_text)
    assert "大学" not in segmenter.cut(inner_text)  # 大学生 is one word
    ix = SearchIndex.open(tmp_path / "ix")
    ix.add(
        [
            IndexDoc(1, "", "", "", inner_text, "article", "", [], [], "1"),
            IndexDoc(2, "", "", "", word_text, "article", "", [], [], "1"),
        ]
    )
    ix.commit()
    assert [h.story_id for h in ix.search(parse_query("大学"))] == [2, 1]
    ix.close()


def test_matches_never_join_text_across_whitespace_or_skip_characters(tmp_path, jieba_ready):
    ix = SearchIndex.open(tmp_path / "ix")
    ix.add(
        [
            IndexDoc(1, "", "", "", "青枫 社区工作站", "article", "", [], [], ""),
            IndexDoc(2, "", "", "", "青枫社区X作站", "article", "", [], [], ""),
            IndexDoc(3, "", "", "", "青枫社区工作站", "article", "", [], [], ""),
        ]
    )
    ix.commit()
    for needle, expected in [
        ("青枫社区", {2, 3}),  # two bigrams two apart: one run only
        ("枫社区工", {3}),
        ("青枫社区工作", {3}),
        ("社区工作站", {1, 3}),
        ("枫社", {2, 3}),
    ]:
        assert {h.story_id for h in ix.search(literal_query(needle), limit=None)} == expected
    ix.close()


def test_boolean_operators(index, corpus):
    both = grep(corpus, "社区") & grep(corpus, "义诊")
    assert ids(index, "社区 义诊") == both
    assert ids(index, "社区 AND 义诊") == both
    assert ids(index, "社区 与 义诊") == both
    either = grep(corpus, "禁毒") | grep(corpus, "大棚")
    assert ids(index, "禁毒 OR 大棚") == either
    assert ids(index, "禁毒 或 大棚") == either
    without = grep(corpus, "社区") - grep(corpus, "居民")
    assert without
    assert ids(index, "社区 NOT 居民") == without
    assert ids(index, "社区 非 居民") == without
    assert ids(index, "社区 -居民") == without
    grouped = (grep(corpus, "禁毒") | grep(corpus, "义诊")) & grep(corpus, "社区")
    assert ids(index, "(禁毒 OR 义诊) 社区") == grouped
    assert ids(index, "（禁毒 或 义诊） 社区") == grouped


def test_negation_inside_or(index, corpus):
    everything = {d.story_id for d in corpus}
    expected = grep(corpus, "大棚") | (everything - grep(corpus, "社区"))
    assert ids(index, "大棚 OR (NOT 社区)") == expected


def test_phrase_with_spaces_needs_each_piece(index, corpus):
    expected = grep(corpus, "陈美玲") & grep(corpus, "义诊")
    assert ids(index, '"陈美玲 义诊"') == expected == {901}


def test_place_and_kind_filters(index, corpus):
    assert ids(index, "社区", place_names=["青枫社区"]) == {901}
    assert ids(index, "社区 place:青枫社区") == {901}
    assert ids(index, "社区 地点:南湾社区") == {904}
    # the caller's expanded list replaces the query's own name
    assert ids(index, "社区 place:钟埭街道", place_names=["钟埭街道", "青枫社区", "枫林社区"]) == {
        901,
        903,
    }
    briefs = {d.story_id for d in corpus if d.kind == "brief"}
    assert ids(index, "社区 kind:brief") == grep(corpus, "社区") & briefs
    assert ids(index, "社区 类型:简讯") == grep(corpus, "社区") & briefs
    assert ids(index, "社区", kinds=["column"]) == {904}
    assert ids(index, "社区", kinds=["专栏"]) == {904}


def test_story_ids_limit_the_hits_to_those_stories(corpus, tmp_path, jieba_ready):
    """The stories a tag:, note: or is: filter stands for, across segments, each once though a
    later commit replaced one (its old document deleted in the first segment)."""
    index = SearchIndex.open(tmp_path / "index")
    half = len(corpus) // 2
    index.add(corpus[:half])
    index.commit()
    index.add([*corpus[half:], corpus[0]])  # the first story replaced: its old document deleted
    index.commit()
    first, later = corpus[0].story_id, corpus[-1].story_id
    tagged = parse_query("tag:回访")
    assert ids(index, tagged, story_ids=[first, later, 999_999]) == {first, later}
    assert len(index.search(tagged, story_ids=[first, later])) == 2  # each found once
    assert ids(index, "社区", story_ids={first, later}) == grep(corpus, "社区") & {first, later}
    assert ids(index, tagged, story_ids=[]) == set()
    with pytest.raises(ValueError):  # tag:, note: and is: need the caller's story ids
        index.search(tagged)
    index.close()


def within(corpus: list[IndexDoc], lo: str, hi: str) -> set[int]:
    """Stories dated within [lo, hi], or undated and mentioning a year within it."""
    out = set()
    for d in corpus:
        if d.date:
            if lo <= d.date <= hi:
                out.add(d.story_id)
        elif any(int(lo[:4]) <= y <= int(hi[:4]) for y in d.years):
            out.add(d.story_id)
    return out


def test_date_filter_includes_undated_stories_by_year(index, corpus):
    def expected(lo: str, hi: str) -> set[int]:
        return within(corpus, lo, hi)

    in_2021 = ids(index, "date:2021")
    assert in_2021 == expected("2021-01-01", "2021-12-31") == {901, 902}
    assert 903 in ids(index, "社区 date:2018")  # undated, mentions 2018
    assert 904 not in ids(index, "社区 date:2000..2030")  # undated, no years
    assert ids(index, "社区 from:2021-04 to:2021") == set()
    community = grep(corpus, "社区")
    in_range = ids(index, "社区 日期:2019-07..2021-03-31")
    assert in_range == community & expected("2019-07-01", "2021-03-31")
    assert 901 in in_range
    assert 905 not in in_range  # 2019-07-01 is in range, but it does not mention 社区
    seed_range = ids(index, "from:2020-07-01 to:2020-08-15")
    assert seed_range == expected("2020-07-01", "2020-08-15")
    # the caller's dates intersect with the query's
    assert ids(index, "date:2019..2021", date_from="2021-05-01") == {902}
    assert ids(index, "date:2019", date_from="2021-01-01") == set()
    # open-ended ranges (whoosh matched everything when a numeric range had no start)
    assert ids(index, "to:2020-08-15") == expected("0001-01-01", "2020-08-15")
    assert ids(index, "from:2021") == expected("2021-01-01", "9999-12-31")
    # the caller's own dates are read as typed, like the query's
    assert ids(index, "社区", date_from="2021-04", date_to="2021") == set()
    assert ids(index, "date:2000..2030", date_to="2020-08") == expected("2000-01-01", "2020-08-31")


def test_every_date_range_finds_what_a_scan_finds(index, corpus):
    """Open and closed ranges over the corpus's years and beyond. whoosh's NumericRange got
    some bounds wrong: `to:2001` and `from:2015 to:9999` found every undated story with a year."""
    years = sorted(
        {y for d in corpus for y in d.years} | {int(d.date[:4]) for d in corpus if d.date}
    )
    bounds = [None, 1, years[0] - 1, *years, years[-1] + 1, 9999]
    for lo in bounds:
        for hi in bounds:
            if (lo is None and hi is None) or (lo and hi and lo > hi):
                continue
            text = f"from:{lo:04d} " if lo else ""
            text += f"to:{hi:04d}" if hi else ""
            expected = within(corpus, f"{lo or 1:04d}-01-01", f"{hi or 9999:04d}-12-31")
            assert ids(index, text) == expected, text
            assert {h.story_id for h in index.search(parse_query(text), limit=3)} <= expected


def test_filter_only_query_lists_newest_first(index):
    hits = index.search(parse_query("place:东岭村"))
    assert [h.story_id for h in hits] == [902]
    hits = index.search(parse_query("date:2021"))
    assert [h.story_id for h in hits] == [902, 901]


def test_filter_only_query_lists_undated_stories_after_dated_ones(index, corpus):
    dates = {d.story_id: d.date for d in corpus}
    listed = [dates[h.story_id] for h in index.search(parse_query("from:2018"), limit=None)]
    dated = [date for date in listed if date]
    assert dated and "" in listed
    assert listed == sorted(dated, reverse=True) + [""] * (len(listed) - len(dated))


def test_limit_and_scores(index):
    hits = index.search(parse_query("社区"), limit=5)
    assert len(hits) == 5
    assert all(a.score >= b.score for a, b in pairwise(hits))


QUERY_ALPHABET = st.sampled_from(
    [
        *'社区居民义诊大棚的 "“”「」()（）-:：.~…',
        *["AND", "OR", "NOT", "与", "或", "非", "place:", "地点:", "kind:", "类型:", "date:"],
        *["from:", "to:", "2020", "2021-02", "..", "brief", "简讯", "xx:yy", "9999", "0000", "13"],
    ]
)


@SHARED
@given(st.lists(QUERY_ALPHABET, max_size=12).map("".join))
def test_odd_queries_never_raise_anything_but_query_error(index, text):
    try:
        parsed = parse_query(text)
    except QueryError as error:
        assert str(error)
        return
    index.search(parsed, limit=10)


@SHARED
@given(st.text(max_size=30))
def test_any_text_searches_or_raises_query_error(index, text):
    try:
        parsed = parse_query(text)
    except QueryError:
        return
    index.search(parsed, limit=10)
