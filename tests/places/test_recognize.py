"""find_places on the seed pages, on sentences written for the tests in other papers' styles
(real divisions, invented communities and villages), and on phrases that are no places."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer import segmenter
from viewer.model import PLACE_KINDS
from viewer.places import divisions, find_places
from viewer.text import fold

# Everything the recogniser finds on each seed page. 紫荆社区 (from 紫荆社区大党委) and 开普社区
# (开普社区卫生服务站) are read as communities: nothing in the text says otherwise. Divisions
# carry their official names: 阳泉市郊区 is the city and its district 郊区, and page 004 names
# 河南省 too (which the suffix rules never looked for).
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
        ("阳泉市", "city"),
        ("郊区", "district"),
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
        ("河南省", "province"),
    },
}

# Phrases that must never come out as places (the seeds contain all of them).
_FALSE = """
    和谐社区 城乡社区 在社区 该社区 书香社区 各社区 本社区 全市 我区 辖区 小区 城区 园区 东区 安置区
    片区 服务型社区 文明城市 社区 街道 农村 乡村 城市社区 基层社区 安全社区 市委 区财政局 县社
    水苑南北区 开普西二区 开普西一区 驻村 城市 超市 自治区 直辖市 积极探索街道 充分发挥社区 建强社区
    上报街道 更是桥南园社区 找郑州市 像小区 联系区 本年度社区 丰富社区 动员社区"""
FALSE_PLACES = _FALSE.split()


def _check_offsets(text: str, mentions: list) -> None:
    last_end = 0
    for m in mentions:
        assert m.start >= last_end and m.end > m.start
        assert m.kind in PLACE_KINDS
        if not m.codes:  # unverified: the name is the text itself
            assert text[m.start : m.end] == m.name and m.level == 5
        else:
            assert 1 <= m.level <= 4
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
        ("郊区", ("阳泉市", "city")),
    }


def test_seed_mention_counts(seed_texts):
    names = [m.name for m in find_places(seed_texts["004"])]
    # 5 in full, and 美丽上街, 上街支行: the district's short form on a page naming it in full.
    assert names.count("上街区") == 7
    assert names.count("大坡顶村") == 3  # 驻村 and 村“两委” are not villages
    names = [m.name for m in find_places(seed_texts["000"])]
    assert names.count("巩义市") == 4  # includes 巩义市委市政府 and 巩义市委组织部


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "近日，海宁市袁花镇柳湾村党支部组织党员开展活动",
            [
                ("海宁市", "city", None),
                ("袁花镇", "town", "海宁市"),
                ("柳湾村", "village", "袁花镇"),
            ],
        ),
        (
            "记者在嘉兴市南湖区东栅街道枫林社区看到",
            [
                ("嘉兴市", "city", None),
                ("南湖区", "district", "嘉兴市"),
                ("东栅街道", "street", "南湖区"),
                ("枫林社区", "community", "东栅街道"),
            ],
        ),
        ("家住枫林社区的居民", [("枫林社区", "community", None)]),
        (
            "海宁市海洲街道竹园社区居委会",
            [
                ("海宁市", "city", None),
                ("海洲街道", "street", "海宁市"),
                ("竹园社区", "community", "海洲街道"),
            ],
        ),
        ("１９９８年，袁花镇人民政府成立", [("袁花镇", "town", None)]),
        ("二〇二〇年，柳树湾村村委会换届", [("柳树湾村", "village", None)]),
        ("来自淳安县里商乡的游客", [("淳安县", "county", None), ("里商乡", "township", "淳安县")]),
        ("王村长带领柳湾村村民修路", [("柳湾村", "village", None)]),
        ("八一村和五一社区", [("八一村", "village", None), ("五一社区", "community", None)]),
        (
            "北京市朝阳区望京街道的居民",
            [
                ("北京市", "province", None),
                ("朝阳区", "district", "北京市"),
                ("望京街道", "street", "朝阳区"),
            ],
        ),
        ("张村社区开展义诊", [("张村社区", "community", None)]),
        ("于家庄村党支部", [("于家庄村", "village", None)]),
        ("在幸福里社区", [("幸福里社区", "community", None)]),
        ("前进村的村民", [("前进村", "village", None)]),
        (
            "建设路社区、松涛社区和竹园社区",
            [
                ("建设路社区", "community", None),
                ("松涛社区", "community", None),
                ("竹园社区", "community", None),
            ],
        ),
        ("浙江省海宁市委书记", [("浙江省", "province", None), ("海宁市", "city", "浙江省")]),
        ("海宁市民踊跃参加", [("海宁市", "city", None)]),
        ("铜陵市郊区一处工地", [("铜陵市", "city", None), ("郊区", "district", "铜陵市")]),
        ("书香松涛社区建设", [("松涛社区", "community", None)]),
    ],
)
def test_places_in_running_text(text, expected):
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
        "大学生村官扎根农村，村民在村口迎接",
        "全市共有１２个县（市、区），２３５个乡镇（街道）",
        "市民政局、市财政局联合发文，市公安局东郊分局",
        "街道、社区及时解决，积极探索街道社区区域化建设",
    ],
)
def test_phrases_are_no_places(text):
    assert find_places(text) == []


_PIECES = [*"市区县镇乡村社区街道路庄东西南北在的和，。、 \n１２3a新华青石柳湾家住驻全各该本省"]
_PIECES += ["北京", "海宁", "朝阳", "郊区", "袁花镇", "贵州", "城关镇", "淳安县", "里商乡"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=60))
def test_any_text_gives_consistent_mentions(text):
    mentions = find_places(text)
    _check_offsets(text, mentions)
    div = divisions.load()
    previous = None
    for m in mentions:
        if m.codes:
            assert all(div.key(code) == (m.name, m.kind) for code in m.codes)
        if m.parent is not None:
            assert previous is not None and previous.end <= m.start
            assert (previous.name, previous.kind) == m.parent
            assert previous.level < m.level
            if m.codes:
                assert all(any(div.contains(p, c) for p in previous.codes) for c in m.codes)
        previous = m


def test_shared_words_give_the_same_result(seed_texts):
    for text in seed_texts.values():
        words = segmenter.cut(fold(text))
        assert find_places(text, words) == find_places(text)


def test_speed_on_seed_like_text(seed_texts):
    pages = list(seed_texts.values()) * 5
    words = [segmenter.cut(fold(page)) for page in pages]
    find_places(pages[0], words[0])  # dictionaries load once
    started = time.perf_counter()
    for page, page_words in zip(pages, words, strict=True):
        find_places(page, page_words)
    elapsed = time.perf_counter() - started
    assert sum(map(len, pages)) / elapsed >= 300_000


def test_a_dropped_short_form_states_no_parent():
    # 北京 is the core of the village 北京村 here, so it is dropped, and with it the parent it
    # would have stated (found by the property test above).
    assert [(m.name, m.parent) for m in find_places("北京北京村")] == [("北京村", None)]


def test_a_preposition_jieba_glued_to_a_village_is_not_part_of_its_name():
    # jieba cuts 汽油|从马村: the village is 马村, and 汽油 (petrol) never joins it.
    assert [m.name for m in find_places("油罐车装载汽油从马村运往县城")] == ["马村"]
