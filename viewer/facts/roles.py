"""Role words that introduce a person (社区党支部书记, 国家主席, 主教练, 村民, 联系人 ...) and the
byline roles (记者, 通讯员). Generic vocabulary only; a role's proper-name prefix such as the
community's own name is left out of the label on purpose (label = 社区党支部书记).

Titles are "strong" (a post someone holds: 书记, 总理, 教练) or "weak" (a group someone belongs
to: 居民, 学生, 党员). After a strong title almost any surname + given name is a name, even an
everyday word (村支书高峰); after a weak one (居民文明素质) the name needs its own evidence.
"""

from __future__ import annotations

import re

from viewer.facts import words as dictionary
from viewer.facts.tokens import Tokens
from viewer.facts.vocab import trie_pattern, word_list

# Level / body words that may stand before a title: 社区 + 党支部 + 书记.
_ROLE_PREFIXES = word_list(
    "社区 村 街道 镇 乡 小区 楼院 楼栋 网格 居委会 村委会 业委会 理事会 党支部 党总支 党委 "
    "党工委 支部 总支 党小组 两委 “两委” 市委 区委 县委 省委 镇党委 物业 志愿服务队 "
    "志愿者服务队 服务队 工作队 驻村工作队 巡防队 工会 妇联 团委 居民 农民工 党员 国家"
)
_ROLE_MODIFIERS = word_list("副 常务 专职 兼职 高级 首席 执行 资深 退休 驻村 第一 前 原")
# Posts: the person holds them.
STRONG_TITLES = word_list(
    # Local bodies and communities.
    "书记 支书 村支书 主任 委员 主席 会长 理事长 秘书长 局长 处长 科长 所长 站长 院长 校长 "
    "园长 馆长 行长 董事长 总经理 经理 厂长 队长 组长 班长 部长 主管 总监 村长 镇长 乡长 "
    "区长 县长 市长 省长 教导员 指导员 庭长 检察长 社长 主编 楼长 楼栋长 网格长 网格员 社工 "
    "社区工作者 警官 教官 班主任 护士长 调解员 宣讲员 讲解员 代办员 保洁员 快递员 负责人 "
    "联系人 发言人 创始人 传承人 村医 理事 记者 通讯员 实习生 见习记者 特约记者 摄影记者 "
    # National and foreign posts.
    "总书记 总理 国务委员 委员长 外长 外交部长 国防部长 大使 公使 参赞 领事 总领事 特使 "
    "特首 厅长 司长 署长 常委 总统 首相 国王 女王 总督 州长 议长 议员 参议员 众议员 "
    "大臣 国务卿 秘书 助理 顾问 主任委员 "
    "司令 司令员 政委 参谋长 将军 上将 中将 少将 大校 上校 中校 少校 院士 "
    # Business, professions, culture.
    "董事 总裁 ceo 首席执行官 合伙人 老板 店主 分析师 经济学家 研究员 工程师 总工程师 "
    "技术员 教授 讲师 博导 专家 学者 作家 诗人 画家 书法家 艺术家 设计师 建筑师 "
    "摄影师 导演 编剧 制片人 演员 歌手 主持人 主演 编辑 评论员 律师 法官 检察官 医生 医师 "
    "护士 老师 教师 民警 辅警 片警 交警 消防员 驾驶员 司机 "
    # Sport.
    "教练 主教练 主帅 助教 领队 球员 门将 守门员 前锋 中锋 边锋 后卫 中卫 中场 球星 新援 "
    "外援 射手 选手 棋手 运动员 名将 老将 小将 裁判 主裁 国脚 后腰 前腰 边后卫 中后卫 新秀 "
    "名帅 少帅 老帅 球王 影星 男星 女星 歌星 笑星 影帝 影后 财长 防长 外相 领导人 元首"
)
# Groups: 居民 + 文明 is no name, 居民 + 鲁建华 is.
WEAK_TITLES = word_list(
    "工作人员 工作者 志愿者 居民 村民 业主 党员 老党员 市民 农民 工人 民工 退休干部 "
    "退休教师 学生 家长 代表 队员 巡防队员 成员 爱心人士 老兵 退役军人 干部 群众 男子 女子 "
    "老人 车主 乘客 患者 死者 伤者 嫌疑人 犯罪嫌疑人 被告人 被告 原告 当事人 受害人 "
    "丈夫 妻子 爱人 儿子 女儿 父亲 母亲"
)
BYLINE_ROLES = word_list(
    "本报记者 记者 本报通讯员 通讯员 实习生 见习记者 特约记者 摄影记者 摄影 编辑 作者"
)


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))


# Between a role and the name: nothing, a colon (联系人:钱卫国) or a space on the same line.
ROLE_NAME_GAP_RE = re.compile(r"[: ]?")
_WEAK = frozenset(WEAK_TITLES) - frozenset(STRONG_TITLES)
_TITLE_RE = re.compile(trie_pattern(STRONG_TITLES + WEAK_TITLES))
_LEADING_SET = frozenset(_ROLE_PREFIXES + _ROLE_MODIFIERS)
_LEADING_RE = re.compile(trie_pattern(_ROLE_PREFIXES) + "*" + trie_pattern(_ROLE_MODIFIERS) + "?")


def find_roles(toks: Tokens) -> list[tuple[int, int, bool]]:
    """Roles in a text given its jieba words: (start, end, weak) for every title that is not
    the head of a longer word (书记处, 主席台), with the level words and modifiers before it
    (社区 + 党支部 + 书记, 副 + 局长), and roles joined by 、 or 兼 merged into one
    (社区党委书记、居委会主任)."""
    text = toks.text
    out: list[tuple[int, int, bool]] = []
    pos = 0
    while (m := _TITLE_RE.search(text, pos)) is not None:
        start, end = m.span()
        pos = start + 1  # a rejected match may hide a title starting inside it
        if not toks.is_boundary(end):
            # Only jieba's HMM gluing the title's end to a name is fine: 网格 + 员田晓宇.
            k = toks.at(end)
            if toks.starts[k] <= start or dictionary.frequency(toks.words[k]):
                continue
        i = toks.starting_at(start)
        if i is None:
            k = toks.at(start)
            if toks.ends[k] < end:
                continue  # 党总支 + 书记 is no 支书
            if not _LEADING_RE.fullmatch(text, toks.starts[k], start):
                i = -1  # 医院院长: the role is 院长 alone
            else:
                i = k
                start = toks.starts[k]
        if i > 0:
            k = i - 1
            while k >= 0 and toks.words[k] in _LEADING_SET:
                start = toks.starts[k]
                k -= 1
        if out and start > 0 and text[start - 1] in "、兼" and out[-1][1] == start - 1:
            start = out.pop()[0]
        out.append((start, end, m.group() in _WEAK))
        pos = end
    return out


BYLINE_ROLE_RE = re.compile(
    rf"(?:{_alternation(BYLINE_ROLES)}|[\u4e00-\u9fff]{{2,6}}(?:时报|日报|晚报|报社|融媒|记者))"
)
