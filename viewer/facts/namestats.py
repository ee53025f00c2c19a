"""How name-like a string is, from statistics that ship with jieba.

jieba's part-of-speech HMM (`jieba.posseg.prob_emit`, `prob_start`) holds, for every tag, the
probability of each character as the first (B), a middle (M) or the last (E) character of a
word with that tag, or as a one-character word (S). `word_odds` compares the string read as
one personal name (`nr`) with its best other reading: one word of another tag, or separate
one-character words. 李 + 永春 comes out high, 高兴 or 方向 low.

The surname's own weight compares its probability as the first character of a name with how
often it occurs in jieba's dictionary at all (frequency-weighted), so rare surnames (龚, 邝)
count for more than 王 or 高, which start many ordinary words.

Transliterated foreign names (约翰, 穆里尼奥) are recognised by a hand-written set of the
characters Chinese uses to spell foreign sounds.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache, lru_cache

from viewer import segmenter
from viewer.facts import words  # noqa: F401  (imports jieba.posseg with its warning silenced)
from viewer.facts.names import COMPOUND_SURNAMES, SURNAMES

# Characters used to spell foreign names; a run of them is a candidate foreign name or place.
# Written out by hand.
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕边波伯博布查达戴丹道德迪蒂丁东杜多厄恩尔法范菲费芬"
    "丰佛弗夫福富盖甘冈高戈哥格根贡古瓜圭哈海汉豪赫黑亨胡华怀霍基吉加贾杰捷金卡凯坎康考柯科"
    "克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽连列林琳隆卢鲁路伦罗洛玛马迈麦曼梅门蒙米密缪莫默"
    "姆穆纳娜奈南内妮尼涅宁纽努诺欧帕潘庞佩蓬皮珀普齐奇琪契乔切钦琼丘萨塞赛桑瑟森沙莎珊尚什"
    "施舍史斯松苏索塔泰坦汤唐特提廷通图托瓦万旺威韦维温文沃乌伍西希锡谢辛休许雅亚扬耶伊因英"
    "尤于约泽扎詹兹佐卓祖瑞顿廉热久杰逊得代济当狄更美舒霍"
)
# Transliteration characters that Chinese given names hardly use: 沙尔克 and 桑德兰 are no
# Chinese names even though jieba's name statistics (which include foreign names) like them.
FOREIGN_MARKERS = frozenset("尔斯特诺蒂姆普夫拉里尼纳卡茨基耶埃奥乌萨塞坦迪哈")

_FLOOR = -16.0  # log-probability of a character a table does not know
_UNSEEN = -30.0  # the same inside the HMM's tables
_NAME_TAGS = ("nr", "nrfg", "nrt")

Model = tuple[float, dict[str, float], dict[str, float], dict[str, float]]


def surname_size(text: str, pos: int = 0) -> int:
    """2 for a compound surname at `pos`, 1 for a single one, 0 for none."""
    if text[pos : pos + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if text[pos : pos + 1] in SURNAMES else 0


def is_transliteration(text: str) -> bool:
    return all(char in TRANSLIT for char in text)


@lru_cache(maxsize=65536)
def chinese_score(name: str) -> float | None:
    """Name-likeness of surname + one or two given characters; None when `name` has no such
    shape. Roughly: above 5 most strings are names, below 0 few are."""
    size = surname_size(name)
    if not size or not 1 <= len(name) - size <= 2:
        return None
    surname = 4.0 if size == 2 else min(_surname_ratio(name[0]), 6.0)
    return 0.5 * surname + word_odds(name)


@lru_cache(maxsize=65536)
def word_odds(text: str) -> float:
    """Log odds, under jieba's part-of-speech HMM, of `text` (2-4 characters) being one personal
    name rather than one word of another kind or separate one-character words."""
    name_model, others = _word_models()
    name = _as_one_word(text, name_model)
    other = max(_as_one_word(text, model) for model in others)
    apart = sum(_best_single(char) for char in text)
    # One character the tables hardly know must not outweigh everything else.
    return max(-8.0, name - max(other, apart))


def _as_one_word(text: str, model: Model) -> float:
    start, first, middle, last = model
    score = start + first.get(text[0], _UNSEEN) + last.get(text[-1], _UNSEEN)
    for char in text[1:-1]:
        score += middle.get(char, _UNSEEN)
    return score


@cache
def _word_models() -> tuple[Model, list[Model]]:
    """(start, B, M, E) tables of the name tag and of every other tag with words of 2+ chars."""
    from jieba.posseg import prob_emit, prob_start

    emit, start = prob_emit.P, prob_start.P

    def model(tag: str) -> Model:
        return (
            start.get(("B", tag), _UNSEEN),
            emit[("B", tag)],
            emit.get(("M", tag), {}),
            emit[("E", tag)],
        )

    tags = sorted({tag for state, tag in emit if state == "B" and ("E", tag) in emit})
    return model("nr"), [model(t) for t in tags if t not in _NAME_TAGS]


@cache
def _best_single(char: str) -> float:
    """Best log-probability of `char` as a one-character word of any tag."""
    from jieba.posseg import prob_emit, prob_start

    best = 2 * _UNSEEN
    for (state, tag), table in prob_emit.P.items():
        if state == "S" and char in table:
            best = max(best, table[char] + prob_start.P.get(("S", tag), _UNSEEN))
    return best


@lru_cache(maxsize=4096)
def _surname_ratio(char: str) -> float:
    """log P(char starts a name) - log P(char) in jieba's dictionary."""
    from jieba.posseg import prob_emit

    first = prob_emit.P[("B", "nr")]
    return first.get(char, _FLOOR) - _background().get(char, _FLOOR)


@cache
def _background() -> dict[str, float]:
    """log P(character) over jieba's dictionary, each word weighted by its frequency."""
    counts: Counter[str] = Counter()
    for word, freq in segmenter.tokenizer().FREQ.items():
        if freq:
            for char in word:
                counts[char] += freq
    total = sum(counts.values())
    return {char: math.log(count / total) for char, count in counts.items()}
