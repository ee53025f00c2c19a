"""Page metadata from sidecars and file names, dates, and the years a text mentions."""

from __future__ import annotations

import json

import pytest

from viewer.ingest import find_years, normalise_date, read_meta
from viewer.model import PageMeta


def test_sidecar_wins_and_file_name_fills_gaps(tmp_path):
    page = tmp_path / "东林日报_2021-08-12_B02.txt"
    page.write_text("正文", "utf-8")
    sidecar = tmp_path / "东林日报_2021-08-12_B02.json"
    sidecar.write_text(json.dumps({"source": "东林晚报", "date": "2021年8月13日"}), "utf-8")
    assert read_meta(page) == PageMeta("东林晚报", "2021-08-13", "B02")


def test_sidecar_alone(tmp_path):
    page = tmp_path / "scan0007.txt"
    (tmp_path / "scan0007.json").write_text(
        '{"source": "某某日报", "date": "2020-10-15", "page": 3}', "utf-8"
    )
    assert read_meta(page) == PageMeta("某某日报", "2020-10-15", "3")


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "", '{"date": "昨天"}', "\x00\x01"])
def test_broken_sidecar_is_ignored(tmp_path, content):
    page = tmp_path / "河西报_20190301_A01.txt"
    (tmp_path / "河西报_20190301_A01.json").write_text(content, "utf-8")
    assert read_meta(page) == PageMeta("河西报", "2019-03-01", "A01")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("报纸名_2020-10-15_A03.txt", PageMeta("报纸名", "2020-10-15", "A03")),
        ("报纸名_20201015_A03.txt", PageMeta("报纸名", "2020-10-15", "A03")),
        ("报纸名_2020-10-15.txt", PageMeta("报纸名", "2020-10-15", "")),
        ("报纸名_20201015.md", PageMeta("报纸名", "2020-10-15", "")),
        ("2020-1-5_A12.txt", PageMeta("", "2020-01-05", "A12")),
        ("报纸名_20201345_A03.txt", PageMeta()),  # month 13: not a date
        ("000_0e35cbca75cbf43d.txt", PageMeta()),
        ("随便起的名字.txt", PageMeta()),
    ],
)
def test_file_name_patterns(tmp_path, name, expected):
    assert read_meta(tmp_path / name) == expected


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2020-10-15", "2020-10-15"),
        ("2020/1/5", "2020-01-05"),
        ("2020.01.05", "2020-01-05"),
        ("20201015", "2020-10-15"),
        ("2020年10月15日", "2020-10-15"),
        ("２０２０年１０月１５日", "2020-10-15"),
        ("2021-02-29", ""),
        ("十月十五日", ""),
        ("", ""),
    ],
)
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


def test_find_years_in_all_three_scripts():
    text = (
        "2020年上半年，社区始建于1983年；１９９８年建成的小区。"
        "二〇二一年春，二零二二年冬，一九七八年改革开放。"
    )
    assert find_years(text) == [1978, 1983, 1998, 2020, 2021, 2022]


@pytest.mark.parametrize(
    "text",
    [
        "12020年",  # five digits
        "1800年和2100年",  # out of range
        "2020 个项目，2020元",  # no 年
        "三二〇二〇年",  # five numerals
        "二十一年来",  # counted years, not a year
    ],
)
def test_find_years_ignores_non_years(text):
    assert find_years(text) == []


def test_find_years_is_sorted_and_distinct():
    assert find_years("2021年、2019年、2021年度、二〇一九年") == [2019, 2021]
