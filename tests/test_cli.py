"""The command line contract: commands, JSON shapes, exit codes, clean errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from tests.pages import write_pages
from viewer.cli import main


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory, seeds_dir):
    root = tmp_path_factory.mktemp("cli")
    pages = write_pages(root / "pages")
    code = main(
        ["--archive", str(root / "db"), "import", str(seeds_dir), str(pages["street"].parent)]
    )
    assert code == 0
    return root / "db"


def run(capsys, archive_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--archive", str(archive_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_shape(capsys, archive_dir):
    code, out, _ = run(capsys, archive_dir, "list", "--json")
    stories = json.loads(out)
    assert code == 0 and stories
    keys = {"id", "title", "kind", "date", "source_file", "source_start", "source_end", "places"}
    assert keys <= set(stories[0])
    dated = [s for s in stories if s["source_file"].endswith("青州日报_2021-07-02_A03.txt")]
    assert dated and all(s["date"] == "2021-07-02" for s in dated)


def test_search_json_shape_and_marks(capsys, archive_dir):
    code, out, _ = run(capsys, archive_dir, "search", "义诊", "--json", "--limit", "5")
    results = json.loads(out)
    assert code == 0 and 0 < len(results) <= 5
    assert {"id", "title", "places", "date", "score", "snippet"} <= set(results[0])
    assert all("**义诊**" in r["snippet"] for r in results)
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)


def test_show_json_has_body_and_facts_with_offsets(capsys, archive_dir):
    _, out, _ = run(capsys, archive_dir, "search", "陈秀英", "--json")
    story_id = json.loads(out)[0]["id"]
    code, out, _ = run(capsys, archive_dir, "show", str(story_id), "--json")
    story = json.loads(out)
    assert code == 0
    for key in (
        "id",
        "title",
        "kicker",
        "subtitle",
        "byline",
        "kind",
        "date",
        "source_file",
        "body",
    ):
        assert key in story
    for fact in story["facts"]:
        if fact["start"] is not None:
            assert story["body"][fact["start"] : fact["end"]] == fact["text"]
    money = [f for f in story["facts"] if f["kind"] == "money"]
    assert any(f["value"] == 850000 for f in money)


def test_tree_json_nests_places_with_counts(capsys, archive_dir):
    code, out, _ = run(capsys, archive_dir, "tree", "--json")
    tree = json.loads(out)

    def walk(nodes, parent=None):
        for node in nodes:
            assert {"name", "kind", "count", "children"} <= set(node)
            yield node, parent
            yield from walk(node["children"], node)

    nodes = {n["name"]: (n, p) for n, p in walk(tree)}
    assert code == 0
    assert nodes["柳岸社区"][1]["name"] == "云门山街道"
    for node, parent in nodes.values():
        if parent is not None:
            assert parent["count"] >= node["count"]


def test_facts_csv_and_kind_filter(capsys, archive_dir):
    code, out, _ = run(capsys, archive_dir, "facts", "--kind", "phone", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {"story", "kind", "text", "value", "unit", "start", "end"} <= set(rows[0])
    assert {r["kind"] for r in rows} == {"phone"}
    assert "0536-8123456" in {r["text"] for r in rows}


def test_facts_json_for_a_place(capsys, archive_dir):
    code, out, _ = run(capsys, archive_dir, "facts", "--place", "柳岸社区", "--json")
    facts = json.loads(out)
    assert code == 0 and facts
    assert any(f["kind"] == "quantity" and f["value"] == 2600 for f in facts)


def test_check_and_reindex(capsys, archive_dir):
    assert run(capsys, archive_dir, "check")[0] == 0
    code, out, _ = run(capsys, archive_dir, "reindex")
    assert code == 0 and "重建" in out
    assert run(capsys, archive_dir, "check")[0] == 0


@pytest.mark.parametrize(
    "query", ['"未闭合', "place:", "(社区", "OR", "社区 AND", "：：", "NOT 社区"]
)
def test_malformed_queries_never_show_a_traceback(capsys, archive_dir, query):
    code, _out, err = run(capsys, archive_dir, "search", query)
    assert code in (0, 2)
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("查询有误：")


def test_unknown_story_is_a_clean_error(capsys, archive_dir):
    code, _, err = run(capsys, archive_dir, "show", "999999")
    assert code == 2 and "999999" in err


def test_import_with_bad_files_exits_non_zero(tmp_path, capsys):
    folder = tmp_path / "in"
    write_pages(folder)
    (folder / "zero.txt").write_bytes(b"")
    code, out, err = run(capsys, tmp_path / "db", "import", str(folder))
    assert code == 1
    assert "zero.txt" in err and "导入 3 个" in out


def test_import_names_a_file_met_twice(tmp_path, capsys):
    pages = write_pages(tmp_path / "in")
    (tmp_path / "in" / "again.txt").write_bytes(pages["street"].read_bytes())
    code, out, _err = run(capsys, tmp_path / "db", "import", str(tmp_path / "in"))
    assert code == 0 and "导入 3 个" in out and "内容未变 1 个" in out
    (line,) = [line for line in out.splitlines() if line.startswith("重复 ")]
    assert "again.txt" in line and pages["street"].name in line


def test_module_entry_point_runs(tmp_path, seeds_dir):
    env = dict(os.environ, VIEWER_ARCHIVE=str(tmp_path / "db"))
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(var, None)  # headless: the bare command prints the tree (of the sample here)
    version = subprocess.run(
        [sys.executable, "-m", "viewer", "--version"], capture_output=True, text=True, env=env
    )
    assert version.returncode == 0 and version.stdout.startswith("viewer ")
    seeded = subprocess.run(
        [sys.executable, "-m", "viewer", "--sample"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert seeded.returncode == 0, seeded.stderr
    assert "建成示例档案" in seeded.stderr and "社区" in seeded.stdout
