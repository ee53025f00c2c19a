"""The research desk's core on real archives: batch metadata on import, editing a file's
metadata (kept through reanalysis and reindex), issues, facets, sort by date, saved searches."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.pages import (
    DAILY,
    EVENING,
    WEEKLY,
    write_dated_pages,
    write_page_of_day,
    write_pages,
)
from viewer.archive import Archive, FileNotStored, SavedSearchError
from viewer.batch_meta import BatchMeta, BatchMetaError
from viewer.search import QueryError
from viewer.search.options import MAX_LIMIT
from viewer.store.saved import SearchFilters


def _file(archive: Archive, name: str) -> dict:
    return next(f for f in archive.files() if f["name"] == name)


def _story_dates(archive: Archive, name: str) -> list[str | None]:
    path = _file(archive, name)["path"]
    return [s["date"] for s in archive.stories() if s["source_file"] == path]


def test_import_fills_what_pages_leave_open(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "daily.txt").write_text(DAILY, "utf-8")  # its header line prints 2019-03-08
    (folder / "weekly.txt").write_text(WEEKLY, "utf-8")
    sidecar = {"source": "东坡周刊", "date": "2018-05-20", "page": "03"}
    (folder / "weekly.json").write_text(json.dumps(sidecar, ensure_ascii=False), "utf-8")
    (folder / "scan-001.txt").write_text(EVENING, "utf-8")  # says nothing about itself
    (folder / "jc-2020.10.01-p6.txt").write_text(WEEKLY.replace("45万元", "46万元"), "utf-8")
    batch = BatchMeta.make(
        paper="江城晚报", date="2021-01-02", pattern="{*}-{yyyy}.{mm}.{dd}-p{page}"
    )
    with Archive(tmp_path / "db") as archive:
        report = archive.import_paths([folder], workers=0, batch=batch)
        assert report.imported == 4 and not report.skipped
        assert sorted(Path(p).name for p in report.unfit) == [
            "daily.txt",
            "scan-001.txt",
            "weekly.txt",
        ]
        meta = {f["name"]: (f["source"], f["date"], f["page"]) for f in archive.files()}
        assert meta == {
            "daily.txt": ("江城晚报", "2019-03-08", ""),  # the header's date beats --date
            "weekly.txt": ("东坡周刊", "2018-05-20", "03"),  # the sidecar beats everything
            "scan-001.txt": ("江城晚报", "2021-01-02", ""),
            "jc-2020.10.01-p6.txt": ("江城晚报", "2020-10-01", "6"),
        }
        # The story with no dateline of its own is dated by the page, and found by that date.
        assert _story_dates(archive, "scan-001.txt")[0] == "2021-01-02"
        found = archive.search("议事会", date_from="2021-01-02", date_to="2021-01-02")
        assert [r["title"] for r in found] == ["翠柳社区　议事会开到楼道口"]


def test_batch_meta_reaches_worker_processes(tmp_path):
    folder = tmp_path / "pages"
    for day in ("2020-01-01", "2020-01-02"):
        write_page_of_day(folder, day).rename(folder / f"p{day.replace('-', '')}.txt")
    batch = BatchMeta.make(paper="周刊", pattern="p{yyyy}{mm}{dd}")
    with Archive(tmp_path / "db") as archive:
        archive.import_paths([folder], workers=2, batch=batch)
        dates = sorted((f["source"], f["date"]) for f in archive.files())
    assert dates == [("周刊", "2020-01-01"), ("周刊", "2020-01-02")]


def test_edited_metadata_survives_reanalysis_and_reindex(tmp_path):
    pages = write_dated_pages(tmp_path / "pages")
    with Archive(tmp_path / "db") as archive:
        archive.import_paths([pages], workers=0)
        path = _file(archive, "daily.txt")["path"]
        ids = [s["id"] for s in archive.stories() if s["source_file"] == path]
        assert _story_dates(archive, "daily.txt") == ["2019-03-07", "2019-03-06", "2019-03-08"]

        change = archive.set_file_meta(path, paper="人民晨报", date="2021-05-01", page="4")
        assert (change.paper, change.date, change.page) == ("人民晨报", "2021-05-01", "4")
        daily = _file(archive, "daily.txt")
        assert (daily["source"], daily["date"], daily["page"]) == ("人民晨报", "2021-05-01", "4")
        edited = _story_dates(archive, "daily.txt")
        assert edited[2] == "2021-05-01"  # the notice with no dateline took the page's date
        assert [s["id"] for s in archive.stories(paper="人民晨报")] == ids  # ids kept

        def notice_found(day: str) -> bool:
            hits = archive.search("图书馆", date_from=day, date_to=day)
            return "图书馆延长开放时间" in [r["title"] for r in hits]

        assert notice_found("2021-05-01") and not notice_found("2019-03-08")
        assert archive.check().ok

        archive.reanalyse()  # the header line prints 2019-03-08: the date set by hand wins
        daily = _file(archive, "daily.txt")
        assert (daily["source"], daily["date"], daily["page"]) == ("人民晨报", "2021-05-01", "4")
        assert _story_dates(archive, "daily.txt") == edited
        assert notice_found("2021-05-01") and not notice_found("2019-03-08")
        archive.reanalyse()  # and again: the mark that it was set by hand is kept too
        assert _file(archive, "daily.txt")["date"] == "2021-05-01"

        archive.reindex()
        assert notice_found("2021-05-01") and not notice_found("2019-03-08")
        assert archive.check().ok


def test_set_file_meta_refuses_unknown_files_and_bad_dates(tmp_path):
    pages = write_dated_pages(tmp_path / "pages")
    with Archive(tmp_path / "db") as archive:
        archive.import_paths([pages], workers=0)
        with pytest.raises(FileNotStored, match=r"nothere\.txt"):
            archive.set_file_meta(pages / "nothere.txt", date="2020-01-01")
        with pytest.raises(BatchMetaError, match="2020-02-30"):
            archive.set_file_meta(pages / "daily.txt", date="2020-02-30")
        assert _file(archive, "daily.txt")["date"] == "2019-03-08"  # nothing changed
        # The path as given (relative to the folder) names the stored file too; a paper alone
        # leaves the dates alone.
        change = archive.set_file_meta(pages / "weekly.txt", paper="周报")
        assert change.redated == 0 and change.date == "2018-05-20"


@pytest.fixture(scope="module")
def desk(tmp_path_factory, seeds_dir) -> Archive:
    """Seeds (undated) plus pages dated by header, file name and sidecar, and three days of
    a weekly."""
    root = tmp_path_factory.mktemp("desk")
    pages = write_dated_pages(root / "pages")
    for day in ("2020-01-02", "2020-01-08", "2021-03-03"):
        write_page_of_day(root / "weekly", day)
    archive = Archive(root / "db")
    archive.import_paths([seeds_dir, pages, root / "weekly"], workers=0)
    yield archive
    archive.close()


def test_issues_group_by_paper_and_day(desk):
    papers = desk.issues()
    by_paper = {p.paper: p for p in papers}
    assert papers[-1].paper == ""  # files naming no paper come last
    weekly = by_paper["东坡周刊"]
    days = [d.date for y in weekly.years for m in y.months for d in m.days]
    assert days == ["2018-05-20", "2020-01-02", "2020-01-08", "2021-03-03"]
    assert [(y.year, y.stories) for y in weekly.years] == [(2018, 1), (2020, 2), (2021, 1)]
    assert sum(p.stories for p in papers) == len(desk.stories())
    undated = by_paper[""].years[-1]
    assert undated.year is None and undated.months[0].days[0].date == ""

    # One issue's stories, a month of them, the undated files', and with a place.
    assert [s["date"] for s in desk.stories(paper="江城晚报", date="2020-09-15", page="A06")] == [
        "2020-09-15",
        "2020-09-13",  # a story's own dateline, the page is still that day's issue
    ]
    assert len(desk.stories(paper="东坡周刊", date="2020-01")) == 2
    assert len(desk.stories(date="")) == undated.stories == 42  # the seeds
    assert desk.stories(paper="东坡周刊", date="2020") != desk.stories(paper="东坡周刊")
    assert desk.stories("眉山市", paper="东坡周刊", date="2021")[0]["date"] == "2021-03-03"
    with pytest.raises(QueryError):
        desk.stories(date="2020-13")


FACET_QUERIES = [
    ("社区", {}),
    ("社区 OR 村", {"date_from": "2019"}),
    ("from:2000", {}),
    ("kind:brief", {"place": "眉山市"}),
]


@pytest.mark.parametrize(("text", "filters"), FACET_QUERIES)
def test_facets_count_every_hit_as_its_filter_finds(desk, text, filters):
    hits = desk.search(text, limit=MAX_LIMIT, **filters)
    facets = desk.facets(text, **filters)
    assert facets.total == len(hits) > 0
    assert {k.kind: k.stories for k in facets.kinds} == Counter(h["kind"] for h in hits)
    assert facets.undated == sum(h["date"] is None for h in hits)
    dated = Counter(int(h["date"][:4]) for h in hits if h["date"])
    assert all({y.year: y.stories for y in facets.years}.get(y, 0) >= n for y, n in dated.items())
    # Each count is what choosing it finds.
    for year in facets.years:
        chosen = {**filters, "date_from": str(year.year), "date_to": str(year.year)}
        assert len(desk.search(text, limit=MAX_LIMIT, **chosen)) == year.stories, year
    assert facets.places
    for place in facets.places:
        found = desk.search(text, limit=MAX_LIMIT, **{**filters, "place": place.name})
        assert len(found) == place.stories, place
    named = Counter(name for h in hits for name in h["places"])
    assert all({p.name: p.stories for p in facets.places}[n] >= c for n, c in named.items())


def test_facets_of_everything(desk):
    facets = desk.facets("")
    assert facets.total == len(desk.stories())
    assert sum(k.stories for k in facets.kinds) == facets.total


def test_sort_by_date_newest_first_undated_last(desk):
    relevance = desk.search("社区 OR 村", limit=MAX_LIMIT)
    by_date = desk.search("社区 OR 村", limit=MAX_LIMIT, sort="date")
    assert sorted(r["id"] for r in by_date) == sorted(r["id"] for r in relevance)
    dates = [r["date"] for r in by_date]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and len(set(dated)) > 3
    assert dates == dated + [None] * (len(dates) - len(dated))
    # A limit keeps the newest, not the best; filters still hold.
    assert desk.search("社区 OR 村", limit=3, sort="date") == by_date[:3]
    from_2020 = desk.search("社区 OR 村", limit=2, sort="date", date_from="2020-01-02")
    assert [r["date"] for r in from_2020] == ["2021-03-03", "2020-09-15"]
    with pytest.raises(QueryError):
        desk.search("社区", sort="oldest")


def test_saved_searches(tmp_path, seeds_dir):
    with Archive(tmp_path / "db") as archive:
        archive.import_paths([seeds_dir], workers=0)
        archive.save_search("社区", "社区")
        archive.save_search("巩义", "社区", SearchFilters(place="巩义市", kind="article"))
        with pytest.raises(SavedSearchError, match="已有名为“社区”"):
            archive.save_search("社区", "村")
        with pytest.raises(QueryError):
            archive.save_search("坏的", "-社区")  # nothing to look for
        listed = {s.name: s for s in archive.saved_searches()}
        assert list(listed) == sorted(["社区", "巩义"])
        assert listed["社区"].hits == len(archive.search("社区", limit=MAX_LIMIT))
        gongyi = archive.search("社区", place="巩义市", kind="article", limit=MAX_LIMIT)
        assert listed["巩义"].hits == len(gongyi) > 0
        assert listed["巩义"].filters == SearchFilters(place="巩义市", kind="article")
        # The counts are current: an import changes them.
        archive.import_paths([write_pages(tmp_path / "pages")["street"]], workers=0)
        now = {s.name: s.hits for s in archive.saved_searches()}
        assert now["社区"] == len(archive.search("社区", limit=MAX_LIMIT)) > listed["社区"].hits

        archive.rename_search("巩义", "巩义的社区")
        with pytest.raises(SavedSearchError):
            archive.rename_search("巩义", "x")
        archive.delete_search("社区")
        with pytest.raises(SavedSearchError):
            archive.delete_search("社区")
    with Archive(tmp_path / "db") as archive:  # kept in the archive
        assert [s.name for s in archive.saved_searches()] == ["巩义的社区"]
