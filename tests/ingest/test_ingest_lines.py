"""Single-line judgements: headline-like, cut fragments, place-led headlines, column names."""

from __future__ import annotations

import pytest

from viewer.ingest import lines as ln


@pytest.mark.parametrize(
    "text",
    [
        "朝阳社区好地方 居民心中暖洋洋",
        "永葆“不忘来时路”的初心 勇担“续写创新史”的使命,彰显“时代探路者”的担当作为",
        "开栏语:",
        "党群服务中心",
        "‘一站式’的服务",
        "喜迎2022",
        "感动不已",
        "居民的烦心事解决了",
    ],
)
def test_headline_like(text):
    assert ln.is_headline_like(text)


@pytest.mark.parametrize(
    "text",
    [
        "走进社区便民服务中心,记者看到工作人员耿于茹正为",  # cut after 为
        "协调人民路矿务局院投资2000元清挖、清理1",  # cut after a digit
        "政通路社区开展的“党员认亲”活动从六月份开始,是通过前期排查,",
        "居民们都说:“我们的社区治理不仅有深度。”",
        "风雨再大,家里的灯也亮了",  # a comma and 了: mid-sentence
        "这是一个很长的句子没有句号但是已经超过了标题应有的长度所以它不会被当作标题来处理的这一点毫无疑问吧",
        "以下几点需要注意的事项包括如下内容：",
        "——",
        "12",
    ],
)
def test_not_headline_like(text):
    assert not ln.is_headline_like(text)


@pytest.mark.parametrize(
    "text",
    [
        "青石村： 开展防汛应急演练",
        "梧桐街社区 “小课堂”托起暑期“大关爱”",
        "石桥镇 绘就乡村振兴“新画卷”",
        "清风社区好邻居 守望相助暖人心",
        "东林路街道柳塘社区： 开展义诊",
    ],
)
def test_place_led(text):
    assert ln.is_place_led(text)


@pytest.mark.parametrize(
    "text",
    [
        "城乡社区治理开新局",
        "党建引领社区治理新格局",
        "科学育儿进社区 亲子共沐好时光",
        "全面推进乡村振兴",
        "建设社会主义新农村",
        "和谐社区 你我共建",
        "走进社区 服务居民",
        "党群服务中心",
        "美丽乡村 宜居宜业",
        "社区",
    ],
)
def test_not_place_led(text):
    assert not ln.is_place_led(text)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("社区动态", True),
        ("开栏语:", True),
        ("编者按：", True),
        ("2020年度“乡村光荣榜”人物系列报道", True),
        ("图片新闻", True),
        ("红色政通", False),  # a column only when a headline follows: decided by split
        ("有责任担当的好丈夫李政伟", False),
    ],
)
def test_column_names(text, column):
    assert ln.is_column_name(text) is column


def test_minor_heads_are_short_single_phrases():
    assert ln.is_minor_head("党群服务中心")
    assert ln.is_minor_head("‘一站式’的服务")
    assert not ln.is_minor_head("党建引领促各项工作落实")
    assert not ln.is_minor_head("抓好组织联建 齐心协力")


def test_page_lines_offsets_and_kinds():
    text = "\n标题 一\r\n\n（记者 张三）\n——副题\n正文。\n"
    lines = ln.page_lines(text)
    assert [line.kind for line in lines] == [ln.HEAD, ln.BYLINE, ln.SUBTITLE, ln.BODY]
    assert [text[line.start : line.end].strip() for line in lines] == [
        "标题 一",
        "（记者 张三）",
        "——副题",
        "正文。",
    ]
    assert lines[2].text == "副题"


def test_markdown_heading_is_a_headline():
    (line,) = ln.page_lines("## 社区开展义诊活动。\n")
    assert (line.kind, line.text) == (ln.HEAD, "社区开展义诊活动。")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("图片：新华社", ln.CREDIT),
        ("（作者为东湖大学教授）", ln.NOTE),
        ("（完）", ln.NOTE),
        ("文／柏青", ln.BYLINE),
        ("读者　郑宏", ln.BYLINE),
        ("编辑同志：", ln.HEAD),  # headline-like on its own; split.py reads it as a lead-in
    ],
)
def test_line_kinds(text, kind):
    (line,) = ln.page_lines(text)
    assert line.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "陕西网友跟帖称：“这里震感明显，持续了二十秒！”",  # reported speech
        "在此背景下，专家接受采访时分析认为，人口结构已经．．．　［详细］",  # a teaser and its link
        "■市图书馆本周六举办亲子阅读活动，欢迎报名",  # a brief with its marker
        "网上捐赠地址：［",  # ends on an opening bracket
        "［详细］",
    ],
)
def test_sentences_and_furniture_are_not_headlines(text):
    assert not ln.is_headline_like(text)


def test_private_use_characters_at_line_ends_are_dropped():
    (line,) = ln.page_lines("\ue40c本报见习记者刘帅\ue40c")
    assert (line.text, line.kind) == ("本报见习记者刘帅", ln.BYLINE)
