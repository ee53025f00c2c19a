"""Numeral parsing: Arabic with multipliers, Chinese numerals through cn2an, year digits."""

from __future__ import annotations

import pytest

from viewer.calendar import year_number
from viewer.facts.numbers import (
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
    assert year_number("二〇二〇") == 2020
    assert year_number("一九九八") == 1998
    assert year_number("二零一九") == 2019
    assert year_number("二十") is None


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


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("１·６万元", "1.6万元"),  # middle dot U+00B7, full-width digits
        ("12•5%", "12.5%"),  # bullet U+2022
        ("３・５公里", "3.5公里"),  # katakana middle dot U+30FB
        ("８．１％", "8.1%"),  # full-width full stop, folded as before
        ("2020·10·15", "2020.10.15"),
    ],
)
def test_working_text_reads_a_dot_between_digits_as_a_decimal_point(body, expected) -> None:
    work = working_text(body)
    assert work == expected
    assert len(work) == len(body)


@pytest.mark.parametrize(
    "body",
    [
        "约翰·史密斯来访",  # a foreign name: the dot is between Chinese characters
        "“12·2”大火",  # a quoted month·day names an event
        '"7·23"事故调查',
        "3·月",
        "·5",
    ],
)
def test_working_text_keeps_other_middle_dots(body) -> None:
    assert working_text(body) == body


@pytest.mark.parametrize(
    ("text", "multiplier", "expected"),
    [
        ("一点六", "万", 16_000),
        ("十二点五", "", 12.5),
        ("十二点五五", "", 12.55),
        ("零点五", "万", 5000),
        ("三千五百", "万", 35_000_000),
        ("十二", "亿", 1_200_000_000),
        ("两千", "", 2000),
    ],
)
def test_parse_chinese_decimals_and_large_amounts(text, multiplier, expected) -> None:
    assert parse_number(text, multiplier) == expected


@pytest.mark.parametrize("text", ["六七点五", "点五", "一点"])
def test_parse_chinese_decimal_rejects_what_is_not_a_number(text) -> None:
    assert parse_number(text) is None


def test_year_digits_take_every_zero_glyph() -> None:
    assert year_number("二○○一") == 2001  # ○ U+25CB
    assert year_number("二OO一") == 2001  # the letter O
    assert year_number("一九九o") == 1990  # Ｏ after folding and lower-casing


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("路面拓宽３·５公里。", 3.5, "公里"), ("新建绿地１２・５亩。", 12.5, "亩")],
)
def test_a_dotted_decimal_reaches_quantities(facts_of, text, value, unit) -> None:
    found = facts_of(text, "quantity")
    assert [(f.value, f.unit) for f in found] == [(value, unit)]
