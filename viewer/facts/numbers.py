"""Numerals: the regex pieces that find them and the functions that turn them into values.

Every extractor (money, percent, quantity, date) matches on folded text, so only ASCII digits
appear here. Chinese numerals go through cn2an, but only for substrings a regex already picked
out, and results are memoised per process (pure function, no shared state between workers).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

from viewer.text import fold

# Arabic number: 3100, 4.11, 1,200. Only an ASCII comma can separate thousands: the working text
# turns full-width commas into 、 before folding (see `working_text`).
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
CN_DIGITS = "〇零一二两三四五六七八九"
CN_NUMERAL_CHARS = CN_DIGITS + "十百千万亿"
CHINESE = f"[{CN_NUMERAL_CHARS}]+"
# A Chinese numeral, optionally with a decimal part read digit by digit: 一点六, 十二点五. The
# fraction takes no 两 and no multiplier, so 一点六万 leaves 万 to `MULTIPLIER`.
CHINESE_DECIMAL = f"{CHINESE}(?:点[〇零一二三四五六七八九]+)?"
# Arabic digits followed by a Chinese multiplier: 120万, 4.11亿, 3千万.
MULTIPLIER = r"(?:[十百千]?万亿?|亿|千)"

# Not inside a number run: after a digit, a decimal point, a thousands comma, a letter, or glue
# such as "+" and "-" (1+16+N+X, 6-8). Used as a look-behind by every numeric extractor.
NUMBER_LEFT_EDGE = r"(?<![\d.a-z+\-/#])(?<!\d,)"


def starts_with(chars: str) -> str:
    """A look-ahead naming the characters a match can start with. Put first in a pattern, it
    lets the regex engine jump from candidate to candidate instead of trying the look-behinds
    and alternatives at every position (ten times faster on the date pattern)."""
    return f"(?=[{chars}])"


# Typesetters set the decimal point as a middle dot (U+00B7), a bullet (U+2022) or a katakana
# middle dot (U+30FB); the full-width full stop is already folded to ".". A dot between Chinese
# characters (约翰·史密斯) is never touched. The pattern starts with the dot itself so the regex
# engine can skip straight to candidates.
_DECIMAL_DOT_RE = re.compile(r"[·•・](?<=\d.)(?=\d)")
# A quoted month·day ("12·2"大火, “7·23”事故) names an event after its date and keeps its dot.
_QUOTES = "\"'“”‘’「」『』"
_EVENT_BEFORE_RE = re.compile(rf"[{_QUOTES}]\d{{1,2}}$")
_EVENT_AFTER_RE = re.compile(rf"\d{{1,2}}[{_QUOTES}]")


_CN_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")}
# Years are set with any round glyph for zero: 〇, 零, ○ (U+25CB) or the letter O (Ｏ folds to O,
# and to o in the lower-cased working text).
_CN_DIGIT_VALUE.update(dict.fromkeys("零○Oo", 0))
_CN_DIGIT_VALUE["两"] = 2
_MULTIPLIER_VALUE = {
    "十": 10,
    "百": 100,
    "千": 1000,
    "万": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "万亿": 10**12,
}
# Two digit characters side by side (六七个, 一两天) are a vague range, not a number; 〇/零 after a
# digit is fine (一千零五, 二〇二〇 is handled as a year elsewhere).
_RANGE_RE = re.compile(f"[一二两三四五六七八九][一二两三四五六七八九{'〇'}]")
_HAS_DIGIT_RE = re.compile(f"[{CN_DIGITS}]")
# Colloquial tails: 一万五 = 15000, 三千五 = 3500, 两百五 = 250.
_COLLOQUIAL_TAIL_RE = re.compile(f"([万千百])([{CN_DIGITS}])$")
_NEXT_UNIT = {"万": "千", "千": "百", "百": "十"}


def _scaled(value: Decimal, multiplier: str) -> float | None:
    """`value` times 万/亿/…; None for a multiplier we do not know."""
    if not multiplier:
        return float(value)
    factor = _MULTIPLIER_VALUE.get(multiplier)
    return None if factor is None else float(value * factor)


def parse_arabic(digits: str, multiplier: str = "") -> float | None:
    """`4.11`, `亿` -> 411000000.0 (exact decimal arithmetic, then float)."""
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    return _scaled(value, multiplier)


def is_plain_chinese_number(text: str) -> bool:
    """True for 三万三千 or 两; False for unit-only (千, 万) or vague ranges (六七, 一两)."""
    return bool(_HAS_DIGIT_RE.search(text)) and not _RANGE_RE.search(text)


@lru_cache(maxsize=4096)
def parse_chinese(text: str) -> float | None:
    """三万三千 -> 33000.0, 两 -> 2.0, 一点六 -> 1.6; None for anything cn2an cannot read or a
    vague range."""
    whole, dot, fraction = text.partition("点")
    if dot:
        # The fraction is read digit by digit (十二点五五 = 12.55), so only the whole part can be a
        # vague range.
        value = parse_chinese(whole) if whole not in ("〇", "零") else 0.0
        digits = fraction_digits(fraction)
        if value is None or not digits or value != int(value):
            return None
        return float(Decimal(f"{int(value)}.{digits}"))
    if not is_plain_chinese_number(text):
        return None
    tail = _COLLOQUIAL_TAIL_RE.search(text)
    if tail and len(text) > 2:
        text = text + _NEXT_UNIT[tail.group(1)]
    try:
        value = cn2an.cn2an(text, "smart")
    except Exception:  # cn2an signals "not a number" with assorted exception types
        return None
    return float(value)


def parse_number(text: str, multiplier: str = "") -> float | None:
    """An Arabic or Chinese numeral (optionally times 万/亿 ...) as a float."""
    if not text:
        return None
    if text[0].isdigit():
        return parse_arabic(text, multiplier)
    value = parse_chinese(text)
    return None if value is None else _scaled(Decimal(str(value)), multiplier)


def fraction_digits(text: str) -> str:
    """The ASCII digits of a Chinese digit string (五五 -> "55", 〇五 -> "05"); "" if any is not
    a digit."""
    out = []
    for char in text:
        digit = _CN_DIGIT_VALUE.get(char) if char != "两" else None  # 两 only counts things
        if digit is None:
            return ""
        out.append(str(digit))
    return "".join(out)


def small_number(text: str) -> int | None:
    """Month, day or hour: 10, 十, 二十一, 三十 -> int; None when not a plain small number."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    value = parse_chinese(text)
    return None if value is None else int(value)


def working_text(body: str) -> str:
    """The text every extractor matches on: `fold(body)` (same length, so offsets carry over), with
    full-width commas kept apart from ASCII ones so 3，500 stays two numbers, and a middle dot
    between two digits read as the decimal point it is in print (１·６万元 -> 1.6万元)."""
    work = fold(body.replace("，", "、"))
    if "·" in work or "•" in work or "・" in work:
        work = _DECIMAL_DOT_RE.sub(_decimal_dot, work)
    return work


def _decimal_dot(m: re.Match[str]) -> str:
    text, at = m.string, m.start()
    if _EVENT_BEFORE_RE.search(text[max(0, at - 3) : at]) and _EVENT_AFTER_RE.match(text, at + 1):
        return m[0]
    return "."
