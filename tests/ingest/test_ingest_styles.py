"""Pages in other papers' styles, each laid out three ways: a blank line between paragraphs (and
two between stories), a blank line after every line, and no blank lines at all.

Every page is invented: the agencies, papers, names and places are made up, and no sentence is
taken from a real article.
"""

from __future__ import annotations

import itertools

import pytest

from viewer.ingest import split_page
from viewer.model import Credit, ParsedStory

LAYOUTS = ("blank-paragraphs", "blank-every-line", "dense")

Story = tuple[list[str], list[str]]  # (heading lines, text lines)


def render(stories: list[Story], layout: str) -> str:
    if layout == "blank-every-line":
        return "".join(line + "\n\n" for head, text in stories for line in head + text)
    if layout == "dense":
        return "".join(line + "\n" for head, text in stories for line in head + text)
    blocks = ["\n".join([*head, "", *"\n\n".join(text).split("\n")]) for head, text in stories]
    return "\n\n\n".join(blocks) + "\n"


def first_lines(text: str, stories: list[ParsedStory]) -> list[str]:
    return [text[s.source_start : s.source_end].strip().split("\n")[0] for s in stories]


def check_tiles(text: str, stories: list[ParsedStory]) -> None:
    assert stories[0].source_start == 0 and stories[-1].source_end == len(text)
    assert all(a.source_end == b.source_start for a, b in itertools.pairwise(stories))


def split(stories: list[Story], layout: str) -> list[ParsedStory]:
    text = render(stories, layout)
    parsed = split_page(text)
    check_tiles(text, parsed)
    return parsed


# -- a national agency's page: 新华社…电 datelines, full-width digits ----------------------------

