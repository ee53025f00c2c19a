"""The gazetteer as shipped in resources/gazetteer/ (built by tools/build_gazetteer.py)."""

from __future__ import annotations

import threading

import pytest

from viewer.paths import resource_path
from viewer.places.gazetteer import Division, ForeignPlace, Gazetteer, level_of, load

BEIJING = "110000000000"


def _one(divisions: list[Division]) -> Division:
    assert len(divisions) == 1, divisions
    return divisions[0]


def test_short_form_of_a_municipality():
    beijing = _one(load().by_short("北京"))
    assert (beijing.name, beijing.level, beijing.code) == ("北京市", 1, BEIJING)
    assert (beijing.kind, beijing.parent, beijing.former) == ("province", None, False)
    assert load().get(BEIJING) == beijing


def test_short_forms_as_news_writes_them():
    g = load()
    for short, name in [
        ("贵州", "贵州省"),
        ("内蒙古", "内蒙古自治区"),
        ("广西", "广西壮族自治区"),
        ("贵阳", "贵阳市"),
        ("延边", "延边朝鲜族自治州"),
        ("海淀", "海淀区"),
    ]:
        assert name in [d.name for d in g.by_short(short)], short
    assert g.by_short("北京市") == []  # a full name is not a short form


def test_prefecture_district_and_ancestors():
    g = load()
    guiyang = _one(g.by_name("贵阳市"))
    assert (guiyang.level, guiyang.kind) == (2, "city")
    assert [d.name for d in g.ancestors(guiyang.code)] == ["贵州省"]
    nanming = _one(g.by_name("南明区"))
    assert (nanming.parent, nanming.level, nanming.kind) == (guiyang.code, 3, "district")
    assert nanming in g.children(guiyang.code)
    assert [d.name for d in g.ancestors(nanming.code)] == ["贵阳市", "贵州省"]


def test_a_municipality_is_the_direct_parent_of_its_districts_and_counties():
    g = load()
    haidian = _one(g.by_name("海淀区"))
    assert haidian.parent == BEIJING
    assert [d.name for d in g.ancestors(haidian.code)] == ["北京市"]
    chengkou = _one(g.by_name("城口县"))  # under NBS's "县" placeholder for 重庆市
    assert (chengkou.parent, chengkou.kind) == ("500000000000", "county")
    assert g.by_name("市辖区") == [] and g.by_name("县") == []
    assert all(d.level == 3 for d in g.children(BEIJING))


def test_a_county_level_city_is_level_3_of_kind_city():
    g = load()
    yiwu = _one(g.by_name("义乌市"))
    assert (yiwu.level, yiwu.kind) == (3, "city")
    assert g.get(yiwu.parent or "") == _one(g.by_name("金华市"))


def test_hong_kong_macau_and_taiwan():
    g = load()
    hong_kong = _one(g.by_short("香港"))
    assert (hong_kong.name, hong_kong.level) == ("香港特别行政区", 1)
    assert hong_kong.code == "810000000000"
    taiwan = _one(g.by_short("台湾"))
    assert (taiwan.name, taiwan.level) == ("台湾省", 1)
    taipei = _one(g.by_name("台北市"))
    assert (taipei.parent, taipei.level) == (taiwan.code, 2)
    assert len(g.children(taipei.code)) >= 10
    assert _one(g.by_short("澳门")).name == "澳门特别行政区"


def test_former_names_point_to_their_successor():
    g = load()
    xicheng = _one(g.by_name("西城区"))
    xuanwu = _one(g.by_name("宣武区"))
    assert xuanwu.former and xuanwu.successor == xicheng.code == xuanwu.code
    assert (xuanwu.level, xuanwu.parent) == (3, BEIJING)
    xiangfan = _one(g.by_name("襄樊市"))
    assert xiangfan.former and g.get(xiangfan.successor or "") == _one(g.by_name("襄阳市"))
    assert g.by_short("襄樊") == [xiangfan]
    assert g.get(xicheng.code) == xicheng  # a code always gives the current division


