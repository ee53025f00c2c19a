"""Places: recognising place names in text and arranging them in a tree.

`find_places` reads one text; `story_places` and `page_links` turn one page's mentions into what
each story is about and into evidence of which place lies inside which; `resolve_parents` weighs
that evidence across the archive and `build_tree` lays out the city -> street -> community tree.
"""

from viewer.places.hierarchy import TreeNode, build_tree, resolve_parents
from viewer.places.links import StoryPlace, StoryPlaces, page_links, story_places
from viewer.places.recognize import find_places

__all__ = [
    "StoryPlace",
    "StoryPlaces",
    "TreeNode",
    "build_tree",
    "find_places",
    "page_links",
    "resolve_parents",
    "story_places",
]
