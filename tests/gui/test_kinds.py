from __future__ import annotations

from viewer.gui.models.kinds import (
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
