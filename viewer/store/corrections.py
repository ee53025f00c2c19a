"""Corrections an archivist makes, kept beside the extracted data and applied again and again.

The extracted data (stories, their places and facts, the place tree) is rewritten whenever a
page is written again (a re-import, a reanalysis) and whenever the hierarchy is rebuilt. Each
correction is therefore a row of its own (schema m008) that is applied on top of what was
extracted: story corrections after their page is written (`apply_page`, which finds the story
again by its key, see story_keys), place corrections after the hierarchy is rebuilt
(`apply_places`). Each row remembers the extracted value it replaced (`previous`), refreshed on
every application, so undoing it restores what the analysis said.

One correction per target: correcting a title twice replaces the first correction, keeping
the extracted title as the one an undo brings back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from viewer.store.queries import FACT_KIND_CODES, bodies, story_label
from viewer.store.story_keys import StoryKey, page_story_keys, rematch

Key = tuple[str, str]  # a place: (name, kind)

# What a correction changes, and in which words a list shows it.
STORY_FIELDS = ("title", "date", "kind")
STORY_WHATS = (*STORY_FIELDS, "add_place", "remove_place", "reject_fact", "fix_fact")
PLACE_WHATS = ("rename_place", "merge_place", "move_place", "verify_place")
WHAT_NAMES = {
    "title": "标题",
    "date": "日期",
    "kind": "类型",
    "add_place": "添加地点",
    "remove_place": "去掉地点",
    "reject_fact": "删除要素",
    "fix_fact": "更正要素",
    "rename_place": "地点改名",
    "merge_place": "合并地点",
    "move_place": "移动地点",
    "verify_place": "核实地点",
}
_AMBIGUOUS = "有多个同名行政区，未能确定是哪一个"


@dataclass
class Correction:
    """One stored correction, as listed (`viewer corrections --json` prints these fields)."""

    id: int
    what: str  # a STORY_WHATS or PLACE_WHATS value
    story_id: int | None  # the story it applies to now; None for a place correction or orphan
    place_name: str | None  # the place corrected, added to or removed from the story
    place_kind: str | None
    target: dict | None  # a fact correction's fact: {"kind", "text"}
    value: object  # the new value (see the `correct_*` methods of Archive)
    previous: object  # the extracted value it replaced when last applied
    made_at: str
    orphaned: bool  # a story correction whose story is gone (it applies again if it returns)
    # A fact correction whose story no longer holds that fact (the analysis reads it otherwise
    # now): it changed nothing when last applied.
    unmatched: bool = False

    def describe(self) -> str:
        """One line saying what was corrected, in Chinese."""
        place = f"{self.place_name}（{self.place_kind}）" if self.place_name else ""
        value = self.value
        if self.what in STORY_FIELDS:
            text = f"{WHAT_NAMES[self.what]}改为“{value}”"
        elif self.what in ("add_place", "remove_place"):
            text = f"{WHAT_NAMES[self.what]} {place}"
        elif self.what == "reject_fact":
            text = f"删除要素“{(self.target or {}).get('text')}”"
        elif self.what == "fix_fact":
            new = value.get("text") if isinstance(value, dict) else value
            text = f"要素“{(self.target or {}).get('text')}”改为“{new}”"
        elif self.what == "rename_place":
            text = f"地点 {place} 改名为“{value}”"
        elif self.what == "merge_place":
            text = f"地点 {place} 并入 {_key_text(value)}"
        elif self.what == "move_place":
            text = f"地点 {place} 移到 {_key_text(value)} 之下"
        else:
            text = f"地点 {place} 已核实"
        if self.what in STORY_WHATS:
            story = "（已不在档案中）" if self.story_id is None else self.story_id
            text = f"稿件 {story}：{text}" + ("（稿件中已没有这个要素）" if self.unmatched else "")
        return text


def _key_text(value: object) -> str:
    if isinstance(value, list | tuple) and len(value) == 2:
        return f"{value[0]}（{value[1]}）"
    return str(value)


@dataclass
class _Row:
    id: int
    what: str
    story_id: int | None
    key: StoryKey | None
    place: Key | None
    target: dict | None
    value: object
    previous: object
    made_at: str


_COLUMNS = """id, what, story_id, page_sha256, story_seq, story_fingerprint, place_name,
              place_kind, target, value, previous, made_at"""


def _rows(db: Database, where: str = "", params: Iterable[object] = ()) -> list[_Row]:
    out = []
    for row in db.execute(f"select {_COLUMNS} from corrections {where}", list(params)):
        id_, what, story_id, sha, seq, fingerprint, name, kind, target, value, previous, at = row
        out.append(
            _Row(
                id=id_,
                what=what,
                story_id=story_id,
                key=StoryKey(sha, seq, fingerprint) if sha is not None else None,
                place=(name, kind) if name is not None else None,
                target=json.loads(target) if target else None,
                value=_loads(value),
                previous=_loads(previous),
                made_at=at,
            )
        )
    return out


def _loads(text: str | None) -> object:
    return None if text is None else json.loads(text)


def _dumps(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def listing(db: Database) -> list[Correction]:
    """Every stored correction, oldest first."""
    stories = {r[0] for r in db.execute("select story_id from corrections where story_id > 0")}
    alive = {
        r[0]
        for r in db.execute(
            f"select id from stories where id in ({','.join('?' * len(stories))})", list(stories)
        )
    }
    return [
        Correction(
            id=r.id,
            what=r.what,
            story_id=r.story_id if r.story_id in alive else None,
            place_name=r.place[0] if r.place else None,
            place_kind=r.place[1] if r.place else None,
            target=r.target,
            value=r.value,
            previous=r.previous,
            made_at=r.made_at,
            orphaned=r.what in STORY_WHATS and r.story_id not in alive,
            unmatched=r.what in ("reject_fact", "fix_fact") and r.previous == [],
        )
        for r in _rows(db, "order by id")
    ]


def get(db: Database, correction_id: int) -> _Row | None:
    rows = _rows(db, "where id = ?", [correction_id])
    return rows[0] if rows else None


def delete(db: Database, correction_id: int) -> None:
    db.execute("delete from corrections where id = ?", [correction_id])


def same_target(
    db: Database,
    what: str,
    *,
    story_id: int | None = None,
    place: Key | None = None,
    target: dict | None = None,
) -> _Row | None:
    """The stored correction of the same kind and target, if any (one correction per target)."""
    for row in _rows(db, "where what = ? order by id", [what]):
        if (
            (story_id is None or row.story_id == story_id)
            and (place is None or row.place == place)
            and (target is None or row.target == target)
        ):
            return row
    return None


def record(
    db: Database,
    what: str,
    *,
    story: tuple[int, StoryKey] | None = None,
    place: Key | None = None,
    target: dict | None = None,
    value: object = None,
) -> int:
    """Store a new correction (or replace the value of the one with the same target); returns
    its id. A story correction is applied here too (`apply_story`); a place correction is
    applied by `apply_places`, after the caller has rebuilt the hierarchy."""
    story_id = story[0] if story else None
    with db.atomic():
        existing = same_target(db, what, story_id=story_id, place=place, target=target)
        made_at = datetime.now(UTC).isoformat(timespec="seconds")
        if existing is not None:
            correction_id = existing.id
            db.execute(
                "update corrections set value = ?, made_at = ? where id = ?",
                [_dumps(value), made_at, correction_id],
            )
        else:
            key = story[1] if story else None
            inserted = db.execute(
                """insert into corrections (what, story_id, page_sha256, story_seq,
                       story_fingerprint, place_name, place_kind, target, value, made_at)
                   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    what,
                    None,  # set when applied
                    key.sha256 if key else None,
                    key.seq if key else None,
                    key.fingerprint if key else None,
                    place[0] if place else None,
                    place[1] if place else None,
                    _dumps(target),
                    _dumps(value),
                    made_at,
                ],
            ).lastrowid
            assert inserted is not None
            correction_id = inserted
        if story_id is not None:
            row = get(db, correction_id)
            assert row is not None
            if existing is not None:
                # Re-applied over the earlier correction: the extracted value stays the previous.
                _change_story(db, row, story_id)
            else:
                apply_story(db, row, story_id)
    return correction_id


