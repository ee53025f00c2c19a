"""The store on a real SQLite file: one transaction per page, replacement, orphan places."""

from __future__ import annotations

import sqlite3

import pytest

from viewer.model import (
    Credit,
    Fact,
    PageMeta,
    PageRecord,
    ParsedPage,
    ParsedStory,
    PlaceLink,
    StoryPlaceRef,
    StoryRecord,
)
from viewer.places import resolve_parents
from viewer.store import Store, queries
from viewer.store.schema import migrations


def _story(seq: int, title: str, body: str, start: int, end: int) -> ParsedStory:
    return ParsedStory(
        seq=seq,
        kind="article",
        kicker="",
        title=title,
        subtitle="",
        subheads=[],
        byline="记者 甲乙",
        credits=[Credit("甲乙", "记者")],
        body=body,
        source_start=start,
        source_end=end,
    )


def _record(path: str, text: str, sha: str, community: str = "柳岸社区") -> PageRecord:
    half = len(text) // 2
    stories = [
        StoryRecord(
            story=_story(0, "第一篇", text[:half], 0, half),
            facts=[Fact("money", "5万元", 0, 3, value=50000.0, unit="元")],
            places=[StoryPlaceRef(community, "community", 2, True, 0)],
            years=[2021],
        ),
        StoryRecord(
            story=_story(1, "", text[half:], half, len(text)),
            facts=[],
            places=[StoryPlaceRef("硖石街道", "street", 1, False, 4)],
            years=[],
        ),
    ]
    return PageRecord(
        page=ParsedPage(
            path=path,
            sha256=sha,
            encoding="utf-8",
            text=text,
            meta=PageMeta(source="某某日报", date="2021-05-06", page="A02"),
            years=[2021],
            stories=stories,
        ),
        size=len(text.encode()),
        stories=stories,
        links=[PlaceLink((community, "community"), ("硖石街道", "street"), 10, "adjacent")],
    )


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "archive")
    yield s
    s.close()


def test_write_page_stores_stories_facts_and_places(store):
    result = store.write_page(
        _record("/a/p1.txt", "5万元用于改造。硖石街道柳岸社区开展活动。", "h1")
    )
    assert len(result.added) == 2 and result.removed == []
    summaries = queries.story_summaries(store.db)
    assert [s["title"] for s in summaries] == ["第一篇", ""]
    assert summaries[0]["places"] == ["柳岸社区"]
    assert summaries[1]["label"] == "街道柳岸社区开展活动。"  # headline-less: first words
    assert summaries[0]["date"] == "2021-05-06"
    detail = queries.story_detail(store.db, result.added[0])
    assert detail["credits"] == [{"name": "甲乙", "role": "记者"}]
    assert detail["facts"][0]["value"] == 50000.0
    assert detail["original"] == "5万元用于改造。硖石"
    assert detail["years"] == [2021]
    assert store.has_content("h1") and not store.has_content("h2")


def test_same_path_replaces_old_stories_and_drops_orphan_places(store):
    first = store.write_page(_record("/a/p1.txt", "一二三四五六七八", "h1", community="柳岸社区"))
    second = store.write_page(_record("/a/p1.txt", "八七六五四三二一", "h2", community="枫林社区"))
    assert sorted(second.removed) == sorted(first.added)
    assert store.file_count() == 1
    assert queries.story_count(store.db) == 2
    names = {name for name, _kind in store.place_keys()}
    assert names == {"枫林社区", "硖石街道"}


def test_a_failing_write_leaves_the_archive_as_it_was(store):
    store.write_page(_record("/a/p1.txt", "一二三四五六七八", "h1"))
    broken = _record("/a/p1.txt", "八七六五四三二一", "h2")
    broken.stories[1].facts.append(Fact("money", "x", object(), 1))  # not storable
    with pytest.raises(sqlite3.Error):
        store.write_page(broken)
    assert store.has_content("h1") and not store.has_content("h2")
    assert [s["title"] for s in queries.story_summaries(store.db)] == ["第一篇", ""]


def test_hierarchy_queries(store):
    store.write_page(_record("/a/p1.txt", "一二三四五六七八", "h1"))
    links = list(store.place_links())
    assert links == [
        PlaceLink(("柳岸社区", "community"), ("硖石街道", "street"), 10, "adjacent", "", 10)
    ]
    store.set_parents({("柳岸社区", "community"): ("硖石街道", "street")})
    assert store.parents()[("柳岸社区", "community")] == ("硖石街道", "street")
    street = store.places_named("硖石街道")
    assert len(street) == 1
    sub = store.subtree(street)
    assert set(store.place_names(sub)) == {"硖石街道", "柳岸社区"}
    assert store.places_named("柳岸") == store.places_named("柳岸社区")
    assert store.places_named("100%") == []


