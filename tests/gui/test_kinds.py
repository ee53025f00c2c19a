from __future__ import annotations

from PySide6.QtGui import QColor

from viewer.gui.models.kinds import (
    FACT_COLORS,
    FACT_KIND_NAMES,
    PLACE_KIND_NAMES,
    STORY_KIND_NAMES,
    place_kind_name,
    story_kind_name,
)
from viewer.model import FACT_KINDS, PLACE_KINDS, STORY_KINDS


def test_every_core_kind_has_a_chinese_name() -> None:
    assert tuple(FACT_KIND_NAMES) == FACT_KINDS
    assert set(STORY_KIND_NAMES) == set(STORY_KINDS)
    assert set(PLACE_KIND_NAMES) == {*PLACE_KINDS, "unassigned"}
    assert place_kind_name("street") == "街道"
    assert story_kind_name("caption") == "图片"
    assert story_kind_name("新类型") == "新类型"


def test_fact_colours_are_distinct_light_backgrounds() -> None:
    assert set(FACT_COLORS) == set(FACT_KINDS)
    colours = [QColor(c) for c in FACT_COLORS.values()]
    assert all(c.isValid() for c in colours)
    assert len({c.rgb() for c in colours}) == len(colours)
    assert len({c.hue() for c in colours}) == len(colours)
    # Light enough that black text on them stays readable.
    assert all(c.lightness() >= 180 for c in colours)