# -- story corrections ------------------------------------------------------------------------


def apply_story(db: Database, row: _Row, story_id: int) -> None:
    """Apply a story correction to the story `story_id`, noting the value it replaces."""
    previous = _current(db, row, story_id)
    _change_story(db, row, story_id)
    db.execute(
        "update corrections set story_id = ?, previous = ? where id = ?",
        [story_id, _dumps(previous), row.id],
    )


def _current(db: Database, row: _Row, story_id: int) -> object:
    """What the story holds now of what `row` corrects (its `previous` once applied)."""
    if row.what in STORY_FIELDS:
        found = db.execute(f"select {row.what} from stories where id = ?", [story_id]).fetchone()
        return found[0] if found else None
    if row.what in ("add_place", "remove_place"):
        assert row.place is not None
        found = db.execute(
            """select sp.count, sp.about, sp.first from story_places sp
               join places p on p.id = sp.place_id
               where sp.story_id = ? and p.name = ? and p.kind = ?""",
            [story_id, *row.place],
        ).fetchone()
        return list(found) if found else None
    assert row.target is not None
    return [list(r) for r in _facts(db, story_id, row.target)]


def _facts(db: Database, story_id: int, target: dict) -> list[tuple]:
    return db.execute(
        """select n, text, value, norm from facts
           where story_id = ? and kind = ? and text = ? order by n""",
        [story_id, FACT_KIND_CODES[target["kind"]], target["text"]],
    ).fetchall()


