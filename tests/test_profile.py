"""Place profiles on the seed archive and on invented pages in the seeds' style."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.archive import Archive
from viewer.profile import (
    PlaceProfile,
    build_timeline,
    place_profile,
    quantity_section,
    story_year,
)

INVENTED_PAGE = """

青松路社区：邻里同心建家园

青松路社区有４个小区楼院，１２５０户四千余人，直管党员３８名。２０１９年，社区投入资金１５万元，\
新建了３００平方米的党群服务中心。

青松路社区党总支书记韩秋菊说：“我们要把居民的事办好。”社区与清河物业公司签订了服务协议。

记者 欧阳明


槐花巷社区开展义诊活动

一九九八年建成的槐花巷社区近日开展义诊活动，社区主任石立新带领工作人员为居民服务。
"""


@pytest.fixture(scope="module")
def invented(tmp_path_factory: pytest.TempPathFactory, jieba_cache: Path) -> Iterator[Archive]:
    pages = tmp_path_factory.mktemp("profile_pages")
    (pages / "page.txt").write_text(INVENTED_PAGE, "utf-8")
    archive = Archive(tmp_path_factory.mktemp("profile_invented") / "a")
    archive.import_paths([pages], workers=0)
    yield archive
    archive.close()


def _texts(items) -> list[str]:
    return [item.text for item in items]


def test_seed_community_figures(seeded: Archive) -> None:
    profile = place_profile(seeded, "紫荆路社区")
    assert isinstance(profile, PlaceProfile)
    assert (profile.name, profile.kind) == ("紫荆路社区", "community")
    assert profile.story_count == len(seeded.stories("紫荆路社区")) > 0
    assert [(i.value, i.unit) for i in profile.households] == [(3100.0, "户")]
    assert "9000余人" in _texts(profile.residents)
    # 社区“两委”干部9人 counts cadres, not residents.
    assert "9人" not in _texts(profile.residents)
    party = {(i.value, i.label) for i in profile.party_members}
    assert (52.0, "直管党员") in party
    assert all("党员" in i.label for i in profile.party_members)
    assert "600平方米" in _texts(profile.facilities)
    assert "6个" in _texts(profile.facilities)


def test_items_link_to_their_story(seeded: Archive) -> None:
    profile = place_profile(seeded, "紫荆路社区")
    assert profile is not None
    item = profile.households[0]
    story = seeded.story(item.story_id)
    assert story is not None and "3100户" in story["body"]
    assert item.story_label == story["label"]


def test_seed_people_with_roles(seeded: Archive) -> None:
    profile = place_profile(seeded, "紫荆路社区")
    assert profile is not None
    people = {p.name: p for p in profile.people}
    assert "社区党支部书记" in people["王孝转"].roles
    assert len(people["王孝转"].story_ids) >= 2  # named in several of its stories
    # The byline's reporter is not one of the community's people.
    assert "李晓霞" not in people
    assert len(profile.people) == len(people)
    assert all(p.roles for p in profile.people)
    other = place_profile(seeded, "如意庄社区")
    assert other is not None
    assert "牛慧祥" in {p.name for p in other.people}


def test_seed_timeline_counts_each_story_once(seeded: Archive) -> None:
    profile = place_profile(seeded, "紫荆路社区")
    assert profile is not None
    assert sum(n for _, n in profile.timeline) + profile.undated == profile.story_count
    assert dict(profile.timeline).get(2020, 0) >= 2
    assert profile.undated >= 1


def test_unknown_place_has_no_profile(seeded: Archive) -> None:
    assert place_profile(seeded, "无此地名社区") is None


def test_invented_page_profile(invented: Archive) -> None:
    profile = place_profile(invented, "青松路社区")
    assert profile is not None
    assert [i.value for i in profile.households] == [1250.0]
    assert [i.value for i in profile.residents] == [4000.0]
    assert [(i.value, i.label) for i in profile.party_members] == [(38.0, "直管党员")]
    assert [i.value for i in profile.money] == [150000.0]
    assert profile.money_total == 150000.0
    assert sorted(_texts(profile.facilities)) == sorted(["４个", "３００平方米"])
    assert [(p.name, p.roles) for p in profile.people] == [("韩秋菊", ("社区党总支书记",))]
    assert "欧阳明" not in {p.name for p in profile.people}
    assert [o.name for o in profile.organizations] == ["清河物业公司"]
    assert profile.timeline == [(2019, 1)]


def test_invented_chinese_numeral_year(invented: Archive) -> None:
    profile = place_profile(invented, "槐花巷社区")
    assert profile is not None
    assert profile.timeline == [(1998, 1)]
    assert profile.money == [] and profile.money_total == 0.0
    assert [p.name for p in profile.people] == ["石立新"]


def test_story_year_prefers_the_date() -> None:
    assert story_year({"date": "2016-03-01", "years": [2001, 2010]}) == 2016
    assert story_year({"date": None, "years": [2010, 2001]}) == 2001
    assert story_year({"date": "", "years": []}) is None
    stories = [{"date": "2016-03-01"}, {"years": [2016]}, {"years": [2003]}, {"years": []}]
    assert build_timeline(stories) == ([(2003, 1), (2016, 2)], 1)


@pytest.mark.parametrize(
    ("unit", "label", "section"),
    [
        ("户", "", "households"),
        ("户", "业主", "households"),
        ("名", "流动党员", "party_members"),
        ("人", "", "residents"),
        ("人", "常住人口", "residents"),
        ("名", "志愿者", None),
        ("平方米", "", "facilities"),
        ("个", "日间照料中心", "facilities"),
        ("处", "活动场所", "facilities"),
        ("个", "网格", None),
        ("件", "实事", None),
    ],
)
def test_quantity_sections(unit: str, label: str, section: str | None) -> None:
    assert quantity_section({"unit": unit, "label": label}) == section
