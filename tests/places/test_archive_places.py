"""Places through the whole archive: national news, the home region, place search, the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.archive import Archive, RegionError
from viewer.cli import main

from .conftest import walk

# A page of national news in a wire service's style, and one of a city paper's.
NATIONAL = """全国新闻

国务院新闻办举行发布会

新华社北京５月１０日电　国务院新闻办公室１０日在北京举行新闻发布会，介绍今年一季度经济运行\
情况。来自北京、上海、香港的记者参加了发布会。

贵阳大数据产业园开园

本报贵阳５月９日讯　（记者　田野）９日上午，位于贵阳市观山湖区的大数据产业园正式开园，\
首批入驻企业４２家。

香港特区政府推出新一轮消费券

据中新社香港５月８日电　香港特区政府８日宣布，将于下月起发放新一轮消费券。

中俄经贸论坛在莫斯科举行

新华社莫斯科５月７日电　中俄经贸合作论坛７日在俄罗斯首都莫斯科举行。
"""

CITY = """城区新闻

朝阳区一小区加装电梯

本报讯　近日，朝阳区一老旧小区完成加装电梯，惠及居民２００余户。
"""


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory, jieba_cache: Path) -> Iterator[Archive]:
    pages = tmp_path_factory.mktemp("national_pages")
    (pages / "全国新闻_2023-05-10_A01.txt").write_text(NATIONAL, "utf-8")
    archive = Archive(tmp_path_factory.mktemp("national") / "a")
    archive.import_paths([pages], workers=0)
    yield archive
    archive.close()


def test_the_tree_starts_with_provinces_and_municipalities(national: Archive) -> None:
    roots = national.tree()
    assert {r.kind for r in roots} == {"province"}
    names = {r.name for r in roots}
    assert {"北京市", "上海市", "香港特别行政区", "贵州省"} <= names
    paths = {path for path, _ in walk(roots)}
    assert ("贵州省", "贵阳市", "观山湖区") in paths
    # Foreign places are left out of the tree.
    assert not any("莫斯科" in p[-1] or "俄罗斯" in p[-1] for p in paths)


def test_a_province_finds_the_stories_of_its_cities(national: Archive) -> None:
    guiyang = {s["id"] for s in national.stories("贵阳市")}
    assert guiyang
    assert {s["id"] for s in national.stories("贵州省")} == guiyang
    assert {s["id"] for s in national.stories("贵州")} == guiyang  # the short form
    hits = national.search("产业园 place:贵州")
    assert [h["id"] for h in hits] and {h["id"] for h in hits} <= guiyang
    assert national.search("开园", place="贵州") == national.search("开园", place="贵州省")


def test_bare_short_forms_are_places(national: Archive) -> None:
    story = next(s for s in national.stories() if s["title"].startswith("国务院"))
    assert {"北京市", "上海市", "香港特别行政区"} <= set(story["places"])
    facts = [f for f in national.facts(story=story["id"], kind="place") if f["norm"] == "北京市"]
    assert facts and all(f["text"] == "北京" for f in facts)  # as written; the place in norm


def test_home_region_is_inferred_set_and_cleared(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "city.txt").write_text(CITY, "utf-8")
    with Archive(tmp_path / "a") as archive:
        archive.import_paths([pages], workers=0)
        # One ambiguous district and nothing else: no home, so it stays unresolved.
        assert archive.home_region() == (None, False)
        assert [r.name for r in archive.tree()] == ["未归属"]
        assert archive.set_home_region("北京") == "110000000000"
        assert archive.home_region() == ("110000000000", True)
        paths = {path for path, _ in walk(archive.tree())}
        assert ("北京市", "朝阳区") in paths
        archive.set_home_region("长春市")
        paths = {path for path, _ in walk(archive.tree())}
        assert ("吉林省", "长春市", "朝阳区") in paths
        with pytest.raises(RegionError, match="北京市朝阳区"):
            archive.set_home_region("朝阳区")  # two of them
        with pytest.raises(RegionError):
            archive.set_home_region("没有这个地方")
        archive.set_home_region(None)
        assert archive.home_region() == (None, False)


def test_region_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "city.txt").write_text(CITY, "utf-8")
    db = str(tmp_path / "db")
    assert main(["--archive", db, "import", str(pages)]) == 0
    capsys.readouterr()
    assert main(["--archive", db, "region", "北京"]) == 0
    assert "北京市" in capsys.readouterr().out
    assert main(["--archive", db, "region", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {"code": "110000000000", "name": "北京市", "set_by_user": True}
    assert main(["--archive", db, "region", "朝阳区"]) == 2
    assert "北京市朝阳区" in capsys.readouterr().err
    assert main(["--archive", db, "region", "--clear", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["set_by_user"] is False
