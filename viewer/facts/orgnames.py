"""Vocabulary for organisation names: well-known bodies by their usual (often short) names,
words that end a name (公司, 委员会, 局 ...), words that never make a name specific, and the
words that stop the walk from a suffix back to a name's left edge.

Generic knowledge written by hand: national and international bodies, banks, news agencies,
armed forces. Nothing here is taken from a labelled corpus.
"""

from __future__ import annotations

import re

from viewer.facts.vocab import trie_pattern, word_list

# Bodies a reader knows by these names; matched as whole words.
KNOWN = frozenset(
    word_list(
        # Party and state.
        "中共中央 中央委员会 中央政治局 中央书记处 中央军委 中央纪委 中纪委 中央组织部 中组部 "
        "中央宣传部 中宣部 中央统战部 中联部 全国人大 全国人大常委会 人大常委会 全国政协 "
        "国务院 国务院办公厅 国务院新闻办 国新办 国家发改委 发改委 国家统计局 财政部 外交部 "
        "国防部 公安部 国家安全部 教育部 商务部 民政部 司法部 科技部 工信部 人社部 "
        "人力资源和社会保障部 自然资源部 生态环境部 环保部 住建部 住房和城乡建设部 "
        "交通运输部 铁道部 水利部 农业部 农业农村部 文化部 文化和旅游部 文旅部 卫生部 "
        "卫健委 国家卫健委 卫生健康委 退役军人事务部 应急管理部 审计署 海关总署 "
        "国家税务总局 税务总局 市场监管总局 国家市场监管总局 工商总局 质检总局 银保监会 "
        "证监会 银监会 保监会 国资委 外汇局 国家外汇管理局 国家能源局 民航局 中国民航局 "
        "监察部 环境保护部 国土资源部 建设部 信息产业部 工业和信息化部 劳动和社会保障部 人事部 "
        "国家民委 国家旅游局 国家林业局 国家文物局 国家版权局 国家知识产权局 国家邮政局 "
        "新闻出版总署 广电总局 国家广电总局 国台办 港澳办 侨办 国侨办 "
        "最高人民法院 最高法 最高人民检察院 最高检 "
        "中国人民银行 人民银行 央行 "
        # Short forms of local government bodies (市住建委, 区住保办 ...).
        "住建委 住建局 住保办 房管局 国土局 规划局 城管局 环保局 教育局 教委 卫健局 卫生局 "
        "民政局 人社局 财政局 税务局 公安局 交警支队 交警大队 消防救援支队 市场监管局 "
        "工商局 质监局 药监局 食药监局 文旅局 文化局 体育局 农业农村局 水利局 交通局 "
        "统计局 审计局 信访局 应急管理局 银监局 保监局 证监局 金融办 教工委 政法委 纪委监委 "
        "发改局 科技局 商务局 司法局 林业局 气象局 地震局 "
        # Armed forces and police.
        "中国人民解放军 解放军 人民解放军 武警 武警部队 海军 空军 陆军 火箭军 海警 "
        "美军 英军 法军 德军 日军 俄军 苏军 韩军 朝军 以军 美国海军 美国空军 美国陆军 "
        # Mass organisations and academies.
        "共青团中央 团中央 全国妇联 全国总工会 全国工商联 中国科协 中国科学院 中科院 "
        "中国社会科学院 社科院 中国工程院 中国作协 中国文联 中国残联 中国红十字会 红十字会 "
        "中国足协 足协 中国篮协 篮协 国家体育总局 体育总局 中国奥委会 "
        # Banks and big state companies.
        "工商银行 工行 农业银行 农行 中国银行 中行 建设银行 建行 交通银行 交行 招商银行 "
        "招行 邮储银行 邮储 国家开发银行 国开行 进出口银行 农业发展银行 农发行 光大银行 "
        "浦发银行 民生银行 中信银行 兴业银行 华夏银行 平安银行 广发银行 花旗银行 花旗 "
        "汇丰银行 汇丰 渣打银行 渣打 德意志银行 高盛 摩根大通 摩根士丹利 美联储 欧洲央行 "
        "国家电网 南方电网 中石油 中石化 中海油 中国移动 中国联通 中国电信 中国铁路 "
        "国铁集团 中粮 中远 中远海运 中信集团 华为 中兴 联想集团 阿里巴巴 腾讯 百度 京东 "
        "小米 新浪 新浪网 搜狐 网易 中信证券 中金公司 国泰君安 华泰证券 中国银联 银联 "
        "支付宝 万科 恒大 碧桂园 海尔 格力电器 美的集团 比亚迪 上汽 一汽 东风汽车 国航 "
        "深发展 浦发 中储粮 中房协 索尼 育碧 东航 南航 海航 宝钢 鞍钢 首钢 "
        "中国中铁 中国铁建 中国建筑 中国平安 中国人寿 "
        "家乐福 沃尔玛 麦当劳 肯德基 星巴克 可口可乐 百事可乐 苹果公司 微软公司 谷歌 "
        "亚马逊 特斯拉 丰田 本田 大众汽车 宝马 奔驰 通用汽车 福特汽车 三星电子 松下 "
        "西门子 诺基亚 爱立信 英特尔 波音 空客 佳士得 苏富比 迪士尼 华纳兄弟 任天堂 "
        # News organisations.
        "新华社 中新社 中央电视台 央视 中央人民广播电台 人民日报 光明日报 经济日报 "
        "新华网 人民网 中新网 中国新闻网 路透社 美联社 法新社 共同社 塔斯社 俄新社 "
        "彭博社 合众国际社 韩联社 "
        # International bodies.
        "联合国 联合国安理会 安理会 联合国大会 联大 联合国教科文组织 教科文组织 "
        "联合国儿童基金会 世界卫生组织 世卫组织 世界贸易组织 世贸组织 国际货币基金组织 "
        "世界银行 世行 亚洲开发银行 亚行 亚投行 欧盟 欧洲联盟 欧盟委员会 欧洲议会 北约 "
        "东盟 非盟 阿盟 上合组织 上海合作组织 亚太经合组织 欧佩克 石油输出国组织 "
        "国际奥委会 国际足联 亚足联 欧足联 国际红十字会 国际原子能机构 世界气象组织 "
        "白宫 五角大楼 美国国会 国会 克里姆林宫 "
        "bbc cnn nba fifa ioc nasa who wto imf opec"
    )
)
# Latin-letter short forms need a word edge of letters on both sides (not 'who' in 'whose').
LATIN_KNOWN = frozenset(k for k in KNOWN if k.isascii())

