"""Money in yuan and percentages, on texts written for these tests."""

from __future__ import annotations

import pytest

MONEY = [
    ("项目总投资85万元,年内完工。", "85万元", 850_000, "投资"),
    ("共筹集善款2.35亿元用于助学。", "2.35亿元", 235_000_000, "善款"),
    ("村民们共捐出四万六千元。", "四万六千元", 46_000, ""),
    ("每人每月补贴300元。", "300元", 300, "补贴"),
    ("收到爱心捐款6万余元。", "6万余元", 60_000, "捐款"),
    ("全年完成税收１２０万元。", "１２０万元", 1_200_000, "税收"),
    ("累计发放45000元救助金。", "45000元", 45_000, ""),
    ("购买八百元的书籍。", "八百元", 800, ""),
    ("引进外资10万美元。", "10万美元", 100_000, ""),
    ("花了20多万元装修。", "20多万元", 200_000, ""),
    ("每张票5块钱。", "5块钱", 5, ""),
]


@pytest.mark.parametrize(("text", "span", "value", "label"), MONEY)
def test_money(facts_of, text: str, span: str, value: float, label: str) -> None:
    found = facts_of(text, "money")
    assert [(f.text, f.value, f.unit) for f in found] == [
        (span, value, "美元" if "美元" in span else "元")
    ]
    assert found[0].label == label


@pytest.mark.parametrize(
    "text",
    ["元旦期间社区很热闹。", "他家住3单元。", "当年的万元户。", "推进一元化管理。", "第一元素"],
)
def test_not_money(facts_of, text: str) -> None:
    assert facts_of(text, "money") == []


PERCENTS = [
    ("工业产值同比下降3.5%。", "3.5%", 3.5, "%", "同比下降"),
    ("营业额增长１２．６％。", "１２．６％", 12.6, "%", "增长"),
    ("参保率达百分之九十八。", "百分之九十八", 98, "%", "参保率"),
    ("占比百分之二十。", "百分之二十", 20, "%", "占比"),
    ("约百分之八十五点五的居民", "百分之八十五点五", 85.5, "%", ""),
    ("全市疫苗覆盖率达95%。", "95%", 95, "%", "疫苗覆盖率"),
    ("占全年任务的61.2%。", "61.2%", 61.2, "%", "占"),
    ("就业率提高了2.5个百分点。", "2.5个百分点", 2.5, "百分点", "提高"),
    ("满意度100%", "100%", 100, "%", ""),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "label"), PERCENTS)
def test_percent(facts_of, text: str, span: str, value: float, unit: str, label: str) -> None:
    found = facts_of(text, "percent")
    assert [(f.text, f.value, f.unit, f.label) for f in found] == [(span, value, unit, label)]


def test_percent_points_are_not_quantities(facts_of) -> None:
    kinds = [f.kind for f in facts_of("同比提高3个百分点")]
    assert kinds == ["percent"]


DOTTED_AND_CHINESE_MONEY = [
    ("全镇发放补助资金１·６万元。", "１·６万元", 16_000),
    ("村里集资2•5万元修路。", "2•5万元", 25_000),
    ("项目总投资三千五百万元。", "三千五百万元", 35_000_000),
    ("每户补贴一点六万元。", "一点六万元", 16_000),
    ("全县财政收入十二亿元。", "十二亿元", 1_200_000_000),
    ("他拿出两千余元买书。", "两千余元", 2000),
    ("全年筹款三亿五千万元。", "三亿五千万元", 350_000_000),
    ("每月补助零点五万元。", "零点五万元", 5000),
]


@pytest.mark.parametrize(("text", "span", "value"), DOTTED_AND_CHINESE_MONEY)
def test_money_with_a_dotted_decimal_or_in_chinese_numerals(facts_of, text, span, value) -> None:
    found = facts_of(text, "money")
    assert [(f.text, f.value, f.unit) for f in found] == [(span, value, "元")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("全市生产总值增长１２·５％。", "１２·５％", 12.5),
        ("出口额下降3・2%。", "3・2%", 3.2),
        ("合格率达到百分之九十九点五。", "百分之九十九点五", 99.5),
        ("增幅为百分之十二点五五。", "百分之十二点五五", 12.55),
    ],
)
def test_percent_with_a_dotted_decimal(facts_of, text, span, value) -> None:
    found = facts_of(text, "percent")
    assert [(f.text, f.value) for f in found] == [(span, value)]


@pytest.mark.parametrize("text", ["“12·2”大火的调查报告。", "约翰·史密斯捐款。"])
def test_middle_dots_outside_numbers_make_no_amount(facts_of, text) -> None:
    assert facts_of(text, "money") == []
    assert facts_of(text, "percent") == []
    assert facts_of(text, "quantity") == []
