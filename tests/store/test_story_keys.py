"""Story keys outlive story ids: the same page written again finds its stories again."""

from __future__ import annotations

from pathlib import Path

from viewer.archive import Archive
from viewer.store.story_keys import StoryKey, fingerprint, page_story_keys, rematch, story_key


def test_fingerprint_ignores_white_space_and_width():
    assert fingerprint("本报讯 　记者\n王某") == fingerprint("本报讯记者王某")
    assert fingerprint("ＡＢＣ１２３") == fingerprint("abc123")
    assert len(fingerprint("字" * 500)) == 60


def test_rematch_prefers_the_nearest_place_and_claims_each_story_once():
    same = "同一开头"
    kept = [
        StoryKey("p", 1, same),
        StoryKey("p", 4, same),
        StoryKey("p", 2, "别的"),
        StoryKey("q", 3, same),
    ]
    stories = [
        (10, StoryKey("p", 0, same)),
        (11, StoryKey("p", 3, same)),
        (12, StoryKey("p", 5, "新")),
    ]
    found = rematch(kept, stories)
    assert found == {kept[0]: 10, kept[1]: 11}  # "别的" changed, "q" is another page


def test_keys_survive_reanalysis_and_a_remove_and_reimport(tmp_path: Path, seeds_dir: Path):
    archive = Archive(tmp_path / "archive")
    archive.import_paths([seeds_dir], workers=0)
    file = archive.files()[0]
    before = page_story_keys(archive.store.db, file["id"])
    assert len(before) == file["stories"] > 1
    assert story_key(archive.store.db, before[1][0]) == before[1][1]
    assert story_key(archive.store.db, 10**9) is None

    archive.remove_files([file["path"]])
    archive.import_paths([Path(file["path"])], workers=0)
    again = archive.files()[-1]
    after = page_story_keys(archive.store.db, again["id"])
    found = rematch([key for _, key in before], after)
    assert {before_id for before_id, _ in before}.isdisjoint(found.values())  # new ids
    assert [found[key] for _, key in before] == [story_id for story_id, _ in after]
