"""Chinese display names for story, fact and place kinds, and one highlight colour per fact kind.

Shared by the item models and the reader widget so every view names and colours things alike.
"""

from __future__ import annotations

STORY_KIND_NAMES: dict[str, str] = {
    "article": "文章",
    "brief": "简讯",
    "caption": "图片",
    "ad": "广告",
    "column": "专栏",
}

# Insertion order is the display order of fact groups.
FACT_KIND_NAMES: dict[str, str] = {
    "person": "人物",
    "organization": "机构",
    "place": "地点",
    "date": "日期",
    "money": "金额",
    "quantity": "数量",
    "percent": "比例",
    "phone": "电话",
}

# Pale backgrounds: dark text stays readable on every one of them, and hues are spread apart.
FACT_COLORS: dict[str, str] = {
    "person": "#ffe0b2",  # orange
    "organization": "#d1c4e9",  # violet
    "place": "#c8e6c9",  # green
    "date": "#bbdefb",  # blue
    "money": "#fff59d",  # yellow
    "quantity": "#b2ebf2",  # cyan
    "percent": "#f8bbd0",  # pink
    "phone": "#d7ccc8",  # brown-grey
}

PLACE_KIND_NAMES: dict[str, str] = {
    "city": "市",
    "district": "区",
    "county": "县",
    "street": "街道",
    "town": "镇",
    "township": "乡",
    "community": "社区",
    "village": "村",
    "unassigned": "未归属",
}


def story_kind_name(kind: str) -> str:
    """Chinese name of a story kind; unknown kinds are shown as they are."""
    return STORY_KIND_NAMES.get(kind, kind)


def fact_kind_name(kind: str) -> str:
    return FACT_KIND_NAMES.get(kind, kind)


def place_kind_name(kind: str) -> str:
    return PLACE_KIND_NAMES.get(kind, kind)