def _change_story(db: Database, row: _Row, story_id: int) -> None:
    if row.what in STORY_FIELDS:
        set_story_field(db, story_id, row.what, str(row.value))
    elif row.what == "add_place":
        assert row.place is not None
        db.execute(
            """insert into story_places (story_id, place_id, count, about, first)
               values (?, ?, 0, 1, null)
               on conflict (story_id, place_id) do update set about = 1""",
            [story_id, place_id(db, *row.place, create=True)],
        )
    elif row.what == "remove_place":
        assert row.place is not None
        found = place_id(db, *row.place)
        if found is not None:
            db.execute(
                "delete from story_places where story_id = ? and place_id = ?", [story_id, found]
            )
    elif row.what == "reject_fact":
        assert row.target is not None
        db.execute(
            "delete from facts where story_id = ? and kind = ? and text = ?",
            [story_id, FACT_KIND_CODES[row.target["kind"]], row.target["text"]],
        )
    elif row.what == "fix_fact":
        assert row.target is not None and isinstance(row.value, dict)
        db.execute(
            """update facts set text = ?, norm = null, value = coalesce(?, value)
               where story_id = ? and kind = ? and text = ?""",
            [
                row.value["text"],
                row.value.get("value"),
                story_id,
                FACT_KIND_CODES[row.target["kind"]],
                row.target["text"],
            ],
        )


def set_story_field(db: Database, story_id: int, field: str, value: str) -> None:
    """Set a story's title, date or kind. A story left without a title is listed by the first
    words of its body, as on import."""
    assert field in STORY_FIELDS
    db.execute(f"update stories set {field} = ? where id = ?", [value, story_id])
    if field == "title":
        label = None if value else story_label("", bodies(db, [story_id]).get(story_id, ""))
        db.execute("update stories set label = ? where id = ?", [label, story_id])


def apply_page(db: Database, file_id: int) -> set[int]:
    """After a page file was written (again): apply the corrections of its stories to their new
    ids. Returns the stories changed. Corrections whose story the page no longer has stay
    stored, orphaned."""
    sha = db.execute("select sha256 from files where id = ?", [file_id]).fetchone()
    if sha is None:
        return set()
    rows = _rows(db, "where page_sha256 = ? order by id", [sha[0]])
    if not rows:
        return set()
    found = rematch([r.key for r in rows if r.key], page_story_keys(db, file_id))
    touched: set[int] = set()
    with db.atomic():
        for row in rows:
            story_id = found.get(row.key) if row.key else None
            if story_id is None or story_id == row.story_id:
                continue  # not on this page any more, or applied already
            apply_story(db, row, story_id)
            touched.add(story_id)
    return touched


