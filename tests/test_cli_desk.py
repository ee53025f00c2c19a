"""The research desk's commands: import with batch metadata, set-meta, issues, facets, search
--sort date, saved searches; their JSON shapes, exit codes and one-line errors."""

from __future__ import annotations

import json

import pytest

from tests.pages import EVENING, write_dated_pages
from viewer.cli import main


def run(capsys, archive_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--archive", str(archive_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("desk-cli")
    pages = write_dated_pages(root / "pages")
    scans = root / "scans"
    scans.mkdir()
    (scans / "scan-20220305-p7.txt").write_text(EVENING.replace("26件", "27件"), "utf-8")
    assert main(["--archive", str(root / "db"), "import", str(pages)]) == 0
    code = main(
        [
            "--archive",
            str(root / "db"),
            "import",
            "--paper",
            "江城晚报",
            "--pattern",
            "scan-{yyyy}{mm}{dd}-p{page}",
            str(scans),
        ]
    )
    assert code == 0
    return root / "db"


def test_import_with_pattern_and_issues_json(capsys, archive_dir):
    code, out, _ = run(capsys, archive_dir, "issues", "--json")
    papers = {p["paper"]: p for p in json.loads(out)}
    assert code == 0
    evening = papers["江城晚报"]
    days = [d["date"] for y in evening["years"] for m in y["months"] for d in m["days"]]
    assert days == ["2020-09-15", "2022-03-05"]
    page = evening["years"][-1]["months"][0]["days"][0]["pages"][0]
    assert page == {"page": "7", "files": 1, "stories": 2}
    code, out, _ = run(capsys, archive_dir, "issues")
    assert code == 0 and "2022-03-05  2 篇：7 2" in out
    code, out, _ = run(capsys, archive_dir, "list", "--paper", "江城晚报", "--issue", "2022-03")
    assert code == 0 and len(out.splitlines()) == 2 and "翠柳社区" in out
    _, out, _ = run(capsys, archive_dir, "list", "--issue", "2022", "--page", "7", "--json")
    assert [s["page"] for s in json.loads(out)] == ["7", "7"]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--pattern", "{paper}_{when}"], "{when}"),
        (["--pattern", "{paper"], "括号不成对"),
        (["--date", "2020-02-30"], "2020-02-30"),
        (["--date", "明天"], "明天"),
    ],
)
def test_import_refuses_bad_patterns_and_dates(capsys, tmp_path, args, named):
    with pytest.raises(SystemExit) as exited:
        main(["--archive", str(tmp_path / "db"), "import", *args, str(tmp_path)])
    out, err = capsys.readouterr()
    assert exited.value.code == 2 and not out
    assert named in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "db").exists()  # refused before the archive is opened


def test_set_meta_then_search_by_the_new_date(capsys, archive_dir, tmp_path):
    code, out, _ = run(capsys, archive_dir, "files", "--json")
    weekly = next(f for f in json.loads(out) if f["name"] == "weekly.txt")
    code, out, err = run(
        capsys, archive_dir, "set-meta", weekly["path"], "--date", "2023-06-01", "--page", "B2"
    )
    assert code == 0 and "2023-06-01" in out and "1 篇稿件" in out
    code, out, _ = run(capsys, archive_dir, "search", "果园", "--from", "2023-06-01", "--json")
    assert [r["date"] for r in json.loads(out)] == ["2023-06-01"]

    code, _, err = run(capsys, archive_dir, "set-meta", str(tmp_path / "none.txt"), "--page", "1")
    assert code == 2 and "none.txt" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as exited:
        main(["--archive", str(archive_dir), "set-meta", weekly["path"], "--date", "2023-02-29"])
    assert exited.value.code == 2 and "2023-02-29" in capsys.readouterr().err
    code, _, err = run(capsys, archive_dir, "set-meta", weekly["path"])
    assert code == 2 and "--date" in err


def test_search_sort_by_date(capsys, archive_dir):
    code, out, _ = run(capsys, archive_dir, "search", "社区 OR 村", "--sort", "date", "--json")
    dates = [r["date"] for r in json.loads(out)]
    assert code == 0 and len(dates) > 2 and dates == sorted(dates, reverse=True)


def test_facets_json(capsys, archive_dir):
    code, out, _ = run(capsys, archive_dir, "facets", "社区 OR 村", "--json")
    facets = json.loads(out)
    assert code == 0 and facets["total"] > 0
    assert {"total", "places", "kinds", "years", "undated", "place_count"} <= set(facets)
    assert sum(k["stories"] for k in facets["kinds"]) == facets["total"]


def test_saved_searches_commands(capsys, archive_dir):
    code, out, _ = run(capsys, archive_dir, "save-search", "社区新闻", "社区", "--from", "2019")
    assert code == 0 and "社区新闻" in out
    code, _, err = run(capsys, archive_dir, "save-search", "社区新闻", "村")
    assert code == 2 and "已有名为“社区新闻”" in err
    code, out, _ = run(capsys, archive_dir, "saved", "--json")
    (saved,) = json.loads(out)
    _, found, _ = run(capsys, archive_dir, "search", "社区", "--from", "2019", "--json")
    assert saved["name"] == "社区新闻" and saved["filters"]["date_from"] == "2019"
    assert saved["hits"] == len(json.loads(found)) > 0
    code, out, _ = run(capsys, archive_dir, "rename-search", "社区新闻", "社区")
    assert code == 0
    code, out, _ = run(capsys, archive_dir, "saved")
    assert code == 0 and out.startswith("社区  ")
    assert run(capsys, archive_dir, "delete-search", "社区")[0] == 0
    code, _, err = run(capsys, archive_dir, "delete-search", "社区")
    assert code == 2 and "没有名为“社区”的检索" in err
