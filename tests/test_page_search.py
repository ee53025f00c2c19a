"""Search finds what the page says: bylines, datelines and credits as well as the story text
(a grep over the page files is the reference), `author:` finds a story by who is credited, and an
import stores each content once."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages import write_dispatch_page, write_pages
from viewer.archive import Archive
from viewer.ingest.meta import header_line_span
from viewer.text import search_fold


@pytest.fixture(scope="module")
def bylined(tmp_path_factory, seeds_dir):
    """The seeds, the invented pages and a page of dispatches (read-only tests share it)."""
    root = tmp_path_factory.mktemp("bylined")
    pages = write_pages(root / "pages")
    write_dispatch_page(pages["street"].parent)
    archive = Archive(root / "archive")
    archive.import_paths([seeds_dir, pages["street"].parent], workers=0)
    yield archive
    archive.close()


def _pages(archive: Archive) -> dict[str, tuple[str, list[dict]]]:
    """Each stored page's text and its stories (with `original`, their slice of it)."""
    out: dict[str, tuple[str, list[dict]]] = {}
    for summary in archive.stories():
        path = summary["source_file"]
        if path not in out:
            out[path] = (archive.store.stored_file(path)["text"], [])
        out[path][1].append(archive.story(summary["id"]))
    return out


def _without_header(text: str) -> str:
    """The page text a reader sees in its stories: the page's header line is no story's."""
    span = header_line_span(text)
    return text if span is None else text[: span[0]] + "\n" + text[span[1] :]


def _printed(story: dict) -> str:
    """The story's slice of the page without the page header and without the sentences OCR
    repeated (`hidden`: kept out of the story's text, found in the copy that stays)."""
    text = _without_header(story["original"])
    for sentence in story["hidden"]:
        text = text.replace(sentence, "\n")
    return search_fold(text)


def _search_ids(archive: Archive, text: str) -> set[int]:
    return {hit["id"] for hit in archive.search(text, limit=10_000)}


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_substring_of_a_page_finds_the_stories_that_print_it(bylined, data):
    pages = _pages(bylined)
    path = data.draw(st.sampled_from(sorted(pages)))
    text, stories = pages[path]
    lines = [line for line in _without_header(text).split("\n") if len(line.strip()) >= 2]
    line = data.draw(st.sampled_from(lines))
    size = data.draw(st.integers(2, 6))
    start = data.draw(st.integers(0, max(0, len(line) - size)))
    needle = line[start : start + size]
    if len(needle) < 2 or any(c.isspace() or c in '"“”＂' for c in needle):
        return
    printing = {s["id"] for s in stories if search_fold(needle) in _printed(s)}
    assert printing <= _search_ids(bylined, f'"{needle}"'), needle


@pytest.mark.parametrize(
    ("needle", "title"),
    [
        ("南昌", "春耕备耕正当时"),  # the dispatch place, only in the dateline
        ("新华社", "春耕备耕正当时"),
        ("葛文澜", "春耕备耕正当时"),  # the reporter, only in the dateline's bracket
        ("电（记者", "春耕备耕正当时"),  # across the dateline's parts
        ("）连日来", "春耕备耕正当时"),  # across the dateline and the story text
        ("通讯员", "乡村图书馆开到家门口"),
        ("临川晚报讯", "乡村图书馆开到家门口"),  # a second dateline inside the story
        ("费南乔摄", ""),  # a picture credit under a caption
        ("文/璩思远", "老街换新颜"),
        ("图片:临川日报", "老街换新颜"),
        ("提升。记者", "云门山街道 凝心聚力办实事,精细治理暖民心"),  # a byline ending a paragraph
    ],
)
def test_bylines_datelines_and_credits_are_found(bylined, needle, title):
    hits = bylined.search(f'"{needle}"', limit=100)
    assert title in [hit["title"] for hit in hits], needle


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("author:葛文澜", "春耕备耕正当时"),  # 新华社…电（记者 葛文澜）
        ("作者:屈晓岚", "乡村图书馆开到家门口"),  # 本报讯（记者 屈晓岚 通讯员 籍海舟）
        ("作者：籍海舟", "乡村图书馆开到家门口"),  # a correspondent (通讯员)
        ("author:巫雪莹", "乡村图书馆开到家门口"),  # 临川晚报讯　记者 巫雪莹　正文
        ("author:费南乔", ""),  # a photographer: 费南乔摄
        ("author:马骏", ""),  # 马 骏摄
        ("author:璩思远", "老街换新颜"),  # 文／璩思远
        ("author:郑雅琴", "云门山街道 凝心聚力办实事,精细治理暖民心"),  # …提升。记者 周明远 …
        ('作者:"何 静"', "梧桐社区: 开展防诈骗宣传"),  # （何 静）
        ("author:孙立 植树", ""),  # with words to find as well
    ],
)
def test_author_finds_the_stories_crediting_the_person(bylined, query, title):
    hits = bylined.search(query, limit=100)
    assert [hit["title"] for hit in hits] == [title], query


