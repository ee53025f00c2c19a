"""Places: recognising place names in text and arranging them in a tree.

`find_places` reads one text (divisions from the gazetteer, communities and villages by their
suffix); `story_places` and `page_links` turn one page's mentions into what each story is about
and into evidence (the division each ambiguous name stands for on that page, and which community
lies in which street); `place_all` weighs that evidence across the archive and places every
division by its code (communities and villages by `resolve_parents`), and `build_tree` lays out
the province -> ... -> community tree.
"""

from viewer.places.hierarchy import Placement, TreeNode, build_tree, place_all, resolve_parents
from viewer.places.links import StoryPlace, StoryPlaces, page_links, story_places
from viewer.places.recognize import find_places

__all__ = [
    "Placement",
    "StoryPlace",
    "StoryPlaces",
    "TreeNode",
    "build_tree",
    "find_places",
    "page_links",
    "place_all",
    "resolve_parents",
    "story_places",
]
