"""Page metadata from sidecars and file names, dates, and the years a text mentions."""

from __future__ import annotations

import json

import pytest

from viewer.calendar import date_number, is_year
from viewer.ingest import find_years, normalise_date, read_meta
from viewer.ingest.meta import header_line_span, page_header_date
from viewer.model import PageMeta


def test_sidecar_wins_and_file_name_fills_gaps(tmp_path):
    page = tmp_path / "东林日报_2021-08-12_B02.txt"
    page.write_text("正文", "utf-8")
    sidecar = tmp_path / "东林日报_2021-08-12_B02.json"
    sidecar.write_text(json.dumps({"source": "东林晚报", "date": "2021年8月13日"}), "utf-8")
    assert read_meta(page) == PageMeta("东林晚报", "2021-08-13", "B02")


def test_sidecar_alone(tmp_path):
    page = tmp_path / "scan0007.txt"
    (tmp_path / "scan0007.json").write_text(
        '{"source": "某某日报", "date": "2020-10-15", "page": 3}', "utf-8"
    )
    assert read_meta(page) == PageMeta("某某日报", "2020-10-15", "3")


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "", '{"date": "昨天"}', "\x00\x01"])
def test_broken_sidecar_is_ignored(tmp_path, content):
    page = tmp_path / "河西报_20190301_A01.txt"
    (tmp_path / "河西报_20190301_A01.json").write_text(content, "utf-8")
    assert read_meta(page) == PageMeta("河西报", "2019-03-01", "A01")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("报纸名_2020-10-15_A03.txt", PageMeta("报纸名", "2020-10-15", "A03")),
        ("报纸名_20201015_A03.txt", PageMeta("报纸名", "2020-10-15", "A03")),
        ("报纸名_2020-10-15.txt", PageMeta("报纸名", "2020-10-15", "")),
        ("报纸名_20201015.md", PageMeta("报纸名", "2020-10-15", "")),
        ("2020-1-5_A12.txt", PageMeta("", "2020-01-05", "A12")),
        ("报纸名_20201345_A03.txt", PageMeta()),  # month 13: not a date
        ("000_0e35cbca75cbf43d.txt", PageMeta()),
        ("随便起的名字.txt", PageMeta()),
    ],
)
def test_file_name_patterns(tmp_path, name, expected):
    assert read_meta(tmp_path / name) == expected


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2020-10-15", "2020-10-15"),
        ("2020/1/5", "2020-01-05"),
        ("2020.01.05", "2020-01-05"),
        ("20201015", "2020-10-15"),
        ("2020年10月15日", "2020-10-15"),
        ("２０２０年１０月１５日", "2020-10-15"),
        ("2021-02-29", ""),
        ("十月十五日", ""),
        ("", ""),
    ],
)
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


def test_find_years_in_all_three_scripts():
    text = (
        "2020年上半年，社区始建于1983年；１９９８年建成的小区。"
        "二〇二一年春，二零二二年冬，一九七八年改革开放。"
    )
    assert find_years(text) == [1978, 1983, 1998, 2020, 2021, 2022]


@pytest.mark.parametrize(
    "text",
    [
        "12020年",  # five digits
        "999年和2100年",  # out of range (1000-2099)
        "2020 个项目，2020元",  # no 年
        "三二〇二〇年",  # five numerals
        "二十一年来",  # counted years, not a year
    ],
)
def test_find_years_ignores_non_years(text):
    assert find_years(text) == []


def test_find_years_is_sorted_and_distinct():
    assert find_years("2021年、2019年、2021年度、二〇一九年") == [2019, 2021]


