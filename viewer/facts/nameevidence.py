"""How much a span of a story looks like a personal name, from its characters (`namestats`),
from how jieba cut it (one unknown word, surname + given-name word, pieces) and from jieba's
dictionary (nr tags, everyday words). Chinese names (surname + one or two characters),
transliterated foreign names (穆里尼奥) and names joined by a dot (约翰·史密斯).

Scores are log-odds-like: around 0 a span is as likely a name as not, above 5 a name is
likely even without words around it. The thresholds live in `people`.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from viewer.facts import names, namestats, words
from viewer.facts.personwords import NOT_NAME_ENDINGS, ORG_HEADS, PERSON_VERBS, PLACE_HEADS
from viewer.facts.roles import STRONG_TITLES, WEAK_TITLES
from viewer.facts.tokens import Tokens

DOT_RE = re.compile(r"(?<=[\u4e00-\u9fff])[·•‧・.](?=[\u4e00-\u9fff])")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")
# Function-word tags: a name's given part is never one of these words (马上, 于是).
_FUNCTION_TAGS = ("d", "p", "c", "u", "r", "m", "q", "f", "y", "e", "o", "k", "h", "t")
NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})
_FOREIGN_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nz"})
MAX_FOREIGN = 8  # characters in one transliterated name or one part of a dotted name
_MAX_BONUS = 2.5  # the most the words of a split name can add to its evidence
# Two-character dictionary words (祝福, 温泉, 黎明) stay below what a name needs on its own.
_DICTIONARY_PAIR_CAP = 4.5
TITLE_WORDS = frozenset(STRONG_TITLES) | frozenset(WEAK_TITLES)


def _word_penalty(word: str, *, whole: bool) -> float:
    """What a dictionary word costs as (part of) a name: 0 for names, more for common words.
    `whole`: the word is the entire candidate, not just its given part."""
    freq = words.frequency(word)
    if not freq:
        return 1.5 if whole else 0.0  # jieba's HMM glued it: often a name
    tag = words.tag(word) or ""
    if tag in ("nr", "nrfg"):
        if not whole:
            return 0.5
        if len(word) == 2:  # 温泉, 黎明, 杜鹃: jieba tags many plain words nr
            return -3.0 if freq >= 1000 else 0.5
        return 1.5  # 江泽民, 钱其琛: famous names are frequent; 朱仙镇 is left to its ending
    if tag.startswith(_FUNCTION_TAGS) or (whole and tag.startswith("v")):
        return -4.0 - math.log10(freq)
    # 杨/振兴, 肖/长虹: given names are often ordinary words.
    return -(1.0 if whole else 0.5) * (1.0 + math.log10(freq))


def chinese_evidence(
    work: str, toks: Tokens, start: int, end: int, floor: float | None = None
) -> float | None:
    """Evidence that work[start:end] is a Chinese name (surname + 1-2 characters); None when it
    cannot be one at all, or (when `floor` is given) when it is clearly below `floor`."""
    i = toks.starting_at(start)
    j = toks.ending_at(end)
    # One word from jieba (孙中山, 张永和, 叶老桂): its characters are not checked one by one;
    # nor is a given name that is a word of its own (马 + 长江).
    whole = i is not None and i == j
    name = work[start:end]
    size = namestats.surname_size(name)
    own_word = (
        not whole
        and i is not None
        and j is not None
        and toks.ends[i] == start + size
        and toks.ends[i + 1] - toks.starts[i + 1] >= 2
    )
    score = _inner_evidence(name, _WHOLE if whole else _OWN_WORD if own_word else _PIECES)
    # Only a split into a surname and a given name can still add (at most _MAX_BONUS) below.
    if score is None or (floor is not None and score + (0 if whole else _MAX_BONUS) < floor):
        return None
    honorific = _honorific(work[start + size : start + size + 2])
    # 张先生, 李老师, 王家 are forms of address; 徐家金, 叶老桂 are names.
    if honorific and (len(honorific) == 2 or len(name) - size == 1):
        return None
    if j is None and words.frequency(toks.words[toks.at(end)]):
        return None  # 马力 + 通讯员: the name would end inside a real word
    score += _neighbours(toks, start, end)
    if i is None or j is None:
        # jieba put the name's edge inside a word: 副署/长孙/寿山, 而纪平.
        return score - (3.0 if j is None else 1.5)
    if j + 1 < len(toks) and _continues_foreign(toks.words[j + 1]):
        score -= 3.0  # 梅德韦 + 杰夫: part of a longer foreign name
    if whole:
        return score
    first = toks.words[i]
    if len(first) > size:  # 方传 + 柳: the surname starts a longer piece
        score += _word_penalty(first, whole=False)
    elif size == 1 and name[0] in names.RISKY_SURNAMES:
        score -= 1.5
    elif size == 1 and words.tag(first) == "nr":
        score += 1.0  # jieba keeps a rare surname apart from what follows: 龚/强华
    for k in range(i + 1, j + 1):
        part = toks.words[k]
        if part in PERSON_VERBS:
            return None  # 金 + 介绍: a verb after a name, not a given name
        score += _word_penalty(part, whole=False)
    return score


# How jieba cut a candidate: one word, surname + a given name that is a word of its own, or
# other pieces.


# How jieba cut a candidate: one word, surname + a given name that is a word of its own, or
# other pieces.
_WHOLE, _OWN_WORD, _PIECES = 2, 1, 0


@lru_cache(maxsize=65536)
def _inner_evidence(name: str, cut: int) -> float | None:
    """The part of `chinese_evidence` that depends on the characters alone (and on how jieba
    cut them)."""
    size = namestats.surname_size(name)
    if not size or not 1 <= len(name) - size <= 2 or not _CJK_RE.fullmatch(name):
        return None
    given = name[size:]
    whole = cut == _WHOLE
    if cut == _PIECES and (given[0] in names.NOT_GIVEN_START or given[-1] in names.ENDS_NAME):
        return None
    if given in TITLE_WORDS:
        return None  # 张大使, 王部长: a form of address
    if name in names.NOT_NAMES or any(c in namestats.FOREIGN_MARKERS for c in given):
        return None  # 沙尔克, 桑德兰: a transliteration, judged as one
    if len(name) >= 3 and namestats.is_transliteration(name):
        return None
    score = namestats.chinese_score(name) or 0.0
    if name[-1] in NOT_NAME_ENDINGS:
        score -= 4.0
    if not whole:
        return score
    if words.tag(name) == "nrfg" and 0 < words.frequency(name) < 1000:
        return max(score, 7.0)  # jieba lists it as a full name: 金庸, 许鞍华
    if len(name) == 2 and words.frequency(name):
        # 祝福, 温泉, 黎明: two-character dictionary words need words around them to vouch.
        score = min(score, _DICTIONARY_PAIR_CAP)
    if len(given) == 2 and given[0] == given[1] and not words.frequency(name):
        score += 6.0  # 黄珊珊: doubled given names are common and the HMM dislikes them
    return score + _word_penalty(name, whole=True)


def _neighbours(toks: Tokens, start: int, end: int) -> float:
    """Words next to a span that say it names a firm or a place (韦德 + 国际, 陕西 + 杨凌)."""
    score = 0.0
    j = toks.starting_at(end)
    if j is not None:
        after = toks.words[j]
        # 韦德 + 国际, or an unknown word starting like a place ending: 滕庄子 + 乡康.
        if after in ORG_HEADS or (after[0] in PLACE_HEADS and not words.frequency(after)):
            score -= 4.0
    i = toks.ending_at(start)
    if i is not None and words.tag(toks.words[i]) == "ns" and len(toks.words[i]) > 1:
        score -= 2.0
    return score


@lru_cache(maxsize=16384)
def _honorific(text: str) -> str:
    """The form of address `text` starts with (先生 in 先生说), or ""."""
    if not text.startswith(names.HONORIFIC_PREFIXES):
        return ""
    for honorific in names.HONORIFICS:
        if text.startswith(honorific):
            return honorific
    return ""


def third_belongs(work: str, toks: Tokens, pos: int) -> bool:
    """Does the character at `pos` (after surname + one character) still belong to the name?
    Yes when jieba kept it in the name's word, left it on its own (韩立 + 群说) or glued it to
    what follows in an unknown word (耿于 + 茹正为), unless it is a function word (王伟说, 张三等);
    no when it starts a dictionary word (刘静 + 表示)."""
    i = toks.at(pos)
    if toks.starts[i] < pos:
        return True  # inside the same word as the given name: 张宁宁, 韩立群
    word = toks.words[i]
    if not names.is_cjk(word[0]) or word[0] in names.ENDS_NAME:
        return False
    if word[1:] in names.HONORIFICS:
        return True  # 李晓 + 林先生: jieba keeps "Mr Lin" together
    # On its own (韩立 + 群), or glued by jieba's HMM to what follows (耿于 + 茹正为).
    return len(word) == 1 or not words.frequency(word)


def _continues_foreign(word: str) -> bool:
    if len(word) < 2 or not namestats.is_transliteration(word):
        return False
    freq = words.frequency(word)
    return not freq or (words.tag(word) or "") in NAME_TAGS


def is_everyday(word: str) -> bool:
    """A dictionary word used as an ordinary word (高峰, 舒畅, 班底), not only as a name."""
    freq = words.frequency(word)
    if not freq:
        return False
    tag = words.tag(word) or ""
    if tag in ("nr", "nrfg"):
        return len(word) == 2 and freq >= 1000
    return True


def foreign_run(toks: Tokens, i: int) -> int:
    """Index after the run of transliteration words starting at word `i` (i when none)."""
    j = i
    length = 0
    ws = toks.words
    while j < len(ws):
        word = ws[j]
        if not _foreign_piece(word) or length + len(word) > MAX_FOREIGN:
            break
        length += len(word)
        j += 1
    return j


@lru_cache(maxsize=65536)
def _foreign_piece(word: str) -> bool:
    """Can `word` be (part of) a transliterated name? 比赛 and 东西 are made of such characters
    but are common words."""
    if not namestats.is_transliteration(word) or not _CJK_RE.fullmatch(word):
        return False
    if len(word) == 1:
        return True
    freq = words.frequency(word)
    return not freq or (words.tag(word) or "") in _FOREIGN_TAGS or freq < 20


def foreign_evidence(toks: Tokens, i: int, j: int) -> float:
    """Evidence that words i..j-1 (transliteration characters only) are a foreign name."""
    text = "".join(toks.words[i:j])
    if len(text) < 2:
        return -10.0
    if j - i == 1:
        freq = words.frequency(text)
        if not freq:
            return 1.0
        tag = words.tag(text) or ""
        if tag in NAME_TAGS:
            return 1.0 if freq < 1000 else -1.0
        if tag == "ns":
            return -2.0
        return -3.0 - math.log10(freq)
    score = 0.5
    for word in toks.words[i:j]:
        freq = words.frequency(word)
        tag = words.tag(word) or "" if freq else ""
        if freq and tag not in NAME_TAGS and len(word) > 1:
            score -= 1.0 + math.log10(freq) / 2
    return score


def dotted_end(work: str, toks: Tokens, pos: int) -> int | None:
    """End of a ·-joined name starting at `pos` (约翰·史密斯), or None."""
    end = _name_part_end(work, toks, pos)
    if end == pos or not DOT_RE.match(work, end):
        return None
    while DOT_RE.match(work, end):
        part = end + 1
        stop = _name_part_end(work, toks, part)
        if stop == part:
            break
        end = stop
    return end


def _name_part_end(work: str, toks: Tokens, pos: int) -> int:
    """End of one part of a ·-joined name: name-like words from `pos` on."""
    i = toks.starting_at(pos)
    if i is None:
        return pos
    end = pos
    while i < len(toks) and toks.ends[i] - pos <= MAX_FOREIGN:
        word = toks.words[i]
        if not _CJK_RE.fullmatch(word):
            break
        single = len(word) == 1 and word in namestats.TRANSLIT
        if not single and not can_be_in_dotted_name(word, next_to_dot=end == pos):
            break
        end = toks.ends[i]
        i += 1
    return end


def can_be_in_dotted_name(word: str, next_to_dot: bool = True) -> bool:
    """约翰, 史密斯, 买买提: a transliteration, a name in the dictionary or an unknown word."""
    if namestats.is_transliteration(word) and len(word) > 1:
        return True
    freq = words.frequency(word)
    if not freq:
        return len(word) > 1 and next_to_dot  # 天后 + 奥普拉·温弗利: only next to the dot
    tag = words.tag(word) or ""
    # A rare noun next to the dot is a name too (买买提 is tagged n).
    return tag in NAME_TAGS or (next_to_dot and len(word) > 1 and tag == "n" and freq < 500)


DOT_SPLIT_RE = re.compile(r"[·•‧・.]")


def is_name_word(word: str) -> bool:
    freq = words.frequency(word)
    return bool(freq) and (words.tag(word) or "") in NAME_TAGS
