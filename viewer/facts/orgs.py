"""Organisations: a name ending in an organisation word (有限公司, 党支部, 医院, 中心, 派出所,
局 ...), whose left edge is found by walking back over jieba words while they can be part of a
name (nouns, place names, unknown words) and stopping at verbs, prepositions and punctuation.

Names made only of generic words (物业公司, 社区党支部, 便民服务中心, 该公司) are not returned.
"""

from __future__ import annotations

import re

from viewer.facts import words
from viewer.facts.vocab import word_list
from viewer.model import Fact

_SUFFIXES = word_list(
    "股份有限公司 有限责任公司 有限公司 分公司 公司 集团 委员会 居委会 村委会 业委会 管委会 "
    "党支部 党总支 党工委 党委 工会 团委 妇联 人民医院 医院 卫生院 学院 大学 中学 小学 学校 "
    "幼儿园 中心 协会 研究会 学会 商会 联合会 基金会 促进会 联谊会 派出所 人民法院 法院 检察院 "
    "研究院 研究所 银行 支行 分行 信用社 合作社 超市 商场 酒店 宾馆 养老院 敬老院 福利院 "
    "服务站 工作站 实践站 卫生站 供电所 事务所 电视台 报社 出版社 杂志社 图书馆 博物馆 纪念馆 "
    "文化馆 体育馆 科技馆 美术馆 政府 办公室 局 委 办 厂"
)
_SINGLE = frozenset("局委办厂")
_SUFFIX_RE = re.compile("|".join(sorted(_SUFFIXES, key=len, reverse=True)))
# Characters after a suffix that show it is the start of another word (中心城市, 委员, 银行卡).
_BLOCKED_AFTER = {
    "中心": ("城市", "城区", "环节", "户", "思想", "位置", "地带", "点", "线"),
    "委": ("员", "托", "屈", "婉", "派"),
    "办": ("法", "理", "事", "公", "好", "学", "案", "成", "得", "结", "实"),
    "局": ("面", "势", "部", "限"),
    "厂": ("家", "房", "区", "长", "商", "院"),
    "银行": ("卡", "账", "业"),
    "大学": ("生",),
    "中学": ("生",),
    "小学": ("生",),
    "集团": ("化", "军"),
}
# Two-character words ending in 局/委/办/厂 that name a body; other two-character words with
# those endings are everyday words (大局, 举办) and not organisations.
_SINGLE_OK_2 = frozenset(
    word_list("纪委 区委 市委 县委 省委 工委 教委 团委 村委 镇委 分局 支局 分厂")
)
_SINGLE_OK_BEFORE_BAN = frozenset(
    word_list("政府 信访 综治 文明 党政 扶贫 防汛 网信 督查 人防 双拥 老干")
)
_NAME_TAGS = ("n", "j", "an", "a", "b", "zg", "s")
# jieba's HMM sometimes glues a preposition onto the name (由市 + 疾控中心): an unknown word
# starting with one of these loses that character and ends the walk.
_GLUED_FUNCTION_CHARS = frozenset("由在向与和到从为对给把被将及等的是让经同跟")
# A name may start with one of these one-character words (区城管局, 市疾控中心), but another
# single character at the left edge is a fragment of the word before (商贸城 -> 城).
_ADMIN_SINGLE = frozenset("省市区县镇乡村新老大")
# Verbs (and verbal nouns) often found inside names of bodies (防火中心, 养老服务中心); other
# verbs end the walk (设置, 联合, 邀请).
_NAME_VERBS = frozenset(
    word_list(
        "防火 信访 养老 救助 培训 招商 投资 开发 发展 建设 保护 监督 检测 监测 维修 调解 治理 "
        "改革 运营 咨询 物流 配送 护理 康复 体检 批发 零售 销售 印刷 装饰 制造 加工 生产 种植 "
        "养殖 供应 供热 供水 供电 排水 防疫 离退休 执法 救援 消防 管理 服务 保障 教育 协作 "
        "合作 实验 生活 综合 研究 交流 促进 创新 融 规划 设计 评估 鉴定 审计 统计 营销 贸易 "
        "出版 传播 演出 运输 治疗 防控 托育 健身 娱乐 展览 保险 安置 就业 创业 孵化 改造 回收 "
        "救济 慈善 医疗 卫生 急救 疾控 信用 储蓄 结算 物业 环卫 绿化 市政 城管 质检 监察 巡察 "
        "审批 政务"
    )
)
# Nouns that stand before a name rather than inside it (共建单位 + 某某幼儿园).
_STOP_WORDS = frozenset(
    word_list(
        "单位 辖区 部门 企业 机构 组织 居民 群众 专家 我区 本区 全市 全区 全省 全国 全县 我市 "
        "本市 共建 联建 驻区 驻地 非公 所属 下属 旗下 各级 各类 多家 两家 一家 附近 当地 所在 "
        "成员 人员 工作人员 志愿者 党员 干部 社区干部 家属 家属院 及其 相关 有关 职能 主管 "
        "上级 该 本 其 联系 协调 联合 组织 邀请 配合 依托 携手 委托 通过 参加 参与 支持 帮助"
    )
)
# Words starting like this are adverbial phrases (充分利用, 积极配合) even when jieba calls them
# nouns.
_STOP_PREFIXES = ("充分", "积极", "主动", "认真", "全面", "大力", "努力", "进一步", "不断", "切实")
# Words that never make a name specific on their own (社区党群服务中心 is generic).
_GENERIC = frozenset(
    word_list(
        "省 市 区 县 镇 乡 社区 小区 村 街道 红色 该 本 各 此 这 那 全 新 老 某 相关 有关 职能 "
        "主管 上级 物业 环卫 燃气 热力 供热 供水 供电 自来水 房地产 开发 施工 服务 便民 "
        "便民服务 党群 党群服务 综合 文化 活动 日间 照料 日间照料 老年人 老年 养老 爱心 卫生 "
        "社区卫生 医疗 新时代 文明 实践 文明实践 志愿 志愿者 居民 业主 党 儿童 青少年 妇女 "
        "群众 家庭 公共 共建 联建 驻区 辖区 附近 当地 大型 小型 私人 民营 国有 企业 公立 私立 "
        "基层 人民 事务 管理 保洁 保安 电力 通信 快递 外卖 网点 城市 国家 地方 政府 办公 工作 "
        "服务中心 人民政府 人民医院 社区党群 银行 医院 学校 小学 中学 大学 公司 中心 超市 商场 "
        "养老院 敬老院 福利院 幼儿园 两家 一家 多家 家 其他 其它 有限公司 分公司"
    )
)
_MAX_LEN = 20
_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")


