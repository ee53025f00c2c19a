"""make_snippet: the densest window, every occurrence marked, never wider than asked."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from viewer.search import make_snippet
from viewer.search.snippet import find_all, find_folded
from viewer.text import search_fold

BODY = (
    "近年来，青枫社区深入开展志愿服务活动，组建了多支志愿者队伍。\n"
    "社区有８个小区楼院，２４００户７１００余人。"
    "在每个节日来临之际，社区常组织开展形式多样的活动，经常到困难家庭、空巢老人家中看望慰问。\n"
    "今年以来，青枫社区为居民办实事２０件，义诊１２次，义诊活动受到居民欢迎，"
    "参加义诊的老人说：“义诊就在家门口。”\n"
    "记者 周海涛"
)


def marked(snippet: str, marks: list[tuple[int, int]]) -> list[str]:
    return [snippet[a:b] for a, b in marks]


def test_window_goes_to_the_densest_cluster_and_marks_every_occurrence():
    snippet, marks = make_snippet(BODY, ["义诊"], width=40)
    assert len(snippet) <= 40
    assert snippet.startswith("…")
    assert marked(snippet, marks) == ["义诊"] * snippet.count("义诊")
    assert len(marks) >= 3  # the paragraph with four, not the first mention of 社区


def test_several_literals_and_folded_matching():
    snippet, marks = make_snippet(BODY, ["2400户", "小区", "ＡＢＣ"], width=30)
    assert "２４００户" in snippet
    assert sorted(marked(snippet, marks)) == ["小区", "２４００户"]


def test_overlapping_occurrences_are_all_reported():
    _snippet, marks = make_snippet("哈哈哈，好", ["哈哈"])
    assert marks == [(0, 2), (1, 3)]


def test_no_hits_gives_the_opening():
    snippet, marks = make_snippet(BODY, ["不存在的词"], width=20)
    assert marks == []
    assert snippet == BODY[:19].replace("\n", " ") + "…"


def test_short_body_is_returned_whole_with_line_breaks_as_spaces():
    snippet, marks = make_snippet("第一段。\n第二段。", ["二段"])
    assert snippet == "第一段。 第二段。"
    assert marked(snippet, marks) == ["二段"]


def test_hit_at_the_end_has_no_trailing_ellipsis():
    body = "甲" * 200 + "结尾处的关键词"
    snippet, marks = make_snippet(body, ["关键词"], width=30)
    assert snippet.endswith("关键词")
    assert snippet.startswith("…")
    assert len(snippet) <= 30
    assert marked(snippet, marks) == ["关键词"]


@given(
    # Full-width forms, capitals and traditional characters in the body: ideograph-only literals
    # are found in the body as it is, the others in its folded form, and both must mark the
    # same places.
    st.text(alphabet="社区區居民义義诊診乾干。，\n abＡＢ１1\u3000", max_size=300),
    st.lists(st.text(alphabet="社区區义義诊診干乾aB1", min_size=1, max_size=3), max_size=3),
    st.integers(8, 120),
)
def test_snippet_properties(body, literals, width):
    snippet, marks = make_snippet(body, literals, width)
    assert len(snippet) <= width or len(snippet) == len(body) <= width
    folded = search_fold(snippet)
    for start, end in marks:
        assert folded[start:end] in {search_fold(x) for x in literals}
    # every occurrence inside the visible text is marked
    for literal in {search_fold(x) for x in literals}:
        pos = folded.find(literal)
        while pos >= 0:
            assert (pos, pos + len(literal)) in marks
            pos = folded.find(literal, pos + 1)


@given(
    st.text(alphabet="經濟经济乾干臺台灣湾薴苧苎社区ＡaA 。\n\u3000", max_size=200),
    st.lists(st.text(alphabet="經济乾干台灣苧ＡaA", min_size=1, max_size=4), max_size=3),
)
def test_finding_in_the_body_as_written_is_finding_in_its_folded_form(body, literals):
    needles = [search_fold(literal) for literal in literals]
    assert find_folded(body, needles) == find_all(search_fold(body), needles)


def test_traditional_and_simplified_forms_are_marked_as_written():
    body = "社區經濟持續發展，经济、經济和经濟都是一个词"
    snippet, marks = make_snippet(body, ["經濟"], width=80)
    assert marked(snippet, marks) == ["經濟", "经济", "經济", "经濟"]
