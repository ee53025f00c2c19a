"""Sports bodies a reader of any Chinese paper's sports page knows by name: leagues and cups
(英超, 欧冠, 中超), clubs whose names are no place (曼联, 阿森纳, 拜仁, 国米), and clubs named
after their city (罗马, 利物浦, 热那亚), which count only on a sports page, where 罗马 2-1 is a
team and not the city.

Generic knowledge written by hand (the big European leagues, the Chinese leagues, the best-known
clubs); nothing here is taken from a labelled corpus.
"""

from __future__ import annotations

import re

from viewer.facts.tokens import Tokens
from viewer.facts.vocab import trie_pattern, word_list

LEAGUES = frozenset(
    word_list(
        "英超 英冠 英甲 意甲 意乙 西甲 西乙 德甲 德乙 法甲 法乙 荷甲 葡超 苏超 俄超 土超 比甲 "
        "中超 中甲 中乙 日职联 韩职联 澳超 美职联 欧冠 欧联杯 联盟杯 亚冠 欧洲冠军联赛 "
        "欧洲联盟杯 欧罗巴联赛 亚冠联赛 足总杯 联赛杯 国王杯 意大利杯 德国杯 法国杯 "
        "cba wnba nhl nfl mlb"
    )
)

# Clubs whose short name is no town or person: always a club.
CLUBS = frozenset(
    word_list(
        "曼联 曼城 阿森纳 切尔西 热刺 托特纳姆热刺 埃弗顿 阿斯顿维拉 纽卡斯尔联 纽卡 西汉姆 "
        "西汉姆联 西布朗 米堡 拜仁 拜仁慕尼黑 沙尔克04 沙尔克 门兴 云达不莱梅 柏林赫塔 "
        "皇马 皇家马德里 巴萨 马竞 马德里竞技 比利亚雷亚尔 维拉利尔 皇家社会 毕尔巴鄂竞技 "
        "国米 国际米兰 ac米兰 尤文 尤文图斯 拉齐奥 桑普多利亚 桑普 乌迪内斯 费耶诺德 "
        "阿贾克斯 本菲卡 里斯本竞技 凯尔特人 流浪者 加拉塔萨雷 费内巴切 奥林匹亚科斯 "
        "巴黎圣日耳曼 大巴黎 圣日耳曼 泽尼特 莫斯科斯巴达 莫斯科中央陆军 基辅迪纳摩 "
        "恒大 上港 申花 国安 鲁能 泰山 "
    )
) - {"恒大", "国安", "泰山"}  # also a company, a ministry word and a mountain

# Clubs named after their town: a club only on a sports page.
TOWN_CLUBS = frozenset(
    word_list(
        "罗马 米兰 利物浦 热那亚 佛罗伦萨 那不勒斯 巴勒莫 卡塔尼亚 卡利亚里 锡耶纳 莱切 切沃 "
        "博洛尼亚 都灵 帕尔马 亚特兰大 维罗纳 雷吉纳 维冈 博尔顿 桑德兰 布莱克本 米德尔斯堡 "
        "朴茨茅斯 赫尔城 斯托克城 富勒姆 雷丁 伯明翰 里昂 马赛 波尔多 摩纳哥 不来梅 斯图加特 "
        "汉堡 多特蒙德 勒沃库森 沃尔夫斯堡 霍芬海姆 巴塞罗那 瓦伦西亚 塞维利亚 拉科鲁尼亚 "
        "桑坦德 希洪 波尔图 埃因霍温 阿尔克马尔"
    )
)

ALL = LEAGUES | CLUBS | TOWN_CLUBS

_ANY_RE = re.compile(trie_pattern(ALL))
# A sports page: a match, a score, a league, a coach, a goal.
_SPORTS_RE = re.compile(
    r"球|联赛|比赛|主场|客场|主帅|教练|赛季|[本上下首次]轮|夺冠|降级|转会|战平|逼平|击败|不敌|"
    r"赔率|盘口|主胜|客胜|半场|\d比\d|vs"
)
# After a town's name these make it the town (桑坦德省, 利物浦港, 米兰市民).
_TOWN_AFTER = tuple("省市州港城区县镇岛湾")


def is_sports_page(work: str) -> bool:
    return _SPORTS_RE.search(work) is not None or any(
        m.group() in LEAGUES for m in _ANY_RE.finditer(work)
    )


def club_names(work: str, toks: Tokens) -> list[tuple[int, int]]:
    """Spans of leagues and clubs standing as words of their own (罗马 only on a sports page);
    a trailing 队 belongs to the name (切沃队)."""
    out: list[tuple[int, int]] = []
    sports: bool | None = None
    for m in _ANY_RE.finditer(work):
        start, end = m.span()
        name = m.group()
        if name.isascii():
            if (start and work[start - 1].isalnum()) or (end < len(work) and work[end].isalnum()):
                continue
        elif work.startswith("联赛", end) and name in LEAGUES and toks.is_boundary(start):
            # 中超联赛, 德甲联赛: jieba keeps some whole; the league's name is the short form.
            if toks.ends[toks.at(end)] != end + 2:
                continue
        elif not _whole(work, toks, start, end):
            continue
        if name in TOWN_CLUBS:
            if work.startswith(_TOWN_AFTER, m.end()):
                continue
            if sports is None:
                sports = is_sports_page(work)
            if not sports:
                continue
        if work.startswith("队", end) and name not in LEAGUES:
            end += 1
        out.append((start, end))
    return out


def _whole(work: str, toks: Tokens, start: int, end: int) -> bool:
    """Does the name stand as words of its own? jieba may glue 队, 主场 or a verb character on
    (切沃队, 罗马主场), so the end may fall inside a word when the word goes on with 队 or a
    word jieba does not know."""
    if not toks.is_boundary(start):
        return False
    if toks.is_boundary(end):
        return True
    i = toks.at(end)
    if toks.starts[i] >= end:
        return True
    return work.startswith("队", end)
