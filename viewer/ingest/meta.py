"""What a page says about itself besides its stories: paper, date, page label, years mentioned.

Metadata comes from a sidecar `NAME.json` next to `NAME.txt` when there is one, and otherwise
(or for the fields it lacks) from a file name like `某某日报_2020-10-15_A03.txt`; the page's own
header line (`１９９８年１月１日　星期四`, `人民日报 2020年10月15日 第3版`) states its date too.

This module also owns the calendar pieces that ingest and facts share: how a year, a month and a
day are written (Arabic, full-width after folding, Chinese numerals), and when a four-digit
number before 年 names a year rather than counting years (`1840年` vs `已有1500年历史`).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from viewer.model import PageMeta
from viewer.text import fold_keep_case

_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))(?!\d)"
)
_FILE_NAME = re.compile(
    r"^(?:(?P<source>.*?)[_\s]+)?"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{8}|\d{4}年\d{1,2}月\d{1,2}日)"
    r"(?:[_\s]+(?P<page>[^_\s]{1,12}))?$"
)


# -- Years, months and days -----------------------------------------------------------------------

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


def read_meta(path: Path) -> PageMeta:
    """Sidecar JSON fields first, then whatever the file name tells; missing fields stay ""."""
    meta = _meta_from_file_name(path.stem)
    sidecar = _read_sidecar(path.with_suffix(".json"))
    if sidecar.get("source"):
        meta.source = sidecar["source"]
    if sidecar.get("date"):
        meta.date = normalise_date(sidecar["date"]) or meta.date
    if sidecar.get("page"):
        meta.page = sidecar["page"]
    return meta


def normalise_date(value: str) -> str:
    """ISO `YYYY-MM-DD` for 2020-10-15, 2020/10/15, 20201015, 2020年10月15日; else ""."""
    match = _DATE.search(fold_keep_case(value))
    if not match:
        return ""
    year, month, day = (
        match.group(1),
        match.group(2) or match.group(4),
        match.group(3) or match.group(5),
    )
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


# -- The page's header line -----------------------------------------------------------------------

# How many non-blank lines at the top of a page may hold its header (a paper-name line, a
# kicker or a page label may come first), and how long a header line can be.
_HEADER_LINES = 4
_HEADER_MAX_CHARS = 60
_CJK = r"\u4e00-\u9fff"
# What separates the pieces of a header (markdown marks, rules, brackets, colons, spaces).
_HEADER_SEPARATORS = re.compile(r"[\s|/·•\-—–_、()（）【】\[\]<>《》:：#*>=~]*")
# The pieces a header line is made of, tried in this order at each position. `date` is the page
# date; everything else is furniture printed around it.
_HEADER_PIECE = re.compile(
    rf"(?P<date>(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]"
    rf"|(?P<y2>\d{{4}})(?P<sep>[-./])(?P<m2>\d{{1,2}})(?P=sep)(?P<d2>\d{{1,2}})(?![\d.])"
    rf"|(?P<y3>[一二][{CN_YEAR_DIGITS}]{{3}})年(?P<m3>{MONTH_PATTERN})月(?P<d3>{DAY_PATTERN})日)"
    r"|(?P<weekday>(?:星期|礼拜|周)[一二三四五六日天])"
    rf"|(?P<lunar>(?:农历|阴历|夏历)[{_CJK}\d]{{0,14}}"
    r"|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年|[鼠牛虎兔龙蛇马羊猴鸡狗猪]年"
    r"|闰?(?:正|冬|腊|十[一二]?|[一二三四五六七八九])月"
    r"(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十|廿[一二三四五六七八九]|三十))"
    r"|(?P<time>\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}时\d{1,2}分)"
    r"|(?P<page>第[\d一二三四五六七八九十]{1,3}版|(?:今日|本期|共)\d{1,3}版|[A-Za-z]\d{1,2}版?"
    r"|\d{1,3}版|总?第\d{1,6}[期号]|版次|版面|来源|稿源|(?:发布|发表|更新|发稿)时间)"
    # A paper or site: 人民日报, 某某晚报, 环球网, 某某电视台 (a name ending in a media word).
    rf"|(?P<paper>[{_CJK}A-Za-z]{{1,6}}?(?:日报|晚报|早报|晨报|时报|商报|报|网|社|台|刊|杂志)"
    rf"(?![{_CJK}]))"
    # A short column or section word set apart by spaces: 要闻, 社会, 国内新闻 (not a field name
    # such as 时间：, which labels a date inside a notice).
    rf"|(?P<section>[{_CJK}]{{2,4}}(?![{_CJK}]|\s*[:：]))"
)
# Pieces after which a paper name or section word may follow without a separator: 10:24环球网,
# 第5版要闻.
_GLUE_AFTER = frozenset(("time", "page"))
_MAX_SECTIONS = 2


def _header_date(line: str) -> str:
    """The ISO date of a header line made only of a date and header furniture, else ""."""
    line = fold_keep_case(line)
    if len(line) > _HEADER_MAX_CHARS:
        return ""
    pos, date, sections, previous = 0, "", 0, ""
    while True:
        gap = _HEADER_SEPARATORS.match(line, pos)
        pos = gap.end() if gap else pos
        if pos >= len(line):
            break
        m = _HEADER_PIECE.match(line, pos)
        if not m or not m.lastgroup:
            return ""
        kind = "date" if m["date"] else m.lastgroup
        glued = pos > 0 and gap is not None and gap.end() == gap.start()
        if kind in ("paper", "section") and glued and previous not in _GLUE_AFTER:
            return ""
        if kind == "date":
            if date:
                return ""
            date = _iso_from_header(m)
            if not date:
                return ""
        elif kind == "section":
            sections += 1
            if sections > _MAX_SECTIONS:
                return ""
        pos, previous = m.end(), kind
    return date


def _iso_from_header(m: re.Match[str]) -> str:
    year = year_number(m["y"] or m["y2"] or m["y3"])
    month = date_number(m["m"] or m["m2"] or m["m3"])
    day = date_number(m["d"] or m["d2"] or m["d3"])
    if year is None or month is None or day is None or not 1000 <= year <= 2099:
        return ""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return ""


def _header(text: str) -> tuple[str, int, int]:
    """(ISO date, start, end) of the page's header line, or ("", -1, -1)."""
    pos, seen = 0, 0
    while pos <= len(text) and seen < _HEADER_LINES:
        newline = text.find("\n", pos)
        end = len(text) if newline < 0 else newline
        line = text[pos:end]
        content = line.strip(" \t\r\u3000\ufeff")
        if content:
            seen += 1
            date = _header_date(content)
            if date:
                start = pos + line.index(content)
                return date, start, start + len(content)
        if newline < 0:
            break
        pos = newline + 1
    return "", -1, -1


