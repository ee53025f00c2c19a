"""Tags, notes and bookmarks: kept with each story's key, they follow the story through a
re-import, a reanalysis and a rebuilt index; a story that is gone leaves them as orphans, which
attach again when its page comes back; the search finds stories by them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pages import write_pages
from viewer.archive import AnnotationError, Archive, UnknownStory
from viewer.cli import main
from viewer.export import story_markdown, story_text
from viewer.search import parse_query
from viewer.store import annotating
from viewer.store.annotating import TagCount
from viewer.store.story_keys import StoryKey, story_key

# Stories of the invented street page (tests/pages.py), by label.
LIU = "柳岸社区 小楼院里的大变化"  # an article
HUAI = "槐荫社区 用心用情解民忧"  # a brief
WUTONG = "梧桐社区: 开展防诈骗宣传"  # on another page


@pytest.fixture
def pages(tmp_path: Path) -> dict[str, Path]:
    return write_pages(tmp_path / "pages")


@pytest.fixture
def archive(tmp_path: Path, pages: dict[str, Path]) -> Iterator[Archive]:
    archive = Archive(tmp_path / "archive")
    archive.import_paths([tmp_path / "pages"], workers=0)
    yield archive
    archive.close()


def ids(archive: Archive) -> dict[str, int]:
    return {s["label"]: s["id"] for s in archive.stories()}


def found(archive: Archive, query: str, **options: object) -> list[int]:
    return sorted(r["id"] for r in archive.search(query, **options))


def annotate(archive: Archive) -> None:
    story = ids(archive)
    archive.add_tag([story[LIU], story[HUAI]], "回访")
    archive.add_tag([story[LIU]], "待核实")
    archive.set_note(story[HUAI], "义诊人数待核实")
    archive.set_bookmark(story[LIU])


def assert_keys_match(archive: Archive) -> None:
    """Every attached annotation holds its story's current key (so it was never moved onto
    another story), and no story has two."""
    db = archive.store.db
    rows = db.execute(
        "select story_id, sha256, seq, fingerprint from annotations where story_id is not null"
    ).fetchall()
    assert len({r[0] for r in rows}) == len(rows)
    for story_id, *key in rows:
        assert story_key(db, story_id) == StoryKey(*key)


def assert_annotated(archive: Archive) -> None:
    """What `annotate` attached is on the same stories (by their current ids), nothing else."""
    assert_keys_match(archive)
    story = ids(archive)
    liu, huai = archive.story(story[LIU]), archive.story(story[HUAI])
    assert liu is not None and huai is not None
    assert sorted(liu["tags"]) == sorted(["回访", "待核实"])
    assert liu["note"] is None and liu["bookmarked"]
    assert (huai["tags"], huai["note"], huai["bookmarked"]) == (["回访"], "义诊人数待核实", False)
    others = [archive.story(i) for label, i in story.items() if label not in (LIU, HUAI)]
    assert all(s and not (s["tags"] or s["note"] or s["bookmarked"]) for s in others)
    assert found(archive, "tag:回访") == sorted([story[LIU], story[HUAI]])
    assert [b.story_id for b in archive.bookmarks()] == [story[LIU]]
    assert archive.tags() == [TagCount("回访", 2, 0), TagCount("待核实", 1, 0)]
    assert archive.orphans() == []


def test_annotations_survive_removing_the_file_and_importing_it_again(archive, pages):
    annotate(archive)
    before = ids(archive)

    archive.remove_files([pages["street"]])
    # Kept as orphans: listed, attached to no story, found by no search.
    orphans = archive.orphans()
    assert sorted(o.title for o in orphans) == sorted([LIU, HUAI])
    assert all(o.story_id is None and o.path == str(pages["street"]) for o in orphans)
    assert found(archive, "tag:回访") == [] and archive.bookmarks() == []
    assert archive.tags() == [TagCount("回访", 0, 2), TagCount("待核实", 0, 1)]

    archive.import_paths([pages["street"]], workers=0)
    assert ids(archive)[LIU] != before[LIU]
    assert_annotated(archive)


def test_orphans_can_be_forgotten(archive, pages, tmp_path, capsys):
    annotate(archive)
    archive.remove_files([pages["street"]])
    liu = next(o for o in archive.orphans() if o.title == LIU)
    assert archive.forget_orphans([liu.key]) == 1
    assert [o.title for o in archive.orphans()] == [HUAI]
    archive.close()
    assert main(["--archive", str(tmp_path / "archive"), "orphans", "--forget"]) == 0
    assert capsys.readouterr().out == "已删除 1 条稿件已不在档案中的标签、笔记或书签\n"
    reopened = Archive(tmp_path / "archive")
    assert reopened.orphans() == [] and reopened.tags() == []
    reopened.import_paths([pages["street"]], workers=0)  # forgotten: nothing comes back
    assert found(reopened, "tag:回访") == [] and reopened.bookmarks() == []
    reopened.close()


def test_annotations_survive_reanalysis(archive):
    annotate(archive)
    before = ids(archive)
    archive.reanalyse()
    assert ids(archive)[HUAI] != before[HUAI]  # every story was written again
    assert_annotated(archive)


def test_annotations_survive_reindex(archive):
    annotate(archive)
    before = ids(archive)
    archive.reindex()
    assert ids(archive) == before and archive.check().ok
    assert_annotated(archive)


def test_a_story_gone_from_a_changed_page_is_an_orphan_until_the_page_comes_back(archive, pages):
    annotate(archive)
    original = pages["street"].read_text("utf-8")
    pages["street"].write_text(original.replace("槐荫社区联合", "槐荫社区携手"), "utf-8")
    archive.import_paths([pages["street"]], workers=0)

    story = ids(archive)
    # Its opening changed: no longer the story that was annotated, so nothing is moved onto it.
    huai = archive.story(story[HUAI])
    assert huai and (huai["tags"], huai["note"]) == ([], None)
    [orphan] = archive.orphans()
    assert (orphan.title, orphan.tags, orphan.note) == (HUAI, ["回访"], "义诊人数待核实")
    assert archive.tags() == [TagCount("回访", 1, 1), TagCount("待核实", 1, 0)]
    # The unchanged story of the edited page keeps its tags and bookmark.
    liu = archive.story(story[LIU])
    assert liu and sorted(liu["tags"]) == sorted(["回访", "待核实"]) and liu["bookmarked"]
    assert found(archive, "tag:回访") == [story[LIU]] and found(archive, "note:义诊") == []
    assert_keys_match(archive)

    pages["street"].write_text(original, "utf-8")
    archive.import_paths([pages["street"]], workers=0)
    assert_annotated(archive)


def test_a_page_write_cut_off_before_its_annotations_moved_is_healed(
    archive, tmp_path, monkeypatch
):
    annotate(archive)
    real = annotating.reattach

    def killed_at_the_street_page(db, file_id, replaced=()):
        path = db.execute("select path from files where id = ?", [file_id]).fetchone()[0]
        if path.endswith("A03.txt"):
            raise KeyboardInterrupt  # the page is stored, its annotations not yet re-pointed
        real(db, file_id, replaced)

    monkeypatch.setattr(annotating, "reattach", killed_at_the_street_page)
    with pytest.raises(KeyboardInterrupt):
        archive.reanalyse()
    monkeypatch.undo()
    archive.close()

    reopened = Archive(tmp_path / "archive")
    assert reopened.repair_index()  # what the next writer, or the first search, does
    assert_annotated(reopened)
    reopened.close()


def test_searching_by_tag_note_and_bookmark(archive):
    annotate(archive)
    story = ids(archive)
    liu, huai, wutong = story[LIU], story[HUAI], story[WUTONG]
    both = sorted([liu, huai])

    assert found(archive, "tag:回访") == both  # a tag alone: every story that has it
    assert found(archive, "标签:待核实") == [liu]
    assert found(archive, "tag:待核实 tag:回访") == both  # several tags: any of them
    assert found(archive, "tag:回访 义诊") == [huai]  # with words
    assert found(archive, "tag:回访 社区 OR 街道") == both
    assert found(archive, "tag:回访 place:槐荫社区") == [huai]  # with other filters
    assert found(archive, "tag:回访 kind:brief") == [huai]
    assert found(archive, "tag:回访", kind="article") == [liu]
    assert found(archive, "tag:回访 date:2021-07") == both
    assert found(archive, "tag:回访 to:2020") == []
    assert len(archive.search("tag:回访", limit=1)) == 1
    assert found(archive, "note:义诊") == [huai] and found(archive, "笔记:人数待") == [huai]
    assert found(archive, "note:义诊 tag:待核实") == []  # different kinds of filter intersect
    assert found(archive, "is:bookmarked") == [liu] and found(archive, "是:书签 tag:回访") == [liu]
    assert found(archive, "tag:没有这个标签") == [] and found(archive, "tag:没有 社区") == []

    # Case and width do not matter; a tag of two words is quoted.
    archive.add_tag([wutong], "COVID")
    archive.add_tag([huai], "老旧 小区")
    assert found(archive, "tag:covid") == [wutong] == found(archive, "tag:ＣＯＶＩＤ")
    assert found(archive, 'tag:"老旧 小区"') == [huai]
    # The index is never asked for a tag it does not hold: the caller resolves it first.
    with pytest.raises(ValueError):
        archive.index.search(parse_query("tag:回访"))


def test_facets_and_saved_search_counts_follow_tags(archive):
    story_ids = list(ids(archive).values())
    archive.add_tag(story_ids[:1], "待核实")
    assert archive.hit_count("tag:待核实") == 1
    assert archive.facets("tag:待核实").total == 1
    archive.add_tag(story_ids[1:3], "待核实")  # the index did not change; the count must
    assert archive.hit_count("tag:待核实") == 3
    assert archive.facets("tag:待核实").total == len(found(archive, "tag:待核实")) == 3
    archive.save_search("核实", "tag:待核实")
    assert [s.hits for s in archive.saved_searches() if s.name == "核实"] == [3]


def test_tag_note_and_bookmark_methods(archive):
    story = ids(archive)
    liu, huai, wutong = story[LIU], story[HUAI], story[WUTONG]
    assert archive.add_tag([liu, huai], "Covid") == 2
    assert archive.add_tag([liu, wutong], " ＣＯＶＩＤ ") == 1  # the same tag: the first spelling
    assert archive.tags() == [TagCount("Covid", 3, 0)]
    assert archive.story_tags(wutong) == ["Covid"]
    assert archive.remove_tag([liu, huai], "covid") == 2
    assert archive.remove_tag([liu], "covid") == 0
    for bad in ("  ", "长" * 51):
        with pytest.raises(AnnotationError):
            archive.add_tag([liu], bad)
    with pytest.raises(UnknownStory, match="没有编号为 999999 的稿件"):
        archive.add_tag([liu, 999999], "回访")  # one transaction: nothing is tagged
    assert archive.story_tags(liu) == [] and archive.tags() == [TagCount("Covid", 1, 0)]
    for change in (
        lambda: archive.remove_tag([999999], "回访"),
        lambda: archive.set_note(999999, "笔记"),
        lambda: archive.set_bookmark(999999),
    ):
        with pytest.raises(UnknownStory):
            change()

    archive.set_note(liu, "  第一行\n第二行  ")
    assert archive.story(liu)["note"] == "第一行\n第二行"
    archive.set_note(liu, "   ")  # blank clears
    archive.set_bookmark(huai)
    archive.set_bookmark(huai, False)
    archive.set_bookmark(liu, False)  # not bookmarked: nothing to do
    assert archive.bookmarks() == []
    archive.remove_tag([wutong], "Covid")
    # A story with nothing left on it keeps no row.
    assert archive.store.db.execute("select count(*) from annotations").fetchone()[0] == 0


def test_story_export_ends_with_tags_and_note(archive):
    annotate(archive)
    story = archive.story(ids(archive)[LIU])
    archive.set_note(story["id"], "# 待核实\n比例 *96.5%*")
    story = archive.story(story["id"])
    text = story_text(story)
    assert text.endswith("\n\n标签：回访、待核实\n\n笔记：# 待核实\n比例 *96.5%*\n")
    assert text.index("引用：") < text.index("标签：")
    markdown = story_markdown(story)
    # The note is the user's text, escaped like the story's: its lines stay lines.
    assert markdown.endswith("\n\n标签：回访、待核实\n\n笔记：# 待核实\\\n比例 \\*96.5%\\*\n")
    plain = archive.story(ids(archive)[WUTONG])
    assert "标签" not in story_text(plain) and "笔记" not in story_markdown(plain)


def test_tags_notes_and_bookmarks_on_the_command_line(archive, tmp_path, capsys):
    story = ids(archive)
    liu, huai = story[LIU], story[HUAI]
    root = ["--archive", str(tmp_path / "archive")]
    archive.close()

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*root, *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("tag", liu, "回访") == (0, f"稿件 {liu} 的标签：回访\n", "")
    assert run("tag", huai, "回访")[0] == 0
    assert run("tag", liu, "待核实")[1] == f"稿件 {liu} 的标签：回访、待核实\n"
    assert run("note", huai, "义诊人数待核实") == (0, f"稿件 {huai} 的笔记已保存\n", "")
    assert run("bookmark", liu) == (0, f"稿件 {liu} 的书签已加上\n", "")

    code, out, _ = run("tags")
    assert code == 0 and out.split("\n")[:2] == ["    2  回访", "    1  待核实"]
    assert json.loads(run("tags", "--json")[1]) == [
        {"tag": "回访", "stories": 2, "orphans": 0},
        {"tag": "待核实", "stories": 1, "orphans": 0},
    ]
    code, out, err = run("bookmarks")
    assert code == 0 and out.startswith(f"{liu:>6}  {LIU}  [回访、待核实]\n") and "1 个书签" in err
    [bookmark] = json.loads(run("bookmarks", "--json")[1])
    assert (bookmark["story_id"], bookmark["tags"], bookmark["bookmarked"]) == (
        liu,
        ["回访", "待核实"],
        True,
    )
    assert json.loads(run("show", huai, "--json")[1])["note"] == "义诊人数待核实"
    shown = run("show", liu)[1]
    assert "标签：回访、待核实  （已加书签）\n" in shown and "笔记" not in shown
    assert "标签：回访\n笔记：义诊人数待核实\n" in run("show", huai)[1]
    assert run("search", "tag:回访 义诊", "--json")[0] == 0

    # Bad ids and missing arguments: one line, exit code 1, nothing changed.
    for args in (("tag", 999999, "回访"), ("note", 999999, "笔记"), ("bookmark", 999999)):
        code, out, err = run(*args)
        assert (code, out, err) == (1, "", "没有编号为 999999 的稿件\n")
    code, out, err = run("note", huai)
    assert code == 1 and err.count("\n") == 1 and "--clear" in err
    assert run("tag", liu, "长" * 51)[0:2] == (1, "")

    assert run("tag", huai, "回访", "--remove")[1] == f"稿件 {huai} 已去掉标签“回访”\n"
    assert run("tag", huai, "回访", "--remove")[1] == f"稿件 {huai} 没有标签“回访”\n"
    assert run("note", huai, "--clear")[1] == f"稿件 {huai} 的笔记已删除\n"
    assert run("bookmark", liu, "--remove")[1] == f"稿件 {liu} 的书签已取消\n"
    assert json.loads(run("bookmarks", "--json")[1]) == []
    code, out, err = run("orphans", "--json")
    assert (code, json.loads(out)) == (0, [])