AGENCY: list[Story] = [
    (
        ["多地迎来降雪天气 交通部门全力保障出行"],
        [
            "新华社北京１月５日电（记者 严小川）受冷空气影响，北方多地５日迎来今冬以来范围最大的"
            "一次降雪。交通运输部门提前部署，组织除雪车辆连夜上路作业。",
            "据介绍，截至５日１８时，各地累计出动除雪设备１．２万台次，主要高速公路通行总体平稳。",
        ],
    ),
    (
        ["冰雪节开幕"],
        [
            "新华社哈尔滨１月５日电　第３９届冰雪节５日开幕，来自各地的游客在冰雕园区参观游玩。",
            "本届冰雪节持续到２月底，其间将举办冰雕比赛、雪地运动会等二十余项活动。",
        ],
    ),
    (
        ["春运火车票开售"],
        [
            "新华社北京１月４日电（记者 韦冬青 毛一川）今年春运火车票４日起发售，铁路部门计划"
            "加开临时旅客列车２００余对。",
        ],
    ),
    (
        ["国际油价小幅上涨"],
        [
            "新华社纽约１月４日电　国际油价４日小幅上涨，２月交货的轻质原油期货价格每桶上涨"
            "０．３８美元。",
            "分析人士认为，市场对需求前景的担忧有所缓解，短期内油价仍将在区间内波动。",
        ],
    ),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_agency_datelines_open_stories_under_short_headlines(layout):
    stories = split(AGENCY, layout)
    assert [s.title for s in stories] == [head[0] for head, _ in AGENCY]
    assert stories[0].byline == "新华社北京１月５日电 （记者 严小川）"
    assert stories[0].credits == [Credit("严小川", "记者")]
    assert stories[2].credits == [Credit("韦冬青", "记者"), Credit("毛一川", "记者")]
    assert stories[1].byline == "新华社哈尔滨１月５日电"
    assert stories[0].body.startswith("受冷空气影响")
    assert all("新华社" not in s.body and not s.subheads for s in stories)


# -- an evening paper: bylines on top, under short headlines ------------------------------------

EVENING: list[Story] = [
    (
        ["城事", "老街区换新颜", "本报记者 龚晓岚"],
        [
            "走进城西的老街区，青石板路修整一新，沿街的店铺挂上了统一样式的招牌。",
            "据街道工作人员介绍，改造工程历时八个月，惠及居民一千二百余户。",
        ],
    ),
    (
        ["地铁三号线试运行", "——首批乘客体验新线路", "记者 苗青 通讯员 阎立"],
        [
            "昨天上午九时，地铁三号线开始试运行，首批乘客从南站登上列车。",
            "不少乘客表示，新线路开通后上班路上能节省二十分钟左右。",
        ],
    ),
    (
        ["菜价回落", "本报记者　鲁一平"],
        ["随着本地蔬菜大量上市，近一周全市主要农贸市场的蔬菜价格明显回落，白菜每斤降了三毛钱。"],
    ),
    (
        ["社区食堂开张 老人吃饭不再愁", "见习记者 柯宁"],
        [
            "中午十一点半，社区食堂里已经坐满了前来就餐的老人。",
            "食堂每天供应两荤两素，六十岁以上老人凭卡就餐可享受八折优惠。",
            "负责人说，下一步还将为行动不便的老人提供送餐上门服务。",
        ],
    ),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_bylines_on_top_head_their_own_stories(layout):
    """A byline under a headline opens that story; it never makes the headlines above it the
    subheads of an earlier one."""
    stories = split(EVENING, layout)
    assert [(s.kicker, s.title) for s in stories] == [
        ("城事", "老街区换新颜"),
        ("", "地铁三号线试运行"),
        ("", "菜价回落"),
        ("", "社区食堂开张 老人吃饭不再愁"),
    ]
    assert stories[1].subtitle == "首批乘客体验新线路"
    assert stories[0].credits == [Credit("龚晓岚", "本报记者")]
    assert stories[1].credits == [Credit("苗青", "记者"), Credit("阎立", "通讯员")]
    assert stories[2].credits == [Credit("鲁一平", "本报记者")]
    assert all(not s.subheads for s in stories)
    assert stories[3].body.count("\n") == 2


# -- short headlines over short stories, no bylines, no datelines --------------------------------

SHORT: list[Story] = [
    (
        ["市民热议垃圾分类新规 多数人表示支持"],
        [
            "新规实施一个月来，记者在多个小区走访发现，居民分类投放的习惯正在养成。",
            "一位居民说，刚开始觉得麻烦，现在已经习惯了，家里也准备了分类垃圾桶。",
        ],
    ),
    (["雪后路滑"], ["昨夜降雪后，部分路段出现结冰，交警提醒驾驶人减速慢行。"]),
    (["夜市开张"], ["河滨夜市本周五起恢复营业，共设摊位一百二十个。"]),
    (["图书馆延时开放"], ["市图书馆自下月起每天延长开放两小时，闭馆时间调整为晚上九点。"]),
    (["公园新增步道"], ["东湖公园新修的环湖步道全长三公里，预计本月底向市民开放。"]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_short_headlines_over_short_stories_are_stories(layout):
    stories = split(SHORT, layout)
    assert [s.title for s in stories] == [head[0] for head, _ in SHORT]
    assert all(not s.subheads for s in stories)


# -- a page header ---------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "header",
    [
        ["２０２３年３月８日　星期三"],
        ["东湖晚报", "２０２３年３月８日　星期三　第５版"],
        ["东湖晚报 2023年3月8日 星期三 A05"],
    ],
)
def test_page_header_belongs_to_no_story(layout, header):
    body = render(SHORT, layout)
    text = "\n".join(header) + ("\n" if layout == "dense" else "\n\n") + body
    stories = split_page(text)
    check_tiles(text, stories)
    assert [s.title for s in stories] == [head[0] for head, _ in SHORT]
    assert header[-1] in text[stories[0].source_start : stories[0].source_end]
    assert all(line not in stories[0].body for line in header)
    assert not stories[0].kicker


# -- a poem and a weather table -------------------------------------------------------------------

POEM_AND_TABLE: list[Story] = [
    (
        ["春日即景", "文／柏青"],
        [
            "风从河面上吹过来",
            "柳枝轻轻摇晃",
            "孩子们追着纸鸢",
            "笑声落满了堤岸",
            "远处的桃花开了",
            "像一片粉色的云",
            "（作者系退休教师）",
        ],
    ),
    (
        ["今日天气"],
        [
            "东城　多云　８℃～１６℃",
            "西城　晴　９℃～１７℃",
            "南郊　小雨　７℃～１３℃",
            "北郊　阴　６℃～１２℃",
        ],
    ),
    (["社区开展义诊"], ["周六上午，社区卫生服务站的医生为居民免费测量血压、血糖。"]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_poem_lines_and_table_rows_stay_in_their_story(layout):
    stories = split(POEM_AND_TABLE, layout)
    assert [s.title for s in stories] == ["春日即景", "今日天气", "社区开展义诊"]
    poem, table, _ = stories
    assert poem.credits == [Credit("柏青", "文")]
    assert poem.body.split("\n")[:2] == ["风从河面上吹过来", "柳枝轻轻摇晃"]
    assert poem.body.endswith("（作者系退休教师）")
    assert table.body.count("\n") == 3 and not table.subheads


NUMBERED_LIST: list[Story] = [
    (
        ["关于公布第二批便民网点的通知"],
        [
            "各有关单位：",
            "现将名单公布如下：",
            "１．东城区文昌路１２号",
            "２．西城区柳荫街３５号便民服务站",
            "３．南郊新区创业大道８８号",
            "４．北郊镇政府东侧",
            "特此通知。",
        ],
    ),
    (["春季植树活动启动"], ["本周六起，全市将开展为期一个月的春季义务植树活动。"]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_numbered_list_under_lead_in_lines_is_one_story(layout):
    stories = split(NUMBERED_LIST, layout)
    assert [s.title for s in stories] == [head[0] for head, _ in NUMBERED_LIST]
    assert stories[0].body.startswith("各有关单位：\n现将名单公布如下：\n１．")
    assert not stories[0].subheads


# -- a column of headline-less briefs between two articles ---------------------------------------

BRIEFS: list[Story] = [
    (
        ["城区新增三处停车场"],
        [
            "为缓解老城区停车难，今年以来城区新建三处公共停车场，共增加车位六百余个。",
            "停车场实行智能收费，市民可通过手机查询空余车位。",
        ],
    ),
    (["简讯"], ["■市图书馆本周六举办亲子阅读活动，欢迎市民报名参加。"]),
    ([], ["■东郊公园完成春季绿化补植，新栽乔木三百余株。"]),
    ([], ["本报讯　市急救中心开通老年人一键呼叫服务，已有两千余户家庭安装终端。"]),
    ([], ["■本周末全市将有一次降温过程，请市民注意添衣保暖。"]),
    (["老旧小区加装电梯提速"], ["今年全市计划为老旧小区加装电梯一百五十部，目前已开工六十部。"]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_brief_of_a_column_is_a_story(layout):
    text = render(BRIEFS, layout)
    stories = split_page(text)
    assert [s.title for s in stories] == [
        "城区新增三处停车场",
        "",
        "",
        "",
        "",
        "老旧小区加装电梯提速",
    ]
    assert stories[1].kicker == "简讯"
    assert first_lines(text, stories)[2:5] == [brief for _, (brief,) in BRIEFS[2:5]]
    assert stories[3].byline == "本报讯"
    assert stories[3].body.startswith("市急救中心")
    assert [s.kind for s in stories[1:5]] == ["brief"] * 4


# -- a reader's letter and an opinion piece -------------------------------------------------------

LETTER_AND_OPINION: list[Story] = [
    (
        ["小区路灯何时能修好"],
        [
            "编辑同志：",
            "我家住在城北一个老小区，小区里的路灯坏了快两个月，晚上出门只能打手电。",
            "希望有关部门尽快派人维修，方便居民夜间出行。",
            "读者　郑宏",
        ],
    ),
    (
        ["时评", "让公共服务更有温度"],
        [
            "公共服务好不好，群众的感受最真实。",
            "从一盏路灯到一部电梯，件件都是民生小事，也件件都关系群众的获得感。",
            "把小事办好、办实，公共服务才能真正走进人心。",
            "（作者为东湖大学教授）",
        ],
    ),
    (
        ["周末气温回升"],
        ["据市气象台预报，本周末全市以晴到多云天气为主，最高气温将升至十八摄氏度。"],
    ),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_letter_salutation_and_author_note_stay_in_their_stories(layout):
    stories = split(LETTER_AND_OPINION, layout)
    assert [(s.kicker, s.title) for s in stories] == [
        ("", "小区路灯何时能修好"),
        ("时评", "让公共服务更有温度"),
        ("", "周末气温回升"),
    ]
    letter, opinion, _ = stories
    assert letter.body.split("\n")[0] == "编辑同志："
    assert letter.credits == [Credit("郑宏", "读者")] and not letter.subheads
    assert opinion.kind == "column"
    assert opinion.body.endswith("（作者为东湖大学教授）")


# -- captions -------------------------------------------------------------------------------------

CAPTIONS: list[Story] = [
    (
        ["湿地公园迎来候鸟"],
        [
            "连日来，数千只候鸟飞抵城南湿地公园越冬，吸引不少市民前来观赏。",
            "图为候鸟在湿地觅食。　尚云 摄",
        ],
    ),
    ([], ["市民在广场上放风筝。", "包小禾 摄"]),
    ([], ["志愿者为社区老人义务理发。（芮安 摄）"]),
    (
        ["区里举办技能大赛"],
        [
            "来自全区二十余家企业的一百多名职工参加了本次技能大赛。",
            "比赛设电工、焊工、车工等六个项目，优胜者将获得技术能手称号。",
        ],
    ),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_captions_with_photo_credits_stand_alone(layout):
    stories = split(CAPTIONS, layout)
    assert [s.title for s in stories] == ["湿地公园迎来候鸟", "", "", "区里举办技能大赛"]
    assert stories[0].body.endswith("图为候鸟在湿地觅食。")  # the story's own photo
    assert stories[0].credits == [Credit("尚云", "摄影")]
    assert [s.kind for s in stories[1:3]] == ["caption", "caption"]
    assert stories[1].credits == [Credit("包小禾", "摄影")]
    assert stories[2].body == "志愿者为社区老人义务理发。"


# -- a picture credit inside an article, and a quoted second dispatch ------------------------------

CREDITED: list[Story] = [
    (
        ["江堤加固工程完工"],
        [
            "本报讯（记者 申远）历时五个月的江堤加固工程日前完工，加固堤段全长十二公里。",
            "图片：东湖晚报",
            "工程完工后，沿线防洪标准由二十年一遇提高到五十年一遇。",
            "新华社武汉４月２日电　长江中游多地日前也完成了汛前堤防检查。",
        ],
    ),
    (["春茶开采"], ["山区茶园陆续开采春茶，今年茶叶品质好于往年。"]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_picture_credit_and_quoted_dispatch_do_not_split_a_story(layout):
    stories = split(CREDITED, layout)
    assert [s.title for s in stories] == ["江堤加固工程完工", "春茶开采"]
    assert "图片：东湖晚报" in stories[0].byline
    assert stories[0].body.count("\n") == 2


# -- section heads still work, in every layout ----------------------------------------------------

SECTIONS: list[Story] = [
    (
        ["南湖社区：网格织密服务网"],
        [
            "今年以来，南湖社区把辖区划分为十二个网格，每个网格配备一名专职网格员。",
            "畅通“一条路”，激活治理新动力",
            "网格员每天走访住户，收集居民诉求，能当场解决的当场解决。",
            "念好“三字诀”，提升服务新能力",
            "社区坚持听、办、评三步工作法，居民满意率逐年提高。（记者 石川）",
        ],
    ),
    (
        ["北湖社区：开展垃圾分类宣传"],
        ["志愿者走进楼栋，向居民讲解垃圾分类知识，发放宣传册三百余份。"],
    ),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_alike_heads_closed_by_a_byline_are_sections(layout):
    stories = split(SECTIONS, layout)
    assert [s.title for s in stories] == ["南湖社区：网格织密服务网", "北湖社区：开展垃圾分类宣传"]
    assert stories[0].subheads == ["畅通“一条路”，激活治理新动力", "念好“三字诀”，提升服务新能力"]
    assert stories[0].credits == [Credit("石川", "记者")]


def test_blank_lines_only_between_stories_separate_headline_less_items():
    text = (
        "东城区开展消防演练，三百余名居民参加。\n演练结束后，消防员讲解了灭火器的使用方法。\n\n"
        "西城区举办招聘会，提供岗位一千二百个。\n\n"
        "南郊新建的体育公园对外开放，设有篮球场、足球场各两片。\n公园免费开放至晚上十点。\n"
    )
    stories = split_page(text)
    check_tiles(text, stories)
    assert [s.body.count("\n") for s in stories] == [1, 0, 1]
    assert first_lines(text, stories) == [
        "东城区开展消防演练，三百余名居民参加。",
        "西城区举办招聘会，提供岗位一千二百个。",
        "南郊新建的体育公园对外开放，设有篮球场、足球场各两片。",
    ]
