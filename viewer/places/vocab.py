"""Generic vocabulary the place recogniser reasons with: suffixes, stop words, modifiers.

Nothing here names a real place except GENERIC_DIVISION_NAMES (official names that are also
ordinary words). These are closed classes of Chinese (prepositions, pronouns, time words, role
nouns, adjectives used as slogans) plus the administrative suffixes and the common nouns that end
in a suffix character without being a place (城市, 小区, 农村 ...).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Shortest and longest name before the suffix (in characters) of a community or village.
MIN_CORE = {"community": 2, "village": 1}
MAX_CORE = {"community": 6, "village": 5}

# Characters of administrative levels; a word made only of them (省市, 区县) lists levels.
LEVEL_CHARS = frozenset("省市区县镇乡")

# Common surnames: a one-character village name (张村, 李村) is nearly always one of them.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
)
DIRECTIONS = frozenset("东西南北")
NUMERALS = frozenset("一二三四五六七八九十")

# One-character words after which a name needs more to its left (…路社区, …庄社区); the word
# before them belongs to the name whatever its part of speech (吉祥庄, 常青路, 解放路).
FEATURE_CHARS = frozenset(
    "路街巷里庄园村沟坪滩湾桥营屯寨铺店集岗坡坝堡峪洼口河湖山塘池港苑城门楼井泉台岭峰林溪江"
    "洲岛府院厂矿站场坊道垣窑嘴川岸渠畈圩坨垴"
)

# One-character words that never belong to a place name: prepositions, pronouns, determiners,
# particles, motion verbs (进社区, 到社区, 驻村), localisers.
STOP_CHARS = frozenset(
    "在对到为以与和及同跟从自由把被给将往至经按据让使叫是有无不没也都就还又再才已正更很最太的"
    "地得了着过吗呢吧啊之其此这那该本各每全某我你他她它咱进出入去来回驻住赴抵离返下上中内外里"
    "旁间前后等或并且而但若如因所共帮替向"
)
# Characters that cannot end a place name, so "<char><suffix>" is rejected before segmenting.
QUICK_STOP_CHARS = frozenset(
    "在对到为以与及把被给将往至按据让使叫是有无不没也都就还又再才已很最太的得了着过吗呢吧啊之其此"
    "这那该本各每全某我你他她它咱去赴抵离返等或并且而但若因所帮替"
)
# A verb alone is a name (胜利街道) only after one of these or at a boundary (在胜利街道).
LONE_VERB_LEFT = frozenset("在对到于从向和与及同的至往赴驻住是")
# The first character of an unknown (HMM-built) word that shows jieba glued a function word to
# a name: 驻峡|窝镇, 我区, 为区. Narrower than STOP_CHARS because names start with 上/前/后/向.
GLUED_LEAD_CHARS = frozenset(
    "在对到为以与及把被给将往至让使是有不也都就还又再才已正更很最的了着过之其此这那该本各每全某"
    "我你他她它咱进入去来驻住赴返共从由自"
)

# Slogan verbs and qualities: an unknown two-character word made only of them (建强, 抓实,
# 优美) is a slogan in front of 社区, not a name.
SLOGAN_CHARS = frozenset("建强抓促创树助护治管提推筑聚凝融争优亮净美绿实细严精准好全")

# Part-of-speech tags (jieba) of words that end a name when walking left: function words,
# numerals, time words, adverbs, idioms, distinguishing words (整个, 省级).
FUNCTION_TAGS = _words(
    "p r rr rz c cc u uj ul uz ud ug uv d df dg ad m mq q qv t tg y e o k h x w b l i"
)
VERB_TAGS = _words("v vn vd vi vg vq vf vx")
NOUN_TAGS = _words("n vn")
# Localisers of two or more characters (以前, 周边, 东部) end a name too.
LOCALISER_TAGS = _words("f")
# Adjectives of two or more characters describe a community rather than name it (为丰富社区
# 居民, 美好社区); before other suffixes they are common names (丰乐县, 繁荣村).
ADJECTIVE_TAGS = _words("a ad an ag")

# Verbs and adjectives that are classic names of streets, towns and villages (胜利街道, 前进村);
# alone before a suffix they name it when nothing else could join them on the left.
NAME_VERBS = _words("胜利 前进 解放 振兴 复兴 跃进 团结 奋斗 繁荣 自强 丰收 民主 光荣")
# A word ending like this is a province, prefecture or organisation in front of the name.
FOREIGN_ENDINGS = ("省", "州", "委", "政府", "局", "厅", "部", "办", "会", "队", "所", "处", "中心")
# ... or a division the gazetteer does not know (an old town name: 某某镇|某某村).
DIVISION_ENDINGS = ("镇", "乡", "街道", "区", "县", "市")
# A word ending like this further left than right before the suffix is a road (东山路|金山新村).
ROAD_ENDINGS = ("路", "街", "巷", "大道")
# Right after a division, these stop characters start a village's name (某某街道下沈村).
NAME_LEAD_CHARS = frozenset("上下中前后东西南北大小新老")

# Words that end a name when walking left (context words, not name parts).
STOP_WORDS = _words(
    """
    近日 日前 近期 目前 今年 去年 明年 今天 昨天 当天 当日 年度 年初 年底 年末 上半年 下半年
    期间 以来 之际 以后 之前 之后 家住 住在 居住 位于 地处 坐落 来到 走进 走访 前往 深入 进入
    开展 联合 组织 参观 慰问 调研 考察 赶到 赶赴 回到 到达 抵达 落户 入驻 驻扎 所在 整个 每个
    全体 各个 各级 记者 居民 群众 党员 干部 村民 市民 工作人员 志愿者 网格员 通讯员 本报讯 本报
    消息 我们 他们 以及 还有 包括 其中 分别 来自 辖区 附近 周边 当地 本地 外地 全国 全省 国家
    中国 我国 社区 街道 小区 办事处 市 区 县 镇 乡 共建 联建 结对 帮扶 对口 驻地 联系 动员
    助力 发动 带动 协调 对接 覆盖 服务 打造 创建 建设 本年度 扎根 美化 净化 绿化 分包 督导 指导
    报告 包联 包保 大学生 学生"""
)

# Slogan words that make "X社区" a kind of community rather than a named one (和谐社区,
# 书香社区, 城市社区); a name made only of them is no place.
MODIFIERS = _words(
    """
    和谐 文明 书香 平安 美丽 幸福 智慧 示范 基层 城乡 城市 农村 乡村 安全 绿色 数字 无毒
    健康 法治 生态 宜居 老旧 新型 现代 先进 试点 重点 特色 明星 模范 优秀 红色 人文 温馨 活力
    魅力 整洁 洁净 和美 和睦 友好 节约 学习 服务 创新 标准 规范 星级 五星 养老 老年 儿童 青年
    国际 开放式 封闭式 传统 典型 省级 市级 区级 县级 标杆 精品 品质 未来 数智 廉洁 清廉 志愿
    爱心 全国 文化 党建 网格 新时代 小康 富裕 共享 和合 贫困 百强 新建 新增"""
)
# A name ending in one of these is a description (服务型, 亲民化, 开放式, 县级).
DESCRIPTIVE_ENDINGS = frozenset("型化式性级")

# Words ending in a suffix character that are common nouns, not places (jieba often tags them
# ns, so the tag cannot tell). Matched against the whole jieba word that ends in the suffix.
GENERIC_WORDS = _words(
    """
    城市 超市 都市 门市 股市 楼市 夜市 集市 早市 上市 花市 直辖市 县级市 地级市 省辖市
    文明城市 中心城市 小区 辖区 城区 市区 郊区 园区 景区 校区 山区 片区 街区 老区 灾区 牧区 林区
    矿区 厂区 营区 库区 病区 禁区 误区 盲区 专区 赛区 东区 西区 南区 北区 中区 新区 开发区 示范区
    保护区 功能区 居住区 住宅区 生活区 安置区 商业区 服务区 风景区 旅游区 工业区 试验区 实验区
    保税区 行政区 自治区 高新区 学区 社区 驻区 城镇 乡镇 村镇 集镇 重镇 古镇 小镇 名镇 城乡 家乡
    故乡 老乡 下乡 返乡 回乡 同乡 他乡 异乡 思乡 水乡 梦乡 农村 乡村 山村 渔村 驻村 进村 入村
    包村 同村 邻村 全村 本村 该村 各村 回村 新农村 城中村 度假村 地球村 自然村 行政村 示范村
    文明村 贫困村 村村 全市 全区 全县 全镇 全乡 本市 本区 本县 本镇 我市 我区 我县 我镇 该市 该区
    该县 该镇 各市 各区 各县 各镇 各乡 各乡镇 市县 区县 州县 郡县 和谐社区 城市社区 街道社区
    新城区 老城区 省市区 棚户区 技术开发区 经济开发区 贫困县 示范县 百强县 强县 强市 强镇"""
)
# 全区, 我市, 该县 ... end a name when walking left (全区新建社区).
STOP_WORDS = STOP_WORDS | {w for w in GENERIC_WORDS if w[0] in "全本我该各"}
# Two characters ending in a one-character suffix that never end a place name; checked on the
# raw text before any segmentation (像小区内, 辖区, 城市, 农村).
NEVER_NAME_ENDINGS = _words(
    """
    小区 辖区 园区 景区 校区 片区 社区 城市 超市 都市 门市 农村 乡村 山村 城乡 家乡 乡镇 城镇
    驻村 包村"""
)

# Two characters starting with a one-character suffix that make an ordinary word, so the
# character is not a suffix there (农贸市场, X区域, 镇定, 乡村, 村庄).
NOT_SUFFIX_STARTS = _words(
    """
    市场 市容 市值 市面 市井 市价 市集 区域 区别 区分 区间 区块 区位 区划 镇定 镇压 镇守 镇静 乡村
    乡愁 乡土 乡亲 乡情 乡音 乡镇 乡下 乡里 村庄 村落 村寨 村镇 村舍 村官 村医"""
)
# Titles starting with a suffix character; after a surname they make a person (王村长).
TITLES = _words("村长 市长 区长 县长 镇长 乡长")

# -- the gazetteer's names in running text -----------------------------------------------------

# Official county-level names that are ordinary words (城区 "urban area", 郊区 "suburbs"): they
# name a division only right after the city they belong to (某某市郊区).
GENERIC_DIVISION_NAMES = _words(
    "城区 郊区 矿区 东区 西区 南区 北区 中区 市中区 新城区 老城区 新市区 解放区"
)
# Township-level names stand alone only with one of these suffixes; 地区 and 办事处 names (some
# are ordinary phrases: 温泉地区, 沙河地区) count right after their county. Development zones,
# farms and the like (开发区, 农场, 林场) are never matched: they are ordinary words.
TOWNSHIP_SUFFIXES = ("街道", "镇", "乡", "苏木")
TOWNSHIP_AFTER_PARENT_SUFFIXES = ("地区", "办事处")
# After a short form (北京, 贵州) these make it a road, a station, a building or a time zone,
# not a place: 北京路, 北京站, 北京时间.
SHORT_FORM_NOT_BEFORE = _words(
    """
    路 街 大街 大道 道 巷 站 南站 北站 东站 西站 桥 大桥 号 时间 饭店 宾馆 酒店 大厦 大酒店 烤鸭 牌
    社区 村 新村 街道 镇 乡 小区 花园"""
)
# A short form written as one word with one of these is still the place: 香港特区, 台湾地区.
SHORT_FORM_DESIGNATIONS = ("特区", "地区")
# Characters before a one-token county name of two characters (和县, 沙县) that make it part of
# a phrase (市和县, 省市县) rather than the county.
COUNTY_NOT_AFTER = frozenset("省市区县镇乡和与及各全本我该")
