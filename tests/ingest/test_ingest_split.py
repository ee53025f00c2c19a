"""Splitting rules on small invented pages, one rule per test."""

from __future__ import annotations

import time

from viewer.ingest import split_page
from viewer.model import Credit


def para(n: int) -> str:
    """A distinct body paragraph (identical ones would be hidden as OCR repeats)."""
    return f"社区组织{n}名志愿者开展环境整治活动，清理楼道杂物、小广告，受到居民一致好评。"


def _titles(text: str) -> list[str]:
    return [s.title for s in split_page(text)]


def test_blank_text_has_no_stories():
    assert split_page("") == []
    assert split_page("\n \n\u3000\n") == []


def test_text_without_headlines_is_one_headline_less_story():
    text = f"\n\n{para(1)}\n\n{para(2)}\n\n"
    (story,) = split_page(text)
    assert (story.title, story.source_start, story.source_end) == ("", 0, len(text))
    assert story.body == f"{para(1)}\n{para(2)}"
    assert story.kind == "brief"


def test_blank_lines_go_to_the_story_above():
    text = (
        f"\n\n北塘社区 开展义诊\n\n{para(5)}\n\n（记者 张宁）\n\n\n\n"
        f"南塘社区 开展植树\n\n{para(6)}\n"
    )
    first, second = split_page(text)
    assert first.source_start == 0
    assert text[first.source_end :].startswith("南塘社区")
    assert text[first.source_start : first.source_end].endswith("（记者 张宁）\n\n\n\n")
    assert second.source_end == len(text)


def test_byline_under_the_headline_heads_the_story_instead_of_closing_it():
    text = f"柳塘社区开展义诊活动\n\n本报记者 方圆\n\n{para(7)}\n\n{para(8)}\n"
    (story,) = split_page(text)
    assert story.credits == [Credit("方圆", "本报记者")]
    assert story.body.count("\n") == 1


def test_consecutive_byline_lines_belong_to_one_story():
    text = f"柳塘社区开展义诊活动\n\n{para(9)}\n\n记者 方圆\n通讯员 葛亮 摄\n\n{para(10)}\n"
    first, second = split_page(text)
    assert first.credits == [Credit("方圆", "记者"), Credit("葛亮", "通讯员")]
    assert first.byline == "记者 方圆 通讯员 葛亮 摄"
    assert second.title == "" and second.body == para(10)


def test_a_byline_closes_its_story_and_the_next_headline_opens_one():
    text = f"一场特别的课\n\n{para(11)}\n\n（卢 静）\n\n两位老人的约定\n\n{para(12)}\n"
    assert _titles(text) == ["一场特别的课", "两位老人的约定"]


def test_sections_of_a_story_closed_by_its_byline_are_subheads():
    text = (
        f"东林社区：网格织密服务网\n\n{para(13)}\n\n"
        f"畅通“一条路”，激活治理新动力\n\n{para(14)}\n\n"
        f"念好“三字诀”，提升服务新能力\n\n{para(15)}。（邵 明）\n\n"
        f"西林社区：开展垃圾分类宣传\n\n{para(16)}\n"
    )
    stories = split_page(text)
    assert [s.title for s in stories] == ["东林社区：网格织密服务网", "西林社区：开展垃圾分类宣传"]
    assert stories[0].subheads == ["畅通“一条路”，激活治理新动力", "念好“三字诀”，提升服务新能力"]
    assert stories[0].credits == [Credit("邵明", "")]


def test_sections_never_closed_by_a_byline_are_stories_of_their_own():
    text = (
        f"产业兴旺 村强民富\n\n{para(17)}\n\n"
        f"环境整治 村美人和\n\n{para(18)}\n\n"
        f"文明创建工作持续推进不停步\n\n{para(19)}\n"
    )
    assert _titles(text) == ["产业兴旺 村强民富", "环境整治 村美人和", "文明创建工作持续推进不停步"]


def test_short_and_numbered_heads_stay_inside_an_open_story():
    text = (
        f"产业兴旺 村强民富\n\n{para(20)}\n\n便民服务站\n\n{para(21)}\n\n"
        f"一、加强组织领导 明确工作责任\n\n{para(22)}\n\n"
        f"（二）强化宣传引导 营造良好氛围\n\n{para(23)}\n"
    )
    (story,) = split_page(text)
    assert story.subheads == [
        "便民服务站",
        "一、加强组织领导 明确工作责任",
        "（二）强化宣传引导 营造良好氛围",
    ]
    assert story.body.split("\n")[1] == "便民服务站"


