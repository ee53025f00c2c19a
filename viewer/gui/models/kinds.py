"""Display names for story, fact and place kinds.

Shared by the item models and the reader widget so every view names and colours things alike. The
names are Chinese source texts; the `*_name` functions return them in the UI's language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Fact colours live with the other highlight colours (viewer/gui/highlight_colours.py).
from viewer.gui.highlight_colours import FACT_COLORS as FACT_COLORS
from viewer.gui.i18n import QT_TRANSLATE_NOOP

STORY_KIND_NAMES: dict[str, str] = {
    "article": QT_TRANSLATE_NOOP("kinds", "文章"),
    "brief": QT_TRANSLATE_NOOP("kinds", "简讯"),
    "caption": QT_TRANSLATE_NOOP("kinds", "图片"),
    "ad": QT_TRANSLATE_NOOP("kinds", "广告"),
    "column": QT_TRANSLATE_NOOP("kinds", "专栏"),
}

# Insertion order is the display order of fact groups.
FACT_KIND_NAMES: dict[str, str] = {
    "person": QT_TRANSLATE_NOOP("kinds", "人物"),
    "organization": QT_TRANSLATE_NOOP("kinds", "机构"),
    "place": QT_TRANSLATE_NOOP("kinds", "地点"),
    "date": QT_TRANSLATE_NOOP("kinds", "日期"),
    "money": QT_TRANSLATE_NOOP("kinds", "金额"),
    "quantity": QT_TRANSLATE_NOOP("kinds", "数量"),
    "percent": QT_TRANSLATE_NOOP("kinds", "比例"),
    "phone": QT_TRANSLATE_NOOP("kinds", "电话"),
}

PLACE_KIND_NAMES: dict[str, str] = {
    "province": QT_TRANSLATE_NOOP("kinds", "省"),
    "city": QT_TRANSLATE_NOOP("kinds", "市"),
    "district": QT_TRANSLATE_NOOP("kinds", "区"),
    "county": QT_TRANSLATE_NOOP("kinds", "县"),
    "street": QT_TRANSLATE_NOOP("kinds", "街道"),
    "town": QT_TRANSLATE_NOOP("kinds", "镇"),
    "township": QT_TRANSLATE_NOOP("kinds", "乡"),
    "community": QT_TRANSLATE_NOOP("kinds", "社区"),
    "village": QT_TRANSLATE_NOOP("kinds", "村"),
    "unassigned": QT_TRANSLATE_NOOP("kinds", "未归属"),
}


def _named(names: dict[str, str], kind: str) -> str:
    source = names.get(kind)
    return kind if source is None else QCoreApplication.translate("kinds", source)


def story_kind_name(kind: str) -> str:
    """The name of a story kind in the UI's language; unknown kinds are shown as they are."""
    return _named(STORY_KIND_NAMES, kind)


def fact_kind_name(kind: str) -> str:
    return _named(FACT_KIND_NAMES, kind)


def place_kind_name(kind: str) -> str:
    return _named(PLACE_KIND_NAMES, kind)


# The tree's two catch-all nodes are named by the core in Chinese; the UI names them itself.
UNASSIGNED_NODE_NAMES: dict[str, str] = {
    "未归属街道": QT_TRANSLATE_NOOP("kinds", "未归属街道"),
    "未归属": QT_TRANSLATE_NOOP("kinds", "未归属"),
}


def node_name(name: str, kind: str) -> str:
    """A tree node's name as shown: place names as written, catch-all nodes translated."""
    if kind == "unassigned" and name in UNASSIGNED_NODE_NAMES:
        return QCoreApplication.translate("kinds", name)
    return name
