"""Exports: GB/T 7714 citations, plain text, Markdown escaping and CSV round trips."""

from __future__ import annotations

import csv
import io

import pytest

from viewer.archive import Archive
from viewer.export import (
    CSV_ENCODING,
    FACT_COLUMNS,
    RESULT_COLUMNS,
    citation,
    escape_markdown,
    facts_csv,
    page_label,
    results_csv,
    story_markdown,
    story_text,
)


def make_story(**fields: object) -> dict:
    story = {
        "id": 7,
        "title": "乍浦镇新建桥梁通车",
        "label": "乍浦镇新建桥梁通车",
        "kicker": "",
        "subtitle": "",
        "subheads": [],
        "byline": "(记者 贺明远 通讯员 苏婉清)",
        "credits": [{"name": "贺明远", "role": "记者"}, {"name": "苏婉清", "role": "通讯员"}],
        "kind": "article",
        "date": "2019-06-18",
        "years": [2019],
        "source_file": "/data/pages/青岚日报_2019-06-18_A03.txt",
        "source": "青岚日报",
        "page": "A03",
        "places": ["乍浦镇"],
        "body": "１９９８年建成的旧桥已不能满足需要。\n新桥全长三百二十米。",
        "original": "",
        "hidden": [],
        "facts": [],
    }
    story.update(fields)
    return story


# -- citation -------------------------------------------------------------------------------


def test_citation_with_full_metadata():
    assert citation(make_story()) == (
        "贺明远, 苏婉清. 乍浦镇新建桥梁通车[N]. 青岚日报, 2019-06-18(A03)."
    )


def test_citation_lists_three_authors_then_deng():
    names = ["甘若谷", "祁晓帆", "鲁一鸣", "钱梦溪"]
    credits = [{"name": n, "role": "通讯员"} for n in names]
    text = citation(make_story(credits=credits))
    assert text.startswith("甘若谷, 祁晓帆, 鲁一鸣, 等. 乍浦镇")
    assert "钱梦溪" not in text
    three = citation(make_story(credits=credits[:3]))
    assert three.startswith("甘若谷, 祁晓帆, 鲁一鸣. ")


def test_citation_skips_repeated_and_empty_names():
    credits = [{"name": "贺明远", "role": "记者"}, {"name": "", "role": "摄"}]
    credits.append({"name": "贺明远", "role": "摄影"})
    assert citation(make_story(credits=credits)).startswith("贺明远. 乍浦镇")


def test_citation_without_date():
    assert (
        citation(make_story(date=None)) == "贺明远, 苏婉清. 乍浦镇新建桥梁通车[N]. 青岚日报(A03)."
    )


def test_citation_without_source_uses_file_stem():
    story = make_story(source="", page="", source_file=r"D:\旧报\015_5a1f.txt")
    assert citation(story) == "贺明远, 苏婉清. 乍浦镇新建桥梁通车[N]. 015_5a1f, 2019-06-18."


def test_citation_without_credits():
    assert citation(make_story(credits=[])) == "乍浦镇新建桥梁通车[N]. 青岚日报, 2019-06-18(A03)."


def test_citation_of_headline_less_brief_uses_label():
    story = make_story(title="", label="6月3日,乍浦镇举行…", page="第３版")
    assert citation(story) == "贺明远, 苏婉清. 6月3日,乍浦镇举行…[N]. 青岚日报, 2019-06-18(3)."


def test_citation_with_nothing_but_a_title():
    story = {"title": "秋收时节", "credits": None, "date": None, "source": None, "page": None}
    assert citation(story) == "秋收时节[N]."
    assert "None" not in citation({"label": "某", "source_file": None})


@pytest.mark.parametrize(
    ("page", "label"),
    [("A03", "A03"), ("03", "3"), ("第１２版", "12"), ("第十二版", "12"), ("二十", "20"),
     ("一百零五", "105"), ("B", "B"), ("", "")],
)  # fmt: skip
def test_page_label(page, label):
    assert page_label(page) == label


# -- plain text and Markdown ------------------------------------------------------------------


def test_story_text_order_and_citation():
    story = make_story(kicker="民生实事", subtitle="全县今年第五座新桥")
    text = story_text(story)
    lines = text.splitlines()
    assert lines[:5] == [
        "民生实事",
        "乍浦镇新建桥梁通车",
        "——全县今年第五座新桥",
        "(记者 贺明远 通讯员 苏婉清)",
        "青岚日报 2019-06-18 A03版",
    ]
    assert "１９９８年建成的旧桥已不能满足需要。" in lines
    assert lines[-1] == f"引用：{citation(story)}"
    assert "None" not in story_text(make_story(date=None, source="", page="", byline=""))


def test_markdown_headings_and_subheads():
    body = "开头一段。\n建设历程\n去年动工。"
    md = story_markdown(make_story(body=body, subheads=["建设历程"]))
    blocks = md.strip().split("\n\n")
    assert blocks[0] == "# 乍浦镇新建桥梁通车"
    assert "## 建设历程" in blocks
    assert (
        blocks[-1] == r"引用：贺明远, 苏婉清. 乍浦镇新建桥梁通车\[N\]. 青岚日报, 2019-06-18(A03)."
    )


