"""Words around personal names in news text: what people do right after their name (说,
表示, 会见), posts and courtesy words after it (教授, 先生), words that show a name belongs to a
firm or a place instead (国际, 路), and how lists of names are joined. Generic vocabulary only."""

from __future__ import annotations

import re

from viewer.facts.vocab import word_list

SPEECH_RE = re.compile(
    r"笑着说|说道|表示|介绍|告诉|解释|指出|认为|坦言|感慨|强调|透露|回忆|谈到|提到|说|称"
)
# Verbs that follow a person far more often than anything else (after the name, as a word).
PERSON_VERBS = frozenset(
    word_list(
        "说 说道 表示 介绍 告诉 解释 指出 认为 坦言 感慨 强调 透露 回忆 谈到 提到 称 笑称 "
        "直言 表态 回应 回答 答 问 感叹 补充 承认 否认 证实 声称 宣称 宣布 呼吁 建议 希望 "
        "表扬 批评 会见 会晤 接见 访问 出席 主持 率领 带领 率团 陪同 致辞 讲话 发言 "
        "执导 主演 饰演 执教 加盟 效力 签约 转会 复出 退役 夺冠 获得 入选 当选 就任 担任 "
        "出任 兼任 辞职 去世 逝世 病逝 出生 生于 毕业 说起 笑道 想起 记得 觉得 发现 赶到 "
        "来到 走进 接受 告诫 叮嘱 嘱咐 感谢 坚持 决定 打算 报警 被捕 落网 供述 交代 "
        "供认 坦白 自首 驾车 驾驶 骑车 带着 领着 拿着 手持"
    )
)
# A post or courtesy word right after a full name: 李成教授, 王伟先生.
POSTS_AFTER = frozenset(
    word_list(
        "先生 女士 小姐 教授 博士 院士 老师 同志 书记 主任 主席 总理 部长 局长 市长 省长 "
        "县长 镇长 村长 委员 董事长 总经理 经理 总裁 总监 律师 医生 大夫 师傅 大爷 大妈 "
        "阿姨 老人 夫妇 夫人 一家 家 等人 本人 先后 一行 同学"
    )
)
ADVERBS = frozenset(
    word_list(
        "也 还 曾 已 已经 都 就 又 则 却 便 才 仍 仍然 正 正在 将 一直 随即 立即 马上 当即 亲自"
    )
)
# What may follow a name that is also an everyday word (村支书高峰说, 高峰的, 高峰、).
AFTER_EVERYDAY_NAME = frozenset(
    word_list("的 在 和 与 等 也 都 还 就 又 曾 已 已经 正 正在 便 则 却 一行 同志 先生 一直 仍")
)
LIST_JOINS = frozenset(word_list("、 和 与 及 以及 同 跟 , / 或 +"))

# Words after a brand or a place name, not after a person (韦德国际, 金鹏期货, 李子坝).
ORG_HEADS = frozenset(
    word_list(
        "国际 集团 公司 咨询 期货 证券 地产 置业 科技 传媒 银行 控股 股份 实业 大厦 广场 酒店 "
        "宾馆 饭店 花园 小区 家园 公寓 商场 超市 中心 球场 机场 车站 码头 公园 景区 网 杂志 "
        "报 电视台 牌 品牌 系列 坝 湾 村 镇 乡 县 市 区 路 街 巷 河 江 湖 山 岛 桥 队 联赛"
    )
)
# An unknown word starting like this after a candidate makes it a place (滕庄子 + 乡康).
PLACE_HEADS = frozenset("乡镇村路街巷区县市省州")
# A name does not end with these (places, bodies, buildings): 高龙岛, 吴家堡, 景恒街, 杭州人.
NOT_NAME_ENDINGS = frozenset(
    "市区县镇乡村路街巷寺庙岛港湾湖庄屯寨沟坡桥堡州省厂局委办站所馆队部处科室团校店场楼城门"
    "塔祠殿阁滩洼坝渠营人"
)
