"""The search call's own arguments besides the query text: how many results, which dates, which
kind. They come from the command line and the window as users typed them, so they are read the
way the query box reads its filters (dates as 2020, 2020-03, 2020-03-05 ...), and anything that
cannot be used is a QueryError, never a ValueError from deeper down.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.search.dates import period_bounds
from viewer.search.errors import QueryError
from viewer.search.query import KIND_ALIASES, KIND_HELP

# More results than any archive holds stories is a typo (an extra zero or ten), not a wish.
MAX_LIMIT = 100_000
LIMIT_HELP = "结果数应为 1 到 {max} 之间的整数，不能是“{value}”"


def check_limit(limit: object) -> int:
    """`limit` itself when it is a whole number in 1..MAX_LIMIT; QueryError otherwise."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise QueryError(LIMIT_HELP, max=MAX_LIMIT, value=limit)
    return limit


def _given(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def date_span(date_from: object, date_to: object) -> tuple[str | None, str | None]:
    """ISO bounds from what the caller gave: `date_from` from the first day of the period it
    names, `date_to` to the last (`to=2020` is up to 2020-12-31). None or blank: no bound.
    QueryError for a date it cannot read, or a start after the end."""
    start = _given(date_from)
    end = _given(date_to)
    first = period_bounds(start)[0] if start else None
    last = period_bounds(end)[1] if end else None
    if first and last and first > last:
        raise QueryError("日期范围不对：开始 {start} 晚于结束 {end}", start=first, end=last)
    return first, last


def kind_keys(kinds: Sequence[object] | None) -> list[str]:
    """Story kinds (STORY_KINDS keys or their Chinese names, any case) as keys; QueryError for
    one that names no kind."""
    keys = []
    for kind in kinds or ():
        key = KIND_ALIASES.get(str(kind).strip().lower())
        if key is None:
            raise QueryError("没有“{value}”这种类型，可用：" + KIND_HELP, value=kind)
        keys.append(key)
    return keys
