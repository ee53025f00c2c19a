"""Datelines at the start of a story: where they end and the date they state."""

from __future__ import annotations

import pytest

from viewer.ingest.datelines import dateline_date, dateline_span

PAGE = "2020-01-02"

# (the dateline as printed, the paragraph's text after it, its ISO date on a page of PAGE)
DATED = [
    ("本报北京１月１日讯", "　记者从市交通局获悉，", "2020-01-01"),
    ("新华社北京１月１日电", "　国务院新闻办公室今天发布", "2020-01-01"),
    ("新华社北京1月1日电(记者王立平)", "今天上午，", "2020-01-01"),
    ("中新浙江网12月24日电(记者陈一鸣通讯员刘二)", "12月23日下午，", "2019-12-24"),
    ("南湖晨报12月7日信息：", "昨天，", "2019-12-07"),
    ("新华网上海12月12日电", "上海市政府今天宣布", "2019-12-12"),
    ("本报记者 张三 北京1月1日报道", "　今天，", "2020-01-01"),
    ("一月一日电", " 本市今天迎来", "2020-01-01"),
    ("本报讯（记者 李明）", "1月1日，市里召开", "2020-01-01"),
    ("新华社乌鲁木齐十二月三十日电（记者赵四）", "", "2019-12-30"),
    ("中新社香港元月2日电", " 香港特区政府", "2020-01-02"),
    ("东岭日报莫斯科12月31日专电", "　俄罗斯", "2019-12-31"),
    ("本报兰溪１月１日讯（通讯员 钱五）", "　今天", "2020-01-01"),
    ("新华社北京1日电", " 今天", "2020-01-01"),  # the day alone
    ("新华社北京30日电", " 今天", "2019-12-30"),  # the month before
    ("据新华社北京12月31日电", " 今天", "2019-12-31"),
    ("东湖在线12月7日讯：", "12月7日下午", "2019-12-07"),
    ("某某网12月12日南昌讯（通讯员 赵六）", "11日晚，", "2019-12-12"),  # the place after the date
    ("中新网12月8日综合外电报道", "，当地时间", "2019-12-08"),
    ("武汉１２月５日电", "　市区今天", "2019-12-05"),  # no agency: a place and a date
    ("西山财经12月27日北京报道（记者 孙六）", "12月25日晚", "2019-12-27"),
]


@pytest.mark.parametrize(("dateline", "rest", "iso"), DATED)
def test_dated_dateline(dateline, rest, iso):
    paragraph = dateline + rest
    assert dateline_date(paragraph, PAGE) == iso
    assert dateline_span(paragraph) == (0, len(dateline))


def test_the_span_starts_after_the_indent():
    paragraph = "　　本报讯（记者 李明）今天"
    assert dateline_span(paragraph) == (2, 12)


# (the dateline as printed, the paragraph's text after it)
UNDATED = [
    ("据新华社电", " 今天，"),
    ("本报讯", " 今天上午，"),
    ("（记者 张三）", "今天上午，"),
    ("本报讯（记者 李明 通讯员 王五）", "昨天，"),
    ("本报讯", "8月9日下午1时27分，一辆客车"),  # the event's date and hour
    ("北川晚报讯　（记者　孙六）", "昨日，"),
    ("北都讯", "　记者周七　昨日"),  # a short paper name before 讯
    ("据东林网信息：", "12月17日，"),  # 信息 is not 讯: the date is the event's
    ("本台消息：", "今天"),
    ("本报综合消息", " 今天"),
    ("新华社北京电", " 今天"),
    ("本报记者 张三 报道", " 今天"),
    ("中新网电", " 今天"),
    ("东海网-东海日报讯(记者 吴七)", "昨天下午"),  # a site and its paper
    ("青石晚报、青石网讯（记者 郑八）", "昨天"),
    ("南川在线报道（记者 王九）：", "今天"),
    ("北都讯", "见习记者周七 实习生钱五 前晚"),
    ("【东江商报讯】（记者 冯十）", "记者昨天从"),
]


@pytest.mark.parametrize(("dateline", "rest"), UNDATED)
def test_dateline_without_a_date(dateline, rest):
    paragraph = dateline + rest
    assert dateline_date(paragraph, PAGE) == ""
    assert dateline_span(paragraph) == (0, len(dateline))


@pytest.mark.parametrize(
    "paragraph",
    [
        "7月23日下午，在一条国道上，一辆货车侧翻。",  # an event date, not a dateline
        "1月1日上午，市里召开大会。",
        "1月1日电力公司宣布调价。",
        "据新华社报道，今年以来",  # an attribution inside a sentence
        "据南湖网4月18日报道，两名游客",
        "据当地媒体19日报道，",
        "当地媒体4月8日报道，一座桥",
        "有关部门4月8日消息称",
        "该报报道称，",
        "网站信息显示，",
        "本报记者从市电力公司获悉，",
        "闻讯赶来的群众",
        "快讯",
        "简讯",
        "记者 张三",
        "",
        "   ",
    ],
)
def test_not_a_dateline(paragraph):
    assert dateline_span(paragraph) is None
    assert dateline_date(paragraph, PAGE) == ""


@pytest.mark.parametrize(
    ("paragraph", "page", "iso"),
    [
        ("本报12月31日讯", "1999-01-02", "1998-12-31"),  # never after the page
        ("本报1月2日讯", "1999-01-02", "1999-01-02"),
        ("本报9月1日讯", "2020-12-01", "2020-09-01"),  # long before the page is allowed
        ("新华社北京2月29日电", "2021-03-01", ""),  # no 29 February in 2021
        ("新华社北京2月29日电", "2020-03-01", "2020-02-29"),
        ("新华社北京31日电", "2020-03-02", ""),  # 31 February does not exist
        ("本报12月31日讯", "", ""),  # no page date: the year is unknown
        ("本报讯（记者 李明）1月1日，", "", ""),
        ("本报讯（记者 李明）12月26日，", "2020-01-02", "2019-12-26"),  # a week before the page
        ("本报讯（记者 李明）12月25日，", "2020-01-02", ""),  # further back: the event's date
        ("本报讯 2019年6月19日，", "2020-01-02", ""),
        ("本报讯 2019年6月19日，", "", "2019-06-19"),  # no page to compare with
        ("２０１２年７月１８日北京讯　今天", "", "2012-07-18"),  # the dateline states its year
        ("本报1998年12月31日讯", "", "1998-12-31"),
        ("本报1998年12月31日讯", "2020-01-02", "1998-12-31"),
        ("本报12月31日讯", "2020-10", ""),  # not a full page date
    ],
)
def test_the_year_comes_from_the_page(paragraph, page, iso):
    assert dateline_date(paragraph, page) == iso
