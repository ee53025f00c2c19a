"""Datelines: the `本报北京１月１日讯`, `新华社北京1月1日电（记者 …）` or `据新华社电` that open
a story, where they end, and the date they state.

A dateline is read by its grammar, not from a list of papers or cities: an agency or paper name
(本报, 本台, 新华社, or any short name ending in a media word such as 社, 网, 报, 台, 日报),
an optional place, an optional date, then the word that marks a dispatch (电, 讯, 专电, 快讯,
消息, 信息, 报道), then an optional bracketed byline. Other openings count as well: a byline
first (`本报记者 张三 北京1月1日报道`, `（记者 张三）`), a date first (`2012年7月18日北京讯`,
`一月一日电`, `某地２月５日电`). A date in the story's first sentence (`7月23日下午，在…`) is
when something happened, not a dateline.

`header_line_span` (the page's own header line, from `viewer.ingest.meta`) is re-exported here
because the splitter needs both to tell page furniture from a story's opening.
"""

from __future__ import annotations

import datetime
import re

from viewer.calendar import DAY_PATTERN, MONTH_PATTERN, YEAR_PATTERN, date_number, year_number
from viewer.ingest.meta import header_line_span
from viewer.text import fold_keep_case

__all__ = ["dateline_date", "dateline_span", "header_line_span"]

_CJK = r"\u4e00-\u9fff"
# The paper's own desk (本报, 本台 …) or a name of 1-7 characters ending in a media word. A
# demonstrative is never the first character: 该报报道 is "that paper reported".
_ONE_NAME = (
    rf"(?:本[报台刊网站]|(?![该此这那其各每])[{_CJK}A-Za-z]{{1,7}}?"
    r"(?:日报|晚报|早报|晨报|时报|商报|通讯社|电视台|广播电台|在线|频道|社|网|报|台|刊))"
)
# A site and the paper it carries: 某某网-某某日报讯, 某某晚报、某某网讯.
_NAME = rf"{_ONE_NAME}(?:[-－—、]{_ONE_NAME})?"
# A place (北京, 莫斯科, 乌鲁木齐) is any short run of Chinese characters; the shortest one that
# lets the rest match is taken, so the date is never swallowed.
_PLACE = rf"[{_CJK}]{{0,6}}?"
_DATE = rf"(?:(?:(?P<year>{YEAR_PATTERN})年)?(?P<month>{MONTH_PATTERN})月)?(?P<day>{DAY_PATTERN})日"
# The dispatch word, but not the start of a longer word: 电话, 电力, 讯问, 信息化 ...
_DISPATCH = r"电(?![视话力影子脑器动梯池网站厂缆线费价量气商台车源路机表工信邮讯报])"
_NEWS = r"讯(?![问息号])"
_KIND = rf"(?P<kind>专电|快讯|消息|信息|报道|{_DISPATCH}|{_NEWS})"
_BYLINE = r"(?P<byline>\s*[(【\[][^()【】\[\]\n]{1,40}[)】\]])?"
_COLON = r"(?:\s*[:：])?"

# 本报北京1月1日讯, 新华社北京1月1日电, 据新华社电, 中新浙江网7月24日电, 新京报9月7日信息;
# the place may follow the date (某某网3月12日南昌讯); some papers set it in 【】.
_AGENCY_RE = re.compile(
    rf"(?P<bracket>【)?(?P<ju>据)?(?P<name>{_NAME}){_PLACE}(?:{_DATE}{_PLACE})?{_KIND}"
    rf"(?(bracket)】){_BYLINE}{_COLON}"
)
# 本报记者 张三 北京1月1日报道, 本报记者张三报道, 新华社记者 李四 通讯员 王五 北京电.
_REPORTER_RE = re.compile(
    rf"(?P<name>{_NAME})(?:特约|见习|实习|驻[{_CJK}]{{1,4}})?记者"
    rf"[^,，。；;！!？?\n()]{{1,30}}?(?:{_DATE})?(?P<kind>报道|专电|{_DISPATCH}|{_NEWS})"
    rf"{_BYLINE}{_COLON}"
)
# ２０１２年７月１８日北京讯, 一月一日电, 7月1日北京电, and a place before the date with no
# agency (武汉２月５日电).
_DATE_FIRST_RE = re.compile(rf"{_PLACE}{_DATE}{_PLACE}{_KIND}{_BYLINE}{_COLON}")
# 某都讯　记者… : a short paper name before 讯 alone, then a reporter or a bracket.
_SHORT_NAME_RE = re.compile(
    rf"(?P<name>[{_CJK}]{{2,4}})(?P<kind>讯)"
    rf"(?=\s*(?:[(【]|(?:见习|实习|特约|首席)?记者|通讯员|实习生)){_BYLINE}{_COLON}"
)
# （记者 张三）or (记者张三 通讯员李四) opening the paragraph: a byline standing for a dateline.
_BYLINE_FIRST_RE = re.compile(
    r"[(【][^()【】\n]{0,20}?(?:记者|通讯员|实习生)[^()【】\n]{0,30}[)】]" + _COLON
)
# A bare date right after a 讯 dateline that has none: 本报讯（记者 李明）1月1日，… is the
# local-paper way of dating a dispatch. Only a date standing alone before a comma and at most a
# week before the page counts; 1月1日上午… or a date months back is when the event happened.
_AFTER_DATE_RE = re.compile(rf"\s*{_DATE}(?=\s|[,，、]|$)")
_AFTER_DATE_MAX_DAYS = 7
# With no date of its own, a 消息/信息 dateline must end at a separator (本报消息：,
# 据某某网信息：), otherwise it is the start of a sentence (网站信息显示…).
_SEPARATOR_AFTER = re.compile(r"$|[\s:：,，(【\[]")


