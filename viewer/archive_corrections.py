"""The archivist's corrections, as methods of `Archive` (mixed in): make one, list them, undo
one, and the review list of places the archive is unsure of.

Each correction is stored (see store.corrections) and applied at once, to the database and to
the story's index document; the archive applies it again whenever the data it corrects is
written anew: after a page is written (`_store_page`) and after the hierarchy is rebuilt
(`refresh_hierarchy`). Every change holds the archive's write lock.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from viewer.model import FACT_KINDS, PLACE_KINDS
from viewer.places import divisions
from viewer.search.query import KIND_ALIASES
from viewer.store import corrections as stored
from viewer.store.corrections import Correction, Key, PlaceReview
from viewer.store.story_keys import StoryKey, story_key
from viewer.text import is_encodable

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from contextlib import AbstractContextManager

    from viewer.analysis import AnalyzedPage
    from viewer.search import IndexDoc, SearchIndex
    from viewer.store import Store
    from viewer.store.store import WriteResult


class CorrectionError(ValueError):
    """A correction of something the archive does not hold, or a value it cannot take; the
    message (Chinese) names it."""


class ArchiveCorrections:
    """Corrections of stories, their places and facts, and of the place tree."""

    if TYPE_CHECKING:  # what the methods use of Archive
        store: Store

        @property
        def index(self) -> SearchIndex: ...
        def writing(self, action: str = ...) -> AbstractContextManager[None]: ...
        def refresh_hierarchy(self) -> None: ...
        def facts(self, *, story: int | None = None) -> list[dict]: ...
        def _docs(self, story_ids: Sequence[int] | None) -> Iterator[IndexDoc]: ...
        def _store_page(
            self, page: AnalyzedPage, imported_at: str | None = None
        ) -> WriteResult: ...
        def _batch_of_writes(self) -> AbstractContextManager[None]: ...

    # -- listing and undo -------------------------------------------------------------------

    def corrections(self) -> list[Correction]:
        """Every stored correction, oldest first; `orphaned` ones wait for their story."""
        return stored.listing(self.store.db)

    def undo_correction(self, correction_id: int) -> Correction:
        """Remove a correction and bring back what the analysis extracted (in the database and
        the index). Returns the correction as it was. A title, date or kind is put back in
        place; a story's places and facts, and a renamed or merged place, come back as the
        analysis reads the pages concerned again: their stories get new ids (see story_keys)."""
        with self.writing("撤销更正"):
            row = stored.get(self.store.db, correction_id)
            if row is None:
                raise CorrectionError(f"没有编号为 {correction_id} 的更正")
            undone = next(c for c in self.corrections() if c.id == correction_id)
            db = self.store.db
            renamed = row.what in ("rename_place", "merge_place")
            places = stored.destinations(db, correction_id) if renamed else []
            alive = undone.story_id
            with db.atomic():
                stored.delete(db, correction_id)
                if row.what in stored.STORY_FIELDS and alive is not None:
                    stored.set_story_field(db, alive, row.what, str(row.previous or ""))
            if row.what in stored.STORY_FIELDS:
                if alive is not None:
                    self._reindex_corrected([alive])
            elif row.what in stored.STORY_WHATS:
                # Places and facts come back as the analysis reads the page again.
                if alive is not None:
                    file_id = db.execute(
                        "select file_id from stories where id = ?", [alive]
                    ).fetchone()[0]
                    self._rewrite_pages([file_id])
            elif row.what in ("rename_place", "merge_place"):
                # The pages of the place it became (and became later on) are read again.
                pages = {f for place in places for f in self._pages_naming(place)}
                self._rewrite_pages(sorted(pages))
            else:  # a move, or a place marked verified
                self.refresh_hierarchy()
            return undone

    # -- stories ----------------------------------------------------------------------------

    def correct_title(self, story_id: int, title: str) -> Correction:
        """Give a story another title ("" for none: it is then listed by its first words)."""
        if not is_encodable(title):
            raise CorrectionError("标题里有无法识别的字符")
        # One line, as a headline is shown in lists and the reader's heading.
        return self._correct_story(story_id, "title", value=" ".join(title.splitlines()).strip())

    def correct_date(self, story_id: int, date: str) -> Correction:
        """Give a story another date: YYYY-MM-DD, or "" for none."""
        date = date.strip()
        if date:
            try:
                date = datetime.date.fromisoformat(date).isoformat()
            except ValueError:
                raise CorrectionError(
                    f"日期应写作 YYYY-MM-DD，如 2020-03-05，不能是“{date}”"
                ) from None
        return self._correct_story(story_id, "date", value=date)

    def correct_kind(self, story_id: int, kind: str) -> Correction:
        """Give a story another kind: a STORY_KINDS key or its Chinese name (简讯 ...)."""
        found = KIND_ALIASES.get(kind.strip().lower())
        if found is None:
            raise CorrectionError(f"没有“{kind}”这种稿件类型")
        return self._correct_story(story_id, "kind", value=found)

    def add_story_place(self, story_id: int, name: str, kind: str | None = None) -> Correction:
        """Say a story is about a place: one the archive holds (by name, and kind if several
        share the name), or a new one when `kind` is given."""
        with self.writing("更正"):
            place = self._place_key(name, kind, new_ok=kind is not None)
            self._story(story_id)
            opposite = stored.same_target(
                self.store.db, "remove_place", story_id=story_id, place=place
            )
            if opposite is not None:
                stored.delete(self.store.db, opposite.id)
            correction = self._correct_story(story_id, "add_place", place=place)
            self.refresh_hierarchy()  # a place new to the archive needs its parent
            return correction

    def remove_story_place(self, story_id: int, name: str, kind: str | None = None) -> Correction:
        """Say a story is not about a place the analysis found in it."""
        with self.writing("更正"):
            self._story(story_id)
            db = self.store.db
            named = db.execute(
                """select p.name, p.kind from story_places sp join places p on p.id = sp.place_id
                   where sp.story_id = ? and p.name = ?""",
                [story_id, name.strip()],
            ).fetchall()
            named = [tuple(r) for r in named if kind is None or r[1] == kind]
            if not named:
                raise CorrectionError(f"稿件 {story_id} 没有地点“{name}”")
            if len(named) > 1:
                raise CorrectionError(f"稿件 {story_id} 有多个“{name}”：请指明类型（--kind）")
            place = (named[0][0], named[0][1])
            opposite = stored.same_target(db, "add_place", story_id=story_id, place=place)
            if opposite is not None:
                stored.delete(db, opposite.id)
            correction = self._correct_story(story_id, "remove_place", place=place)
            self.refresh_hierarchy()  # the place may be named by no story any more
            return correction

    def reject_fact(self, story_id: int, text: str, kind: str | None = None) -> Correction:
        """Say the analysis was wrong to find a fact (every one of this text and kind in the
        story): it goes from the story's facts."""
        target = self._fact_target(story_id, text, kind)
        return self._correct_story(story_id, "reject_fact", target=target)

    def fix_fact(
        self,
        story_id: int,
        text: str,
        new_text: str,
        *,
        kind: str | None = None,
        value: float | None = None,
    ) -> Correction:
        """Correct the text (and, for amounts, the value) of a fact the analysis misread."""
        if not new_text.strip() or not is_encodable(new_text):
            raise CorrectionError("要素的新文字不能为空，也不能有无法识别的字符")
        target = self._fact_target(story_id, text, kind)
        return self._correct_story(
            story_id, "fix_fact", target=target, value={"text": new_text.strip(), "value": value}
        )

    # -- places -----------------------------------------------------------------------------

    def rename_place(self, name: str, new_name: str, kind: str | None = None) -> Correction:
        """Call a place by another name (of the same kind); if a place of that name and kind
        exists, the two become one."""
        new_name = new_name.strip()
        if not new_name or not is_encodable(new_name):
            raise CorrectionError("新地名不能为空，也不能有无法识别的字符")
        with self.writing("更正"):
            place = self._place_key(name, kind)
            if new_name == place[0]:
                raise CorrectionError(f"地点“{name}”已经叫这个名字")
            return self._correct_place("rename_place", place, new_name)

    def merge_place(
        self,
        name: str,
        into: str,
        *,
        kind: str | None = None,
        into_kind: str | None = None,
    ) -> Correction:
        """Make a place part of another (an OCR misreading, another name of the same place):
        its stories and children go to the place it is merged into."""
        with self.writing("更正"):
            place = self._place_key(name, kind)
            survivor = self._place_key(into, into_kind)
            if place == survivor:
                raise CorrectionError(f"不能把地点“{name}”并入它自己")
            return self._correct_place("merge_place", place, list(survivor))

    def move_place(
        self,
        name: str,
        parent: str,
        *,
        kind: str | None = None,
        parent_kind: str | None = None,
    ) -> Correction:
        """Put a place under another parent in the tree."""
        with self.writing("更正"):
            place = self._place_key(name, kind)
            above = self._place_key(parent, parent_kind)
            db = self.store.db
            place_id, parent_id = stored.place_id(db, *place), stored.place_id(db, *above)
            assert place_id is not None and parent_id is not None
            if parent_id == place_id or place_id in stored.ancestors(db, parent_id):
                raise CorrectionError(f"不能把地点“{name}”移到它自己或它下属的地点之下")
            return self._correct_place("move_place", place, list(above))

    def verify_place(self, name: str, kind: str | None = None) -> Correction:
        """Mark a place as checked: it leaves the review list."""
        with self.writing("更正"):
            return self._correct_place("verify_place", self._place_key(name, kind), None)

    def places_to_review(self) -> list[PlaceReview]:
        """The places whose division or parent the archive could not verify, most stories
        first, with the reasons (see store.corrections.places_to_review)."""
        db = self.store.db
        return stored.places_to_review(db, divisions.load().codes)

    # -- how corrections are applied --------------------------------------------------------

    def _correct_story(
        self,
        story_id: int,
        what: str,
        *,
        value: object = None,
        place: Key | None = None,
        target: dict | None = None,
    ) -> Correction:
        with self.writing("更正"):
            key = self._story(story_id)
            correction_id = stored.record(
                self.store.db, what, story=(story_id, key), place=place, target=target, value=value
            )
            self._reindex_corrected([story_id])
            return next(c for c in self.corrections() if c.id == correction_id)

    def _correct_place(self, what: str, place: Key, value: object) -> Correction:
        earlier = stored.same_target(self.store.db, what, place=place)
        correction_id = stored.record(self.store.db, what, place=place, value=value)
        try:
            self.refresh_hierarchy()  # applies it (see _apply_place_corrections)
        except BaseException:
            if earlier is None:  # a new correction is kept only if it could be applied
                stored.delete(self.store.db, correction_id)
            raise
        return next(c for c in self.corrections() if c.id == correction_id)

    def _apply_place_corrections(self) -> None:
        """After the hierarchy was rebuilt: apply the place corrections, and index the stories
        whose places were renamed or merged under their new names."""
        touched = stored.apply_places(self.store.db)
        if touched:
            self._reindex_corrected(sorted(touched))

    def _reapply_stray_corrections(self) -> None:
        """Apply the story corrections an interruption left unapplied (a page written, its
        corrections not yet): the index is repaired from the database afterwards."""
        for file_id in stored.stray_pages(self.store.db):
            stored.apply_page(self.store.db, file_id)

    def _reindex_corrected(self, story_ids: list[int]) -> None:
        """Replace the index documents of corrected stories, committed at once. The interrupted
        flag covers the update, unless a batch it belongs to already set it."""
        from viewer.archive import INDEX_DIRTY  # here: viewer.archive imports this module

        was_dirty = self.store.get_meta(INDEX_DIRTY) is not None
        if not was_dirty:
            self.store.set_meta(INDEX_DIRTY, "1")
        # A pending batch may hold these stories' documents (an import): committed first, so
        # the new documents replace them rather than join them.
        self.index.commit()
        self.index.add(self._docs(story_ids))
        self.index.commit()
        if not was_dirty:
            self.store.set_meta(INDEX_DIRTY, None)

    def _rewrite_pages(self, file_ids: list[int]) -> None:
        """Read stored pages again and write them as a reanalysis does (their stories get new
        ids, the remaining corrections are applied again), then rebuild the hierarchy."""
        from viewer.analysis import prepare_page
        from viewer.archive import _stored_page

        paths = [
            r[0]
            for r in self.store.db.execute(
                f"select path from files where id in ({','.join('?' * len(file_ids))})", file_ids
            )
        ]
        if not paths:
            self.refresh_hierarchy()
            return
        with self._batch_of_writes():
            for path in paths:
                row = self.store.stored_file(path)
                if row is not None:
                    self._store_page(
                        prepare_page(_stored_page(row), row["size"]), row["imported_at"]
                    )

    def _pages_naming(self, place: Key) -> list[int]:
        """The stored files whose stories or hierarchy evidence name a place."""
        found = stored.place_id(self.store.db, *place)
        if found is None:
            return []
        sql = """select file_id from stories where id in
                     (select story_id from story_places where place_id = ?)
                 union select file_id from place_links where child_id = ? or parent_id = ?"""
        return [r[0] for r in self.store.db.execute(sql, [found, found, found])]

    def _story(self, story_id: int) -> StoryKey:
        key = story_key(self.store.db, story_id)
        if key is None:
            raise CorrectionError(f"没有编号为 {story_id} 的稿件")
        return key

    def _place_key(self, name: str, kind: str | None, *, new_ok: bool = False) -> Key:
        """The place called `name` (of `kind`, when given). With `new_ok`, a place the archive
        does not hold yet (its kind must be given)."""
        name = name.strip()
        if kind is not None and kind not in PLACE_KINDS:
            raise CorrectionError(f"没有“{kind}”这种地点类型，可选：{'、'.join(PLACE_KINDS)}")
        if not name or not is_encodable(name):
            raise CorrectionError("地名不能为空，也不能有无法识别的字符")
        kinds = [
            r[0]
            for r in self.store.db.execute("select kind from places where name = ?", [name])
            if kind is None or r[0] == kind
        ]
        if not kinds:
            if new_ok and kind is not None:
                return (name, kind)
            raise CorrectionError(f"档案中没有地点“{name}”")
        if len(kinds) > 1:
            raise CorrectionError(
                f"有多个地点叫“{name}”（{'、'.join(kinds)}）：请指明类型（--kind）"
            )
        return (name, kinds[0])

    def _fact_target(self, story_id: int, text: str, kind: str | None) -> dict:
        self._story(story_id)
        if kind is not None and kind not in FACT_KINDS:
            raise CorrectionError(f"没有“{kind}”这种要素，可选：{'、'.join(FACT_KINDS)}")
        kinds = [
            fact["kind"]
            for fact in self.facts(story=story_id)
            if fact["text"] == text and (kind is None or fact["kind"] == kind)
        ]
        if not kinds:
            raise CorrectionError(f"稿件 {story_id} 没有要素“{text}”")
        if len(set(kinds)) > 1:
            raise CorrectionError(f"稿件 {story_id} 的“{text}”有多种要素：请指明类型（--kind）")
        return {"kind": kinds[0], "text": text}
