"""`Archive.reanalyse`: an archive imported by an older page reading is brought up to today's,
from what it stores alone, and ends up exactly as a fresh import of the same pages."""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.pages import WEEKLY, write_dated_pages
from viewer.analysis import ANALYSIS_VERSION, analyze_page
from viewer.archive import ANALYSIS_KEY, INDEX_DIRTY, Archive
from viewer.cli import main
from viewer.ingest import page_from_text, read_meta, read_page
from viewer.model import PageMeta
from viewer.store.packing import unpack
from viewer.store.queries import FACT_KIND_CODES


def snapshot(archive: Archive) -> dict:
    """Everything page reading decides, without story ids or folders (they differ between two
    archives of the same pages)."""
    stories = archive.stories()
    position = {s["id"]: i for i, s in enumerate(stories)}
    keep = ("title", "label", "kind", "kicker", "date", "years", "source_start", "source_end")
    return {
        "stories": [
            {**{k: s[k] for k in keep}, "file": Path(s["source_file"]).name, "places": s["places"]}
            for s in stories
        ],
        "bodies": [archive.story(s["id"])["body"] for s in stories],
        # By story (a stable sort keeps each story's own order): the old reading below stored
        # one file again after the others, so fact ids follow another file order.
        "facts": sorted(
            ({**f, "story": position[f["story"]]} for f in archive.facts()),
            key=lambda f: f["story"],
        ),
        "tree": _tree(archive),
        "files": sorted(
            (Path(r[0]).name, *r[1:])
            for r in archive.store.db.execute(
                "select path, sha256, size, encoding, source, date, page, years, text from files"
            )
        ),
    }


def _tree(archive: Archive) -> list:
    def walk(nodes) -> list:
        return [(n.name, n.kind, n.count, walk(n.children)) for n in nodes]

    return walk(archive.tree())


def read_like_an_old_version(archive: Archive) -> None:
    """What an archive imported before the page-reading rework looks like: no analysis version,
    no dates from datelines, no places, one page cut differently (all of it one story) and
    dated by an old sidecar instead of its header line."""
    db = archive.store.db
    path = db.execute("select path from files where name = 'daily.txt'").fetchone()[0]
    row = archive.store.stored_file(path)
    text = row["text"]
    page = page_from_text(
        path, text, sha256=row["sha256"], encoding=row["encoding"], meta=PageMeta(date=row["date"])
    )
    first = page.stories[0]
    page.stories = [
        replace(
            first,
            body="\n".join(s.body for s in page.stories),
            source_start=0,
            source_end=len(text),
            credits=[c for s in page.stories for c in s.credits],
        )
    ]
    archive.store.write_page(analyze_page(page, row["size"])[0], imported_at=row["imported_at"])
    with db.conn:
        db.execute("update files set date = '2000-01-01' where path = ?", [path])
        # Every story took its page's date: datelines were not read.
        db.execute("update stories set date = (select date from files where id = file_id)")
        db.execute("delete from facts where kind = ?", [FACT_KIND_CODES["place"]])
        db.execute("delete from story_places")
        db.execute("delete from place_links")
        db.execute("update places set parent_id = null")
        db.execute("delete from places")
    archive.store.set_meta(ANALYSIS_KEY, None)
    archive.reindex()  # an old archive's index agrees with its database


def assert_searchable(archive: Archive) -> None:
    for story in archive.stories():
        body = archive.story(story["id"])["body"]
        words = re.search(r"[\u4e00-\u9fff]{4}", body)
        assert words, body
        hits = archive.search(words.group(), limit=100)
        assert story["id"] in [h["id"] for h in hits], words.group()


def assert_whole_files(archive: Archive) -> None:
    """Every file's stories tile its text: no file is left half-replaced."""
    db = archive.store.db
    for file_id, packed in db.execute("select id, text from files").fetchall():
        text = unpack(packed)
        spans = db.execute(
            "select source_start, source_end from stories where file_id = ? order by seq",
            [file_id],
        ).fetchall()
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> dict:
    """A fresh import of the pages by today's page reading: what reanalysis must reproduce."""
    root = tmp_path_factory.mktemp("fresh")
    with Archive(root / "archive") as archive:
        archive.import_paths([write_dated_pages(root / "pages")], workers=0)
        return snapshot(archive)


