"""The place tree of the whole archive: choosing each place's division and parent, and laying
out the tree.

A division (a place the gazetteer knows) is placed by its code: the code its pages chose (see
`links`), else the one inside the archive's home region, else its only candidate; otherwise it
stays unresolved and hangs under "未归属". Every resolved division brings its ancestors, so the
tree always starts at provinces and municipalities. Communities and villages the gazetteer was
not asked about get their parent from summed link evidence ("adjacent", "page"). The story count
of each node covers everything under it; foreign places never reach the tree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from viewer.model import LEVEL_BY_KIND, PLACE_RANK, PlaceLink
from viewer.places import divisions

Key = tuple[str, str]

UNASSIGNED_KIND = "unassigned"
UNASSIGNED_STREETS = "未归属街道"  # communities of a city/district that no street claims
UNASSIGNED_ROOT = "未归属"  # places with no parent at all
_LOWEST_RANK = max(PLACE_RANK.values())
_TOP_KIND = "province"


@dataclass
class TreeNode:
    name: str
    kind: str  # a PLACE_KINDS value or "unassigned"
    count: int  # distinct stories linked to this node or anything under it
    children: list[TreeNode] = field(default_factory=list)
    key: Key | None = None  # (name, kind); None for the unassigned nodes


@dataclass
class Placement:
    """Where every place of the archive goes: its parent, its division and its level. Holds
    the ancestors the divisions brought along too (places no story names)."""

    parents: dict[Key, Key | None]
    codes: dict[Key, str | None]  # the chosen division; None: unresolved or unverified
    levels: dict[Key, int]
    home: str | None  # the home region's code the placement used (given or inferred)
    home_inferred: bool


def _rank(key: Key) -> int:
    return PLACE_RANK.get(key[1], _LOWEST_RANK)


def place_all(
    places: Iterable[Key],
    links: Iterable[PlaceLink],
    stories_by_place: Mapping[Key, Collection[int]],
    home: str | None = None,
) -> Placement:
    """Choose a division for every place the gazetteer knows and a parent for every place.

    `home` is the archive's home region (a code of level 1-3); without it the prefecture with
    the most stories among the places already decided by their pages is used."""
    div = divisions.load()
    places = list(places)
    links = list(links)
    candidates = {k: div.codes(k) for k in places}
    candidates = {k: codes for k, codes in candidates.items() if codes}
    votes: dict[Key, Counter[str]] = {}
    support: Counter[str] = Counter()  # a chosen division speaks for its ancestors too
    for link in links:
        codes = candidates.get(link.child)
        if link.reason != "code" or not codes or link.code not in codes:
            continue
        votes.setdefault(link.child, Counter())[link.code] += link.weight
        for ancestor in div.ancestors(link.code):
            support[ancestor] += link.weight
    chosen: dict[Key, str | None] = {}
    for key, codes in candidates.items():
        scores = {c: votes.get(key, Counter())[c] + support[c] for c in codes}
        best = max(scores.values())
        winners = sorted(c for c, score in scores.items() if score == best)
        if best > 0 and len(winners) == 1:
            chosen[key] = winners[0]
        elif len(codes) == 1:
            chosen[key] = codes[0]
    inferred = home is None
    if home is None:
        home = infer_home(chosen, stories_by_place)
    for key, codes in candidates.items():
        if key not in chosen:
            chosen[key] = _in_home(codes, home, div)
    return _arrange(places, links, candidates, chosen, div, home, inferred)


def infer_home(
    chosen: Mapping[Key, str | None], stories_by_place: Mapping[Key, Collection[int]]
) -> str | None:
    """The prefecture (or municipality) whose places the most stories name."""
    div = divisions.load()
    stories: dict[str, set[int]] = {}
    for key, code in chosen.items():
        named = stories_by_place.get(key)
        if code is not None and named:
            stories.setdefault(div.prefecture(code), set()).update(named)
    if not stories:
        return None
    return min(stories, key=lambda c: (-len(stories[c]), c))


def _in_home(codes: list[str], home: str | None, div: divisions.Divisions) -> str | None:
    """The one candidate inside the home region (or its prefecture, or its province)."""
    if home is None:
        return None
    regions = [home, div.prefecture(home), *div.ancestors(home)]
    for region in dict.fromkeys(regions):
        inside = [c for c in codes if c == region or div.contains(region, c)]
        if len(inside) == 1:
            return inside[0]
        if inside:
            return None  # several in the home region: the archive cannot tell
    return None


def _arrange(
    places: list[Key],
    links: list[PlaceLink],
    candidates: dict[Key, list[str]],
    chosen: dict[Key, str | None],
    div: divisions.Divisions,
    home: str | None,
    inferred: bool,
) -> Placement:
    parents: dict[Key, Key | None] = dict.fromkeys(places)
    codes: dict[Key, str | None] = dict.fromkeys(places)
    levels: dict[Key, int] = {}
    assigned = {k: c for k, c in chosen.items() if c is not None}
    queue = list(assigned)
    while queue:
        key = queue.pop()
        code = assigned[key]
        parents.setdefault(key, None)
        codes[key] = code
        levels[key] = div.level(code)
        for ancestor in div.ancestors(code):
            up = div.key(ancestor)
            if assigned.get(up, ancestor) != ancestor:
                continue  # that name stands for another division here: skip a level
            parents[key] = up
            if up not in assigned:
                assigned[up] = ancestor
                queue.append(up)
            break
    for key, options in candidates.items():
        levels.setdefault(key, div.level(options[0]))
    unverified = [k for k in places if k not in candidates]
    for key in unverified:
        levels[key] = LEVEL_BY_KIND.get(key[1], 5)
    evidence = [link for link in links if link.reason != "code" and link.child not in candidates]
    for key, parent in resolve_parents(unverified, evidence).items():
        parents[key] = parent
        if parent is not None and parent not in levels:
            levels[parent] = LEVEL_BY_KIND.get(parent[1], 5)
            parents.setdefault(parent, None)
            codes.setdefault(parent, None)
    return Placement(parents, codes, levels, home, inferred)


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
        best[link.parent] = max(best.get(link.parent, 0), link.strongest or link.weight)
    result: dict[Key, Key | None] = {}
    for place in places:
        sums = total.get(place, {})
        if not sums:
            result[place] = None
            continue
        best = strongest[place]
        result[place] = min(sums, key=lambda p: (-sums[p], -best[p], p))
    return result


def build_tree(
    parents: Mapping[Key, Key | None], stories_by_place: Mapping[Key, Collection[int]]
) -> list[TreeNode]:
    """The place forest: provinces and municipalities at the top, sorted by story count (desc)
    then name, and the "未归属" node last, holding every place without a parent that is not a
    province. A community/village whose parent is a province, city, district or county goes
    under that parent's "未归属街道" node."""
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
            (roots if key[1] == _TOP_KIND else orphans.children).append(node)
        elif low and _rank(parent) <= PLACE_RANK["county"]:
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


def _count(node: TreeNode, stories_by_place: Mapping[Key, Collection[int]]) -> set[int]:
    stories = set(stories_by_place.get(node.key, ())) if node.key is not None else set()
    for child in node.children:
        stories |= _count(child, stories_by_place)
    node.count = len(stories)
    return stories


def _sorted(nodes: list[TreeNode]) -> list[TreeNode]:
    for node in nodes:
        node.children = _sorted(node.children)
    return sorted(nodes, key=lambda n: (n.kind == UNASSIGNED_KIND, -n.count, n.name))
