"""Dates and times of day written with numbers: 2020年9月, 10月10日, 2020年上半年, 6月底,
3月20日下午5点, 二〇二〇年十月一日, 二○○一年元月五日上午十时三十分, 1840年, 2020-10-01.
Relative words alone (近日, 今年) are not dates, a time of day needs a date before it, and a
number that counts years (已有1500年历史, 1000年来) is not a year.

`norm` is an ISO-like partial date: 2020-10-01, 2020-09, 2020, --10-10 (no year), ---15 (day
only), 2020-H1 / 2020-H2 (上半年 / 下半年), 2020-Q3 (第三季度), with THH:MM appended for a time.
Parts such as 年底 or 月初 keep the precision of the part they qualify (2021年末 -> 2021).
"""

from __future__ import annotations

import re

from viewer.calendar import (
    CN_YEAR_DIGITS,
    DAY_PATTERN,
    YEAR_PATTERN,
    date_number,
    is_year,
    year_number,
)
from viewer.facts.numbers import NUMBER_LEFT_EDGE, small_number, starts_with
from viewer.model import Fact

# Years and the rule that tells a year from a count of years are shared with ingest (the years a
# page mentions), so both read 1840年 and 已有1500年历史 the same way.
_CN = CN_YEAR_DIGITS + "两十"
_YEAR = rf"(?P<year>{YEAR_PATTERN})年"
_YEAR_PART = (
    r"(?P<ypart>上半年|下半年|年初|年底|年末|初|底|末|度(?!假)"
    r"|(?:第)?(?P<quarter>[一二三四1-4])季度)"
)


def _month(tag: str) -> str:
    # 元月 is January; 单元, 美元 and an amount (100元月票) are not.
    return (
        rf"(?P<month{tag}>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
        rf"|(?<![单美欧日港币万亿千百十块角])元)月份?"
    )


def _month_tail(tag: str) -> str:
    """A day (24日, 二十号, 廿三日) or a part of the month (上旬, 底) after the month."""
    return rf"(?:(?P<day{tag}>{DAY_PATTERN})[日号]|(?P<mpart{tag}>上旬|中旬|下旬|初|底|末))"


_DAY_ONLY = r"(?P<dayonly>3[01]|[12]\d|0?[1-9])日"
_HOUR = r"2[0-4]|[01]?\d|[一二三四五六七八九十]{1,3}"
_MINUTE = r"[0-5]?\d分|半|[〇零一二三四五六七八九十]{1,3}分"
_TIME = (
    # 早, 晚 and 夜 alone are parts of the day only with an hour after them (4日晚8时); 6月18号晚
    # stays a date.
    rf"(?:(?P<ampm>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜间|[早晚夜](?=(?:{_HOUR})[点时]))"
    rf"(?:(?P<hour>{_HOUR})[点时](?P<minute>{_MINUTE})?)?"
    rf"|(?P<hour2>{_HOUR})[点时](?P<minute2>{_MINUTE})?)"
)
_DATE_RE = re.compile(
    starts_with(rf"\d{_CN}元")
    + NUMBER_LEFT_EDGE
    + rf"(?<![{_CN}])(?:{_YEAR}(?:{_YEAR_PART}|{_month('')}{_month_tail('')}?)?"
    rf"|{_month('2')}{_month_tail('2')}?|{_DAY_ONLY})(?:{_TIME})?"
)
_NUMERIC_DATE_RE = re.compile(
    starts_with("12")
    + NUMBER_LEFT_EDGE
    + r"(?P<year>(?:19|20)\d{2})(?P<sep>[-./])(?P<month>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<day>3[01]|[12]\d|0?[1-9])(?![\d.])"
)
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}
_AFTERNOON = ("下午", "傍晚")
# In the evening and at night a small hour is still past midnight: 夜间2点 is 02:00, 晚上8点 20:00.
_EVENING = ("晚上", "夜间", "晚", "夜")
_UP_TO = ("截至", "截止")


def _time_suffix(m: re.Match[str]) -> str | None:
    """ "T17:00" for 下午5点, "" when no hour is given, None when the hour is impossible."""
    hour_text = m["hour"] or m["hour2"]
    if not hour_text:
        return ""
    hour = small_number(hour_text)
    if hour is None or hour > 24:
        return None
    if (
        (m["ampm"] in _AFTERNOON and hour < 12)
        or (m["ampm"] in _EVENING and 5 <= hour < 12)
        or (m["ampm"] == "中午" and hour < 6)
    ):
        hour += 12
    minute_text = m["minute"] or m["minute2"] or ""
    minute = 0
    if minute_text == "半":
        minute = 30
    elif minute_text:
        minute = small_number(minute_text[:-1]) or 0
    if minute > 59:
        return None
    return f"T{hour:02d}:{minute:02d}"


def _norm(m: re.Match[str]) -> str | None:
    year = year_number(m["year"]) if m["year"] else None
    month_text = m["month"] or m["month2"]
    month = date_number(month_text) if month_text else None
    day_text = m["day"] or m["day2"] or m["dayonly"]
    day = date_number(day_text) if day_text else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    time = _time_suffix(m)
    if time is None:
        return None
    if year is not None:
        part = m["ypart"] or ""
        if part == "上半年":
            return f"{year}-H1"
        if part == "下半年":
            return f"{year}-H2"
        if m["quarter"]:
            quarter = _QUARTER.get(m["quarter"]) or int(m["quarter"])
            return f"{year}-Q{quarter}"
        if month is None:
            return str(year)
        if day is None:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{day:02d}{time}"
    if month is not None:
        return f"--{month:02d}" if day is None else f"--{month:02d}-{day:02d}{time}"
    return f"---{day:02d}{time}"


def _fact(body: str, work: str, start: int, end: int, norm: str) -> Fact:
    before = work[max(0, start - 2) : start]
    return Fact(
        kind="date",
        text=body[start:end],
        start=start,
        end=end,
        label=before if before in _UP_TO else "",
        norm=norm,
    )


def find_dates(body: str, work: str) -> list[Fact]:
    """Date facts of `body`, matched on its working text `work` (same length)."""
    out: list[Fact] = []
    norm: str | None
    for m in _NUMERIC_DATE_RE.finditer(work):
        norm = f"{m['year']}-{int(m['month']):02d}-{int(m['day']):02d}"
        out.append(_fact(body, work, m.start(), m.end(), norm))
    for m in _DATE_RE.finditer(work):
        # A year alone (no month, no part of the year) may be a count: 已有1500年历史.
        if m["year"] and not (m["month"] or m["ypart"]):
            year = year_number(m["year"])
            if year is None or not is_year(work, m.start(), m.end("year") + 1, year):
                continue
        norm = _norm(m)
        if norm is not None:
            out.append(_fact(body, work, m.start(), m.end(), norm))
    return out
