"""Story and page dates through `read_page`: header line, datelines, sidecar and file name."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.ingest import read_page

# A national daily's page: a header line, an agency dispatch and a local story with its own
# dateline, and a story that states no date of its own.
AGENCY_PAGE = """１９９８年１月３日　星期六

外长会见来访客人

新华社北京１月２日电　外交部长今天在钓鱼台国宾馆会见了来访的客人，双方就共同关心的问题交换了意见。

冬季长跑活动举行

本报讯　记者从市体育局获悉，全市冬季长跑活动日前举行，两千多名群众参加。

港口吞吐量再创新高

本报天津１２月３１日讯　记者从港务局获悉，去年港口货物吞吐量比上年增长百分之十二。
"""

# An evening paper's page without a header: the date comes from the file name.
EVENING_PAGE = """社区食堂开张

本报讯（记者 周敏）社区老年食堂昨天开张，每餐十元。

小区加装电梯

６月２日电　三个老小区今年将加装电梯。
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_header_line_dates_the_page_and_datelines_date_their_stories(tmp_path):
    page = read_page(_write(tmp_path, "page.txt", AGENCY_PAGE))
    assert page.meta.date == "1998-01-03"
    dates = {story.title: story.date for story in page.stories}
    assert dates["外长会见来访客人"] == "1998-01-02"
    assert dates["冬季长跑活动举行"] == ""  # 本报讯 states no date: the page's date applies
    # A dispatch of 31 December printed on 3 January belongs to the year before.
    assert dates["港口吞吐量再创新高"] == "1997-12-31"


def test_without_a_header_the_file_name_dates_the_page(tmp_path):
    page = read_page(_write(tmp_path, "晚报_2021-06-03_A05.txt", EVENING_PAGE))
    assert page.meta.date == "2021-06-03"
    dates = {story.title: story.date for story in page.stories}
    assert dates == {"社区食堂开张": "", "小区加装电梯": "2021-06-02"}


def test_header_line_wins_over_sidecar_and_file_name(tmp_path):
    path = _write(tmp_path, "日报_2000-01-01_01.txt", AGENCY_PAGE)
    (tmp_path / "日报_2000-01-01_01.json").write_text(json.dumps({"date": "2000-02-02"}), "utf-8")
    assert read_page(path).meta.date == "1998-01-03"


def test_archive_stores_the_dateline_date_else_the_page_date(tmp_path):
    from viewer.archive import Archive

    (tmp_path / "pages").mkdir()
    _write(tmp_path / "pages", "page.txt", AGENCY_PAGE)
    with Archive(tmp_path / "archive") as archive:
        archive.import_paths([tmp_path / "pages"], workers=0)
        dates = {s["title"]: s["date"] for s in archive.stories()}
        assert dates["外长会见来访客人"] == "1998-01-02"
        assert dates["冬季长跑活动举行"] == "1998-01-03"
        assert dates["港口吞吐量再创新高"] == "1997-12-31"
        hits = archive.search("吞吐量", date_from="1997-12-01", date_to="1997-12-31")
        assert [h["title"] for h in hits] == ["港口吞吐量再创新高"]
