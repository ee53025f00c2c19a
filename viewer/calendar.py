"""How Chinese text writes years, months and days, shared by ingest (the years a page mentions,
its header line, datelines) and facts (date facts): Arabic digits (full-width ones fold to
ASCII), Chinese numerals digit by digit (一九九八, 二○○一) or counted (十二, 廿一), and when a
four-digit number before 年 names a year rather than counting years (`1840年` vs
`已有1500年历史`).
"""

from __future__ import annotations

import re

from viewer.text import fold_keep_case

# A year written digit by digit (一九九八, 二〇〇一) uses any round glyph for zero: 〇, 零, ○
# (U+25CB) or the letter O (Ｏ folds to O, and to o in lower-cased text).
YEAR_ZEROS = "〇零○Oo"
CN_YEAR_DIGITS = YEAR_ZEROS + "一二三四五六七八九"
# Years 1000-2099: Arabic (full-width folds to ASCII) or Chinese digit by digit.
YEAR_PATTERN = rf"(?:1\d{{3}}|20\d{{2}}|[一二][{CN_YEAR_DIGITS}]{{3}})"
# A month before 月: 1-12, 01-09, 一…十二, and 元 (元月 = January).
MONTH_PATTERN = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|元)"
# A day before 日: 1-31, 01-09, 一…三十一, and the older 廿 (twenty) and 卅 (thirty).
DAY_PATTERN = (
    r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?"
    r"|十[一二三四五六七八九]?|[一二三四五六七八九])"
)
# Zero also as the unfolded full-width Ｏ, for callers that pass raw text.
_CN_DIGIT = dict.fromkeys(YEAR_ZEROS + "Ｏ", 0)
_CN_DIGIT.update((c, i) for i, c in enumerate("〇一二三四五六七八九"))
_CN_TENS = {"廿": 2, "卅": 3}
_CN_TENS_RE = re.compile(r"(?:(?P<tens>[二三])?十|(?P<old>[廿卅]))(?P<ones>[一二三四五六七八九])?")

# The leading look-ahead lets the regex engine skip to the characters a year can start with.
_YEAR_BEFORE_NIAN = re.compile(
    r"(?=[12一二])"
    rf"(?<![\d{CN_YEAR_DIGITS}十百千万两])(?P<year>{YEAR_PATTERN})(?![\d{CN_YEAR_DIGITS}])\s?年"
)
# A month or a part of the year after 年 makes it a year whatever comes before: 经历了2010年底,
# 超过2007年上半年, 1990年代.
_YEAR_AFTER = re.compile(
    r"\s?(?:\d{1,2}|[一二三四五六七八九十元]{1,2})月|[底初末中度代]|[上下]半年|第?[一二三四1-4]季度"
)
# Words that make the number before 年 a count of years, whatever its size: 近2000年, 逾1000年,
# 长达1500年, 距今1200年, 已有1500年, 第1000年 (an ordinal is not a year either).
_COUNT_BEFORE = re.compile(
    r"(?:近|逾|将近|距今|[长多高]达|有着|[已具拥共约]有|有近|不到|不足|足足|整整|第)$"
)
# ... and words after 年: 1000年来, 1500年历史, 1000年之久, 1000年以上, 1000年有余. 年来 only
# at a clause end or before 的 (1000年来，…), because 2019年来华 is "came in 2019".
_COUNT_AFTER = re.compile(r"来(?:$|[^\u4e00-\u9fff]|的)|历史(?!性)|之久|以上|有余")
# Before 1900 a number is far more often a count (history pieces), so weaker evidence is enough:
# 有1000年, 历经1400年, 超过1000年 (while 经历了2008年的危机 and 超过2007年的水平 name years),
# 1200年来一直, 1500年的历史 (while 2019年的历史事件 is a year), and a round hundred before 前/后
# (1000年前 = a thousand years ago, while 1840年前 is "before 1840" and 1800年前后 is "around
# 1800").
# 还有/只有/也有 1476年的… lists things ("there is also one from 1476"), so those keep the year.
_OLD_COUNT_BEFORE = re.compile(r"(?:(?<![还只仅也都没])有|达|历经|经历了?|走过了?|超过?)$")
_OLD_COUNT_AFTER = re.compile(r"来(?![自看说])|的历史")
_ROUND_COUNT_AFTER = re.compile(r"[前后](?!后)")


def year_number(text: str) -> int | None:
    """1998 for "1998", "１９９８", "一九九八"; 2001 for "二○○一", "二ＯＯ一"; None otherwise."""
    if text.isdecimal():  # int() reads full-width digits as well
        return int(text)
    digits = [_CN_DIGIT.get(c) for c in text]
    if not digits or None in digits:
        return None
    return int("".join(str(d) for d in digits))


def date_number(text: str) -> int | None:
    """A month or day: "12", "０５", "十二", "二十一", "廿三", "卅" -> int, 元 (元月) -> 1."""
    if text.isdecimal():  # int() reads full-width digits as well
        return int(text)
    if text == "元":
        return 1
    if len(text) == 1 and text in _CN_DIGIT:
        return _CN_DIGIT[text]
    m = _CN_TENS_RE.fullmatch(text)
    if not m:
        return None
    tens = _CN_TENS[m["old"]] if m["old"] else _CN_DIGIT[m["tens"]] if m["tens"] else 1
    return tens * 10 + (_CN_DIGIT[m["ones"]] if m["ones"] else 0)


def is_year(text: str, start: int, end: int, year: int) -> bool:
    """Whether the number `year` written at text[start:…] and followed by 年 (which ends at `end`)
    names a calendar year rather than counting years.

    Only 1000-2099 can be years. 1840年鸦片战争, 1998年1月 and 在1911年 are years; 已有1500年历史,
    1000年来, 近2000年 and 1000年前 count years. The rule reads the words right before the number
    and right after 年, which is how a reader tells them apart."""
    if not 1000 <= year <= 2099:
        return False
    before = text[max(0, start - 3) : start]
    after = text[end : end + 3]
    if _YEAR_AFTER.match(after):
        return True
    if _COUNT_BEFORE.search(before) or _COUNT_AFTER.match(after):
        return False
    if year < 1900:
        if _OLD_COUNT_BEFORE.search(before) or _OLD_COUNT_AFTER.match(after):
            return False
        if year % 100 == 0 and _ROUND_COUNT_AFTER.match(after):
            return False
    return True


def find_years(text: str) -> list[int]:
    """Sorted distinct years 1000-2099 the text names: 2020年, ２０２０年, 二〇二〇年, 一九九O年,
    1840年; numbers that count years (已有1500年历史, 1000年来, 近2000年) are left out."""
    folded = fold_keep_case(text)
    years: set[int] = set()
    for m in _YEAR_BEFORE_NIAN.finditer(folded):
        year = year_number(m["year"])
        if year is not None and is_year(folded, m.start(), m.end(), year):
            years.add(year)
    return sorted(years)
