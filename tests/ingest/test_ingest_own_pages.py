"""Invented pages in the seeds' styles (other names, places, numbers), read from real files."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import read_page
from viewer.model import Credit, ParsedPage

# Briefs with 本报讯, full-width digits, spaces and parentheses in bylines; stored as GB18030.
BRIEFS = "\n".join(
    [
        "",
        "",
        "社区快讯",
        "",
        "",
        "",
        (
            "近日，柳塘社区开展“健康进万家”义诊活动，为辖区７０余名老人测量血压、血糖，发放"
            "健康手册２００余份。"
        ),
        "",
        "本报通讯员供稿",
        "",
        "青石村： 开展防汛应急演练",
        "",
        (
            "本报讯\u3000７月８日，青石村组织村干部、民兵等３０余人开展防汛应急演练。演练模拟了河"
            "道水位上涨、群众转移等场景，检验了应急队伍的反应速度和协同能力。村党支部书记韩立"
            "新表示：“汛期将至，我们要做到思想不松、力量不散。”"
        ),
        "",
        "（记者\u3000郑\u3000明\u3000通讯员\u3000程晓燕）",
        "",
        "梧桐街社区： “小课堂”托起暑期“大关爱”",
        "",
        (
            "本报讯\u3000为丰富辖区青少年暑期生活，梧桐街社区联合辖区高校志愿者开设“七彩课堂”，"
            "每周二、周四下午开课，课程涵盖书法、绘画、科普实验等内容。截至８月１０日，课堂已"
            "累计开课１６节，服务青少年４００余人次。（汤\u3000静）"
        ),
        "",
        "走进群众心坎 办好民生实事",
        "",
        "“路灯亮了，晚上出门心里也踏实了。”家住梧桐街１２号院的居民高兴地说。",
        "",
        ("今年以来，梧桐街社区累计解决路灯维修、管道疏通等民生问题４３件，群众满意率达９８％。"),
        "",
        "（魏宏伟\u3000文／图）",
        "",
    ]
)

# A town and its villages: lead story with an appended byline, sections without bylines,
# OCR cuts, and a closing paragraph that repeats sentences.
TOWN = "\n".join(
    [
        "",
        "",
        "石桥镇 绘就乡村振兴“新画卷”",
        "",
        (
            "二〇二一年以来，石桥镇坚持“党建引领、产业兴村”工作思路，围绕增收致富、环境整治"
            "、文明创建三项重点工作，推动全镇12个行政村面貌焕然一新。记者 周明远 东林融媒"
            "记者 贺小雨 文/图"
        ),
        "",
        "柳河村 小葡萄串起致富路",
        "",
        (
            "走进柳河村葡萄种植基地，一串串紫红色的葡萄挂满枝头。村党支部书记孟庆丰介绍，全村"
            "葡萄种植面积已达360亩，年产值超过500万元，带动"
        ),
        "",
        "120余户村民增收。",
        "",
        ("“以前种玉米，一亩地一年挣不了几百块钱，现在种葡萄，收入翻了好几番。”村民邵大娘笑着说。"),
        "",
        "东岗村 垃圾分类成新风",
        "",
        (
            "东岗村在全村推行垃圾分类积分制，村民每正确投放一次可获得1个积分，积分可兑换日用"
            "品。村里还组建了由28名党员组成的监督队，每天对各户分类情况进行检查。截至目前，"
            "全村垃圾分类准确率达到90%以上。"
        ),
        "",
        (
            "环境好了，人心也齐了。东岗村正以垃圾分类为切入点，持续提升村容村貌。村里还组建了"
            "由28名党员组成的监督队，每天对各户分类情况进行检查。截至目前，全村垃圾分类"
        ),
        "",
    ]
)

# A column opener, a story with short subheads, a news item, an advertisement, a photo
# caption and a one-paragraph brief; parenthesised text that is not a byline stays in the body.
MIXED = "\n".join(
    [
        "",
        "",
        "编者按：",
        "",
        "乡风文明润万家",
        "",
        "——２０２２年度临河区文明家庭系列报道",
        "",
        (
            "家庭是社会的基本细胞。即日起，本报推出系列报道，讲述身边的文明家庭故事（２０２２"
            "年），敬请关注。"
        ),
        "",
        "清风社区 邻里守望一家亲",
        "",
        "“有事您说话，咱们都是一家人。”清风社区的居民常把这句话挂在嘴边。",
        "",
        "邻里议事厅",
        "",
        (
            "社区在３号楼架空层设立邻里议事厅，每月召开一次议事会，今年已解决停车难、晾晒难等"
            "问题１１件。"
        ),
        "",
        "爱心食堂",
        "",
        (
            "为解决独居老人吃饭难问题，社区联合辖区餐饮企业开办爱心食堂（位于社区服务中心一楼"
            "东侧），为６０岁以上老人提供优惠午餐。"
        ),
        "",
        "河湾村 为民办实事 修通连心路",
        "",
        (
            "近日，河湾村投资４５万元修建的２.６公里通组道路正式通车，解决了３个村民组４００"
            "多名群众出行难的问题。"
        ),
        "",
        "（记者 尹晓东 通讯员 樊 莉）",
        "",
        "出租",
        "",
        (
            "现有临街门面房一处，面积１２０平方米，适合餐饮、超市等经营。联系电话：０３７１－"
            "６６５５８８２１\u3000１３９３７１２６６８０"
        ),
        "",
        "近日，实验小学组织学生走进消防站，近距离观看消防车辆和装备，学习火场逃生知识。",
        "",
        "邵 磊摄",
        "",
        (
            "３月５日，临河区志愿者协会组织５０余名志愿者到敬老院开展学雷锋志愿服务活动。（记"
            "者 田 甜）"
        ),
        "",
    ]
)


def _write(tmp_path: Path, name: str, text: str, encoding: str) -> ParsedPage:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read_page(path)


def test_gb18030_briefs_page(tmp_path):
    page = _write(tmp_path, "东林日报_2021-08-12_B02.txt", BRIEFS, "gb18030")
    assert page.encoding == "gb18030"
    assert (page.meta.source, page.meta.date, page.meta.page) == ("东林日报", "2021-08-12", "B02")
    stories = page.stories
    assert [s.title for s in stories] == [
        "",
        "青石村： 开展防汛应急演练",
        "梧桐街社区： “小课堂”托起暑期“大关爱”",
        "走进群众心坎 办好民生实事",
    ]
    assert stories[0].kicker == "社区快讯"
    assert stories[0].kind == "brief"
    assert stories[0].byline == "本报通讯员供稿"
    assert stories[1].credits == [Credit("郑明", "记者"), Credit("程晓燕", "通讯员")]
    assert stories[1].byline == "本报讯 （记者　郑　明　通讯员　程晓燕）"
    assert stories[1].body.startswith("７月８日，青石村")
    assert stories[2].credits == [Credit("汤静", "")]
    assert stories[2].body.endswith("服务青少年４００余人次。")
    assert stories[3].credits == [Credit("魏宏伟", "文/图")]
    assert stories[3].body.count("\n") == 1


def test_town_page_sections_cuts_and_duplicates(tmp_path):
    page = _write(tmp_path, "town.md", TOWN, "utf-8-sig")
    assert page.encoding == "utf-8-sig"
    assert page.years == [2021]
    stories = page.stories
    assert [s.title for s in stories] == [
        "石桥镇 绘就乡村振兴“新画卷”",
        "柳河村 小葡萄串起致富路",
        "东岗村 垃圾分类成新风",
    ]
    assert stories[0].credits == [Credit("周明远", "记者"), Credit("贺小雨", "东林融媒记者")]
    assert stories[0].body.endswith("面貌焕然一新。")
    assert "带动120余户村民增收。" in stories[1].body
    assert stories[1].body.count("\n") == 1
    last = stories[2]
    assert last.hidden == [
        "村里还组建了由28名党员组成的监督队，每天对各户分类情况进行检查。",
        "截至目前，全村垃圾分类",
    ]
    assert last.body.endswith("持续提升村容村貌。")


def test_mixed_page_kinds_subheads_and_parentheses(tmp_path):
    page = _write(tmp_path, "临河报_20220305.txt", MIXED, "utf-16")
    assert page.encoding == "utf-16-le"
    assert (page.meta.source, page.meta.date, page.meta.page) == ("临河报", "2022-03-05", "")
    assert page.years == [2022]
    stories = page.stories
    assert [s.title for s in stories] == [
        "乡风文明润万家",
        "清风社区 邻里守望一家亲",
        "河湾村 为民办实事 修通连心路",
        "出租",
        "",
        "",
    ]
    assert [s.kind for s in stories] == ["column", "article", "brief", "ad", "caption", "brief"]
    column = stories[0]
    assert (column.kicker, column.subtitle) == ("编者按：", "２０２２年度临河区文明家庭系列报道")
    assert "故事（２０２２年），敬请关注。" in column.body
    assert stories[1].subheads == ["邻里议事厅", "爱心食堂"]
    assert "（位于社区服务中心一楼东侧）" in stories[1].body
    assert stories[2].credits == [Credit("尹晓东", "记者"), Credit("樊莉", "通讯员")]
    assert stories[3].body.endswith("１３９３７１２６６８０")
    assert stories[4].credits == [Credit("邵磊", "摄影")]
    assert stories[4].body.startswith("近日，实验小学")
    assert stories[5].credits == [Credit("田甜", "记者")]
    assert stories[5].body.endswith("志愿服务活动。")


# An evening paper's page as exported: header line, a short headline over a byline, an agency
# story with its dateline, a caption, a column of briefs; CRLF line ends, stored as UTF-8.
EVENING = "\r\n".join(
    [
        "西河晚报　２０２２年１１月３日　星期四　第６版",
        "",
        "早市搬新家",
        "本报记者　葛云帆",
        "城东早市昨日搬进新建的便民市场，一百多个摊位按区划分，果蔬、肉禽、水产各归其位。",
        "不少老主顾一早就来逛新市场，说地方宽敞了，买菜也干净了。",
        "全国冬小麦播种基本结束",
        "新华社北京１１月２日电（记者 单明远）农业农村部２日发布消息，全国冬小麦播种已基本"
        "结束，播种面积稳中有增。",
        "孩子们在新建的社区书屋里读书。",
        "甘露 摄",
        "简讯",
        "■西河大桥夜间维修，３日至５日每晚２２时起封闭半幅通行。",
        "■市博物馆推出冬季研学课程，即日起接受报名。",
        "",
    ]
)


def test_evening_paper_page_from_a_file(tmp_path):
    page = _write(tmp_path, "西河晚报_2022-11-03_06.txt", EVENING, "utf-8")
    stories = page.stories
    assert [(s.kicker, s.title) for s in stories] == [
        ("", "早市搬新家"),
        ("", "全国冬小麦播种基本结束"),
        ("", ""),
        ("简讯", ""),
        ("", ""),
    ]
    assert "西河晚报" not in stories[0].body and stories[0].source_start == 0
    assert stories[0].credits == [Credit("葛云帆", "本报记者")]
    assert stories[1].credits == [Credit("单明远", "记者")]
    assert (stories[2].kind, stories[2].credits) == ("caption", [Credit("甘露", "摄影")])
    assert [s.kind for s in stories[3:]] == ["brief", "brief"]
    assert stories[-1].source_end == len(page.text)
