"""Qt item models for the viewer's views: the place tree, the story list and a story's facts."""

from viewer.gui.models.facts import FACT_ROLE, OCCURRENCES_ROLE, FactTreeModel, fact_value
from viewer.gui.models.facts import KIND_ROLE as FACT_KIND_ROLE
from viewer.gui.models.kinds import (
    FACT_COLORS,
    FACT_KIND_NAMES,
    PLACE_KIND_NAMES,
    STORY_KIND_NAMES,
)
from viewer.gui.models.place_tree import KEY_ROLE, NAME_ROLE, PlaceFilterProxy, PlaceTreeModel
from viewer.gui.models.place_tree import KIND_ROLE as PLACE_KIND_ROLE
from viewer.gui.models.story_list import (
    HITS_ROLE,
    SNIPPET_ROLE,
    SORT_ROLE,
    STORY_ID_ROLE,
    StoryListModel,
)

__all__ = [
    "FACT_COLORS",
    "FACT_KIND_NAMES",
    "FACT_KIND_ROLE",
    "FACT_ROLE",
    "HITS_ROLE",
    "KEY_ROLE",
    "NAME_ROLE",
    "OCCURRENCES_ROLE",
    "PLACE_KIND_NAMES",
    "PLACE_KIND_ROLE",
    "SNIPPET_ROLE",
    "SORT_ROLE",
    "STORY_ID_ROLE",
    "STORY_KIND_NAMES",
    "FactTreeModel",
    "PlaceFilterProxy",
    "PlaceTreeModel",
    "StoryListModel",
    "fact_value",
]
