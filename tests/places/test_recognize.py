"""find_places on the seed pages, on invented sentences, on phrases that are no places."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import PLACE_KINDS, PLACE_RANK
from viewer.places import find_places

# Everything the recogniser finds on each seed page. 紫荆社区 (from 紫荆社区大党委) and 开普社区
# (开普社区卫生服务站) are read as communities: nothing in the text says otherwise.
SEED_PLACES = {
    "000": {
        ("紫荆路街道", "street"),
        ("紫荆路社区", "community"),
        ("巩义市", "city"),
        ("郑州市", "city"),
        ("紫荆社区", "community"),
    },
    "001": {
        ("新华路街道", "street"),
        ("巩义市", "city"),
        ("郑州市", "city"),
        ("新华北路社区", "community"),
        ("新兴路社区", "community"),
        ("桐本北路社区", "community"),
        ("开普社区", "community"),
        ("文化街社区", "community"),
        ("育英街社区", "community"),
        ("货场路社区", "community"),
    },
    "002": {
        ("巩义市", "city"),
        ("紫荆路街道", "street"),
        ("政通路社区", "community"),
        ("永新路社区", "community"),
        ("紫荆路社区", "community"),
        ("紫荆社区", "community"),
        ("安泰街社区", "community"),
        ("学院路社区", "community"),
    },
    "003": {
        ("东山社区", "community"),
        ("苏村社区", "community"),
        ("西马家坪社区", "community"),
        ("小河滩社区", "community"),
        ("菜市社区", "community"),
        ("如意庄社区", "community"),
        ("赛鱼街道", "street"),
        ("南楼社区", "community"),
        ("段北沟社区", "community"),
        ("桥南园社区", "community"),
        ("阳泉市郊区", "district"),
        ("新源社区", "community"),
        ("蔡洼街道", "street"),
    },
    "004": {
        ("上街区", "district"),
        ("郑州市", "city"),
        ("朝阳社区", "community"),
        ("三湾街社区", "community"),
        ("大坡顶村", "village"),
        ("峡窝镇", "town"),
        ("济源路街道", "street"),
        ("康乐社区", "community"),
        ("东方社区", "community"),
        ("汇丰社区", "community"),
        ("民安社区", "community"),
    },
}

# Phrases that must never come out as places (the seeds contain all of them).
_FALSE = """
    和谐社区 城乡社区 在社区 该社区 书香社区 各社区 本社区 全市 我区 辖区 小区 城区 园区 东区 安置区
    片区 郊区 服务型社区 文明城市 社区 街道 农村 乡村 城市社区 基层社区 安全社区 市委 区财政局 县社
    水苑南北区 开普西二区 开普西一区 驻村 城市 超市 自治区 直辖市 积极探索街道 充分发挥社区 建强社区
    上报街道 更是桥南园社区 找郑州市 像小区 联系区 本年度社区 丰富社区 动员社区"""
FALSE_PLACES = _FALSE.split()


def _check_offsets(text: str, mentions: list) -> None:
    last_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.name
        assert m.start >= last_end
        assert m.kind in PLACE_KINDS
        last_end = m.end


@pytest.mark.parametrize("seed", sorted(SEED_PLACES))
def test_seed_pages_find_exactly_the_real_places(seed_texts, seed):
    text = seed_texts[seed]
    mentions = find_places(text)
    _check_offsets(text, mentions)
    assert {(m.name, m.kind) for m in mentions} == SEED_PLACES[seed]


def test_seed_pages_contain_no_false_place(seed_texts):
    names = {m.name for text in seed_texts.values() for m in find_places(text)}
    assert not names & set(FALSE_PLACES)


def test_seed_pages_state_parents(seed_texts):
    def parents(seed):
        return {(m.name, m.parent) for m in find_places(seed_texts[seed]) if m.parent}

    assert ("紫荆路街道", ("巩义市", "city")) in parents("000")
    assert ("紫荆路社区", ("紫荆路街道", "street")) in parents("000")
    assert ("新华路街道", ("巩义市", "city")) in parents("001")
    assert parents("003") == {
        ("如意庄社区", ("赛鱼街道", "street")),
        ("新源社区", ("蔡洼街道", "street")),
        ("阳泉市郊区", ("阳泉市", "city")),
    }


def test_seed_mention_counts(seed_texts):
    names = [m.name for m in find_places(seed_texts["004"])]
    assert names.count("上街区") == 5  # 美丽上街 and 上街支行 are not the district
    assert names.count("大坡顶村") == 3  # 驻村 and 村“两委” are not villages
    names = [m.name for m in find_places(seed_texts["000"])]
    assert names.count("巩义市") == 4  # includes 巩义市委市政府 and 巩义市委组织部


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "近日，青石镇柳湾村党支部组织党员开展活动",
            [("青石镇", "town", None), ("柳湾村", "village", "青石镇")],
        ),
        (
            "记者在东郊区槐荫街道枫林社区看到",
            [
                ("东郊区", "district", None),
                ("槐荫街道", "street", "东郊区"),
                ("枫林社区", "community", "槐荫街道"),
            ],
        ),
        ("家住枫林社区的居民", [("枫林社区", "community", None)]),
        (
            "临川市石门街道竹园社区居委会",
            [
                ("临川市", "city", None),
                ("石门街道", "street", "临川市"),
                ("竹园社区", "community", "石门街道"),
            ],
        ),
        ("１９９８年，青石镇人民政府成立", [("青石镇", "town", None)]),
        ("二〇二〇年，柳树湾村村委会换届", [("柳树湾村", "village", None)]),
        ("来自丰乐县石桥乡的游客", [("丰乐县", "county", None), ("石桥乡", "township", "丰乐县")]),
        ("王村长带领柳湾村村民修路", [("柳湾村", "village", None)]),
        ("八一村和五一社区", [("八一村", "village", None), ("五一社区", "community", None)]),
        (
            "北京市朝阳区望京街道的居民",
            [
                ("北京市", "city", None),
                ("朝阳区", "district", "北京市"),
                ("望京街道", "street", "朝阳区"),
            ],
        ),
        ("张村社区开展义诊", [("张村社区", "community", None)]),
        ("于家庄村党支部", [("于家庄村", "village", None)]),
        ("在幸福里社区", [("幸福里社区", "community", None)]),
        ("胜利街道办事处", [("胜利街道", "street", None)]),
        ("前进村的村民", [("前进村", "village", None)]),
        (
            "建设路社区、松涛社区和竹园社区",
            [
                ("建设路社区", "community", None),
                ("松涛社区", "community", None),
                ("竹园社区", "community", None),
            ],
        ),
        ("河南省临川市委书记", [("临川市", "city", None)]),
        ("临川市民踊跃参加", [("临川市", "city", None)]),
        ("临川市郊区一处工地", [("临川市郊区", "district", "临川市")]),
        ("书香槐荫社区建设", [("槐荫社区", "community", None)]),
    ],
)
def test_invented_places(text, expected):
    mentions = find_places(text)
    _check_offsets(text, mentions)
    got = [(m.name, m.kind, m.parent[0] if m.parent else None) for m in mentions]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "构建和谐社区，打造幸福社区，争创文明社区",
        "在社区开展活动，该社区、本社区、各社区都参与",
        "全市各区县、乡镇、农村和城市社区",
        "深入社区，服务社区居民，走进社区送温暖，扎根社区",
        "小区、辖区、城区、园区、景区、片区、安置区、郊区",
        "建设服务型社区和基层社区，营造安全社区",
        "农贸市场、菜市场和超市，推进乡村振兴和美丽乡村建设",
        "市委市政府，区财政局，县委书记，镇政府",
        "省市区三级联动，县级市和地级市",
        "驻村工作队同村“两委”进村入户",
        "共享空间AB区，建设路90号院",
        "老城区和新城区，东区停水",
        "记者从区民政局获悉，今年全区新建社区养老服务站１５个",
        "国家级贫困县摘帽，城中村和棚户区改造，经济技术开发区",
        "李镇长说，三个村、两个社区都已完成",
        "坚持党建引领、产业兴村，科技强镇",
        "大学生村官扎根农村，江苏镇江的游客",
        "全市共有１２个县（市、区），２３５个乡镇（街道）",
        "市民政局、市财政局联合发文，市公安局东郊分局",
        "街道、社区及时解决，积极探索街道社区区域化建设",
    ],
)
def test_phrases_are_no_places(text):
    assert find_places(text) == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("市区县镇乡村社区街道路庄东西南北在的和，。、 \n１２3a新华青石柳湾家住驻全各该本")
        ),
        max_size=80,
    )
    | st.text(max_size=60)
)
def test_any_text_gives_consistent_mentions(text):
    mentions = find_places(text)
    _check_offsets(text, mentions)
    previous = None
    for m in mentions:
        if m.parent is not None:
            assert PLACE_RANK[m.parent[1]] < PLACE_RANK[m.kind]
            stated_before = previous is not None and previous.end == m.start
            assert stated_before or m.name.startswith(m.parent[0])
        previous = m


def test_speed_on_seed_like_text(seed_texts):
    pages = list(seed_texts.values()) * 5
    find_places(pages[0])  # dictionaries load once
    started = time.perf_counter()
    for page in pages:
        find_places(page)
    elapsed = time.perf_counter() - started
    assert sum(map(len, pages)) / elapsed >= 300_000