# A name ends in one of these (longest first when matching).
SUFFIXES = word_list(
    "股份有限公司 有限责任公司 有限公司 分公司 公司 集团 委员会 居委会 村委会 业委会 管委会 "
    "常委会 党支部 党总支 党工委 党委 工会 团委 妇联 人民医院 医院 卫生院 学院 大学 中学 "
    "小学 学校 幼儿园 中心 协会 研究会 学会 商会 联合会 基金会 促进会 联谊会 派出所 "
    "人民法院 法院 检察院 研究院 研究所 实验室 银行 支行 分行 信用社 合作社 超市 商场 "
    "酒店 宾馆 养老院 敬老院 福利院 服务站 工作站 实践站 卫生站 供电所 事务所 电视台 "
    "广播电台 报社 出版社 杂志社 通讯社 图书馆 博物馆 纪念馆 文化馆 体育馆 科技馆 美术馆 "
    "大使馆 使馆 领事馆 总领事馆 办事处 政府 办公室 俱乐部 足球队 篮球队 球队 代表队 "
    "联盟 总局 总署 总会 总队 支队 大队 中队 部队 军区 舰队 海军 空军 陆军 "
    "警察局 公安局 公安厅 交警队 消防队 工作室 看守所 拘留所 戒毒所 监狱 中院 卫视 拍卖行 "
    "商行 厅 署 部 局 委 办 厂 队"
)
# Words that end a company's name only after a brand (万通地产, 索尼影业), never after a
# place or an ordinary word alone (房地产, 中国投资).
SECTOR_SUFFIXES = word_list(
    "地产 置业 传媒 影业 控股 证券 保险 实业 药业 制药 科技 电器 航空 财经 投资 基金 娱乐 "
    "电影 影视 旅行网"
)
# One-character suffixes: they end a name only in the conditions `orgs` checks.
SINGLE = frozenset("厅署部局委办厂队")

