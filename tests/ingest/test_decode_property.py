"""Property: page-like Chinese and mixed text reads back as itself from every supported encoding,
UTF-16 without a byte-order mark included, and is never taken for another one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.ingest import decode

# GB2312's first level: the 3,755 most common characters, what local news is written in.
COMMON_HANZI = [
    bytes([lead, trail]).decode("gb2312")
    for lead in range(0xB0, 0xD8)
    for trail in range(0xA1, 0xFF)
    if not (lead == 0xD7 and trail > 0xF9)
]
WORDS = [
    "社区", "居民", "街道", "开展", "活动", "记者", "通讯员", "本报讯", "志愿者", "党群服务中心",
    "义诊", "老旧小区", "改造", "人民医院", "年", "月", "日", "王海燕", "乡村振兴", "网格员",
]  # fmt: skip
LATIN = ["Wi-Fi", "APP", "PM2.5", "GDP", "No.", "café", "5G", "100", "2021", "0536-8123456"]
PUNCTUATION = list("，。、：；？！“”‘’（）《》——…　·") + list(" ,.:;()-/%")
TOKENS = st.one_of(
    st.sampled_from(COMMON_HANZI),
    st.sampled_from(WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(LATIN),
    st.sampled_from(["１２", "３０", "ＡＢＣ", "２０２０年"]),  # full-width, as older pages print
)
LINES = st.lists(TOKENS, min_size=4, max_size=40).map("".join)
# A page: several lines (a page file always has line breaks), mostly Chinese by construction.
PAGES = st.lists(LINES, min_size=2, max_size=12).map("\n".join).filter(lambda t: t.strip())
# Characters outside GB2312 (朱镕基, 李玥, 王堃) are left out above: the decoder accepts a few of
# them, as real pages have (see test_rare_characters_at_a_real_rate_are_accepted), but a text
# made of them is what a wrong codec produces, so random text must not be.


@settings(max_examples=300, deadline=None)
@given(text=PAGES, codec=st.sampled_from(["utf-8", "gb18030", "utf-16-le", "utf-16-be"]))
def test_page_text_decodes_back_to_itself(text, codec):
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == codec
    assert not decoded.truncated


@settings(max_examples=100, deadline=None)
@given(text=PAGES, codec=st.sampled_from(["utf-8", "gb18030", "utf-16-le", "utf-16-be"]))
def test_a_cut_off_last_character_is_dropped_and_flagged(text, codec):
    text = text.rstrip() + "。"  # ends in a multi-byte character in every codec
    decoded = decode(text.encode(codec)[:-1])
    assert decoded.text == text[:-1]
    assert decoded.encoding == codec
    assert decoded.truncated


def test_rare_characters_at_a_real_rate_are_accepted():
    # Two in about 90 characters, more than on a real page.
    lines = [
        "本报讯 记者李玥报道：７月８日，柳塘社区为辖区70余名老人测量血压、血糖，发放手册200份。\n",
        "社区党委书记王堃说：“我们要把服务送到居民家门口。”\n",
    ]
    text = "".join(lines) * 3
    for codec in ("utf-8", "gb18030", "utf-16-le", "utf-16-be"):
        assert decode(text.encode(codec)) == (text, codec, False)
