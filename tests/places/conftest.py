"""Helpers for the place tests: a crude page splitter that does not depend on ingest."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest

from viewer.places import StoryPlaces, TreeNode, find_places

_SENTENCE_END = re.compile(r"[。！？；…!?;,，、]$")


def _is_heading(paragraph: str) -> bool:
    return len(paragraph) <= 45 and not _SENTENCE_END.search(paragraph)


def split_stories(text: str) -> list[tuple[str, str]]:
    """(heading, body) per story: blank lines separate paragraphs; a run of short paragraphs
    without a sentence end is a heading and starts a new story; the first line is a heading."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    stories: list[tuple[list[str], list[str]]] = []
    for index, paragraph in enumerate(paragraphs):
        if index == 0 or _is_heading(paragraph):
            if stories and not stories[-1][1]:
                stories[-1][0].append(paragraph)  # kicker + title + subtitle
            else:
                stories.append(([paragraph], []))
        else:
            stories[-1][1].append(paragraph)
    return [(" ".join(head), "\n".join(body)) for head, body in stories]


def story_places_of(heading: str, body: str) -> StoryPlaces:
    return StoryPlaces(heading=find_places(heading), body=find_places(body), body_text=body)


@pytest.fixture
def split_page() -> Callable[[str], list[StoryPlaces]]:
    """A page's text -> StoryPlaces per story, in page order."""

    def split(text: str) -> list[StoryPlaces]:
        return [story_places_of(h, b) for h, b in split_stories(text)]

    return split


def walk(
    nodes: list[TreeNode], path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], TreeNode]]:
    """Every node of a place tree with the names on the way to it, depth first."""
    for node in nodes:
        yield (*path, node.name), node
        yield from walk(node.children, (*path, node.name))


def path_to(roots: list[TreeNode], name: str) -> tuple[str, ...]:
    """The names from the root down to the one node called `name` (there must be exactly one)."""
    (path,) = [path for path, node in walk(roots) if node.name == name]
    return path


def find_node(roots: list[TreeNode], name: str) -> TreeNode:
    (node,) = [node for _, node in walk(roots) if node.name == name]
    return node