def _dateline(paragraph: str) -> tuple[re.Match[str] | None, int, str]:
    """(the match, where the dateline starts, the folded paragraph)."""
    work = fold_keep_case(paragraph)
    start = len(work) - len(work.lstrip())
    for pattern in (_AGENCY_RE, _REPORTER_RE, _DATE_FIRST_RE, _SHORT_NAME_RE, _BYLINE_FIRST_RE):
        m = pattern.match(work, start)
        if m and _acceptable(m, work):
            return m, start, work
    return None, start, work


def _acceptable(m: re.Match[str], work: str) -> bool:
    groups = m.re.groupindex
    kind = m["kind"] if "kind" in groups else ""
    dated = "day" in groups and m["day"] is not None
    signed = "byline" in groups and m["byline"] is not None
    # 据新华社报道 and 据某某媒体4月8日报道 are attributions inside a sentence; a dateline says
    # 电 or 讯 after 据 (据新华社电).
    if kind == "报道" and work[m.start()] == "据":
        return False
    if m.re is _AGENCY_RE:
        # 新华社报道，… is an attribution too; 报道 is a dateline after its date
        # (新华社北京1月1日报道) or before its byline (某某网报道（记者…）).
        if kind == "报道" and not (dated or signed):
            return False
        if kind in ("消息", "信息") and not dated:
            return bool(_SEPARATOR_AFTER.match(work, m.end("kind")))
    if m.re is _DATE_FIRST_RE and kind in ("报道", "消息", "信息"):
        # Without a paper's name, 某某媒体4月8日报道，… is an attribution unless a byline or a
        # colon marks it as a dateline (某某财经3月27日北京报道（记者…）).
        return signed or work[m.end() - 1] in ":："
    return True


def dateline_span(paragraph: str) -> tuple[int, int] | None:
    """(start, end) of the dateline opening `paragraph`: from its first non-blank character to
    the end of 电/讯/消息/信息/报道, any bracketed byline right after it and a colon; None when
    the paragraph does not open with a dateline."""
    m, start, _ = _dateline(paragraph)
    return (start, m.end()) if m else None


def dateline_date(paragraph: str, page_date: str) -> str:
    """The ISO date the dateline opening `paragraph` states, resolved against the page's ISO
    date (or ""); "" when there is no dateline or it states no date (`本报讯`, `据新华社电`).

    A dispatch is never later than its page: a month and day that would fall after `page_date`
    belong to the year before (`本报12月31日讯` on 1999-01-02 is 1998-12-31), and a day alone
    (`新华社北京5日电`) to the page's month or the month before. Without a page date only a
    dateline that states its year gives a date. A 讯 dateline without a date takes a bare date
    standing right after it and its byline (`本报讯（记者 李明）1月1日，`) when that falls in
    the week before the page."""
    m, _, work = _dateline(paragraph)
    if not m:
        return ""
    groups = m.groupdict()
    if groups.get("day") is None:
        if groups.get("kind") != "讯":
            return ""
        after = _AFTER_DATE_RE.match(work, m.end())
        if not after:
            return ""
        date = _resolve(after["year"], after["month"], after["day"], page_date)
        return date if _close_to_page(date, page_date) else ""
    return _resolve(groups["year"], groups["month"], groups["day"], page_date)


def _close_to_page(date: str, page_date: str) -> bool:
    """A date after the byline dates the dispatch only within a week before the page (a weekly
    paper's span); further back it is when the story's event happened. Without a page date
    there is nothing to compare with, and a date stating its year is taken as it is."""
    if not date or not page_date:
        return bool(date)
    try:
        days = (datetime.date.fromisoformat(page_date) - datetime.date.fromisoformat(date)).days
    except ValueError:
        return False
    return 0 <= days <= _AFTER_DATE_MAX_DAYS


def _resolve(year_text: str | None, month_text: str | None, day_text: str, page_date: str) -> str:
    day = date_number(day_text)
    month = date_number(month_text) if month_text else None
    if day is None:
        return ""
    if year_text:
        year = year_number(year_text)
        return _iso(year, month, day) if year is not None and month is not None else ""
    try:
        page = datetime.date.fromisoformat(page_date)
    except ValueError:
        return ""
    if month is None:
        month = page.month if day <= page.day else page.month - 1 or 12
        year = page.year if month <= page.month else page.year - 1
    else:
        year = page.year if (month, day) <= (page.month, page.day) else page.year - 1
    return _iso(year, month, day)


def _iso(year: int, month: int, day: int) -> str:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return ""
