"""Dates: spans and ISO-like partial norms."""

from __future__ import annotations

import pytest

DATES = [
    ("2019年3月15日,活动开幕。", "2019年3月15日", "2019-03-15", ""),
    ("2018年上半年,全镇完成投资。", "2018年上半年", "2018-H1", ""),
    ("2019年下半年起", "2019年下半年", "2019-H2", ""),
    ("11月20日,社区开展活动。", "11月20日", "--11-20", ""),
    ("截至9月底,已完成。", "9月底", "--09", "截至"),
    ("2017年8月正式投用", "2017年8月", "2017-08", ""),
    ("2016年末建成", "2016年末", "2016", ""),
    ("5月初启动", "5月初", "--05", ""),
    ("始建于1995年的小区", "1995年", "1995", ""),
    ("4月12日上午10点,", "4月12日上午10点", "--04-12T10:00", ""),
    ("8月3日晚上8点半", "8月3日晚上8点半", "--08-03T20:30", ""),
    ("二〇一九年三月八日", "二〇一九年三月八日", "2019-03-08", ""),
    ("二零二一年十二月", "二零二一年十二月", "2021-12", ""),
    ("２０１９年１１月", "２０１９年１１月", "2019-11", ""),
    ("于2021-07-01正式运行", "2021-07-01", "2021-07-01", ""),
    ("2020年第三季度", "2020年第三季度", "2020-Q3", ""),
    ("2021年度先进", "2021年度", "2021", ""),
    ("每月10日、25日下午2点开放", "25日下午2点", "---25T14:00", ""),
    ("从七月份开始", "七月份", "--07", ""),
    ("6月18号晚", "6月18号", "--06-18", ""),
]


@pytest.mark.parametrize(("text", "span", "norm", "label"), DATES)
def test_date(facts_of, text: str, span: str, norm: str, label: str) -> None:
    found = facts_of(text, "date")
    assert (span, norm, label) in [(f.text, f.norm, f.label) for f in found]


def test_two_day_dates_in_a_row(facts_of) -> None:
    found = facts_of("每月10日、25日下午2点开放", "date")
    assert [f.norm for f in found] == ["---10", "---25T14:00"]


@pytest.mark.parametrize(
    "text",
    [
        "近日,社区开展活动。",
        "今年以来",
        "上半年以来",
        "3个月后",
        "13月",
        "编号2021",
        "数月来",
        "每月一次",
    ],
)
def test_not_date(facts_of, text: str) -> None:
    assert facts_of(text, "date") == []


CHINESE_NUMERAL_DATES = [
    ("一九九八年一月一日，新馆开放。", "一九九八年一月一日", "1998-01-01"),
    ("二○○一年十二月三十一日晚", "二○○一年十二月三十一日", "2001-12-31"),  # ○ U+25CB
    ("二〇〇一年元旦", "二〇〇一年", "2001"),  # 〇 U+3007
    ("二ＯＯ二年三月动工", "二ＯＯ二年三月", "2002-03"),  # full-width letter O
    ("二OO三年五月", "二OO三年五月", "2003-05"),  # ASCII letter O
    ("二零零四年九月十日", "二零零四年九月十日", "2004-09-10"),
    ("１９９８年１月１日起施行", "１９９８年１月１日", "1998-01-01"),
    ("十月一日起", "十月一日", "--10-01"),
    ("元月5日召开", "元月5日", "--01-05"),
    ("元月份以来", "元月份", "--01"),
    ("一九九九年元月八日", "一九九九年元月八日", "1999-01-08"),
    ("１月１日零时起", "１月１日", "--01-01"),
    ("十二月廿三日", "十二月廿三日", "--12-23"),
]


@pytest.mark.parametrize(("text", "span", "norm"), CHINESE_NUMERAL_DATES)
def test_chinese_numeral_and_full_width_dates(facts_of, text, span, norm) -> None:
    found = facts_of(text, "date")
    assert [(f.text, f.norm) for f in found] == [(span, norm)]


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("3月2日上午十时三十分", "3月2日上午十时三十分", "--03-02T10:30"),
        (
            "一九九八年一月一日上午十时四十八分",
            "一九九八年一月一日上午十时四十八分",
            "1998-01-01T10:48",
        ),
        ("5月4日晚八时零五分", "5月4日晚八时零五分", "--05-04T20:05"),
        ("当晚8时", "", ""),  # no date before the time
        ("6日夜间2点", "6日夜间2点", "---06T02:00"),
        ("6日夜11时", "6日夜11时", "---06T23:00"),
        ("9日早7时", "9日早7时", "---09T07:00"),
        ("5月4日晚上八时零五分", "5月4日晚上八时零五分", "--05-04T20:05"),
        ("6日下午三时", "6日下午三时", "---06T15:00"),
        ("7月1日十时许", "7月1日十时", "--07-01T10:00"),
    ],
)
def test_times_in_chinese_numerals(facts_of, text, span, norm) -> None:
    found = [(f.text, f.norm) for f in facts_of(text, "date")]
    assert (span, norm) in found if span else found == []


def test_a_time_alone_is_not_a_date(facts_of) -> None:
    assert facts_of("上午十时三十分，会议开始。", "date") == []


YEARS = [
    ("1840年鸦片战争爆发", "1840年", "1840"),
    ("1998年1月", "1998年1月", "1998-01"),
    ("工厂建在1911年", "1911年", "1911"),
    ("一八九八年春", "一八九八年", "1898"),
    ("始建于1368年的城墙", "1368年", "1368"),
    ("1840年前，这里是渔村。", "1840年", "1840"),  # "before 1840"
    ("1800年前后", "1800年", "1800"),  # "around 1800"
    ("2000年前后", "2000年", "2000"),
    ("2019年来华留学", "2019年", "2019"),  # "came to China in 2019"
    ("从2020年来看", "2020年", "2020"),
    ("1000年", "1000年", "1000"),
    ("公元1127年", "1127年", "1127"),
]


@pytest.mark.parametrize(("text", "span", "norm"), YEARS)
def test_years_from_1000(facts_of, text, span, norm) -> None:
    found = facts_of(text, "date")
    assert [(f.text, f.norm) for f in found] == [(span, norm)]


@pytest.mark.parametrize(
    "text",
    [
        "这座古镇已有1500年历史。",
        "1000年来，河道几经变迁。",
        "有500多年的历史",
        "近2000年的时光",
        "3000年前的遗址",
        "1000年前的古井",
        "这棵古树距今1200年",
        "长达1300年之久",
        "历经1400年风雨",
        "这片林子有1100年了",
        "1500年的历史",
        "1000年以上",
        "“12·2”大火",
        "约翰·史密斯",
        "3单元月底交费",
        "买了100元月票",
        "美元月均汇率",
        "12020年",
        "2100年",
    ],
)
def test_counts_of_years_and_other_non_dates(facts_of, text) -> None:
    assert facts_of(text, "date") == []


def test_a_dotted_numeric_date(facts_of) -> None:
    found = facts_of("于2020·10·15正式开通", "date")
    assert [(f.text, f.norm) for f in found] == [("2020·10·15", "2020-10-15")]