def test_markdown_escapes_body_lines_that_look_like_markup():
    body = "# 1998年的老照片\n- 村民代表发言\n+ 加分项\n3. 第三条\n    缩进\n> 引文\n*强调*与<b>"
    md = story_markdown(make_story(body=body))
    lines = md.split("\n\n")
    assert r"\# 1998年的老照片" in lines
    assert r"\- 村民代表发言" in lines
    assert r"\+ 加分项" in lines
    assert r"3\. 第三条" in lines
    assert "缩进" in lines
    assert r"\> 引文" in lines
    assert r"\*强调\*与\<b\>" in lines
    # Only the headline is a heading.
    assert [line for line in md.splitlines() if line.startswith("#")] == ["# 乍浦镇新建桥梁通车"]


def test_escape_markdown_leaves_chinese_text_alone():
    assert (
        escape_markdown("近日,乍浦镇１２户居民——搬进新居。") == "近日,乍浦镇１２户居民——搬进新居。"
    )
    assert escape_markdown("a\\b") == "a\\\\b"


# -- CSV -------------------------------------------------------------------------------------


def test_facts_csv_round_trips():
    facts = [
        {"story": 7, "kind": "money", "text": "3.5万元", "value": 35000.0, "unit": "元",
         "label": "投资", "norm": "", "start": 12, "end": 17},
        {"story": 7, "kind": "person", "text": "贺明远", "value": None, "unit": "",
         "label": "记者,摄影", "norm": "贺明远", "start": None, "end": None},
        {"story": 8, "kind": "quantity", "text": "1.25公里", "value": 1.25, "unit": "公里",
         "label": "全长\n(含引道)", "norm": "", "start": 0, "end": 6},
    ]  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(facts_csv(facts))))
    assert tuple(rows[0]) == FACT_COLUMNS
    assert [r["value"] for r in rows] == ["35000", "", "1.25"]
    assert rows[1]["label"] == "记者,摄影"
    assert rows[2]["label"] == "全长\n(含引道)"
    assert rows[1]["start"] == ""
    assert [r["text"] for r in rows] == [f["text"] for f in facts]


def test_csv_guards_formula_cells_but_not_negative_numbers():
    rows = [{"id": 1, "title": "=HYPERLINK(1)", "kind": "ad", "places": [], "score": -2.5}]
    parsed = next(csv.DictReader(io.StringIO(results_csv(rows))))
    assert parsed["title"] == "'=HYPERLINK(1)"
    assert parsed["score"] == "-2.5"


def test_results_csv_round_trips_and_encodes_with_bom(tmp_path):
    rows = [
        {"id": 3, "title": "", "label": "近日,乍浦镇…", "kind": "brief",
         "places": ["乍浦镇", "德清县"], "date": None, "score": 4.75, "snippet_text": "…新桥,"},
        {"id": 9, "title": "桥通了", "label": "桥通了", "kind": "article", "places": [],
         "date": "2019-06-18", "score": 12.0, "snippet_text": '他说:"好"'},
    ]  # fmt: skip
    path = tmp_path / "results.csv"
    path.write_text(results_csv(rows), encoding=CSV_ENCODING)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding=CSV_ENCODING, newline="") as handle:
        parsed = list(csv.DictReader(handle))
    assert tuple(parsed[0]) == RESULT_COLUMNS
    assert parsed[0]["title"] == "近日,乍浦镇…"
    assert parsed[0]["places"] == "乍浦镇、德清县"
    assert parsed[0]["date"] == ""
    assert parsed[1]["score"] == "12"
    assert parsed[1]["snippet_text"] == '他说:"好"'


# -- a seeded archive ------------------------------------------------------------------------


def _story_titled(archive: Archive, title: str) -> dict:
    summary = next(s for s in archive.stories() if s["title"].startswith(title))
    story = archive.story(summary["id"])
    assert story is not None
    return story


def test_seeded_story_citation_and_exports(seeded, seeds_dir):
    story = _story_titled(seeded, "三湾街社区")
    stem = next(seeds_dir.glob("004_*.txt")).stem
    assert citation(story) == (
        f"蔡肇娥, 吴勤勤, 时阳. 三湾街社区 “信访代办”架起沟通连心桥[N]. {stem}."
    )
    text = story_text(story)
    assert "None" not in text
    assert text.rstrip().endswith(citation(story))
    assert story["body"].splitlines()[0] in text


def test_seeded_subheads_and_facts(seeded):
    story = _story_titled(seeded, "朝阳社区")
    md = story_markdown(story)
    assert story["subheads"]
    for subhead in story["subheads"]:
        assert f"## {escape_markdown(subhead)}" in md.split("\n\n")
    rows = list(csv.DictReader(io.StringIO(facts_csv(story["facts"]))))
    assert len(rows) == len(story["facts"]) > 0
    assert [r["text"] for r in rows] == [f["text"] for f in story["facts"]]


def test_seeded_search_results_csv(seeded):
    results = seeded.search("社区")
    assert results
    rows = list(csv.DictReader(io.StringIO(results_csv(results))))
    assert [int(r["id"]) for r in rows] == [r["id"] for r in results]
    assert rows[0]["places"] == "、".join(results[0]["places"])
    assert all(r["title"] for r in rows)