def test_place_led_headline_starts_a_story_inside_an_open_one():
    text = (
        f"开栏语：\n\n走进幸福家园\n\n{para(24)}\n\n柳塘社区好邻居 守望相助暖人心\n\n{para(25)}\n"
    )
    stories = split_page(text)
    assert [(s.kicker, s.title) for s in stories] == [
        ("开栏语：", "走进幸福家园"),
        ("", "柳塘社区好邻居 守望相助暖人心"),
    ]
    assert stories[0].kind == "column"


def test_two_headline_lines_make_kicker_and_title():
    text = (
        f"书香东林\n\n多读书 读好书 共建书香社区\n\n{para(26)}\n\n"
        f"百姓故事\n\n我和我的小院\n\n{para(27)}\n"
    )
    stories = split_page(text)
    assert [(s.kicker, s.title) for s in stories] == [
        ("书香东林", "多读书 读好书 共建书香社区"),
        ("百姓故事", "我和我的小院"),
    ]


def test_a_lone_column_word_is_the_kicker_of_a_headline_less_item():
    text = f"图片新闻\n\n{para(28)}\n\n葛 亮摄\n"
    (story,) = split_page(text)
    assert (story.kicker, story.title, story.kind) == ("图片新闻", "", "caption")
    assert story.credits == [Credit("葛亮", "摄影")]


def test_dateline_opens_a_new_brief_after_a_headline_less_one():
    text = f"简讯\n\n本报讯 {para(29)}\n\n本报讯 {para(30)}\n\n（记者 方圆）\n"
    first, second = split_page(text)
    assert (first.kicker, first.title, first.credits) == ("简讯", "", [])
    assert second.byline == "本报讯 （记者 方圆）"
    assert second.body == para(30)


def test_dateline_under_a_headline_is_a_second_report_in_that_story():
    """Real articles quote a second dispatch under their headline (a summary, then
    `新华社…电`): that is one story, not a headline-less one after it."""
    text = f"产业兴旺 村强民富\n\n{para(29)}\n\n新华社北京３月５日电 {para(30)}\n"
    (story,) = split_page(text)
    assert story.body.endswith(para(30))


def test_subtitle_only_under_a_headline():
    text = (
        f"乡风文明润万家\n\n——文明家庭系列报道之一\n\n{para(31)}\n\n"
        "——这一段以破折号开头，是正文。\n"
    )
    (story,) = split_page(text)
    assert story.subtitle == "文明家庭系列报道之一"
    assert story.body.endswith("——这一段以破折号开头，是正文。")


def test_cut_headline_like_line_is_body_and_joins_the_next():
    text = f"便民服务\n\n走进社区便民服务中心，记者看到工作人员正为\n\n居民办理业务。{para(32)}\n"
    (story,) = split_page(text)
    assert story.title == "便民服务"
    assert story.body == f"走进社区便民服务中心，记者看到工作人员正为居民办理业务。{para(32)}"


def test_advertisement_ends_at_its_phone_number():
    text = (
        "招聘\n\n本公司招聘保洁员2名，待遇面议。联系电话：13812345678\n\n"
        f"{para(34)}\n\n（记者 方圆）\n"
    )
    ad, news = split_page(text)
    assert (ad.title, ad.kind) == ("招聘", "ad")
    assert (news.title, news.body, news.kind) == ("", para(34), "brief")


def test_fifteen_kilobyte_page_splits_in_well_under_ten_milliseconds(seed_texts):
    page = "\n\n".join(seed_texts.values())[:15000]
    split_page(page)
    best = min(_timed(split_page, page) for _ in range(10))
    assert best < 0.010


def _timed(function, argument) -> float:
    start = time.perf_counter()
    function(argument)
    return time.perf_counter() - start


def test_split_is_deterministic(seed_texts):
    text = seed_texts["004"]
    assert split_page(text) == split_page(text)


