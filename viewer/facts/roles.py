"""Role words that introduce a person (社区党支部书记, 网格员, 工作人员, 联系人 ...) and the
byline roles (记者, 通讯员). Generic vocabulary only; a role's proper-name prefix such as the
community's own name is left out of the label on purpose (label = 社区党支部书记)."""

from __future__ import annotations

import re

from viewer.facts.vocab import word_list

# Level / body words that may stand before a title: 社区 + 党支部 + 书记.
_ROLE_PREFIXES = word_list(
    "社区 村 街道 镇 乡 小区 楼院 楼栋 网格 居委会 村委会 业委会 理事会 党支部 党总支 党委 "
    "党工委 支部 总支 党小组 两委 “两委” 市委 区委 县委 省委 镇党委 物业 志愿服务队 "
    "志愿者服务队 服务队 工作队 驻村工作队 巡防队 工会 妇联 团委 居民 农民工 党员"
)
_ROLE_MODIFIERS = word_list("副 常务 专职 兼职 高级 首席 执行 资深 退休 驻村 第一")
_TITLES = word_list(
    "书记 主任 委员 主席 会长 理事长 秘书长 局长 处长 科长 所长 站长 院长 校长 园长 馆长 行长 "
    "董事长 总经理 经理 厂长 队长 组长 班长 部长 主管 总监 村长 镇长 乡长 区长 县长 市长 省长 "
    "教导员 指导员 庭长 检察长 社长 主编 楼长 楼栋长 网格长 网格员 工作人员 社工 社区工作者 "
    "工作者 志愿者 民警 辅警 片警 警官 交警 消防员 教官 教练 老师 教师 班主任 医生 医师 护士 "
    "护士长 律师 法官 检察官 调解员 宣讲员 讲解员 代办员 保洁员 环卫工人 环卫工 快递员 驾驶员 "
    "司机 居民 村民 业主 党员 老党员 市民 退休干部 退休教师 学生 家长 负责人 联系人 发言人 "
    "创始人 代表 队员 巡防队员 成员 爱心人士 老兵 退役军人 村医 专家 教授 研究员 工程师 技术员 "
    "店主 传承人 干部 楼栋长 理事 丈夫 妻子 爱人 儿子 女儿 父亲 母亲"
)
BYLINE_ROLES = word_list(
    "本报记者 记者 本报通讯员 通讯员 实习生 见习记者 特约记者 摄影记者 摄影 编辑 作者"
)


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))


_ONE_ROLE = (
    rf"(?:(?:{_alternation(_ROLE_PREFIXES)}){{0,3}}"
    rf"(?:{_alternation(_ROLE_MODIFIERS)})?(?:{_alternation(_TITLES)}))"
)
# 社区党总支书记、社区主任 is one label for one person.
ROLE_RE = re.compile(rf"{_ONE_ROLE}(?:[、兼]{_ONE_ROLE})*")
# Between a role and the name: nothing, a colon (联系人:钱卫国) or a space on the same line.
ROLE_NAME_GAP_RE = re.compile(r"[: ]?")

BYLINE_ROLE_RE = re.compile(
    rf"(?:{_alternation(BYLINE_ROLES)}|[\u4e00-\u9fff]{{2,6}}(?:时报|日报|晚报|报社|融媒|记者))"
)