# After any suffix these make the whole thing a street or a housing estate (中学路, 医院街).
_ADDRESS_AFTER = ("路", "街", "大道", "巷", "胡同", "家属院", "院", "小区", "社区")
_HEAD_TITLES = ("院长", "院士")
# Three-character words ending in 局/办 that are phrases, not bodies (开新局, 怎么办).
_PHRASE_TAILS = frozenset(
    word_list(
        "新局 大局 好局 格局 布局 全局 变局 残局 开局 结局 僵局 骗局 当局 时局 定局 终局 棋局 "
        "么办 上办 次办 即办 近办 快办 你办 我办 帮办 代办"
    )
)


def _blocked(work: str, suffix: str, end: int) -> bool:
    if work.startswith(_BLOCKED_AFTER.get(suffix, ()), end):
        return True
    # 医院院长 is the head of the hospital, not a compound called 医院院.
    return work.startswith(_ADDRESS_AFTER, end) and not work.startswith(_HEAD_TITLES, end)


def _can_be_in_name(word: str) -> bool:
    if word in _STOP_WORDS or word.startswith(_STOP_PREFIXES) or not _CJK_RE.fullmatch(word):
        return False
    tag = words.tag(word)
    if tag is None:
        return True
    if tag == "m":
        return word.startswith("第") or word.endswith("号")
    if tag.startswith("v"):
        return word in _NAME_VERBS
    return tag.startswith(_NAME_TAGS) or word in _NAME_VERBS


def _single_suffix_window(
    work: str, end: int, window: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]] | None:
    """局/委/办/厂 end an organisation only in a word like 城管局, 卫健委, 信访办, 水泥厂, or as a
    word of their own after a name (区政府 + 办). Returns the window to walk, or None.

    When jieba glued the suffix to a non-word (区住 + 建局), the text before the suffix is
    segmented again with the suffix standing alone."""
    last = window[-1][2]
    suffix = work[end - 1]
    if len(last) >= 3:
        return window if last[-2:] not in _PHRASE_TAILS else None
    if len(last) == 2:
        if last in _SINGLE_OK_2:
            return window
        if words.frequency(last):  # 大局, 举办, 格局: an everyday word
            return None
        window = [*words.words_in(work, end - 1 - _MAX_LEN, end - 1), (end - 1, end, suffix)]
    before = window[-2][2] if len(window) > 1 else ""
    if not _can_be_in_name(before):
        return None
    if suffix == "办" and before not in _SINGLE_OK_BEFORE_BAN and not before.endswith("政府"):
        return None
    return window


def _left_edge(window: list[tuple[int, int, str]], end: int) -> int:
    """Where the name ending with window[-1] starts: walk back while words can be in a name."""
    start = window[-1][0]
    inside = window[:-1]
    taken = 0
    for w_start, _, word in reversed(inside):
        if end - w_start > _MAX_LEN or not _can_be_in_name(word):
            break
        if word[0] in _GLUED_FUNCTION_CHARS and len(word) > 1 and words.tag(word) is None:
            return w_start + 1
        start = w_start
        taken += 1
    # A lone character at the left edge that follows another word is that word's tail
    # (商贸 + 城): drop it. After punctuation it is a real first character (柳 + 湾园).
    if 0 < taken < len(inside):
        first = inside[-taken]
        lone = len(first[2]) == 1 and first[2] not in _ADMIN_SINGLE
        if lone and _CJK_RE.fullmatch(inside[-taken - 1][2]):
            start = first[1]
    return start


_GENERIC_RE = re.compile(
    "(?:{})*(?:{})+".format(
        "|".join(sorted(_GENERIC, key=len, reverse=True)),
        "|".join(sorted(_SUFFIXES, key=len, reverse=True)),
    )
)


def _is_generic(name: str) -> bool:
    return _GENERIC_RE.fullmatch(name) is not None


def find_organizations(body: str, work: str) -> list[Fact]:
    out: list[Fact] = []
    for m in _SUFFIX_RE.finditer(work):
        suffix, end = m.group(), m.end()
        if _blocked(work, suffix, end):
            continue
        window = words.words_in(work, end - _MAX_LEN - 4, end)
        if not window or window[-1][1] != end:
            continue
        if suffix in _SINGLE:
            if not window[-1][2].endswith(suffix):
                continue
            window = _single_suffix_window(work, end, window)
            if window is None:
                continue
        start = _left_edge(window, end)
        if start > m.start() or _is_generic(work[start:end]):
            continue
        text = body[start:end]
        out.append(Fact("organization", text, start, end, norm=text))
    return out
