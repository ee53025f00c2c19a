"""Removing page files imported by mistake: their stories, facts, places and index entries go,
nothing else; `viewer files` lists what the archive holds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from viewer.archive import Archive
from viewer.cli import main


@pytest.fixture
def two_folders(tmp_path: Path, seeds_dir: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    seeds = sorted(seeds_dir.glob("*.txt"))
    first.mkdir()
    second.mkdir()
    for i, page in enumerate(seeds):
        shutil.copy(page, (first if i < 3 else second) / page.name)
    return first, second


def place_ids(archive: Archive, story_ids: set[int]) -> set[int]:
    rows = archive.store.db.execute("select story_id, place_id from story_places")
    return {place for story, place in rows if story in story_ids}


def test_removing_a_file_takes_its_stories_facts_places_and_index_entries_only(
    tmp_path, two_folders, seeds_dir
):
    first, second = two_folders
    archive = Archive(tmp_path / "archive")
    archive.import_paths([first, second], workers=0)
    files = archive.files()
    assert len(files) == 5 and all(f["stories"] > 0 for f in files)
    stories = archive.store.db.execute("select id, file_id from stories").fetchall()

    def split(file: dict) -> tuple[set[int], set[int], set[int]]:
        """(its stories, the others, the places only its stories name)"""
        removed = {s for s, f in stories if f == file["id"]}
        kept = {s for s, f in stories if f != file["id"]}
        return removed, kept, place_ids(archive, removed) - place_ids(archive, kept)

    gone = max(files, key=lambda file: len(split(file)[2]))
    removed, kept, only_there = split(gone)
    assert removed and kept and only_there
    backups = len(list((tmp_path / "archive" / "backups").iterdir()))

    Path(gone["path"]).unlink()  # a file deleted from disk can still be removed
    report = archive.remove_files([gone["path"]])

    assert report.removed == [(gone["path"], gone["stories"])] and not report.missing
    assert [f["path"] for f in archive.files()] == [f["path"] for f in files if f != gone]
    assert {s["id"] for s in archive.stories()} == kept
    db = archive.store.db
    assert not [r for r in db.execute("select story_id from facts") if r[0] in removed]
    assert db.execute("select count(*) from facts").fetchone()[0] > 0
    still = {r[0] for r in db.execute("select id from places")}
    children = {r[0] for r in db.execute("select parent_id from places")}
    assert not (only_there & still) - children  # its places went, unless they hold others
    hits = {hit["id"] for hit in archive.search("社区", limit=500)}
    assert hits and hits <= kept
    assert archive.check().ok  # database and index agree, index files sound
    assert len(list((tmp_path / "archive" / "backups").iterdir())) > backups
    archive.close()

    # Its content is new to the archive again: imported once more, its stories come back.
    shutil.copy(seeds_dir / gone["name"], gone["path"])
    archive = Archive(tmp_path / "archive")
    assert not archive.remove_files([gone["path"]]).removed  # nothing stored there now
    assert archive.import_paths([Path(gone["path"])], workers=0).stories == gone["stories"]
    archive.close()


def test_a_folder_removes_every_file_under_it_and_unknown_paths_are_named(tmp_path, two_folders):
    first, second = two_folders
    archive = Archive(tmp_path / "archive")
    archive.import_paths([first, second], workers=0)
    report = archive.remove_files([second, tmp_path / "nowhere.txt"])
    assert sorted(Path(p).parent for p, _n in report.removed) == [second.resolve()] * 2
    assert report.missing == [str(tmp_path / "nowhere.txt")]
    assert {Path(f["path"]).parent for f in archive.files()} == {first.resolve()}
    assert archive.check().ok
    archive.close()


def test_files_and_remove_on_the_command_line(capsys, tmp_path, two_folders):
    first, second = two_folders
    db = str(tmp_path / "archive")
    assert main(["--archive", db, "import", str(first)]) == 0
    capsys.readouterr()
    assert main(["--archive", db, "files", "--json"]) == 0
    files = json.loads(capsys.readouterr().out)
    keys = {"id", "path", "name", "source", "date", "page", "size", "imported_at", "stories"}
    assert len(files) == 3 and keys <= set(files[0])
    assert main(["--archive", db, "files"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and "共 3 个文件" in err

    target = files[1]["path"]
    assert main(["--archive", db, "remove", target, str(second / "absent.txt")]) == 1
    out, err = capsys.readouterr()
    assert out.strip() == f"已删除 {target}（{files[1]['stories']} 篇稿件）"
    assert err.strip() == f"档案中没有这个文件：{second / 'absent.txt'}"
    assert main(["--archive", db, "files", "--json"]) == 0
    assert [f["path"] for f in json.loads(capsys.readouterr().out)] == [
        files[0]["path"],
        files[2]["path"],
    ]
