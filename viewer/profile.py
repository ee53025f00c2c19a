"""A place's profile: what the archive says about one place, gathered from its stories.

Owns the grouping rules (households, residents, party members, money, facilities, people,
organizations) and the stories-per-year timeline. Every item keeps the story it came from so a
viewer can open it. Rules use units and generic vocabulary only, never particular names.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from viewer.model import NamedEntry, PlaceProfile, ProfileItem

if TYPE_CHECKING:  # the archive builds on this module (Archive.place_profile)
    from viewer.archive import Archive

__all__ = ["NamedEntry", "PlaceProfile", "ProfileItem", "place_profile", "story_year"]

HOUSEHOLD_UNITS = frozenset({"户"})
HEADCOUNT_UNITS = frozenset({"人", "名", "位"})
AREA_UNITS = frozenset({"平方米", "平米", "万平方米", "亩", "公顷"})
PARTY_WORD = "党员"
# A headcount is about residents when it has no label (一个社区"3100户9000余人") or names them.
RESIDENT_WORDS = ("居民", "人口", "常住", "户籍", "住户", "群众", "村民")
# What a facility count's label ends with: 6个小区楼院, 1个服务中心, 2处活动场所.
FACILITY_ENDINGS = (
    "中心",
    "室",
    "站",
    "场所",
    "楼院",
    "小区",
    "楼栋",
    "馆",
    "书屋",
    "广场",
    "公园",
    "食堂",
    "餐厅",
    "阵地",
    "驿站",
    "幼儿园",
    "学校",
    "诊所",
    "卫生室",
    "车库",
    "停车场",
)


def story_year(story: dict) -> int | None:
    """The year a story is filed under on the timeline (see `PlaceProfile.timeline`)."""
    date = story.get("date") or ""
    if len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    years = story.get("years") or []
    return min(years) if years else None


def build_timeline(stories: list[dict]) -> tuple[list[tuple[int, int]], int]:
    """(year, story count) pairs ascending, and how many stories have no year."""
    years = Counter(story_year(s) for s in stories)
    undated = years.pop(None, 0)
    return sorted((year, n) for year, n in years.items() if year is not None), undated


def quantity_section(fact: dict) -> str | None:
    """Which profile section a quantity fact belongs to, or None for the rest."""
    unit, label = fact.get("unit") or "", fact.get("label") or ""
    if unit in HOUSEHOLD_UNITS:
        return "households"
    if unit in AREA_UNITS:
        return "facilities"
    if unit in HEADCOUNT_UNITS:
        if PARTY_WORD in label:
            return "party_members"
        if not label or any(word in label for word in RESIDENT_WORDS):
            return "residents"
        return None
    if label.endswith(FACILITY_ENDINGS):
        return "facilities"
    return None


def _entries(found: dict[str, tuple[list[str], list[int]]], labels: dict[int, str]) -> list:
    return [
        NamedEntry(name, tuple(roles), ids[0], labels.get(ids[0], ""), tuple(ids))
        for name, (roles, ids) in found.items()
    ]


def _note(found: dict, name: str, role: str, story_id: int) -> None:
    roles, ids = found.setdefault(name, ([], []))
    if role and role not in roles:
        roles.append(role)
    if story_id not in ids:
        ids.append(story_id)


def place_profile(archive: Archive, name: str) -> PlaceProfile | None:
    """The profile of the place called `name` (with everything under it), or None when the
    archive has no such place. A known place without stories gets an empty profile."""
    place_ids = archive.places_named(name)
    if not place_ids:
        return None
    row = archive.store.db.execute(
        "select name, kind from places where id = ?", [place_ids[0]]
    ).fetchone()
    stories = archive.stories(name)
    timeline, undated = build_timeline(stories)
    profile = PlaceProfile(
        name=row[0] if row else name,
        kind=row[1] if row else "",
        story_count=len(stories),
        timeline=timeline,
        undated=undated,
    )
    labels = {s["id"]: s["label"] for s in stories}
    facts = archive.facts(place=name)
    _group_figures(profile, facts, labels)
    _group_names(profile, facts, labels)
    return profile


def _group_figures(profile: PlaceProfile, facts: list[dict], labels: dict[int, str]) -> None:
    seen: set[tuple] = set()
    for fact in facts:
        section: str | None
        if fact["kind"] == "money":
            section = "money"
        elif fact["kind"] == "quantity":
            section = quantity_section(fact)
        else:
            continue
        # The same figure printed twice in one story (lead and summary) is one item.
        key = (fact["story"], fact["text"], fact["label"])
        if section is None or key in seen:
            continue
        seen.add(key)
        item = ProfileItem(
            text=fact["text"],
            label=fact["label"] or "",
            value=fact["value"],
            unit=fact["unit"] or "",
            story_id=fact["story"],
            story_label=labels.get(fact["story"], ""),
        )
        getattr(profile, section).append(item)
    profile.money_total = sum((item.value or 0.0 for item in profile.money), 0.0)


def _group_names(profile: PlaceProfile, facts: list[dict], labels: dict[int, str]) -> None:
    people: dict[str, tuple[list[str], list[int]]] = {}
    organizations: dict[str, tuple[list[str], list[int]]] = {}
    for fact in facts:
        name = fact["norm"] or fact["text"]
        # Facts without a position come from bylines and credits: the reporters, not the people
        # of the place.
        if fact["kind"] == "person" and fact["start"] is not None:
            _note(people, name, fact["label"] or "", fact["story"])
        elif fact["kind"] == "organization":
            _note(organizations, name, "", fact["story"])
    # Only people the text gives a role: bare names are too often passers-by or misreadings.
    profile.people = [e for e in _entries(people, labels) if e.roles]
    profile.organizations = _entries(organizations, labels)
