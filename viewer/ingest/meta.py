"""What a page says about itself besides its stories: paper, date, page label, years mentioned.

Metadata comes from a sidecar `NAME.json` next to `NAME.txt` when there is one, and otherwise
(or for the fields it lacks) from a file name like `某某日报_2020-10-15_A03.txt`.
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
_ASCII_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)")
_CHINESE_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CHINESE_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_CHINESE_DIGIT_CLASS = "".join(_CHINESE_DIGITS)
_CHINESE_YEAR = re.compile(
    f"(?<![{_CHINESE_DIGIT_CLASS}十百千])([一二][{_CHINESE_DIGIT_CLASS}]{{3}})(?=年)"
)


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


def find_years(text: str) -> list[int]:
    """Sorted distinct years 1900-2099 written before 年: 2020年, ２０２０年, 二〇二〇年."""
    years = {int(m.group(1)) for m in _ASCII_YEAR.finditer(fold_keep_case(text))}
    for match in _CHINESE_YEAR.finditer(text):
        years.add(int("".join(str(_CHINESE_DIGITS[c]) for c in match.group(1))))
    return sorted(year for year in years if 1900 <= year <= 2099)


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
