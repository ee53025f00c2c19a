"""Read-only queries over the archive database, returning JSON-ready dicts.

These shapes are the command line's stable contract (`list`, `show`, `facts`); extra keys are fine,
renaming or removing one is not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from sqlite_utils import Database

from viewer.joints import joints
from viewer.store.packing import unpack, unpack_prefix

LABEL_CHARS = 24
# How facts.kind stores each kind (schema m005): never renumber one. The two commonest kinds
# have 0 and 1, which SQLite stores in no bytes at all.
FACT_KIND_CODES = {
    "place": 0,
    "quantity": 1,
    "organization": 2,
    "person": 3,
    "date": 4,
    "money": 5,
    "percent": 6,
    "phone": 7,
}
_FACT_KINDS = {code: kind for kind, code in FACT_KIND_CODES.items()}

# A headline-less story's label is kept in its own plain column (written with the story), so
# listing the archive never reads and decompresses every story's text.
_SUMMARY_SQL = """
select s.id, s.seq, s.kind, s.kicker, s.title, s.date, s.years,
       s.label, s.source_start, s.source_end, f.path, f.source, f.page
from stories s join files f on f.id = s.file_id
"""


def story_label(title: str, body: str) -> str:
    """What to call a story in a list: its headline, or the first words of a headline-less item."""
    if title:
        return title
    first = body.strip().split("\n", 1)[0]
    return first[:LABEL_CHARS] + ("…" if len(first) > LABEL_CHARS else "")


def _place_names(db: Database, story_ids: Sequence[int]) -> dict[int, list[str]]:
    """Place names per story: the places it is about first, then by how often they are named."""
    out: dict[int, list[str]] = {i: [] for i in story_ids}
    for chunk_start in range(0, len(story_ids), 500):
        chunk = story_ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"""select sp.story_id, p.name
                  from story_places sp join places p on p.id = sp.place_id
                  where sp.story_id in ({marks})
                  order by sp.story_id, sp.about desc, sp.count desc, p.name"""
        for story_id, name in db.execute(sql, list(chunk)):
            out[story_id].append(name)
    return out


def _summary(row: tuple, places: list[str]) -> dict:
    (sid, seq, kind, kicker, title, date, years, label, start, end, path, source, page) = row
    return {
        "id": sid,
        "title": title,
        "label": title or label or "",
        "kicker": kicker,
        "kind": kind,
        "date": date or None,
        "years": json.loads(years or "[]"),
        "source_file": path,
        "source": source,
        "page": page,
        "seq": seq,
        "source_start": start,
        "source_end": end,
        "places": places,
    }


def story_summaries(db: Database, story_ids: Iterable[int] | None = None) -> list[dict]:
    """Stories in source order (file path, then position on the page); all, or just `story_ids`."""
    if story_ids is None:
        rows = db.execute(_SUMMARY_SQL + " order by f.path, s.seq").fetchall()
    else:
        wanted = list(dict.fromkeys(story_ids))
        rows = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows += db.execute(_SUMMARY_SQL + f" where s.id in ({marks})", chunk).fetchall()
        rows.sort(key=lambda r: (r[10], r[1]))
    places = _place_names(db, [r[0] for r in rows])
    return [_summary(r, places[r[0]]) for r in rows]


def story_ids_for_places(db: Database, place_ids: Sequence[int]) -> list[int]:
    if not place_ids:
        return []
    marks = ",".join("?" * len(place_ids))
    sql = f"select distinct story_id from story_places where place_id in ({marks})"
    return [r[0] for r in db.execute(sql, list(place_ids))]


def story_detail(db: Database, story_id: int) -> dict | None:
    """One story with its text, original text, byline and facts."""
    row = db.execute(_SUMMARY_SQL + " where s.id = ?", [story_id]).fetchone()
    if row is None:
        return None
    detail = _summary(row, _place_names(db, [story_id])[story_id])
    extra = db.execute(
        """select s.subtitle, s.subheads, s.byline, s.credits, s.hidden, s.body, f.text
           from stories s join files f on f.id = s.file_id where s.id = ?""",
        [story_id],
    ).fetchone()
    subtitle, subheads, byline, credits, hidden, body, page_text = extra
    original = unpack_prefix(page_text, detail["source_end"])[detail["source_start"] :]
    detail.update(
        {
            "subtitle": subtitle,
            "subheads": json.loads(subheads or "[]"),
            "byline": byline,
            "credits": [{"name": n, "role": r} for n, r in json.loads(credits or "[]")],
            "body": unpack(body, original),
            "original": original,
            "hidden": json.loads(hidden or "[]"),
            "facts": facts(db, story_ids=[story_id]),
        }
    )
    return detail


def facts(
    db: Database, *, story_ids: Sequence[int] | None = None, kind: str | None = None
) -> list[dict]:
    """Facts as `{story, kind, text, value, unit, label, norm, start, end}`, in text order."""
    where, params = [], []
    if story_ids is not None:
        if not story_ids:
            return []
        where.append(f"story_id in ({','.join('?' * len(story_ids))})")
        params += list(story_ids)
    if kind:
        if kind not in FACT_KIND_CODES:
            return []
        where.append("kind = ?")
        params.append(FACT_KIND_CODES[kind])
    sql = """select story_id, kind, text, value, unit, label, coalesce(norm, text), start, end
             from facts"""
    if where:
        sql += " where " + " and ".join(where)
    sql += " order by story_id, coalesce(start, -1), end, n"
    keys = ("story", "kind", "text", "value", "unit", "label", "norm", "start", "end")
    return [
        dict(zip(keys, (story, _FACT_KINDS[code], *rest), strict=True))
        for story, code, *rest in db.execute(sql, params)
    ]


def index_rows(db: Database, story_ids: Iterable[int] | None = None) -> Iterator[tuple[int, dict]]:
    """(story id, indexed fields) for each story (all stories, or `story_ids`)."""
    sql = f"""select s.id, s.title, s.kicker, s.subtitle, s.kind, s.date, s.years, s.byline,
              s.credits, s.hidden, {_BODY_COLUMNS} from stories s"""
    if story_ids is None:
        rows: Iterable[tuple] = db.execute(sql + " order by s.id")
    else:
        ids = list(story_ids)
        rows = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows += db.execute(sql + f" where s.id in ({marks})", chunk).fetchall()
    pages = _PageTexts(db)
    for sid, title, kicker, subtitle, kind, date, years, byline, credits, hidden, *body in rows:
        text = pages.body(*body)
        original = pages.original(*body[1:])
        yield (
            sid,
            {
                "title": title,
                "kicker": kicker,
                "subtitle": subtitle,
                "body": text,
                "kind": kind,
                "date": date or "",
                "years": json.loads(years or "[]"),
                "byline": byline or "",
                "authors": [name for name, _role in json.loads(credits or "[]")],
                "joints": joints(
                    original, [kicker, title, subtitle, byline, text], json.loads(hidden or "[]")
                ),
            },
        )


# What `_PageTexts.body` needs to unpack a story's body: it was packed against its page's text.
_BODY_COLUMNS = "s.body, s.file_id, s.source_start, s.source_end"


class _PageTexts:
    """Unpacks story bodies, reading each page's text once for a run of stories from the same
    page (stories in id order come page by page). With `prefixes`, only the page's opening up
    to the first story's end is unpacked: stories in order of `source_end` descending per page
    need no more."""

    def __init__(self, db: Database, *, prefixes: bool = False) -> None:
        self.db = db
        self.prefixes = prefixes
        self.file_id: int | None = None
        self.text = ""

    def body(self, packed: str | bytes | None, file_id: int, start: int, end: int) -> str:
        if not isinstance(packed, bytes):
            return packed or ""
        return unpack(packed, self.original(file_id, start, end))

    def original(self, file_id: int, start: int, end: int) -> str:
        """The story's slice of its page's text."""
        if file_id != self.file_id or len(self.text) < end:
            row = self.db.execute("select text from files where id = ?", [file_id]).fetchone()
            page = row[0] if row else ""
            self.file_id = file_id
            self.text = unpack_prefix(page, end) if self.prefixes else unpack(page)
        return self.text[start:end]


def story_place_names(db: Database, story_ids: Sequence[int] | None = None) -> dict[int, list[str]]:
    """Place names per story, for all stories or just `story_ids` (for building index documents)."""
    if story_ids is not None:
        return _place_names(db, story_ids)
    out: dict[int, list[str]] = {}
    sql = """select sp.story_id, p.name from story_places sp join places p on p.id = sp.place_id
             order by sp.story_id, sp.about desc, sp.count desc, p.name"""
    for sid, name in db.execute(sql):
        out.setdefault(sid, []).append(name)
    return out


def story_place_pairs(db: Database) -> Iterator[tuple[int, str]]:
    """(story id, place name) of every link between a story and a place (search facets)."""
    sql = """select sp.story_id, p.name from story_places sp join places p on p.id = sp.place_id"""
    yield from db.execute(sql)


def bodies(db: Database, story_ids: Sequence[int]) -> dict[int, str]:
    """The cleaned text of the given stories (search snippets)."""
    out: dict[int, str] = {}
    pages = _PageTexts(db, prefixes=True)
    for i in range(0, len(story_ids), 500):
        chunk = list(story_ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        sql = f"select s.id, {_BODY_COLUMNS} from stories s where s.id in ({marks})"
        rows = db.execute(sql + " order by s.file_id, s.source_end desc", chunk)
        out.update((sid, pages.body(*body)) for sid, *body in rows)
    return out


def bylines(db: Database, story_ids: Sequence[int]) -> dict[int, str]:
    """The printed bylines of the given stories (search results mark hits in them)."""
    out: dict[int, str] = {}
    for i in range(0, len(story_ids), 500):
        chunk = list(story_ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        sql = f"select id, byline from stories where id in ({marks})"
        out.update((sid, byline or "") for sid, byline in db.execute(sql, chunk))
    return out


def story_count(db: Database) -> int:
    return db.execute("select count(*) from stories").fetchone()[0]


def date_span(db: Database) -> tuple[str, str] | None:
    """The earliest and latest story date (ISO), or None when no story has a date.

    Only `stories.date` counts: the date filter never shows an undated story, even one whose text
    mentions years, so those years would only widen the filter's range past anything it can find.
    Two subqueries so that each is a single seek in the index on stories(date)."""
    first, last = db.execute(
        "select (select min(date) from stories where date > ''),"
        " (select max(date) from stories where date > '')"
    ).fetchone()
    return (first, last) if first else None
