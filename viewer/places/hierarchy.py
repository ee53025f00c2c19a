"""The place tree of the whole archive: choosing each place's parent and laying out the tree.

Parents come from summed link evidence (see `links`); the tree shows city/district -> street/town
-> community/village, with the story count of each node covering everything under it.
Communities and villages that no street claims hang under an "unassigned" node.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from viewer.model import PLACE_RANK, PlaceLink

Key = tuple[str, str]

UNASSIGNED_KIND = "unassigned"
UNASSIGNED_STREETS = "未归属街道"  # communities of a city/district that no street claims
UNASSIGNED_ROOT = "未归属"  # communities and villages with no parent at all
_LOWEST_RANK = max(PLACE_RANK.values())


@dataclass
class TreeNode:
    name: str
    kind: str  # a PLACE_KINDS value or "unassigned"
    count: int  # distinct stories linked to this node or anything under it
    children: list[TreeNode] = field(default_factory=list)
    key: Key | None = None  # (name, kind); None for the unassigned nodes


def _rank(key: Key) -> int:
    return PLACE_RANK.get(key[1], _LOWEST_RANK)


def resolve_parents(places: Iterable[Key], links: Iterable[PlaceLink]) -> dict[Key, Key | None]:
    """Each place's parent: the candidate with the highest summed weight (ties: the strongest
    single piece of evidence, then name order); None without evidence. Links that do not point
    to a higher level are ignored, so the result never has a cycle."""
    total: dict[Key, dict[Key, int]] = {}
    strongest: dict[Key, dict[Key, int]] = {}
    for link in links:
        if link.child == link.parent or _rank(link.parent) >= _rank(link.child):
            continue
        sums = total.setdefault(link.child, {})
        sums[link.parent] = sums.get(link.parent, 0) + link.weight
        best = strongest.setdefault(link.child, {})
        best[link.parent] = max(best.get(link.parent, 0), link.weight)
    result: dict[Key, Key | None] = {}
    for place in places:
        sums = total.get(place)
        if not sums:
            result[place] = None
            continue
        best = strongest[place]
        result[place] = min(sums, key=lambda p: (-sums[p], -best[p], p))
    return result


def build_tree(
    parents: Mapping[Key, Key | None], stories_by_place: Mapping[Key, set[int]]
) -> list[TreeNode]:
    """The place forest. Roots and children are sorted by story count (desc) then name, with
    the unassigned nodes last. A community/village whose parent is a city/district/county goes
    under that parent's "未归属街道" node; one without a parent under the root "未归属" node."""
    keys = set(parents) | set(stories_by_place)
    keys |= {p for p in parents.values() if p is not None}
    parent_of = _acyclic({k: parents.get(k) for k in keys})
    nodes = {k: TreeNode(k[0], k[1], 0, [], k) for k in keys}
    roots: list[TreeNode] = []
    orphans = TreeNode(UNASSIGNED_ROOT, UNASSIGNED_KIND, 0, [], None)
    unassigned: dict[Key, TreeNode] = {}
    for key in sorted(keys):
        node, parent = nodes[key], parent_of[key]
        low = _rank(key) == _LOWEST_RANK
        if parent is None:
            (orphans.children if low else roots).append(node)
        elif low and _rank(parent) <= 1:
            holder = unassigned.get(parent)
            if holder is None:
                holder = TreeNode(UNASSIGNED_STREETS, UNASSIGNED_KIND, 0, [], None)
                unassigned[parent] = holder
                nodes[parent].children.append(holder)
            holder.children.append(node)
        else:
            nodes[parent].children.append(node)
    if orphans.children:
        roots.append(orphans)
    for root in roots:
        _count(root, stories_by_place)
    return _sorted(roots)


def _acyclic(parent_of: dict[Key, Key | None]) -> dict[Key, Key | None]:
    """Cut any cycle a caller's mapping may contain (resolve_parents never makes one)."""
    fixed = dict(parent_of)
    for start in fixed:
        seen = {start}
        node = start
        while (up := fixed.get(node)) is not None:
            if up in seen:
                fixed[node] = None
                break
            seen.add(up)
            node = up
    return fixed


def _count(node: TreeNode, stories_by_place: Mapping[Key, set[int]]) -> set[int]:
    stories = set(stories_by_place.get(node.key, ())) if node.key is not None else set()
    for child in node.children:
        stories |= _count(child, stories_by_place)
    node.count = len(stories)
    return stories


def _sorted(nodes: list[TreeNode]) -> list[TreeNode]:
    for node in nodes:
        node.children = _sorted(node.children)
    return sorted(nodes, key=lambda n: (n.kind == UNASSIGNED_KIND, -n.count, n.name))
