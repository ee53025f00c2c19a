"""Quantities: a number with a classifier or unit (3100户, 9000余人, 600平方米, 两个路口), plus
what is being counted (`label`), read from the nouns right after or right before the number."""

from __future__ import annotations

import re

from viewer.facts import words
from viewer.facts.numbers import (
    ARABIC,
    CHINESE,
    MULTIPLIER,
    NUMBER_LEFT_EDGE,
    parse_number,
)
from viewer.facts.tokens import Tokens
from viewer.facts.units import UNIT_PATTERN, canonical_unit, unit_is_word_start
from viewer.facts.vocab import word_list
from viewer.model import Fact

_CN_BEFORE = "〇零一二两三四五六七八九十百千万亿几数第"
_QUANTITY_RE = re.compile(
    NUMBER_LEFT_EDGE + rf"(?<![{_CN_BEFORE}])(?P<num>{ARABIC}|{CHINESE})(?P<approx1>余|多|来)?"
    rf"(?P<mult>{MULTIPLIER})?(?P<approx2>余|多)?(?P<unit>{UNIT_PATTERN})"
)
# Units that measure time or age: no "what is counted" label makes sense for them.
_UNLABELLED_UNITS = frozenset(
    word_list("小时 分钟 秒钟 个小时 个多小时 个月 个多月 个工作日 天 周年 周 年 岁 倍")
)
_NOUN_TAGS = frozenset(("n", "nr", "nz", "ng", "nt", "j", "vn", "an", "s"))
# One-character nouns that finish a compound jieba splits off (服务 + 点, 活动 + 室).
_NOUN_TAILS = frozenset("点站室处区所馆园队组厅台")
# Numeral-initial words that are adverbs, not counts (四处奔走, 两头跑).
_NUMERAL_WORDS = frozenset(word_list("四处 四面 八面 两头 两手 十分 万分 千万"))
_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")
# jieba's HMM glues demonstratives onto the next word (这道); such a word is not a label.
_DEMONSTRATIVES = frozenset("这那该此其每各本")
_DIMENSIONS = frozenset("长宽高深厚重")
_AFTER_LABEL_MAX = 4
_BEFORE_LABEL_MAX = 8
# Text inside 《》 is a title (《上下五千年》, 《十万个为什么》): numbers there count nothing.
_TITLE_RE = re.compile(r"《[^《》\n]{0,40}》")


def _is_noun(word: str) -> bool:
    if not _CJK_RE.fullmatch(word) or word[0] in _DEMONSTRATIVES:
        return False
    tag = words.tag(word)
    # Words jieba does not know (HMM output: 楼院, 功能室) are most often names of things.
    return tag is None or tag in _NOUN_TAGS


def _window(work: str, start: int, end: int, toks: Tokens | None) -> list[tuple[int, int, str]]:
    """Words of work[start:end]: the story's own words when given (jieba ran once on it)."""
    return toks.window(start, end) if toks is not None else words.words_in(work, start, end)


def _label_after(work: str, end: int, toks: Tokens | None) -> str:
    label = ""
    for _, _, word in _window(work, end, end + 8, toks):
        if label and word in _NOUN_TAILS:
            label += word
            break
        if not _is_noun(word):
            break
        if label and len(label) + len(word) > _AFTER_LABEL_MAX:
            break
        label += word
    return label


def _label_before(work: str, start: int, toks: Tokens | None) -> str:
    label = ""
    for _, _, word in reversed(_window(work, start - 12, start, toks)):
        if not _is_noun(word) or len(label) + len(word) > _BEFORE_LABEL_MAX:
            break
        label = word + label
    # 文化墙长100多米: the dimension word belongs to the measure, not to the thing.
    return label[:-1] if len(label) > 2 and label[-1] in _DIMENSIONS else label


def _is_idiom(work: str, start: int) -> bool:
    """四面八方, 三番五次, 三天两头: a Chinese numeral inside a four-character set phrase."""
    for begin in range(max(0, start - 3), start + 1):
        phrase = work[begin : begin + 4]
        if len(phrase) == 4 and words.tag(phrase) in ("i", "l"):
            return True
    return False


def find_quantities(body: str, work: str, toks: Tokens | None = None) -> list[Fact]:
    titles = [(m.start(), m.end()) for m in _TITLE_RE.finditer(work)]
    out: list[Fact] = []
    for m in _QUANTITY_RE.finditer(work):
        start, end = m.start(), m.end()
        number, unit = m["num"], m["unit"]
        if unit_is_word_start(unit, work[end : end + 1]):
            continue
        if any(a <= start < b for a, b in titles):
            continue
        value = parse_number(number, m["mult"] or "")
        if value is None:
            continue
        chinese = not number[0].isdigit()
        # 一个/一次/一名 are articles more than counts; a Chinese 1 is not worth a fact. A bare
        # 二 before a classifier is an ordinal or "secondary" (二次加压): counting uses 两.
        if chinese and (
            value == 1
            or number == "二"
            or work[start:end] in _NUMERAL_WORDS
            or _is_idiom(work, start)
        ):
            continue
        # A four-digit count of years is a year (handled as a date).
        if unit == "年" and (value >= 1000 or (not chinese and len(number) >= 4)):
            continue
        label = ""
        if unit not in _UNLABELLED_UNITS:
            label = _label_after(work, end, toks) or _label_before(work, start, toks)
        out.append(
            Fact(
                kind="quantity",
                text=body[start:end],
                start=start,
                end=end,
                value=value,
                unit=canonical_unit(unit),
                label=label,
            )
        )
    return out