def stray_pages(db: Database) -> list[int]:
    """Stored files holding the story of a story correction that does not apply to any story
    (its page was written but the corrections not applied: an interruption in between)."""
    sql = """select distinct f.id from corrections c join files f on f.sha256 = c.page_sha256
             where c.story_id is null or c.story_id not in (select id from stories)"""
    return [r[0] for r in db.execute(sql)]


# -- places -----------------------------------------------------------------------------------


def place_id(db: Database, name: str, kind: str, *, create: bool = False) -> int | None:
    found = db.execute("select id from places where name = ? and kind = ?", [name, kind]).fetchone()
    if found is not None:
        return found[0]
    if not create:
        return None
    return db.execute(
        "insert into places (name, kind, parent_id) values (?, ?, null)", [name, kind]
    ).lastrowid


def place_stories(db: Database, place: int) -> set[int]:
    return {
        r[0] for r in db.execute("select story_id from story_places where place_id = ?", [place])
    }


def apply_places(db: Database) -> set[int]:
    """Apply every place correction, oldest first, to the places as the hierarchy left them.
    Returns the stories whose place names changed (their index documents hold the names)."""
    touched: set[int] = set()
    with db.atomic():
        for row in _rows(db, "where what in ('rename_place', 'merge_place', 'move_place')"):
            assert row.place is not None
            src = place_id(db, *row.place)
            if src is None:
                continue
            if row.what == "move_place":
                assert isinstance(row.value, list)
                parent = place_id(db, *row.value)
                if parent is not None and src not in ancestors(db, parent) | {parent}:
                    db.execute("update places set parent_id = ? where id = ?", [parent, src])
                continue
            into = _destination(row)
            touched |= place_stories(db, src)
            dst = place_id(db, *into)
            if dst is None:
                db.execute(
                    "update places set name = ?, kind = ? where id = ?", [into[0], into[1], src]
                )
            elif dst != src:
                merge_rows(db, src, dst)
        # A place removed from a story comes back when a place the story names is merged into
        # it: removed again.
        sql = """select c.story_id, p.id from corrections c
                 join places p on p.name = c.place_name and p.kind = c.place_kind
                 where c.what = 'remove_place' and c.story_id in (select id from stories)"""
        for story_id, place in db.execute(sql).fetchall():
            sql = "delete from story_places where story_id = ? and place_id = ?"
            if db.execute(sql, [story_id, place]).rowcount:
                touched.add(story_id)
    return touched


def destinations(db: Database, correction_id: int) -> list[Key]:
    """The places a rename or merge sent a place to: the one it names, then whatever later
    renames and merges sent that one to (A -> B, then B -> C: B and C)."""
    row = get(db, correction_id)
    assert row is not None and row.place is not None
    chain = [_destination(row)]
    where = "where id > ? and what in ('rename_place', 'merge_place') order by id"
    later = _rows(db, where, [row.id])
    for other in later:
        if other.place == chain[-1]:
            chain.append(_destination(other))
    return chain


def _destination(row: _Row) -> Key:
    assert row.place is not None
    into = (row.value, row.place[1]) if row.what == "rename_place" else row.value
    assert isinstance(into, list | tuple)
    return (str(into[0]), str(into[1]))


def ancestors(db: Database, place: int) -> set[int]:
    sql = """with recursive up(id) as (
                select parent_id from places where id = ?
                union select p.parent_id from places p join up on p.id = up.id)
             select id from up where id is not null"""
    return {r[0] for r in db.execute(sql, [place])}