def page_header_date(text: str) -> str:
    """ISO date printed in the page's header line, "" when the page has none.

    The header is one of the first few non-blank lines that is short and made only of a date and
    the furniture printed around it: weekday, lunar date, time, paper or site name, page label,
    issue number, a section word (`１９９８年１月１日　星期四`, `2014-04-18 10:24环球网`,
    `人民日报 1998年1月1日 第3版`, `二〇〇一年一月一日 星期一 农历腊月初七`). A date inside a
    sentence (`…于2020年10月15日召开…`) is not a header."""
    return _header(text)[0]


def header_line_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the header line `page_header_date` reads, without the whitespace around
    it, so the splitter can keep that line out of the first story; None when there is none."""
    date, start, end = _header(text)
    return (start, end) if date else None


def _meta_from_file_name(stem: str) -> PageMeta:
    match = _FILE_NAME.match(stem.strip())
    if not match:
        return PageMeta()
    date = normalise_date(match.group("date"))
    if not date:
        return PageMeta()
    return PageMeta(
        source=(match.group("source") or "").strip(" _"),
        date=date,
        page=match.group("page") or "",
    )


def _read_sidecar(path: Path) -> dict[str, str]:
    """The sidecar's string fields; a missing, unreadable or malformed sidecar counts as empty."""
    try:
        raw = json.loads(path.read_text("utf-8-sig"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    out: dict[str, str] = {}
    for key in ("source", "date", "page"):
        value = raw.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            out[key] = str(value).strip()
    return out
