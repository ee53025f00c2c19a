"""The highlight colours the reader and the result list actually paint are told apart at a glance
and keep their text readable.

Colours are read back from the real widgets (the reader's extra selections, the list's snippet
formats), not from a copy, so a colour changed in the code is judged here.
"""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtGui import QColor, QTextFormat

from tests.gui.stories import fact_at, story_dict
from viewer.gui.reader import ReaderView
from viewer.gui.snippet_delegate import format_ranges
from viewer.model import FACT_KINDS

# CIEDE2000 of about 2 is a just-noticeable difference; 15 leaves no doubt side by side or apart.
MIN_DELTA_E = 15.0
MIN_CONTRAST = 4.5  # WCAG 2 level AA for body text


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor) -> float:
    r, g, b = (_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def cielab(colour: QColor) -> tuple[float, float, float]:
    """sRGB (D65) to CIELAB."""
    r, g, b = (_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(first: QColor, second: QColor) -> float:
    return delta_e_2000(cielab(first), cielab(second))


def delta_e_2000(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference of two CIELAB colours (Sharma, Wu, Dalal 2005)."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360
    h2 = math.degrees(math.atan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_big_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    rotation = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_mean**7 / (c_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    dl, dc, dh_ = (l2 - l1) / s_l, (c2 - c1) / s_c, d_big_h / s_h
    return math.sqrt(dl**2 + dc**2 + dh_**2 + r_t * dc * dh_)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [  # pairs 1, 7, 17 and 18 of Sharma, Wu and Dalal's published test data
        ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
        ((50, 0, 0), (50, -1, 2), 2.3669),
        ((50, 2.5, 0), (73, 25, -18), 27.1492),
        ((50, 2.5, 0), (61, -5, 29), 22.8977),
    ],
)
def test_delta_e_matches_published_pairs(first, second, expected) -> None:
    assert delta_e_2000(first, second) == pytest.approx(expected, abs=1e-4)
    assert delta_e_2000(second, first) == pytest.approx(expected, abs=1e-4)


def test_lab_and_contrast_of_known_colours() -> None:
    assert cielab(QColor("#ffffff")) == pytest.approx((100, 0, 0), abs=0.05)
    assert cielab(QColor("#ff0000")) == pytest.approx((53.24, 80.09, 67.20), abs=0.05)
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def _painted(qtbot) -> dict[str, tuple[QColor, QColor]]:
    """What the reader paints for each fact kind, a search hit and the flash: (background, text)."""
    words = [
        "钱晓岚",
        "青石村合作社",
        "乍浦镇",
        "三月五日",
        "二十万元",
        "六十亩",
        "百分之八",
        "12345678",
    ]
    body = "，".join(words) + "，花椒，晴转多云。"
    facts = [fact_at(kind, body, word) for kind, word in zip(FACT_KINDS, words, strict=True)]
    # A kind a newer version may store that this one does not know.
    facts.append(fact_at("weather", body, "晴转多云"))
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_story(story_dict(body, facts))
    reader.set_search_terms(["花椒"])
    reader.reveal(0, 3)
    assert reader.is_flashing()
    # The reader tags each selection with what it shows: "fact:KIND", "search" or "flash".
    names = {"search": "search hit", "flash": "flash"}
    painted = {}
    for selection in reader.body.extraSelections():
        fmt = selection.format
        role = str(fmt.property(QTextFormat.Property.UserProperty))
        name = names.get(role, role.removeprefix("fact:"))
        painted[name] = (fmt.background().color(), fmt.foreground().color())
    return painted


def test_every_highlight_is_clearly_distinct(qtbot) -> None:
    painted = _painted(qtbot)
    assert set(painted) == {*FACT_KINDS, "weather", "search hit", "flash"}
    # The result list marks hits in the same colour as the reader.
    (snippet_hit,) = format_ranges([[0, 2]], 4)
    assert snippet_hit.format.background().color() == painted["search hit"][0]
    too_close = [
        (a, b, round(delta_e(painted[a][0], painted[b][0]), 1))
        for a, b in itertools.combinations(painted, 2)
        if delta_e(painted[a][0], painted[b][0]) < MIN_DELTA_E
    ]
    assert not too_close


def test_text_on_every_highlight_is_readable(qtbot) -> None:
    painted = _painted(qtbot)
    (snippet_hit,) = format_ranges([[0, 2]], 4)
    painted["result list hit"] = (
        snippet_hit.format.background().color(),
        snippet_hit.format.foreground().color(),
    )
    faint = {
        name: round(contrast_ratio(background, text), 2)
        for name, (background, text) in painted.items()
        if contrast_ratio(background, text) < MIN_CONTRAST
    }
    assert not faint
