"""File-name patterns and batch dates the user types for an import (viewer.batch_meta)."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.batch_meta import BatchMeta, BatchMetaError, NamePattern, parse_iso_date
from viewer.model import PageMeta


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("{paper", "括号不成对"),
        ("{paper}}_{yyyy}{mm}{dd}", "括号不成对"),
        ("{paper}_{year}", "没有 {year} 这一部分"),
        ("{page}_{page}", "{page} 出现了两次"),
        ("{paper}_{yyyy}{mm}", "三部分"),
        ("scan_{*}", "没有指明任何部分"),
        ("  ", "空的"),
    ],
)
def test_bad_patterns_say_what_is_wrong(pattern, problem):
    with pytest.raises(BatchMetaError) as err:
        NamePattern.parse(pattern)
    message = str(err.value)
    assert problem in message and "\n" not in message
    if pattern.strip():
        assert pattern in message  # names the pattern typed


def test_pattern_reads_paper_date_and_page():
    pattern = NamePattern.parse("{paper}_{yyyy}{mm}{dd}_{page}")
    assert pattern.meta(Path("/x/江城晚报_20200915_A06.txt")) == PageMeta(
        "江城晚报", "2020-09-15", "A06"
    )
    assert pattern.meta(Path("/x/江城晚报_2020-09-15.txt")) is None  # does not fit
    assert pattern.meta(Path("/x/江城晚报_20201345_A06.txt")) is None  # no such day


def test_pattern_with_folders_and_wildcards():
    pattern = NamePattern.parse("{paper}/{yyyy}-{mm}-{dd}/{*}-p{page}")
    meta = pattern.meta(Path("/archive/临川日报/2022-3-8/scan0042-p2.txt"))
    assert meta == PageMeta("临川日报", "2022-03-08", "2")
    assert pattern.meta(Path("2022-3-8/scan0042-p2.txt")) is None  # too few folders


def test_batch_fills_only_gaps():
    batch = BatchMeta.make(paper="晨报", date="2021-01-02", pattern="{*}_p{page}")
    guessed = PageMeta(source="", date="2019-03-08", page="")
    assert batch.fill(Path("scan_p5.txt"), guessed) == PageMeta("晨报", "2019-03-08", "5")
    assert batch.fill(Path("other.txt"), PageMeta()) == PageMeta("晨报", "2021-01-02", "")
    assert not batch.fits(Path("other.txt")) and batch.fits(Path("scan_p5.txt"))


@pytest.mark.parametrize("text", ["2020-02-30", "2020/02/03", "20200203x", "昨天", ""])
def test_bad_dates_are_refused(text):
    with pytest.raises(BatchMetaError, match="YYYY-MM-DD"):
        parse_iso_date(text)
    assert parse_iso_date(" 2020-2-3 ") == "2020-02-03"