def test_author_is_a_name_not_any_text(bylined):
    assert bylined.search("author:葛文", limit=100) == []  # part of a name
    assert bylined.search("author:连日来", limit=100) == []  # story text
    assert bylined.search("author:屈晓岚 繁忙", limit=100) == []  # another story's words


def test_the_same_page_twice_in_one_import_is_stored_once(tmp_path):
    pages = write_pages(tmp_path / "pages")
    copy = pages["street"].with_name("copy_of_street.txt")
    shutil.copyfile(pages["street"], copy)
    with Archive(tmp_path / "archive") as archive:
        report = archive.import_paths([tmp_path / "pages"], workers=0)
        assert report.files == 4 and report.imported == 3 and report.unchanged == 1
        stored = {path for path, _first in report.duplicates} | {
            first for _path, first in report.duplicates
        }
        assert stored == {str(copy), str(pages["street"])} and len(report.duplicates) == 1
        assert len(archive.search("小楼院里的大变化", limit=100)) == 1
        assert archive.store.file_count() == 3


def test_a_result_found_by_its_byline_shows_the_byline_marked(bylined):
    (hit,) = bylined.search("author:籍海舟", limit=100)
    text, hits = hit["snippet_text"], hit["snippet_hits"]
    assert text.startswith(hit["byline"]) and [text[a:b] for a, b in hits] == ["籍海舟"]
    assert [hit["byline"][a:b] for a, b in hit["byline_hits"]] == ["籍海舟"]
    assert "**籍海舟**" in hit["snippet"]
    # Found by its dateline only: the byline leads, marked; found in the body: the body's snippet.
    (dateline,) = bylined.search("南昌", limit=100)
    assert dateline["snippet_text"].startswith("新华社南昌")
    assert "**南昌**" in dateline["snippet"]
    (body,) = bylined.search("繁忙景象", limit=100)
    assert body["snippet_text"].startswith("连日来") and body["byline_hits"] == []


def test_an_index_of_the_previous_version_is_rebuilt_with_bylines(tmp_path):
    """An archive from before bylines were indexed: its index (another schema version) is
    replaced, and the repair on opening indexes every story with its byline."""
    from viewer.search import schema

    pages = tmp_path / "pages"
    write_dispatch_page(pages)
    with Archive(tmp_path / "archive") as archive:
        archive.import_paths([pages], workers=0)
    index = tmp_path / "archive" / "index"
    old = f"{schema.INDEX_PREFIX}{schema.SCHEMA_VERSION - 1}"
    for path in list(index.iterdir()):  # the same files under the previous version's name
        path.rename(index / path.name.replace(schema.INDEX_NAME, old))
    with Archive(tmp_path / "archive") as archive:
        assert [hit["title"] for hit in archive.search("author:葛文澜")] == ["春耕备耕正当时"]
        assert archive.check().ok
    assert not [path for path in index.iterdir() if old in path.name]


def test_byline_hits_fold_width_case_and_the_spaces_inside_a_name():
    from viewer.archive import byline_hits
    from viewer.search import parse_query

    byline = "记者 ＡＢＣ 王 芳"
    assert byline_hits(byline, parse_query("abc author:王芳")) == [(3, 6), (7, 10)]