DAILY = "\n\n".join(
    [
        "市委常委会召开会议",
        "研究部署近期重点工作",
        "本报讯（记者 柯文博）3月5日，市委常委会召开会议，传达学习全国两会精神。",
        "会议强调，要坚持稳中求进工作总基调，扎实做好各项工作。",
        "全市开展植树活动",  # short, yet a title: a 本报讯 paragraph follows
        "本报讯（记者 蓝天翼 通讯员 白露）3月12日，全市各地开展义务植树活动，栽植苗木12万株。",
        "春耕生产忙",  # short, yet a title: its byline follows
        "本报记者 常青",
        "眼下正值春耕时节，田间地头一派繁忙景象。农民们抢抓农时，翻地、施肥、播种。",
        "图为农民在田间劳作。\u3000晏秋 摄",
    ]
)


def test_daily_paper_headers_with_datelines_and_header_bylines():
    stories = split_page(DAILY)
    assert [(s.kicker, s.title) for s in stories] == [
        ("市委常委会召开会议", "研究部署近期重点工作"),
        ("", "全市开展植树活动"),
        ("", "春耕生产忙"),
    ]
    assert stories[0].byline == "本报讯 （记者 柯文博）"
    assert stories[0].body.count("\n") == 1
    assert stories[1].credits == [Credit("蓝天翼", "记者"), Credit("白露", "通讯员")]
    assert stories[2].credits == [Credit("常青", "本报记者"), Credit("晏秋", "摄影")]
    assert stories[2].body.endswith("图为农民在田间劳作。")
    assert stories[2].kind == "caption"


def test_a_huge_page_stays_linear(seed_texts):
    """A whole issue exported as one file must not make duplicate search quadratic."""
    chunks = [text.replace("社区", f"第{i}社区") for i in range(40) for text in seed_texts.values()]
    page = "\n\n".join(chunks)  # about a million characters
    start = time.perf_counter()
    stories = split_page(page)
    assert time.perf_counter() - start < 5
    assert stories[-1].source_end == len(page)


def test_a_byline_atop_the_next_story_leaves_the_headlines_above_it_stories():
    text = (
        f"产业兴旺 村强民富\n\n{para(40)}\n\n环境整治 村美人和\n\n{para(41)}\n\n"
        f"文明创建 乡风淳朴\n\n本报记者 方圆\n\n{para(42)}\n\n{para(43)}\n"
    )
    stories = split_page(text)
    assert [s.title for s in stories] == [
        "产业兴旺 村强民富",
        "环境整治 村美人和",
        "文明创建 乡风淳朴",
    ]
    assert stories[2].credits == [Credit("方圆", "本报记者")]
    assert all(not s.subheads for s in stories)


def test_short_alike_heads_are_stories_on_a_page_without_bylines():
    text = (
        f"市民热议垃圾分类新规 多数人表示支持\n\n{para(44)}\n\n"
        f"雪后路滑\n\n{para(45)}\n\n夜市开张\n\n{para(46)}\n"
    )
    assert _titles(text) == ["市民热议垃圾分类新规 多数人表示支持", "雪后路滑", "夜市开张"]


def test_short_alike_heads_are_sections_on_a_page_that_signs_its_stories():
    text = (
        f"柳塘社区 服务中心启用 居民办事更方便\n\n{para(47)}\n\n便民服务站\n\n{para(48)}\n\n"
        f"老年食堂\n\n{para(49)}\n\n"
        f"一场特别的课\n\n{para(50)}\n\n（卢 静）\n\n"
        f"两位老人的约定\n\n{para(51)}\n\n（记者 方圆）\n"
    )
    stories = split_page(text)
    assert [s.title for s in stories] == [
        "柳塘社区 服务中心启用 居民办事更方便",
        "一场特别的课",
        "两位老人的约定",
    ]
    assert stories[0].subheads == ["便民服务站", "老年食堂"]


def test_a_closing_byline_after_a_slogan_line_does_not_open_a_story():
    text = (
        f"抗洪一线见闻\n\n{para(52)}\n\n众志成城 共克时艰\n\n（记者 方圆）\n\n"
        f"雨后清淤忙\n\n{para(53)}\n"
    )
    stories = split_page(text)
    assert [s.title for s in stories] == ["抗洪一线见闻", "雨后清淤忙"]
    assert stories[0].credits == [Credit("方圆", "记者")]


def test_numbered_heads_one_under_another_are_sections():
    text = (
        f"全区推进老旧小区改造\n\n{para(54)}\n\n一、总体情况\n\n（一）改造范围\n\n{para(55)}\n\n"
        f"（二）资金来源\n\n{para(56)}\n"
    )
    (story,) = split_page(text)
    assert story.subheads == ["一、总体情况", "（一）改造范围", "（二）资金来源"]
