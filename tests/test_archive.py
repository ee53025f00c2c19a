"""End to end over the use cases: real files -> SQLite + Whoosh -> search and browse."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages import write_page_of_day, write_pages
from viewer.archive import Archive, ImportProgress, QueryError
from viewer.text import fold


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeds_dir):
    """An archive built once from the seeds and the invented pages (read-only tests share it)."""
    root = tmp_path_factory.mktemp("seeded")
    pages = write_pages(root / "pages")
    archive = Archive(root / "archive")
    report = archive.import_paths([seeds_dir, pages["street"].parent], workers=0)
    yield archive, report
    archive.close()


def _searchable(story: dict) -> str:
    return fold("\n".join([story["kicker"], story["title"], story["subtitle"], story["body"]]))


def test_seed_import_report(seeded):
    archive, report = seeded
    assert report.files == 8 and report.imported == 8 and not report.skipped
    assert report.stories == len(archive.stories())
    assert archive.check().ok


def test_stories_tile_each_source_file(seeded):
    archive, _ = seeded
    by_file: dict[str, list[dict]] = {}
    for story in archive.stories():
        by_file.setdefault(story["source_file"], []).append(story)
    for path, stories in by_file.items():
        text = archive.store.stored_file(path)["text"]
        spans = [(s["source_start"], s["source_end"]) for s in stories]
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(spans)), path
        originals = "".join(archive.story(s["id"])["original"] for s in stories)
        assert originals == text


def test_reimport_is_a_no_op(seeded, seeds_dir):
    archive, _ = seeded
    before = len(archive.stories())
    again = archive.import_paths([seeds_dir], workers=0)
    assert again.unchanged == 5 and again.imported == 0 and again.stories == 0
    assert len(archive.stories()) == before


def test_invented_pages_are_found_by_search(seeded):
    archive, _ = seeded
    # Full-width digits in the GB18030 page fold to ASCII ones.
    hits = archive.search("1200份")
    assert len(hits) == 1 and "梧桐社区" in hits[0]["title"]
    assert "**１２００份**" in hits[0]["snippet"]  # marked in the original full-width text
    phone = archive.search("0536-8123456")
    assert [h["label"] for h in phone] == ["柳岸社区 小楼院里的大变化"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_substring_is_found_like_grep(seeded, data):
    archive, _ = seeded
    stories = [archive.story(s["id"]) for s in archive.stories()]
    story = data.draw(st.sampled_from(stories))
    field = data.draw(st.sampled_from([f for f in ("title", "body") if len(story[f]) >= 2]))
    text = story[field]
    size = data.draw(st.integers(2, 6))
    start = data.draw(st.integers(0, max(0, len(text) - size)))
    needle = text[start : start + size]
    if any(c.isspace() or c in '"“”' for c in needle) or len(needle) < 2:
        return
    expected = {s["id"] for s in stories if fold(needle) in _searchable(s)}
    found = {h["id"] for h in archive.search(f'"{needle}"', limit=10_000)}
    assert expected <= found, needle


def test_place_filter_includes_everything_under_the_place(seeded):
    archive, _ = seeded
    street = archive.search("社区", place="云门山街道", limit=100)
    assert street, "stories under the street"
    for hit in street:
        assert set(hit["places"]) & {"云门山街道", "柳岸社区", "槐荫社区"}
    assert archive.search("社区", place="没有这个地方", limit=100) == []


def test_search_results_say_what_to_highlight_and_take_filters_alone(seeded):
    archive, _ = seeded
    results = archive.search_results('社区 -图书 作者:不存在的人 OR "居民"', limit=5)
    assert results.terms == ["社区", "居民", "不存在的人"]  # not the excluded word
    assert results.hits == archive.search('社区 -图书 作者:不存在的人 OR "居民"', limit=5)
    # No words, only filters: the same stories as the filters written as query syntax.
    alone = archive.search_results("", place="云门山街道", kind="article", limit=500)
    spelled = archive.search('place:"云门山街道" kind:article', limit=500)
    assert alone.terms == [] and alone.hits and alone.hits == spelled
    with pytest.raises(QueryError):
        archive.search_results("   ")  # neither words nor filters


def test_a_place_written_in_traditional_characters_finds_the_simplified_one(seeded):
    archive, _ = seeded
    simplified = archive.search("社区", place="郑州市", limit=200)
    assert simplified
    assert archive.search("社区", place="鄭州市", limit=200) == simplified
    assert archive.search("社区 place:鄭州市", limit=200) == simplified
    assert archive.search("社区", place="鄭州無此地", limit=200) == []


def test_changed_file_replaces_its_stories(tmp_path):
    page = tmp_path / "in" / "page.txt"
    page.parent.mkdir()
    page.write_text(
        "白杨社区 新建图书室\n\n白杨社区新建图书室一间,藏书2000册。\n\n(记者 林木)\n", "utf-8"
    )
    with Archive(tmp_path / "archive") as archive:
        first = archive.import_paths([page], workers=0)
        old_ids = {s["id"] for s in archive.stories()}
        page.write_text(
            "白杨社区 新建活动室\n\n白杨社区新建活动室一间,面积120平方米。\n\n(记者 林木)\n",
            "utf-8",
        )
        second = archive.import_paths([page], workers=0)
        stories = archive.stories()
        assert first.imported == 1 and second.imported == 1 and second.replaced == 1
        assert {s["id"] for s in stories}.isdisjoint(old_ids)
        assert [s["title"] for s in stories] == ["白杨社区 新建活动室"]
        assert archive.search("图书室") == []
        assert len(archive.search("活动室")) == 1
        assert archive.check().ok


def test_bad_files_are_skipped_and_the_rest_imported(tmp_path, seeds_dir):
    folder = tmp_path / "mixed"
    shutil.copytree(seeds_dir, folder)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n \n", "utf-8")
    # UTF-8 text with stray bytes that are neither UTF-8 nor GB18030.
    (folder / "broken.txt").write_bytes("社区新闻".encode() + b"\xff\xfe\xfa\x80\x81" * 40)
    with Archive(tmp_path / "archive") as archive:
        report = archive.import_paths([folder], workers=0)
        skipped = {Path(r.path).name: r for r in report.skipped}
        assert set(skipped) == {"photo.txt", "empty.txt", "blank.md", "broken.txt"}
        assert skipped["empty.txt"].code == "empty" and skipped["blank.md"].code == "empty"
        assert skipped["photo.txt"].code == "binary"
        assert all(r.message for r in report.skipped)
        assert report.imported == 5
        assert len({s["source_file"] for s in archive.stories()}) == 5


def test_cancel_half_way_keeps_only_whole_files(tmp_path, seeds_dir):
    seen: list[ImportProgress] = []
    with Archive(tmp_path / "archive") as archive:
        report = archive.import_paths(
            [seeds_dir], progress=seen.append, cancel=lambda: len(seen) >= 2, workers=0
        )
        assert report.cancelled and report.imported == 2
        assert [p.done for p in seen] == [1, 2]
        files = {s["source_file"] for s in archive.stories()}
        assert len(files) == 2
        assert archive.check().ok
        # The rest imports later, as if nothing had happened.
        rest = archive.import_paths([seeds_dir], workers=0)
        assert rest.unchanged == 2 and rest.imported == 3


def test_parallel_import_matches_inline(tmp_path, seeds_dir):
    with Archive(tmp_path / "a") as inline, Archive(tmp_path / "b") as parallel:
        inline.import_paths([seeds_dir], workers=0)
        parallel.import_paths([seeds_dir], workers=2)
        strip = lambda rows: [(r["title"], r["kind"], r["places"]) for r in rows]  # noqa: E731
        assert strip(inline.stories()) == strip(parallel.stories())


def test_interrupted_index_update_is_repaired(tmp_path, seeds_dir):
    with Archive(tmp_path / "archive") as archive:
        archive.import_paths([seeds_dir], workers=0)
        ids = [s["id"] for s in archive.stories()]
        archive.index.delete(ids[:3])
        archive.index.commit()
        report = archive.check()
        assert not report.ok and report.missing == sorted(ids[:3])
        archive.store.set_meta("index_dirty", "1")
        assert archive.repair_index()
        assert archive.check().ok


def test_a_lost_index_is_rebuilt_from_the_database(tmp_path, seeds_dir):
    with Archive(tmp_path / "archive") as archive:
        archive.import_paths([seeds_dir], workers=0)
        expected = {h["id"] for h in archive.search("社区治理")}
    shutil.rmtree(tmp_path / "archive" / "index")
    with Archive(tmp_path / "archive") as archive:
        assert {h["id"] for h in archive.search("社区治理")} == expected
        assert expected and archive.check().ok


def test_date_span_is_the_oldest_and_newest_story_date(tmp_path):
    pages = tmp_path / "pages"
    with Archive(tmp_path / "archive") as archive:
        assert archive.date_span() is None  # nothing dated yet
        (pages / "undated").mkdir(parents=True)
        notice = "图书馆通知\n\n1995年起馆藏已上网。\n"
        (pages / "undated" / "notice.txt").write_text(notice, "utf-8")
        archive.import_paths([pages / "undated"], workers=0)
        assert archive.date_span() is None  # a year in the text is no date
        for day in ("2001-11-30", "1998-03-05", "1999-07-01"):
            write_page_of_day(pages / "dated", day)
        archive.import_paths([pages / "dated"], workers=0)
        assert archive.date_span() == ("1998-03-05", "2001-11-30")


def test_an_import_commits_whenever_the_index_batch_is_full(tmp_path, seeds_dir, monkeypatch):
    # Committing by postings, not only by stories: long stories would otherwise fill whoosh's
    # pool past its limit, which spills to disk and takes several times longer.
    from viewer.search import index as index_module
    from viewer.search.integrity import latest_generation
    from viewer.search.schema import INDEX_NAME

    monkeypatch.setattr(index_module, "BATCH_POSTINGS", 3000)
    with Archive(tmp_path / "a") as archive:
        report = archive.import_paths([seeds_dir], workers=0)
        commits = latest_generation(tmp_path / "a" / "index", INDEX_NAME)
        assert commits >= 4  # the seeds hold ~12,000 postings; one commit without the limit
        assert archive.index.count() == report.stories
        assert not archive.index.batch_is_full
        hits = archive.search("社区", limit=200)
        assert len(hits) == len({h["id"] for h in hits}) > 5
