"""Corrections an archivist makes and keeps: applied at once (database and index), applied
again after a file is removed and imported again, after a reanalysis and a reindex; listed,
undoable back to what the analysis extracted; the review list of doubtful places; the CLI."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.archive import Archive, CorrectionError
from viewer.cli import main
from viewer.places import TreeNode

PAGE_A = "000_0e35cbca75cbf43d.txt"  # stories: 0 title/date, 1 kind and a place, 3 facts
NEW_TITLE = "琥珀鹦鹉螺"  # in no seed page
OLD_TITLE_WORD = "加码"  # only in the first story's title
PAGE_C = "002_8c331d00f0a497fe.txt"  # stories 4 and 5 name 学院路社区 (no parent found)


@pytest.fixture
def pages(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(seeds_dir, folder)
    return folder


@pytest.fixture
def archive(tmp_path: Path, pages: Path) -> Iterator[Archive]:
    archive = Archive(tmp_path / "archive")
    archive.import_paths([pages], workers=0)
    yield archive
    archive.close()


def story_at(archive: Archive, name: str, seq: int) -> int:
    """The current id of the story at `seq` on the page file `name`."""
    sql = """select s.id from stories s join files f on f.id = s.file_id
             where f.name = ? and s.seq = ?"""
    row = archive.store.db.execute(sql, [name, seq]).fetchone()
    return row[0]


def hits(archive: Archive, text: str, **filters: object) -> set[int]:
    return {h["id"] for h in archive.search(text, limit=500, **filters)}


def node(nodes: list[TreeNode], name: str) -> TreeNode | None:
    for n in nodes:
        if n.name == name:
            return n
        found = node(n.children, name)
        if found is not None:
            return found
    return None


def snapshot(archive: Archive) -> dict:
    """What the analysis extracted, to compare with after undoing every correction."""
    stories = {(s["source_file"], s["seq"]): s for s in archive.stories()}
    for s in stories.values():
        del s["id"]
    facts = sorted(
        (json.dumps({**f, "story": None}, ensure_ascii=False, sort_keys=True))
        for f in archive.facts()
    )
    return {"stories": stories, "facts": facts, "tree": repr(archive.tree())}


def make_corrections(archive: Archive) -> None:
    first, second, third, fourth = (story_at(archive, PAGE_A, n) for n in range(4))
    archive.correct_title(first, NEW_TITLE)
    archive.correct_date(first, "2021-05-04")
    archive.correct_kind(second, "简讯")
    archive.remove_story_place(second, "紫荆路社区")
    archive.add_story_place(third, "新华北路社区")
    archive.reject_fact(fourth, "惠民", "person")
    archive.fix_fact(fourth, "20件", "21件", value=21)
    archive.merge_place("学院路社区", "紫荆路社区")
    archive.rename_place("开普社区", "开普新村社区")
    archive.move_place("紫荆社区", "紫荆路街道")


def assert_corrected(archive: Archive) -> None:
    first, second, third, fourth = (story_at(archive, PAGE_A, n) for n in range(4))
    # title, date and kind: stored, and in the index
    story = archive.story(first)
    assert story is not None and story["title"] == NEW_TITLE and story["date"] == "2021-05-04"
    assert first in hits(archive, NEW_TITLE)
    assert first not in hits(archive, OLD_TITLE_WORD)
    assert first in hits(archive, "社区", date_from="2021-05-04", date_to="2021-05-04")
    assert archive.story(second)["kind"] == "brief"
    assert second in hits(archive, "社区", kind="brief")
    # the places of a story, in the place filters of the list and of the search
    assert third in {s["id"] for s in archive.stories("新华北路社区")}
    assert second not in {s["id"] for s in archive.stories("紫荆路社区")}
    assert third in hits(archive, "社区", place="新华北路社区")
    assert second not in hits(archive, "社区", place="紫荆路社区")
    # facts
    facts = [(f["kind"], f["text"], f["value"]) for f in archive.facts(story=fourth)]
    assert ("person", "惠民", None) not in facts and ("quantity", "21件", 21) in facts
    assert not [f for f in facts if f[1] == "20件"]
    # places: merged, renamed, moved
    tree = archive.tree()
    assert node(tree, "学院路社区") is None and node(tree, "开普社区") is None
    survivor = node(tree, "紫荆路社区")
    # 5 of its own, less the one it was removed from, and the 2 of 学院路社区
    assert survivor is not None and survivor.count == 6
    merged = {story_at(archive, PAGE_C, 4), story_at(archive, PAGE_C, 5)}
    assert merged <= {s["id"] for s in archive.stories("紫荆路社区")}
    assert not archive.stories("学院路社区")
    assert merged <= hits(archive, "社区", place="紫荆路社区")
    assert merged <= hits(archive, "社区", place="紫荆路街道")  # now under the street
    assert node(tree, "开普新村社区") is not None
    assert archive.stories("开普新村社区") and hits(archive, "社区", place="开普新村社区")
    street = node(tree, "紫荆路街道")
    assert street is not None and node(street.children, "紫荆社区") is not None
    # nothing orphaned, and the index agrees with the database story by story
    assert not [c for c in archive.corrections() if c.orphaned]
    assert archive.check().ok


def test_corrections_apply_at_once_and_survive_reimport_reanalysis_and_reindex(archive, pages):
    assert story_at(archive, PAGE_A, 0) in hits(archive, OLD_TITLE_WORD)  # the test can fail
    make_corrections(archive)
    assert_corrected(archive)
    assert len(archive.corrections()) == 10

    # (a) the files removed: story corrections wait, orphaned; imported again, they apply
    archive.remove_files([pages])
    waiting = archive.corrections()
    assert len(waiting) == 10 and sum(c.orphaned for c in waiting) == 7
    archive.import_paths([pages], workers=0)
    assert_corrected(archive)
    # (b) every page read again: new story ids, the same corrections
    before = story_at(archive, PAGE_A, 0)
    archive.reanalyse()
    assert story_at(archive, PAGE_A, 0) != before
    assert_corrected(archive)
    # (c) the index built afresh from the database
    archive.reindex()
    assert_corrected(archive)


def test_undo_brings_back_what_the_analysis_extracted(archive):
    extracted = snapshot(archive)
    make_corrections(archive)
    assert snapshot(archive) != extracted
    first = story_at(archive, PAGE_A, 0)
    for correction in reversed(archive.corrections()):
        assert archive.undo_correction(correction.id).id == correction.id
    assert not archive.corrections()
    assert snapshot(archive) == extracted
    first = story_at(archive, PAGE_A, 0)
    assert first in hits(archive, OLD_TITLE_WORD) and not hits(archive, NEW_TITLE)
    assert archive.check().ok
    with pytest.raises(CorrectionError):
        archive.undo_correction(1)


def test_undo_of_one_title_keeps_the_story_and_the_other_corrections(archive):
    first = story_at(archive, PAGE_A, 0)
    title = archive.story(first)["title"]
    archive.correct_title(first, "第一次更正")
    correction = archive.correct_title(first, NEW_TITLE)  # replaces the first one
    date = archive.correct_date(first, "2021-05-04")
    assert [c.id for c in archive.corrections()] == [correction.id, date.id]
    assert correction.previous == title
    archive.undo_correction(correction.id)
    story = archive.story(first)  # same id: a title is put back in place
    assert story["title"] == title and story["date"] == "2021-05-04"
    assert first in hits(archive, OLD_TITLE_WORD) and not hits(archive, "第一次更正")
    assert archive.check().ok


def test_undoing_a_rename_that_a_later_rename_carried_on(archive):
    stories = {s["id"] for s in archive.stories("开普社区")}
    first = archive.rename_place("开普社区", "开普新村社区")
    archive.rename_place("开普新村社区", "开普花园社区")
    assert {s["id"] for s in archive.stories("开普花园社区")} == stories
    archive.undo_correction(first.id)
    tree = archive.tree()
    assert node(tree, "开普花园社区") is None and node(tree, "开普新村社区") is None
    assert len(archive.stories("开普社区")) == len(stories)
    assert archive.check().ok


def test_a_place_removed_from_a_story_stays_removed_when_another_is_merged_into_it(archive):
    story = story_at(archive, PAGE_C, 4)  # names 安泰街社区 and 学院路社区
    archive.merge_place("学院路社区", "安泰街社区")
    archive.remove_story_place(story, "安泰街社区")
    assert "安泰街社区" not in archive.story(story)["places"]
    archive.reanalyse()  # extracted again: both, then 学院路社区 merged into 安泰街社区
    story = story_at(archive, PAGE_C, 4)
    assert "安泰街社区" not in archive.story(story)["places"]
    assert story not in hits(archive, "社区", place="安泰街社区")
    assert archive.check().ok


def test_a_fact_correction_the_story_no_longer_matches_is_listed_as_unmatched(archive):
    def texts() -> set[str]:
        return {f["text"] for f in archive.facts(story=story_at(archive, PAGE_A, 3))}

    fourth = story_at(archive, PAGE_A, 3)
    fixed = archive.fix_fact(fourth, "20件", "21件", value=21)
    archive.reject_fact(fourth, "21件")  # the fixed fact: rejected after all
    archive.reanalyse()  # the fix applies first, so the rejection finds 21件 again
    assert not [c for c in archive.corrections() if c.unmatched]
    assert not {"20件", "21件"} & texts()
    archive.undo_correction(fixed.id)  # now the rejection matches nothing
    (left,) = archive.corrections()
    assert left.unmatched and "已没有" in left.describe()
    assert "20件" in texts()


def test_bad_targets_are_refused_with_a_message(archive):
    first = story_at(archive, PAGE_A, 0)
    refused = [
        lambda: archive.correct_title(999_999, "x"),
        lambda: archive.correct_date(first, "2021-13-01"),
        lambda: archive.correct_kind(first, "小说"),
        lambda: archive.add_story_place(first, "没有这个地方"),
        lambda: archive.remove_story_place(first, "郑州市"),  # not one of its places
        lambda: archive.reject_fact(first, "不存在的要素"),
        lambda: archive.merge_place("紫荆社区", "紫荆社区"),
        lambda: archive.move_place("紫荆路街道", "紫荆路社区"),  # under its own child
        lambda: archive.rename_place("没有这个地方", "别处"),
    ]
    for attempt in refused:
        with pytest.raises(CorrectionError):
            attempt()
    assert not archive.corrections()
    assert archive.check().ok


def test_a_new_place_can_be_added_with_its_kind(archive):
    first = story_at(archive, PAGE_A, 0)
    archive.add_story_place(first, "青石村", "village")
    assert first in {s["id"] for s in archive.stories("青石村")}
    assert first in hits(archive, "社区", place="青石村")
    assert archive.check().ok


def test_review_list_names_doubtful_places_until_verified(archive):
    review = {(p.name, p.kind): p for p in archive.places_to_review()}
    doubtful = review[("学院路社区", "community")]
    assert doubtful.parent is None and doubtful.stories == 2
    assert "没有找到上级地点" in doubtful.reasons
    assert ("紫荆路社区", "community") not in review  # its text says 紫荆路街道紫荆路社区
    verified = archive.verify_place("学院路社区")
    assert ("学院路社区", "community") not in {(p.name, p.kind) for p in archive.places_to_review()}
    archive.undo_correction(verified.id)
    assert ("学院路社区", "community") in {(p.name, p.kind) for p in archive.places_to_review()}


def test_corrections_left_unapplied_by_an_interruption_are_applied_by_the_repair(archive):
    from viewer.analysis import prepare_page
    from viewer.archive import INDEX_DIRTY, _stored_page

    archive.correct_title(story_at(archive, PAGE_A, 0), NEW_TITLE)
    # The page written again, and the program stopped before its corrections were applied.
    path = next(f["path"] for f in archive.files() if f["name"] == PAGE_A)
    row = archive.store.stored_file(path)
    archive.store.write_page(prepare_page(_stored_page(row), row["size"]).record)
    archive.store.set_meta(INDEX_DIRTY, "1")
    assert archive.story(story_at(archive, PAGE_A, 0))["title"] != NEW_TITLE
    archive.repair_index()
    assert archive.story(story_at(archive, PAGE_A, 0))["title"] == NEW_TITLE
    assert story_at(archive, PAGE_A, 0) in hits(archive, NEW_TITLE)
    assert archive.check().ok


def test_cli(archive, capsys):
    first = story_at(archive, PAGE_A, 0)
    root = str(archive.root)
    archive.close()

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--archive", root, *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("correct", "title", str(first), NEW_TITLE)
    assert code == 0 and NEW_TITLE in out
    assert run("correct", "merge-place", "紫荆社区", "紫荆路社区")[0] == 0
    code, out, _ = run("corrections", "--json")
    listed = json.loads(out)
    assert code == 0 and [c["what"] for c in listed] == ["title", "merge_place"]
    assert listed[0]["story_id"] == first and listed[0]["description"]
    code, out, _ = run("search", NEW_TITLE, "--json")
    assert [hit["id"] for hit in json.loads(out)] == [first]
    code, out, _ = run("review-places", "--json")
    assert code == 0 and "学院路社区" in {p["name"] for p in json.loads(out)}
    assert run("undo-correction", str(listed[0]["id"]))[0] == 0
    code, out, _ = run("search", NEW_TITLE, "--json")
    assert json.loads(out) == []
    for bad in (
        ("correct", "title", "999999", "x"),
        ("correct", "merge-place", "没有这个地方", "紫荆路社区"),
        ("correct", "date", str(first), "2021-02-30"),
        ("undo-correction", "99"),
    ):
        code, out, err = run(*bad)
        assert code == 1 and not out and len(err.strip().splitlines()) == 1, bad
        assert "Traceback" not in err
    assert run("check")[0] == 0


# Two invented pages that put one community in two streets: the archive cannot tell which.
CONTESTED = {
    "青州日报_2021-07-02_A03.txt": "\n云门山街道柳岸社区 小楼院里的大变化\n\n"
    "青州市云门山街道柳岸社区有8个小区,2600户7500余人。今年完成老旧楼院改造12个。\n",
    "青州日报_2021-07-03_A03.txt": "\n王府街道柳岸社区 议事会开到楼道口\n\n"
    "青州市王府街道柳岸社区把议事会开到楼道口,居民满意率达到96.5%。\n",
}


def test_a_contested_place_is_reviewed_moved_and_verified_for_good(tmp_path):
    folder = tmp_path / "contested"
    folder.mkdir()
    for name, text in CONTESTED.items():
        (folder / name).write_text(text, encoding="utf-8")
    archive = Archive(tmp_path / "archive")
    archive.import_paths([folder], workers=0)
    (review,) = archive.places_to_review()
    assert (review.name, review.stories) == ("柳岸社区", 2)
    assert any("说法不一" in reason and "王府街道" in reason for reason in review.reasons)
    street = node(archive.tree(), "王府街道")
    assert street is not None and node(street.children, "柳岸社区") is None

    archive.move_place("柳岸社区", "王府街道")
    archive.verify_place("柳岸社区")
    archive.reanalyse()
    street = node(archive.tree(), "王府街道")
    assert street is not None and node(street.children, "柳岸社区") is not None
    assert street.count == 2
    other = node(archive.tree(), "云门山街道")
    assert other is None or node(other.children, "柳岸社区") is None
    assert len(archive.stories("王府街道")) == 2
    assert not archive.places_to_review()
    assert archive.check().ok
    archive.close()