def test_street_names_lose_the_office_suffix():
    g = load()
    kulun = g.get("150524400000")  # NBS: 库伦街道办事处
    assert kulun is not None and (kulun.name, kulun.kind, kulun.level) == ("库伦街道", "street", 4)
    assert g.by_name("库伦街道办事处") == []
    assert g.names_by_suffix("街道办事处") == []
    assert "库伦街道" in g.names_by_suffix("街道")


def test_villages_and_communities(with_villages):
    g, _found = with_villages
    [beixin] = [v for v in g.villages("北新村") if v.code.startswith("310114")]  # 嘉定区
    assert (beixin.level, beixin.kind) == (5, "village")
    township = g.get(beixin.parent or "")
    assert township is not None and (township.name, township.kind) == ("华亭镇", "town")
    assert [d.name for d in g.ancestors(beixin.code)] == ["华亭镇", "嘉定区", "上海市"]
    assert g.get(beixin.code) == beixin and beixin in g.children(township.code)
    dongcheng_street = _one(g.by_name("东华门街道"))
    communities = g.children(dongcheng_street.code)
    assert communities and all(c.kind == "community" for c in communities)
    assert all(c.name.endswith("社区") for c in communities)  # not 社区居委会
    assert g.villages("北新村委会") == []


def test_foreign_places_are_apart_from_the_tree():
    g = load()
    assert g.foreign("俄罗斯") == ForeignPlace("俄罗斯", "俄罗斯", True)
    assert g.foreign("俄罗斯联邦") == ForeignPlace("俄罗斯联邦", "俄罗斯", True)
    assert g.foreign("莫斯科") == ForeignPlace("莫斯科", "俄罗斯", False)
    assert g.foreign("东京") == ForeignPlace("东京", "日本", False)
    assert g.foreign("北京") is None and g.foreign("中国") is None
    assert g.by_name("莫斯科") == [] and g.by_short("俄罗斯") == []


def test_contains_follows_the_codes():
    g = load()
    guizhou, guiyang, nanming = (_one(g.by_name(n)).code for n in ("贵州省", "贵阳市", "南明区"))
    assert g.contains(guizhou, nanming) and g.contains(guiyang, nanming)
    assert not g.contains(nanming, guiyang) and not g.contains(guiyang, guiyang)
    assert g.contains(BEIJING, _one(g.by_name("海淀区")).code)
    assert not g.contains(guiyang, BEIJING)
    assert g.contains(guiyang, "520102001001") and level_of("520102001001") == 5


def test_risky_short_forms_are_flagged_not_dropped():
    g = load()
    assert g.is_risky_short("和平") and g.by_short("和平")  # 和平区, 和平县
    assert g.is_risky_short("前进") and g.by_short("前进")
    assert not g.is_risky_short("北京") and not g.is_risky_short("海淀")


def test_names_for_a_dictionary_scanner():
    g = load()
    names = list(g.names())
    pairs = {(text, d.code) for text, d in names}
    assert {("北京", BEIJING), ("北京市", BEIJING), ("宣武区", "110102000000")} <= pairs
    assert len(names) > 45_000  # levels 1-4, former names, short forms
    assert max(len(text) for text, _d in names) <= g.longest_names()
    assert g.longest_names() >= len("新疆维吾尔自治区")
    assert any(p.name == "莫斯科" for p in g.foreign_places())


def test_loaded_once_per_process_from_any_thread():
    assert load() is load()
    seen: list[Gazetteer] = []
    threads = [threading.Thread(target=lambda: seen.append(load())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g is load() for g in seen)


@pytest.fixture(scope="module")
def with_villages() -> tuple[Gazetteer, list[list[Division]]]:
    """A fresh gazetteer whose level 5 three threads asked for at the same moment (level 5
    takes about a second to load, so the module loads it once)."""
    fresh = Gazetteer(resource_path("resources", "gazetteer"))
    fresh.children(BEIJING)
    assert fresh._villages is None  # levels 1-4 never need level 5
    found: list[list[Division]] = []
    barrier = threading.Barrier(3)

    def ask() -> None:
        barrier.wait()
        found.append(fresh.villages("北新村"))

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return fresh, found


def test_villages_load_once_when_threads_ask_together(with_villages):
    _g, found = with_villages
    assert len(found) == 3 and found[0] and found[0] == found[1] == found[2]