# Words that never make a name specific on their own (社区党群服务中心, 外资银行 are generic).
GENERIC = frozenset(
    word_list(
        "省 市 区 县 镇 乡 社区 小区 村 街道 红色 该 本 各 此 这 那 全 新 老 某 相关 有关 职能 "
        "主管 上级 物业 环卫 燃气 热力 供热 供水 供电 自来水 房地产 开发 施工 服务 便民 "
        "便民服务 党群 党群服务 综合 文化 活动 日间 照料 日间照料 老年人 老年 养老 爱心 卫生 "
        "社区卫生 医疗 新时代 文明 实践 文明实践 志愿 志愿者 居民 业主 党 儿童 青少年 妇女 "
        "群众 家庭 公共 共建 联建 驻区 辖区 附近 当地 大型 小型 私人 民营 国有 企业 公立 私立 "
        "基层 人民 事务 管理 保洁 保安 电力 通信 快递 外卖 网点 城市 国家 地方 政府 办公 工作 "
        "服务中心 人民政府 人民医院 社区党群 银行 医院 学校 小学 中学 大学 公司 中心 超市 商场 "
        "养老院 敬老院 福利院 幼儿园 两家 一家 多家 家 其他 其它 有限公司 分公司 "
        # Kinds of firm or bank rather than names of one.
        "外资 中资 合资 独资 内资 外国 国外 国内 境外 境内 海外 外地 本地 本土 民营 私营 国营 "
        "政策性 股份制 商业 零售 批发 投资 信托 贷款 小额贷款 担保 典当 拍卖 博彩 彩票 电影 "
        "影视 传媒 媒体 广告 业务 法人 金融 保险 证券 基金 期货 地产 建筑 装修 装饰 设计 "
        "咨询 中介 培训 教育 科技 技术 网络 互联网 电子 物流 运输 出租车 公交 汽车 医药 "
        "制药 食品 餐饮 旅游 旅行 会计 律师 审计 评估 贸易 进出口 化工 钢铁 能源 石油 煤炭 "
        "矿业 农业 工业 主要 知名 著名 各大 大 小 中小 大中型 中小型 跨国 全球 国际 世界 "
        "全国 中央 地区 省级 市级 县级 区级 专业 专门 正规 非法 地下 黑 几家 这家 那家 "
        "每家 各家 多个 一些 某些 信用卡 研究 政策 发展 科学 学术 行政 司法 执法 主管部门 "
        "国家级 省属 市属 区属 直属 下属 所属 上市 非上市 球 主 客 两 对手 该队 国家 职业 部分 "
        "发卡 四星 五星 三星级 四星级 五星级 二流 一流 游戏 家具 中小学 前半 后半 上半 下半 "
        "主场 客场 支 只 个 各个 所有 全体 房产 经纪 房产经纪 日式 百货 短信 商务 豪门 "
        "连锁 大型连锁 寄宿制 全日制 民办 公办 镇级 乡级 村级 肇事 客车"
    )
)

# Characters after a suffix that show it is the start of another word (中心城市, 委员, 银行卡).
BLOCKED_AFTER = {
    "中心": ("城市", "城区", "环节", "户", "思想", "位置", "地带", "点", "线"),
    "委": ("员", "托", "屈", "婉", "派"),
    "办": ("法", "理", "事", "公", "好", "学", "案", "成", "得", "结", "实"),
    "局": ("面", "势", "部", "限", "长"),
    "厂": ("家", "房", "区", "长", "商", "院"),
    "部": ("分", "门", "长", "署", "位", "落", "件", "属", "队", "首", "委", "级", "位"),
    "厅": ("长", "堂", "级"),
    "署": ("长", "名", "理"),
    "队": ("长", "员", "伍", "列", "友", "形", "医", "服", "旗", "徽"),
    "银行": ("卡", "账", "业"),
    "大学": ("生",),
    "中学": ("生",),
    "小学": ("生",),
    "集团": ("化", "军"),
    "联盟": ("杯",),
}

