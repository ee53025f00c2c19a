"""Story kinds decided from heading, body and credits."""

from __future__ import annotations

import pytest

from viewer.ingest.kinds import has_phone, story_kind

NEWS = "社区投入资金3100万元改造老旧小区，惠及居民2162户，工程计划于年底前全部完工交付使用。" * 3


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("联系电话：０３７１－６６５５８８２１", True),
        ("电话:68115977", True),
        ("手机13937126680", True),
        ("完成投资10756万元", False),
        ("财政收入12611900元", False),
        ("增长8.1%，完成4.11亿元", False),
        ("共有3100户9000余人", False),
    ],
)
def test_phone_numbers_versus_amounts(text, phone):
    assert has_phone(text) is phone


def test_kinds():
    assert (
        story_kind(
            kicker="",
            title="招租",
            body="门面房出租。电话:68115977",
            has_credits=False,
            photo=False,
        )
        == "ad"
    )
    # A news story giving a hotline is still news when someone signed it.
    hotline = NEWS + "咨询电话：68115977"
    assert (
        story_kind(kicker="", title="老旧小区改造", body=hotline, has_credits=True, photo=False)
        == "article"
    )
    assert story_kind(kicker="", title="", body=NEWS, has_credits=True, photo=True) == "caption"
    assert (
        story_kind(kicker="评论", title="说说老旧小区", body=NEWS, has_credits=True, photo=False)
        == "column"
    )
    assert (
        story_kind(kicker="社区动态", title="", body=NEWS, has_credits=True, photo=False) == "brief"
    )
    assert (
        story_kind(kicker="", title="老旧小区改造", body=NEWS[:40], has_credits=True, photo=False)
        == "brief"
    )
    assert (
        story_kind(kicker="", title="老旧小区改造", body=NEWS, has_credits=False, photo=False)
        == "article"
    )


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        # Unsigned short news ending with a service number is news, not an advertisement.
        (
            "柳岸社区 小楼院里的大变化",
            "社区设立红色议事厅，居民满意率达到96.5%。咨询电话:0536-8123456。",
            "brief",
        ),
        ("", "临街门面房两间，面积80平方米，欢迎垂询。联系电话:13937126680", "ad"),
        ("诚聘保洁员", "某物业公司诚聘保洁员数名。联系人:刘女士 电话:68115977", "ad"),
    ],
)
def test_advertisements_need_an_advertising_word(title, body, kind):
    assert story_kind(kicker="", title=title, body=body, has_credits=False, photo=False) == kind