def test_find_years_before_1900_and_with_every_zero():
    text = "1840年鸦片战争；一八九八年变法；二○○一年（○ U+25CB）；二ＯＯ二年；二OO三年；１９９８年"
    assert find_years(text) == [1840, 1898, 1998, 2001, 2002, 2003]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("这座古镇已有1500年历史", []),
        ("1000年来，河道几经变迁", []),
        ("有500多年的历史", []),
        ("近2000年的时光", []),
        ("3000年前的遗址", []),
        ("1000年前的古井", []),
        ("这棵古树距今1200年", []),
        ("长达1300年之久", []),
        ("第1000年", []),
        ("1840年鸦片战争", [1840]),
        ("1998年1月", [1998]),
        ("在1911年", [1911]),
        ("1840年前后", [1840]),
        ("1840年前，这里是渔村", [1840]),
        ("2000年前后", [2000]),
        ("2019年来华工作", [2019]),
        ("2019年来，", []),  # "for 2019 years": a count, however unlikely
        ("1995年历史性的一刻", [1995]),
        ("回顾2019年的历史事件", [2019]),
        ("经历了2008年的金融危机", [2008]),
        ("历经1400年风雨", []),
        ("经历了2010年底的调整", [2010]),
        ("超过2007年的水平", [2007]),
        ("超过1000年", []),
        ("上级下达2009年的任务", [2009]),
        ("还有1476年的一瓶酒", [1476]),
        ("1500年的历史", []),
    ],
)
def test_find_years_tells_a_year_from_a_count_of_years(text, years):
    assert find_years(text) == years


def test_is_year_reads_the_words_around_the_number():
    text = "已有1500年历史，始建于1500年。"
    first = text.index("1500")
    second = text.index("1500", first + 1)
    assert not is_year(text, first, first + 5, 1500)
    assert is_year(text, second, second + 5, 1500)
    assert not is_year("2100年", 0, 5, 2100)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        *[("12", 12), ("０５", 5), ("十", 10), ("十二", 12), ("二十一", 21), ("三十", 30)],
        *[("廿三", 23), ("卅", 30), ("元", 1), ("两十", None), ("十十", None), ("", None)],
    ],
)
def test_date_number(text, value):
    assert date_number(text) == value


# (text before the header, header line, ISO date); the page goes on with a story below it.
HEADERS = [
    ("", "１９９８年１月１日　星期四", "1998-01-01"),
    ("", "2007-7-26", "2007-07-26"),
    ("", "2008年04月05日 09:12", "2008-04-05"),
    ("", "2014-04-18 10:24环球网", "2014-04-18"),
    ("", "二〇〇一年一月一日 星期一 农历腊月初七", "2001-01-01"),
    ("", "二○○二年三月五日　星期二", "2002-03-05"),
    ("", "东江日报 1998年1月1日 第3版", "1998-01-01"),
    ("", "第5版 要闻 2020年10月15日", "2020-10-15"),
    ("", "2020.10.15", "2020-10-15"),
    ("", "2016/3/8 星期二", "2016-03-08"),
    ("", "2011年5月6日 星期五 A07版·社会", "2011-05-06"),
    ("", "2012年03月09日 17:48:21 来源： 北山晚报", "2012-03-09"),
    ("", "2015年6月1日星期一 乙未年四月十五", "2015-06-01"),
    ("", "总第8123期　2013年7月2日　今日16版", "2013-07-02"),
    ("", "# 2019年9月9日 星期一", "2019-09-09"),
    ("", "南川新闻网 发布时间： 2013年12月30日 10:24", "2013-12-30"),
    ("\ufeff", "2004-03-03", "2004-03-03"),
    # The paper's name on a line of its own, then the date line.
    ("西岭时报\n\n　", "2010年1月1日 星期五 第5版", "2010-01-01"),
]


@pytest.mark.parametrize(("before", "line", "iso"), HEADERS)
def test_page_header_date(before, line, iso):
    text = f"{before}{line}\n标题\n本报讯 正文第一段。"
    assert page_header_date(text) == iso
    span = header_line_span(text)
    assert span is not None
    assert text[span[0] : span[1]] == line


@pytest.mark.parametrize(
    "text",
    [
        "会议于2020年10月15日召开。\n",  # a date inside a sentence
        "2020年10月15日，全市召开大会。\n",
        "2020年10月15日召开大会\n",  # a headline, glued to the date
        "时间：2020年10月15日\n地点：文化中心",  # a notice's field, not a header
        "2005-12\n正文",  # no day
        "2010年2月30日\n",  # no such day
        "2010年1月1日至2010年1月5日\n",
        "一\n二\n三\n四\n2020年1月1日\n",  # too far down the page
        "",
        "\n\n",
    ],
)
def test_no_page_header(text):
    assert page_header_date(text) == ""
    assert header_line_span(text) is None