def test_reopening_applies_no_migration_twice(tmp_path):
    Store(tmp_path / "a").close()
    again = Store(tmp_path / "a")
    applied = again.db.execute("select count(*) from _sqlite_migrations").fetchone()[0]
    again.close()
    assert applied == len(migrations._migrations)


def test_meta_roundtrip(store):
    assert store.get_meta("x") is None
    store.set_meta("x", "1")
    assert store.get_meta("x") == "1"
    store.set_meta("x", None)
    assert store.get_meta("x") is None


def test_code_evidence_keeps_its_code(store):
    record = _record("/a/p1.txt", "一二三四五六七八", "h1")
    record.links.append(
        PlaceLink(("硖石街道", "street"), ("海宁市", "city"), 10, "code", "330481001000")
    )
    store.write_page(record)
    code = PlaceLink(("硖石街道", "street"), ("海宁市", "city"), 10, "code", "330481001000", 10)
    assert code in list(store.place_links())


def test_links_of_many_files_come_summed_and_choose_the_parent_the_single_links_would(store):
    """The archive's evidence is read summed per link (a fifth as many rows as files' links at
    100,000 stories), keeping the strongest single piece for resolve_parents' tie-break."""
    child, strong, weak = ("柳岸社区", "community"), ("硖石街道", "street"), ("海洲街道", "street")
    assert weak < strong  # name order alone would choose `weak`
    per_file = [[PlaceLink(child, strong, 10, "adjacent")]]
    per_file += [[PlaceLink(child, weak, 1, "page")] for _ in range(10)]
    per_file[1].append(PlaceLink(child, strong, 1, "page"))  # same pair, another reason
    for n, links in enumerate(per_file):
        record = _record(f"/a/p{n}.txt", "一二三四五六七八", f"h{n}")
        record.links[:] = links
        store.write_page(record)
    summed = list(store.place_links())
    assert sorted((link.parent, link.reason, link.weight, link.strongest) for link in summed) == [
        (weak, "page", 10, 1),
        (strong, "adjacent", 10, 10),
        (strong, "page", 1, 1),
    ]
    singles = [link for links in per_file for link in links]
    # strong sums 11 against weak's 10 here; with one more weak file both sum 11 and the
    # strongest single piece (10 against 1) decides, as it does per file.
    record = _record("/a/extra.txt", "一二三四五六七八", "hx")
    record.links[:] = [PlaceLink(child, weak, 1, "page")]
    store.write_page(record)
    singles += record.links
    assert resolve_parents([child], singles)[child] == strong
    assert resolve_parents([child], store.place_links())[child] == strong


def test_placement_adds_ancestors_and_drops_those_no_longer_needed(store):
    store.write_page(_record("/a/p1.txt", "一二三四五六七八", "h1"))
    street, city, province = ("硖石街道", "street"), ("海宁市", "city"), ("浙江省", "province")
    community = ("柳岸社区", "community")
    store.set_placement(
        {community: street, street: city, city: province, province: None},
        {street: "330481001000", city: "330481000000", province: "330000000000"},
        {community: 5, street: 4, city: 3, province: 1},
    )
    assert store.parents()[city] == province
    row = store.db.execute("select code, level from places where name = '海宁市'").fetchone()
    assert row == ("330481000000", 3)
    ids = store.subtree(store.places_named("浙江省"))
    assert set(store.place_names(ids)) == {"浙江省", "海宁市", "硖石街道", "柳岸社区"}
    # The street now hangs elsewhere: 海宁市 and 浙江省 are no one's parents any more.
    store.set_placement({community: street, street: None}, {}, {})
    assert set(store.place_keys()) == {community, street}


def test_places_named_by_what_a_short_form_stands_for(store):
    store.write_page(_record("/a/p1.txt", "一二三四五六七八", "h1"))
    street = store.places_named("硖石街道")
    assert store.places_named("硖石", [("硖石街道", "street")]) == street
    assert store.places_named("硖石", [("硖石街道", "town")]) == street  # the prefix still finds it
    assert store.places_named("无此地", [("硖石街道", "street")]) == street
