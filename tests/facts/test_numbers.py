"""Numeral parsing: Arabic with multipliers, Chinese numerals through cn2an, year digits."""

from __future__ import annotations

import pytest

from viewer.facts.numbers import (
    chinese_digits_value,
    parse_number,
    small_number,
    working_text,
)


@pytest.mark.parametrize(
    ("text", "multiplier", "expected"),
    [
        ("120", "万", 1_200_000),
        ("4.11", "亿", 411_000_000),
        ("57.7", "万", 577_000),
        ("10756", "万", 107_560_000),
        ("2.35", "亿", 235_000_000),
        ("1,250", "", 1250),
        ("三万三千", "", 33_000),
        ("五千", "", 5000),
        ("两", "", 2),
        ("二十", "", 20),
        ("一万五", "", 15_000),
        ("三千五", "", 3500),
        ("两百", "", 200),
        ("四十五", "", 45),
        ("八", "万", 80_000),
    ],
)
def test_parse_number(text: str, multiplier: str, expected: float) -> None:
    assert parse_number(text, multiplier) == expected


@pytest.mark.parametrize("text", ["", "千", "万", "六七", "一两", "十几"])
def test_parse_number_rejects_ranges_and_bare_units(text: str) -> None:
    assert parse_number(text) is None


def test_year_digits_are_read_one_by_one() -> None:
    assert chinese_digits_value("二〇二〇") == 2020
    assert chinese_digits_value("一九九八") == 1998
    assert chinese_digits_value("二零一九") == 2019
    assert chinese_digits_value("二十") is None


@pytest.mark.parametrize(
    ("text", "expected"), [("10", 10), ("十", 10), ("十一", 11), ("二十一", 21)]
)
def test_small_number(text: str, expected: int) -> None:
    assert small_number(text) == expected


def test_working_text_keeps_length_and_folds_digits() -> None:
    body = "共３，５００户，增长８．１％（０３７１）"
    work = working_text(body)
    assert len(work) == len(body)
    # A full-width comma never becomes a thousands separator.
    assert work == "共3、500户、增长8.1%(0371)"
