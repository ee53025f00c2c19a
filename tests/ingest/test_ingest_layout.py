"""Page-level layout evidence: the blank-line habit, the page header, tables, poems and lists."""

from __future__ import annotations

from viewer.ingest import lines as ln
from viewer.ingest.layout import header_lines, page_gaps, row_lines
from viewer.ingest.repair import join_cut_paragraphs

P1 = "东城区开展消防演练，三百余名居民参加。"
P2 = "演练结束后，消防员讲解了灭火器的使用方法。"
P3 = "西城区举办招聘会，提供岗位一千二百个。"


def _gaps(text: str):
    return page_gaps(ln.page_lines(text), 0)


def test_gap_counts_blank_lines_above_each_line():
    lines = ln.page_lines(f"\n\n标题一\n{P1}\n\n\n{P2}\n")
    assert [line.gap for line in lines] == [2, 0, 2]


def test_a_blank_after_every_line_says_nothing():
    gaps = _gaps(f"社区开展演练\n\n{P1}\n\n{P2}\n\n招聘会开幕\n\n{P3}\n")
    assert gaps.paragraph == 1 and not gaps.wide_is_boundary


def test_wider_gaps_above_headlines_mark_boundaries():
    text = f"社区开展演练\n{P1}\n\n{P2}\n\n\n招聘会开幕\n{P3}\n"
    gaps = _gaps(text)
    lines = ln.page_lines(text)
    assert gaps.paragraph == 1 and gaps.wide_is_boundary
    assert [gaps.wide_before(line) for line in lines] == [False, False, False, True, False]


def test_blank_lines_only_between_stories_of_text_mark_boundaries():
    gaps = _gaps(f"{P1}\n{P2}\n\n{P3}\n")
    assert gaps.paragraph == 0 and gaps.wide_is_boundary


def test_stray_gaps_after_headlines_or_inside_sentences_are_noise():
    after_headline = f"社区开展演练\n\n\n\n{P1}\n\n{P2}\n\n\n\n招聘会开幕\n\n{P3}\n"
    assert not _gaps(after_headline).wide_is_boundary
    cut = f"社区开展演练\n\n{P1}\n\n演练结束后，消防员讲解了\n\n\n\n灭火器的使用方法。\n"
    assert not _gaps(cut).wide_is_boundary


def test_header_lines_at_the_top():
    text = "东湖晚报\n２０２３年３月８日　星期三　第５版\n\n社区开展演练\n\n" + P1
    assert header_lines(text, ln.page_lines(text)) == 2
    text = "２０２３年３月８日　星期三\n社区开展演练\n" + P1
    assert header_lines(text, ln.page_lines(text)) == 1
    text = "社区开展演练\n" + P1
    assert header_lines(text, ln.page_lines(text)) == 0


def test_table_rows_under_their_headline():
    rows = ["东城　多云　８℃～１６℃", "西城　晴　９℃～１７℃", "南郊　小雨　７℃～１３℃"]
    text = "\n".join(["今日天气", *rows, "招聘会开幕"])
    assert row_lines(ln.page_lines(text)) == {1, 2, 3}


def test_poem_lines_after_a_byline_and_a_title_kept_after_text():
    poem = "风从河面上吹过来\n柳枝轻轻摇晃\n孩子们追着纸鸢\n笑声落满了堤岸\n"
    lines = ln.page_lines("春日即景\n文／柏青\n" + poem)
    assert row_lines(lines) == {2, 3, 4, 5}
    # After text, the first of five alike lines is the poem's title.
    lines = ln.page_lines(f"{P1}\n春日即景\n" + poem)
    assert row_lines(lines) == {2, 3, 4, 5}
    # Introduced by a colon, every line is quoted text.
    lines = ln.page_lines("他在日记里写道：\n" + poem)
    assert row_lines(lines) == {1, 2, 3, 4}


def test_numbered_lists_whether_headline_like_or_not():
    text = "（1）东城区文昌路12号\n（2）西城区柳荫街35号便民服务站。\n（3）南郊新区创业大道88号\n"
    assert row_lines(ln.page_lines(text)) == {0, 2}  # the text line is text anyway


def test_a_heading_block_is_not_rows():
    text = f"城事\n老街区换新颜\n改造历时八个月\n{P1}\n"
    assert row_lines(ln.page_lines(text)) == set()


def test_rows_are_never_joined_as_cut_paragraphs():
    parts = [(False, "风从河面上吹过来"), (False, "柳枝轻轻摇晃"), (False, "孩子们追着")]
    assert join_cut_paragraphs(parts, rows={0, 1}) == parts
    assert join_cut_paragraphs(parts) == [(False, "风从河面上吹过来柳枝轻轻摇晃孩子们追着")]
