"""Date bounds for search filters: "2020", "2020-10", "2020-10-15" (also 2020/10/15, 2020.10,
2020年10月15日, 20201015) as the first or last day of the period they name, and ranges of them.

Also the whoosh-side numbers: a date is indexed as the int yyyymmdd.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from viewer.search.errors import QueryError

_DATE_RE = re.compile(
    r"^(\d{4})(?:(?:[-/.年])(\d{1,2})(?:(?:[-/.月])(\d{1,2})日?|月)?|年)?$"
    r"|^(\d{4})(\d{2})(\d{2})$"
)
_RANGE_SEPARATORS = ("..", "～", "~", "至", "到")
FORMAT_HELP = "日期应写成 2020、2020-10 或 2020-10-15"


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of ISO dates; None is an open end."""

    start: str | None = None
    end: str | None = None

    @staticmethod
    def intersect(ranges: list[DateRange]) -> DateRange:
        starts = [r.start for r in ranges if r.start]
        ends = [r.end for r in ranges if r.end]
        merged = DateRange(max(starts) if starts else None, min(ends) if ends else None)
        if merged.start and merged.end and merged.start > merged.end:
            raise QueryError(
                "日期范围不对：开始 {start} 晚于结束 {end}", start=merged.start, end=merged.end
            )
        return merged


def period_bounds(value: str) -> tuple[str, str]:
    """First and last ISO day of the period `value` names; QueryError when it names none."""
    match = _DATE_RE.match(value.strip())
    if match is None:
        raise QueryError("看不懂日期“{value}”：" + FORMAT_HELP, value=value)
    year_s, month_s, day_s = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
    year = int(year_s)
    try:
        if day_s:
            day = dt.date(year, int(month_s), int(day_s))
            return day.isoformat(), day.isoformat()
        if month_s:
            month = int(month_s)
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1).isoformat(), dt.date(year, month, last).isoformat()
        first = dt.date(year, 1, 1)
    except (ValueError, calendar.IllegalMonthError):
        raise QueryError("没有这一天：“{value}”", value=value) from None
    return first.isoformat(), dt.date(year, 12, 31).isoformat()


def parse_date_range(key: str, value: str) -> DateRange:
    """`key` is "from", "to" or "date"; date values may be ranges (2020..2021, 2020..)."""
    if key == "from":
        return DateRange(start=period_bounds(value)[0])
    if key == "to":
        return DateRange(end=period_bounds(value)[1])
    for separator in _RANGE_SEPARATORS:
        if separator in value:
            left, right = (part.strip() for part in value.split(separator, 1))
            if not left and not right:
                raise QueryError("日期范围“{value}”两头都是空的：" + FORMAT_HELP, value=value)
            return DateRange.intersect(
                [
                    DateRange(start=period_bounds(left)[0] if left else None),
                    DateRange(end=period_bounds(right)[1] if right else None),
                ]
            )
    start, end = period_bounds(value)
    return DateRange(start, end)


def date_number(iso: str) -> int:
    """ "2020-10-15" -> 20201015 (the indexed form)."""
    return int(iso[:4]) * 10000 + int(iso[5:7]) * 100 + int(iso[8:10])
