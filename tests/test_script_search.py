"""Either script finds the other: 經濟 finds a story written 经济 and 经济 one written 經濟, as a
word, in a phrase and in a pasted sentence, by `author:` too, with every mark on the characters
as written; an index from before (schema 4, which indexed characters as written) is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer.text
from viewer.archive import Archive
from viewer.search import schema

SIMPLIFIED = (
    "柏溪镇 经济发展迈上新台阶\n\n"
    "本报讯 今年一季度，柏溪镇经济发展势头良好，全镇规模以上工业产值增长12.5%。"
    "镇党委书记严国栋说：“要把乡村振兴和经济建设结合起来。”\n\n"
    "记者 陈立新\n"
)
TRADITIONAL = (
    "灣仔區 社區經濟持續發展\n\n"
    "本報訊 灣仔區議會近日公佈，區內小商戶營業額上升百分之八，社區經濟持續發展。"
    "議員張偉強表示，將繼續支援本地商戶。\n\n"
    "記者 陳美華\n"
)


def write_script_pages(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "东港晚报_2023-04-10_A02.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (folder / "港岛日报_2023-04-11_A03.txt").write_text(TRADITIONAL, encoding="utf-8")


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    root = tmp_path_factory.mktemp("scripts")
    write_script_pages(root / "pages")
    archive = Archive(root / "archive")
    archive.import_paths([root / "pages"], workers=0)
    yield archive
    archive.close()


def marked(hit: dict) -> list[str]:
    """The characters each snippet span covers, as written."""
    return [hit["snippet_text"][a:b] for a, b in hit["snippet_hits"]]


def by_title(hits: list[dict]) -> dict[str, dict]:
    return {hit["title"].split()[0]: hit for hit in hits}


@pytest.mark.parametrize("query", ["經濟", "经济"])
def test_a_word_in_either_script_finds_both_and_marks_them_as_written(both, query):
    hits = by_title(both.search(query))
    assert set(hits) == {"柏溪镇", "灣仔區"}
    assert marked(hits["柏溪镇"]) == ["经济", "经济"]  # every occurrence in the snippet
    assert marked(hits["灣仔區"]) == ["經濟"]
    assert hits["灣仔區"]["snippet"].count("**經濟**") == 1


def test_a_phrase_in_the_other_script_finds_exactly_its_story(both):
    (hit,) = both.search('"經濟發展"')
    assert hit["title"] == "柏溪镇 经济发展迈上新台阶"
    assert marked(hit) == ["经济发展"]
    (hit,) = both.search("“社区经济持续发展”")
    assert hit["title"] == "灣仔區 社區經濟持續發展"
    assert marked(hit) == ["社區經濟持續發展"]
    (hit,) = both.search('"社区经济 持续发展"')  # two pieces, both must occur
    assert marked(hit) == ["社區經濟", "持續發展"]
    assert both.search('"經濟建設" 灣仔') == []  # each piece must occur in the same story


def test_a_pasted_sentence_in_the_other_script_finds_its_story(both):
    sentence = "柏溪鎮經濟發展勢頭良好，全鎮規模以上工業產值增長12.5%"
    (hit,) = both.search(sentence)
    assert hit["title"] == "柏溪镇 经济发展迈上新台阶"
    assert marked(hit) == ["柏溪镇经济发展势头良好，全镇规模以上工业产值增长12.5%"]
    (hit,) = both.search("湾仔区议会近日公布，区内小商户营业额上升百分之八")
    assert marked(hit) == ["灣仔區議會近日公佈，區內小商戶營業額上升百分之八"]


def test_author_finds_a_name_written_in_the_other_script(both):
    (hit,) = both.search("author:陳立新")
    assert [hit["byline"][a:b] for a, b in hit["byline_hits"]] == ["陈立新"]
    assert both.search("author:陳立") == []  # still the whole name


def test_an_index_of_the_previous_version_is_rebuilt_with_simplified_terms(tmp_path, monkeypatch):
    """An archive indexed before the script fold: its index (schema 4, characters as written)
    is replaced, and the repair on opening indexes every story again, folded."""
    old = f"{schema.INDEX_PREFIX}4"
    write_script_pages(tmp_path / "pages")
    # Index as schema 4 did: `search_fold` without the traditional-to-simplified table.
    monkeypatch.setattr(viewer.text, "_search_table", dict(viewer.text._LOWER_TABLE))
    with Archive(tmp_path / "archive") as archive:
        archive.import_paths([tmp_path / "pages"], workers=0)
        assert [hit["title"] for hit in archive.search("經濟")] == ["灣仔區 社區經濟持續發展"]
    monkeypatch.undo()
    index = tmp_path / "archive" / "index"
    for path in list(index.iterdir()):  # the same files under the old version's name
        path.rename(index / path.name.replace(schema.INDEX_NAME, old))
    with Archive(tmp_path / "archive") as archive:
        assert len(archive.search("經濟")) == 2
        assert archive.check().ok
    assert not [path for path in index.iterdir() if old in path.name]