def merge_rows(db: Database, src: int, dst: int) -> None:
    """Make place `src` part of place `dst`: its stories, hierarchy evidence and children go to
    `dst`, which keeps its own parent and division (or takes those of `src` if it has none)."""
    db.execute(
        """insert into story_places (story_id, place_id, count, about, first)
           select story_id, ?, count, about, first from story_places where place_id = ? and true
           on conflict (story_id, place_id) do update set
               count = story_places.count + excluded.count,
               about = max(story_places.about, excluded.about),
               first = coalesce(min(story_places.first, excluded.first),
                                story_places.first, excluded.first)""",
        [dst, src],
    )
    db.execute("delete from story_places where place_id = ?", [src])
    db.execute("update place_links set child_id = ? where child_id = ?", [dst, src])
    db.execute("update place_links set parent_id = ? where parent_id = ?", [dst, src])
    db.execute("delete from place_links where child_id = parent_id")
    src_parent, src_code, src_level = db.execute(
        "select parent_id, code, level from places where id = ?", [src]
    ).fetchone()
    db.execute(
        """update places set parent_id = coalesce(parent_id, ?), code = coalesce(code, ?),
               level = coalesce(level, ?) where id = ?""",
        [src_parent, src_code, src_level, dst],
    )
    db.execute("update places set parent_id = ? where parent_id = ?", [dst, src])
    db.execute("update places set parent_id = null where id = ? and parent_id = id", [dst])
    db.execute("delete from places where id = ?", [src])


# -- places to review -------------------------------------------------------------------------


@dataclass
class PlaceReview:
    """A place the archive is unsure of, and why (`viewer review-places --json`)."""

    name: str
    kind: str
    parent: str | None  # the parent's name, None without one
    stories: int  # stories that name it
    reasons: list[str]  # in Chinese


def places_to_review(db: Database, codes_of: Callable[[Key], list[str]]) -> list[PlaceReview]:
    """The places the archive is unsure of, most stories first: several divisions of that name
    and none chosen, or a place the gazetteer does not know (a community or village known by
    its suffix only) with no parent, with a parent only the rest of its page suggests (not
    the text naming the two together), or with another parent nearly as well supported (half
    the summed weight of the chosen one, or more). Places marked verified are left out.
    `codes_of` gives a place's gazetteer candidates."""
    verified = {r.place for r in _rows(db, "where what = 'verify_place'")}
    names = {i: name for i, name in db.execute("select id, name from places")}
    weights: dict[int, dict[int, int]] = {}  # child -> parent -> summed weight
    reasons_for: dict[int, set[str]] = {}  # child -> the reasons of its chosen parent's links
    sql = """select l.child_id, l.parent_id, l.reason, sum(l.weight), c.parent_id
             from place_links l join places c on c.id = l.child_id
             where l.reason != 'code' group by l.child_id, l.parent_id, l.reason"""
    for child, parent, reason, weight, chosen in db.execute(sql):
        found = weights.setdefault(child, {})
        found[parent] = found.get(parent, 0) + weight
        if parent == chosen:
            reasons_for.setdefault(child, set()).add(reason)
    sql = """select p.id, p.name, p.kind, p.parent_id,
                    (select count(*) from story_places sp where sp.place_id = p.id)
             from places p where p.code is null"""
    out = []
    for place, name, kind, parent_id, stories in db.execute(sql):
        if (name, kind) in verified or not stories:
            continue
        if codes_of((name, kind)):
            out.append(PlaceReview(name, kind, names.get(parent_id), stories, [_AMBIGUOUS]))
            continue
        reasons = []
        if parent_id is None:
            reasons.append("没有找到上级地点")
        elif reasons_for.get(place, set()) <= {"page"}:
            reasons.append("上级地点只是根据同一版面推断")
        ranked = sorted(weights.get(place, {}).items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[1][1] * 2 >= ranked[0][1]:
            said = "、".join(f"{names.get(p)}（{w}）" for p, w in ranked[:3])
            reasons.append(f"上级地点说法不一：{said}")
        if reasons:  # else a community or village its text puts in its street or town
            reasons.insert(0, "行政区划表中没有这个地名")
            out.append(PlaceReview(name, kind, names.get(parent_id), stories, reasons))
    out.sort(key=lambda r: (-r.stories, r.name, r.kind))
    return out
