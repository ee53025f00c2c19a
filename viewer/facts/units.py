"""Vocabulary for counted things: classifiers and measurement units, and their canonical spelling.

Generic Chinese grammar only (量词 and units of measure); nothing here names a place or a person.
"""

from __future__ import annotations

import re

from viewer.facts.vocab import word_list

# Spelling variants -> the unit reported on the fact.
UNIT_ALIASES = {
    "平方": "平方米",
    "平米": "平方米",
    "㎡": "平方米",
    "m²": "平方米",
    "m2": "平方米",
    "km": "公里",
    "kg": "公斤",
    "立方": "立方米",
    "m³": "立方米",
}

# Measurement units (longest spellings first is handled when the regex is built).
MEASURES = word_list(
    "平方米 平方千米 平方公里 平方 平米 ㎡ m² m2 立方米 立方 m³ 千米 公里 km 米 厘米 毫米 公顷 "
    "亩 吨 公斤 千克 kg 克 斤 升 毫升 千瓦时 千瓦 兆瓦 度 小时 分钟 秒钟 个小时 个多小时 个月 "
    "个多月 个工作日 天 周年 周 年 岁 倍"
)

# Counting classifiers (量词), including compounds such as 人次 and 场次.
CLASSIFIERS = word_list(
    "户 人次 人 名 位 个 家 件 项 次 场次 场 起 所 座 栋 幢 间 套 辆 台 张 本 册 支 条 处 种 "
    "类 批 组 队 面 块 棵 株 只 头 匹 份 篇 首 部 箱 袋 桶 瓶 盒 包 床 盏 根 把 枚 幅 副 双 对 "
    "门 节 堂 课时 期 轮 届 层 片 颗 粒 排 圈 趟 遍 回 笔 宗 例 步"
)

# Characters that, right after a classifier, make it the start of another word (3场所, 5度假):
# then the number is not counting with that classifier.
_NOT_AFTER_UNIT = {
    "人": "民士员们",
    "名": "单字称义额次",
    "位": "置于",
    "家": "庭长属乡园",
    "次": "日年月",
    "场": "所地景馆合",
    "度": "假过",
    "天": "下然津空",
    "年": "代级度轻龄前后初底末中",
    "周": "年边末岁",
    "期": "间待望限",
    "门": "口前诊",
    "部": "门分长署",
    "队": "伍员长",
    "面": "积对貌前向",
    "起": "来点步",
    "片": "区",
    "对": "于接象",
    "支": "部持援",
    "条": "件例",
    "台": "湾",
    "米": "饭面",
    "层": "面次",
    "处": "理",
    "步": "曲伐骤",
}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


UNIT_PATTERN = _alternation(MEASURES + CLASSIFIERS)


def canonical_unit(unit: str) -> str:
    return UNIT_ALIASES.get(unit, unit)


def unit_is_word_start(unit: str, next_char: str) -> bool:
    """True when `next_char` makes the classifier the start of another word (3场所 -> 场所)."""
    return next_char in _NOT_AFTER_UNIT.get(unit, "")
