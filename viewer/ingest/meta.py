"""What a page says about itself besides its stories: paper, date, page label, years mentioned.

Metadata comes from a sidecar `NAME.json` next to `NAME.txt` when there is one, and otherwise
(or for the fields it lacks) from a file name like `某某日报_2020-10-15_A03.txt`; the page's own
header line (`１９９８年１月１日　星期四`, `人民日报 2020年10月15日 第3版`) states its date too.
How years, months and days are written is `viewer.calendar`'s business.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.calendar import (
    CN_YEAR_DIGITS,
    DAY_PATTERN,
    MONTH_PATTERN,
    date_number,
    year_number,
)
from viewer.ingest.files import read_bounded
from viewer.model import PageMeta
from viewer.text import fold_keep_case

if TYPE_CHECKING:
    from viewer.batch_meta import BatchMeta

_SIDECAR_MAX_BYTES = 65536  # a sidecar holds three short fields
_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))(?!\d)"
)
_FILE_NAME = re.compile(
    r"^(?:(?P<source>.*?)[_\s]+)?"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{8}|\d{4}年\d{1,2}月\d{1,2}日)"
    r"(?:[_\s]+(?P<page>[^_\s]{1,12}))?$"
)


def read_meta(path: Path, batch: BatchMeta | None = None) -> PageMeta:
    """Sidecar JSON fields first, then whatever the file name tells (read with the batch's
    pattern when given), then the batch's paper and date; missing fields stay ""."""
    meta = _meta_from_file_name(path.stem)
    if batch is not None:
        meta = batch.fill(path, meta)
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
        # Read like a page: never block on a pipe or load a huge file named like a sidecar.
        raw = json.loads(read_bounded(path, _SIDECAR_MAX_BYTES).decode("utf-8-sig"))
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