@pytest.fixture
def old(tmp_path) -> Iterator[tuple[Archive, Path]]:
    """An archive of the pages as an older version imported them, and the pages' folder."""
    pages = write_dated_pages(tmp_path / "pages")
    archive = Archive(tmp_path / "archive")
    archive.import_paths([pages], workers=0)
    read_like_an_old_version(archive)
    yield archive, pages
    archive.close()


def test_page_from_text_reads_as_read_page(tmp_path):
    pages = write_dated_pages(tmp_path)
    for name in ("daily.txt", "江城晚报_2020-09-15_A06.txt", "weekly.txt"):
        path = pages / name
        page = read_page(path)
        meta = read_meta(path)
        again = page_from_text(
            str(path), page.text, sha256=page.sha256, encoding=page.encoding, meta=meta
        )
        assert again == page
        assert meta == read_meta(path)  # the header date does not leak into the caller's meta


def test_the_simulated_old_archive_differs(old, fresh):
    archive, _ = old
    before = snapshot(archive)
    assert before["stories"] != fresh["stories"] and before["tree"] == []
    assert {s["date"] for s in before["stories"]} == {"2000-01-01", "2020-09-15", "2018-05-20"}
    assert archive.needs_reanalysis()


def test_reanalyse_gives_what_a_fresh_import_gives(old, fresh):
    archive, pages = old
    imported_at = dict(archive.store.db.execute("select path, imported_at from files"))
    seen = []
    report = archive.reanalyse(progress=seen.append)
    assert (report.files, report.done, report.cancelled) == (3, 3, False)
    assert report.stories_before == 4 and report.stories_after == 6
    assert [p.done for p in seen] == [1, 2, 3] and seen[-1].stories == 6
    assert snapshot(archive) == fresh
    assert dict(archive.store.db.execute("select path, imported_at from files")) == imported_at
    assert archive.check().ok and archive.store.get_meta(INDEX_DIRTY) is None
    assert_searchable(archive)
    assert not archive.needs_reanalysis()
    assert archive.store.get_meta(ANALYSIS_KEY) == str(ANALYSIS_VERSION)
    # The files keep their content hash: importing the same pages again is still a no-op.
    again = archive.import_paths([pages], workers=0)
    assert again.unchanged == 3 and again.imported == 0


def test_reanalyse_needs_no_original_files(old, fresh):
    archive, pages = old
    shutil.rmtree(pages)  # sidecar and file name are gone too: the stored metadata dates them
    archive.reanalyse()
    assert snapshot(archive) == fresh
    assert archive.check().ok
    assert_searchable(archive)


def test_cancel_stops_between_files(old, fresh):
    archive, _ = old
    # Cancel is asked before each file; the index is marked dirty once the first is stored.
    report = archive.reanalyse(cancel=lambda: archive.store.get_meta(INDEX_DIRTY) is not None)
    assert report.cancelled and report.done == 1 and report.files == 3
    assert archive.store.get_meta(INDEX_DIRTY) is None and archive.check().ok
    assert_whole_files(archive)
    assert_searchable(archive)
    assert archive.needs_reanalysis()  # only a full run brings the archive up to date
    archive.reanalyse()
    assert snapshot(archive) == fresh and not archive.needs_reanalysis()


def test_needs_reanalysis(tmp_path, old):
    empty = Archive(tmp_path / "empty")
    assert not empty.needs_reanalysis()
    empty.import_paths([write_dated_pages(tmp_path / "more")], workers=0)
    assert not empty.needs_reanalysis()
    empty.store.set_meta(ANALYSIS_KEY, str(ANALYSIS_VERSION - 1))
    assert empty.needs_reanalysis()
    empty.close()
    # New pages imported into an old archive leave its old pages old.
    archive, _ = old
    page = tmp_path / "extra.txt"
    page.write_text(WEEKLY.replace("青石村", "白鹭村"), "utf-8")
    archive.import_paths([page], workers=0)
    assert archive.needs_reanalysis()


def test_cli_suggests_and_runs_reanalyse(old, capsys):
    archive, _ = old
    root = str(archive.root)
    archive.close()
    assert main(["--archive", root, "list"]) == 0
    assert "viewer reanalyse" in capsys.readouterr().err
    assert main(["--archive", root, "list", "--json"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["--archive", root, "reanalyse", "-v"]) == 0
    out, err = capsys.readouterr()
    assert "3/3" in out and "4 篇 → 6 篇" in out and "reanalyse" not in err
    assert "[3/3]" in err
    assert main(["--archive", root, "tree"]) == 0
    assert "viewer reanalyse" not in capsys.readouterr().err