# Two-character words ending in a one-character suffix that name a body; other two-character
# words with those endings are everyday words (大局, 举办, 全部, 球队) and not organisations.
SINGLE_OK_2 = frozenset(
    word_list("纪委 区委 市委 县委 省委 工委 教委 团委 村委 镇委 分局 支局 分厂 团部 党部")
)
# Fields of government before 厅 and 署 (公安厅, 教育厅, 审计署).
GOV_DOMAINS = frozenset(
    word_list(
        "公安 教育 民政 财政 卫生 交通 水利 司法 商务 文化 农业 林业 科技 审计 国土 环保 住建 "
        "建设 人社 人事 劳动 外事 侨务 体育 旅游 统计 税务 海关 知识产权 质检 气象 地震 粮食 "
        "安监 监狱 发改 工信 信息产业 自然资源 生态环境 卫健 广电 新闻出版 档案"
    )
)
SINGLE_OK_BEFORE_BAN = frozenset(
    word_list("政府 信访 综治 文明 党政 扶贫 防汛 网信 督查 人防 双拥 老干")
)

# jieba's HMM sometimes glues a preposition onto the name (由市 + 疾控中心): an unknown word
# starting with one of these loses that character and ends the walk.
GLUED_FUNCTION_CHARS = frozenset("由在向与和到从为对给把被将及等的是让经同跟据")
# One-character words that never start a name, whatever jieba tags them (经 + 大理市 ...).
STOP_SINGLE = frozenset("经由据在向对被把将从为给让于至及与和或故号支个位名座间只条批")
GLUED_INSIDE = frozenset("到在了的是把被给从向对就都也将让着过")
# A name may start with one of these one-character words (区城管局, 市疾控中心), but another
# single character at the left edge is a fragment of the word before (商贸城 -> 城).
ADMIN_SINGLE = frozenset("省市区县镇乡村新老大")
# Verbs (and verbal nouns) often found inside names of bodies (防火中心, 养老服务中心); other
# verbs end the walk (设置, 联合, 邀请).
NAME_VERBS = frozenset(
    word_list(
        "防火 信访 养老 救助 培训 招商 投资 开发 发展 建设 保护 监督 检测 监测 维修 调解 治理 "
        "改革 运营 咨询 物流 配送 护理 康复 体检 批发 零售 销售 印刷 装饰 制造 加工 生产 种植 "
        "养殖 供应 供热 供水 供电 排水 防疫 离退休 执法 救援 消防 管理 服务 保障 教育 协作 "
        "合作 实验 生活 综合 研究 交流 促进 创新 融 规划 设计 评估 鉴定 审计 统计 营销 贸易 "
        "出版 传播 演出 运输 治疗 防控 托育 健身 娱乐 展览 保险 安置 就业 创业 孵化 改造 回收 "
        "救济 慈善 医疗 卫生 急救 疾控 信用 储蓄 结算 物业 环卫 绿化 市政 城管 质检 监察 巡察 "
        "审批 政务 扶贫 储备 整理 拍卖 驻"
    )
)
# Words that stand before a name rather than inside it (共建单位 + 某某幼儿园).
STOP_WORDS = frozenset(
    word_list(
        "单位 辖区 部门 企业 机构 组织 居民 群众 专家 我区 本区 全市 全区 全省 全国 全县 我市 "
        "本市 共建 联建 驻区 驻地 非公 所属 下属 旗下 各级 各类 多家 两家 一家 附近 当地 所在 "
        "成员 人员 工作人员 志愿者 党员 干部 社区干部 家属 家属院 及其 相关 有关 职能 主管 "
        "上级 该 本 其 联系 协调 联合 组织 邀请 配合 依托 携手 委托 通过 参加 参与 支持 帮助 "
        "隶属于 属于 位于 包括 作为 成为 身为 来自 前往 进入 走进 记者 报道 讯 本报讯 日电 "
        "电 消息 据悉 据 称 表示 目前 今年 去年 昨天 今天 近日 日前 办理 世纪 年代 时期 期间 "
        "部分 这是 那是 就是 还是 也是 都是 嘉宾 主持人 原 前 现 先生 女士 战胜 击败 负于 "
        "不敌 逼平 战平 力克 迎战 对阵 挑战 做客 主场 客场 淘汰 输给 赢 赢了 输 输了 地址 地点 "
        "位置 所有 全部 一些 许多 很多 大型 连锁 本轮 上轮 下轮 本赛季 上赛季 图为 上图 下图 "
        "上述 客户 承办方 主办方 协办方 生产商 供应商 开发商 运营商 经销商 代理商"
    )
)
# Words starting like this are adverbial phrases (充分利用, 积极配合) even when jieba calls them
# nouns.
STOP_PREFIXES = ("充分", "积极", "主动", "认真", "全面", "大力", "努力", "进一步", "不断", "切实")

