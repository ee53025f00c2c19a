"""Generic newspaper vocabulary the page splitter relies on: roles in bylines, column words,
surnames, function characters that cannot end a headline, advertisement words.

Nothing here names a real place, paper or person: the rules must work on pages never seen.
"""

from __future__ import annotations

# Credited roles, longest first so prefix matching takes the most specific one.
ROLE_WORDS = tuple(
    sorted(
        {
            "记者", "本报记者", "本台记者", "本刊记者", "特约记者", "见习记者", "实习记者",
            "首席记者", "摄影记者", "融媒记者", "融媒体记者", "全媒体记者", "通讯员",
            "本报通讯员", "特约通讯员", "实习生", "见习生", "报道员", "摄影", "编辑",
            "责任编辑", "责编", "美编", "校对", "审核", "审校", "终审", "撰稿", "撰稿人",
            "作者", "口述", "整理", "文/图", "图/文", "图文", "视频", "剪辑", "主持人",
            "策划", "统筹", "监制", "制作", "设计", "读者",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
# A token ending like this is a role even with a prefix: 某某融媒记者, 某某区通讯员.
ROLE_SUFFIXES = ("记者", "通讯员", "实习生", "报道员", "编辑")
# A newspaper or station credited like a role: `某某时报 张三`.
ORG_ROLE_SUFFIXES = (
    "日报", "晚报", "时报", "周报", "报社", "报", "电视台", "台", "融媒体中心", "融媒体",
    "融媒", "新闻中心", "新闻网", "传媒", "杂志社", "通讯社",
)  # fmt: skip
# Printed after the names: `林 峰摄`, `文/图`, `本报通讯员撰`. Value: role given to unroled names.
BYLINE_SUFFIXES = {
    "文/图": "文/图", "图/文": "文/图", "文图": "文/图", "摄影报道": "摄影", "摄影": "摄影",
    "摄": "摄影", "报道": "", "撰稿": "", "供稿": "", "整理": "整理", "撰": "", "制图": "制图",
}  # fmt: skip
PHOTO_SUFFIXES = frozenset({"摄影报道", "摄影", "摄"})

# Column (kicker) words: a short line made of one of these sits above a story, not in it.
COLUMN_WORDS = frozenset(
    {
        "开栏语", "编者按", "编者的话", "编后", "编后语", "卷首语", "评论", "时评", "短评",
        "社论", "言论", "来论", "述评", "点评", "观察", "随笔", "杂谈", "专栏", "专题",
        "动态", "快讯", "简讯", "短讯", "速递", "要闻", "资讯", "图片新闻", "图说", "图闻",
        "一线", "聚焦", "关注", "纪实", "专访", "访谈", "人物", "链接", "新闻链接",
        "相关链接", "背景", "提示", "走基层",
    }
)  # fmt: skip
# A longer line ending in one of these is a column too: 社区动态, 某某人物系列报道.
COLUMN_ENDINGS = (
    "动态", "快讯", "简讯", "短讯", "速递", "资讯", "图片新闻", "系列报道", "专栏", "专题",
    "系列评论", "开栏语", "编者按", "连载", "巡礼", "风采录", "要闻",
)  # fmt: skip
# Kickers that make the story an opinion or column piece rather than news.
OPINION_COLUMNS = (
    "开栏语", "编者按", "编者的话", "编后", "卷首语", "评论", "时评", "短评", "社论",
    "言论", "来论", "述评", "点评", "随笔", "杂谈", "专栏",
)  # fmt: skip

# A line ending in one of these was cut mid-sentence by OCR, so it is not a headline.
CUT_ENDINGS = frozenset("为的和在与及对把将被从向是就而并或让使给之其以于等正已由即因但且据")

# Words that end in one of those characters yet can end a headline: 担当作为, 守正, 感动不已.
WORDS_ENDING_LIKE_CUTS = (
    "作为", "行为", "有为", "无为", "可为", "敢为", "善为", "所为", "人为", "目的", "标的",
    "祥和", "温和", "平和", "缓和", "柔和", "总和", "共和", "随和", "暖和", "谦和", "人和",
    "参与", "给与", "存在", "自在", "实在", "所在", "健在", "现在", "常在", "普及", "波及",
    "危及", "顾及", "平等", "同等", "对等", "高等", "中等", "初等", "上等", "优等", "均等",
    "相等", "头等", "特等", "求是", "大将", "名将", "老将", "干将", "闯将", "小将", "猛将",
    "主将", "女将", "服从", "顺从", "方向", "导向", "动向", "志向", "走向", "意向", "取向",
    "倾向", "风向", "供给", "补给", "公正", "端正", "纠正", "修正", "真正", "守正", "清正",
    "不已", "而已", "自由", "理由", "缘由", "原因", "基因", "成因", "依据", "证据", "数据",
    "票据", "应对", "相对", "绝对", "转让", "出让", "礼让", "谦让", "成就", "造就", "合并",
    "大使", "天使", "棉被",
)  # fmt: skip

# Words before such a suffix that are not a name: 城乡社区, 和谐社区, 新农村.
GENERIC_PLACE_PREFIXES = frozenset(
    {
        "城市", "城乡", "农村", "乡村", "和谐", "文明", "智慧", "美丽", "幸福", "平安", "绿色",
        "红色", "示范", "基层", "全国", "全省", "全市", "全区", "全县", "全镇", "所有", "各个",
        "多个", "老旧", "新型", "现代", "数字", "模范", "星级", "特色", "新农", "美丽乡",
    }
)  # fmt: skip
GENERIC_PLACE_ENDINGS = ("农村", "乡村", "城乡", "乡镇", "城镇", "村镇", "小镇")

AD_WORDS = (
    "招租",
    "招聘",
    "诚聘",
    "招商",
    "出租",
    "出售",
    "转让",
    "广告",
    "启事",
    "声明",
    "招生",
    "拍卖",
    "欢迎垂询",
    "欢迎来电",
    "欢迎咨询",
    "欢迎致电",
)

# Common single surnames (several hundred cover nearly everyone) and compound ones.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍"
    "华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦卢麦褚娄窦戚岑景党宫费卜冷晏席卫米"
    "柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈"
    "匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖"
    "练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰"
    "赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇哈湛宾戎勾茅利居揭干尉冶斯元束檀衣信展阴昝智幸奉植"
    "衡富尧闭"
)
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "慕容", "尉迟", "令狐", "皇甫", "公孙", "夏侯",
        "长孙", "宇文", "司徒", "端木", "西门", "轩辕", "澹台", "呼延", "万俟", "独孤",
    }
)  # fmt: skip
