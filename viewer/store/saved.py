"""Saved searches: a name, the query text and its filters, kept in the archive database
(table `saved_searches`, schema m009). Counting their hits is the archive's business."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from sqlite_utils import Database


class SavedSearchError(ValueError):
    """A saved search that cannot be saved, renamed or deleted; one line saying why."""


@dataclass(frozen=True)
class SearchFilters:
    """The filters a search takes besides its text (see `Archive.search`)."""

    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kind: str | None = None


@dataclass
class SavedSearch:
    name: str
    query: str
    filters: SearchFilters = field(default_factory=SearchFilters)
    created_at: str = ""
    hits: int | None = None  # stories it finds now; None when the query no longer parses
    error: str = ""  # why it finds nothing (the query's problem), "" when it is fine


def _name(name: str) -> str:
    name = name.strip()
    if not name:
        raise SavedSearchError("检索名称不能为空")
    return name


def save(db: Database, name: str, query: str, filters: SearchFilters) -> SavedSearch:
    """Store a new saved search; raises SavedSearchError if one has that name."""
    name = _name(name)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    row = {
        "name": name,
        "query": query,
        "filters": json.dumps(asdict(filters), ensure_ascii=False),
        "created_at": created,
    }
    try:
        with db.atomic():
            db.table("saved_searches").insert(row)
    except sqlite3.IntegrityError:
        raise SavedSearchError(f"已有名为“{name}”的检索") from None
    return SavedSearch(name, query, filters, created)


def saved(db: Database) -> list[SavedSearch]:
    """Every saved search, by name, without hit counts."""
    sql = "select name, query, filters, created_at from saved_searches order by name"
    return [
        SavedSearch(name, query, SearchFilters(**json.loads(filters or "{}")), created or "")
        for name, query, filters, created in db.execute(sql)
    ]


def rename(db: Database, old: str, new: str) -> None:
    new = _name(new)
    try:
        with db.atomic():
            cursor = db.execute("update saved_searches set name = ? where name = ?", [new, old])
    except sqlite3.IntegrityError:
        raise SavedSearchError(f"已有名为“{new}”的检索") from None
    if cursor.rowcount == 0:
        raise SavedSearchError(f"没有名为“{old}”的检索")


def delete(db: Database, name: str) -> None:
    with db.atomic():
        cursor = db.execute("delete from saved_searches where name = ?", [name])
    if cursor.rowcount == 0:
        raise SavedSearchError(f"没有名为“{name}”的检索")
