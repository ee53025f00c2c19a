"""Telephone numbers: mobiles (15838193617), landlines with or without area code
(0371-68115977, (0371)68115977, 68115977), 400 numbers and short service numbers after a
dialling word (拨打12345). `norm` is the digits only.

A bare 7-8 digit number is only a phone when nothing says otherwise: no unit, money sign or
decimal part after it, and either a phone word close before it or no Chinese text right after.
"""

from __future__ import annotations

import re

from viewer.model import Fact

_EDGE_LEFT = r"(?<![\d.a-z\-])"
_EDGE_RIGHT = r"(?![\d.a-z%])"
_PHONE_RE = re.compile(
    _EDGE_LEFT + r"(?:"
    r"(?:\+86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}"
    r"|(?P<hotline>400[- ]?\d{3}[- ]?\d{4})"
    r"|(?P<area>\(0\d{2,3}\)\s?|0\d{2,3}[- ])?(?P<local>[2-9]\d{6,7})"
    r")" + _EDGE_RIGHT
)
_SHORT_RE = re.compile(
    r"(?:拨打|致电|热线|电话|热线电话)[:\s]?(?P<num>\d{3,5})(?![\d.%])"
    r"|(?<![\d.])(?P<num2>\d{3,5})(?:服务)?热线"
)
_PHONE_WORDS_RE = re.compile(r"电话|热线|联系|手机|座机|传真|咨询|拨打|致电|号码|tel|phone")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_NOT_DIGIT_RE = re.compile(r"[^0-9]")
_CONTEXT = 12


def _bare_number_is_phone(work: str, start: int, end: int) -> bool:
    after = work[end : end + 1]
    if after in ("万", "亿", "元", "年", "月", "日", "号"):
        return False
    if _PHONE_WORDS_RE.search(work, max(0, start - _CONTEXT), start):
        return True
    return not _CJK_RE.match(after)


def find_phones(body: str, work: str) -> list[Fact]:
    out: list[Fact] = []
    for m in _PHONE_RE.finditer(work):
        start, end = m.start(), m.end()
        if m["local"] and not m["area"] and not _bare_number_is_phone(work, start, end):
            continue
        out.append(_fact(body, work, start, end))
    for m in _SHORT_RE.finditer(work):
        group = "num" if m["num"] else "num2"
        out.append(_fact(body, work, m.start(group), m.end(group)))
    return out


def _fact(body: str, work: str, start: int, end: int) -> Fact:
    # The working text has ASCII digits even where the body has full-width ones.
    norm = _NOT_DIGIT_RE.sub("", work[start:end])
    return Fact(kind="phone", text=body[start:end], start=start, end=end, norm=norm)