# One-character words that as the first character of an unknown word show that jieba glued a
# verb or a preposition onto the name (齐聚 + 上海..., 告上 + 法院): the walk stops there.
# (Next to the suffix a brand may start like a verb, an adverb or a preposition: 顺发超市,
# 培文学校, 必发公司; the first three are checked only further left.)
GLUE_TAGS = ("v", "d", "c", "f", "u", "r", "m", "q")

# After any suffix these make the whole thing a street or a housing estate (中学路, 医院街).
ADDRESS_AFTER = ("路", "街", "大道", "巷", "胡同", "家属院", "院", "小区", "社区")
HEAD_TITLES = ("院长", "院士")
# Three-character words ending in 局/办 that are phrases, not bodies (开新局, 怎么办).
PHRASE_TAILS = frozenset(
    word_list(
        "新局 大局 好局 格局 布局 全局 变局 残局 开局 结局 僵局 骗局 当局 时局 定局 终局 棋局 "
        "么办 上办 次办 即办 近办 快办 你办 我办 帮办 代办 内部 外部 全部 干部 局部 总部 "
        "东部 西部 南部 北部 中部 本部 腹部 头部 胸部 面部 底部 顶部 背部 脚部 腿部 俱乐部 "
        "场所 住所 处所 厕所"
    )
)
# Endings of dictionary organisation words (`nt`) that really name a body.
NT_ENDINGS = tuple("司团会院校社所局部委厅署处办行队军党盟报台府馆厂")

NOT_BRANDS = frozenset(word_list("vs v and of the"))
MULTI_SUFFIXES = tuple(x for x in SUFFIXES if len(x) > 1)
# Units inside a body: their name includes the body's (青禾物业服务有限公司党支部).
SUB_UNITS = tuple(
    word_list(
        "党支部 党总支 党委 党工委 工会 团委 妇联 分公司 分行 支行 分局 分会 办公室 办事处 "
        "研究所 研究院 研究会 研究中心 实验室 委员会 学院 中心 部 处 科 室 队 所 站 馆"
    )
)

ADMIN_BODIES = frozenset(
    word_list(
        "人民政府 政府 人民医院 医院 中医院 人民法院 法院 中级人民法院 人民检察院 检察院 "
        "卫生院 图书馆 博物馆 文化馆 体育馆 档案馆 纪念馆 党委 委员会 人大常委会 政协"
    )
)

# Suffixes after which an ordinary noun names a kind, not a body (塑料厂, 售票厅).
STRICT = tuple(word_list("厂 酒店 宾馆 超市 商场 部 队 厅 署 中心 工作室"))

# 海军陆战队 is one body, 人大代表 a person: a known name followed by these is something else.
KNOWN_BLOCKED = ("代表", "委员", "陆战队", "军官", "士兵", "基地")


_GENERIC_RE = re.compile(f"(?:{trie_pattern(GENERIC)})*(?:{trie_pattern(SUFFIXES)})+")
ADMIN_LEVELS = frozenset("省市区县镇乡村")


def is_generic(name: str) -> bool:
    """Only kind words (物业公司, 社区党支部, 外资银行), not one body. The body of an
    administrative level is one body: 县人民医院, 镇政府, 市法院."""
    if name[:1] in ADMIN_LEVELS and name[1:] in ADMIN_BODIES:
        return False
    return _GENERIC_RE.fullmatch(name) is not None
