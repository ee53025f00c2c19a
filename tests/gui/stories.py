"""Hand-made story and fact dicts shaped like Archive.story(), for widget tests."""

from __future__ import annotations


def story_dict(body: str, facts: list[dict] | None = None, **extra: object) -> dict:
    """A hand-made story dict shaped like Archive.story()."""
    story = {
        "id": 1,
        "title": "乍浦镇 新建便民服务站",
        "label": "乍浦镇 新建便民服务站",
        "kicker": "",
        "subtitle": "",
        "subheads": [],
        "byline": "",
        "credits": [],
        "kind": "article",
        "date": None,
        "years": [],
        "source_file": "/tmp/pages/p1.txt",
        "source": "",
        "page": "",
        "places": [],
        "body": body,
        "original": body,
        "hidden": [],
        "facts": facts or [],
    }
    story.update(extra)
    return story


def fact_at(kind: str, body: str, text: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return {"story": 1, "kind": kind, "text": text, "start": start, "end": start + len(text)}
