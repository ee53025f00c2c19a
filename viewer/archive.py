"""Use cases over one archive folder: import, reanalyse, reindex, check, search, browse.

An `Archive` joins the store (SQLite, the source of truth), the search index (derived,
rebuildable) and the per-file analysis. It belongs to one thread. Progress and cancellation are
plain callables so the command line, the GUI and tests can all drive the same code.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from viewer.analysis import (
    ANALYSIS_VERSION,
    AnalyzedPage,
    Rejection,
    analyze_and_prepare,
    index_doc,
    prepare_page,
)
from viewer.ingest import find_page_files, page_from_text
from viewer.model import PageMeta, ParsedPage, PlaceLink
from viewer.places import TreeNode, build_tree, divisions, place_all
from viewer.search import IndexDoc, QueryError, SearchIndex, make_snippet, parse_query
from viewer.store import Store, queries
from viewer.store.store import WriteResult
from viewer.text import is_encodable

INDEX_DIR = "index"
# Commit the index every this many stories during an import: whoosh spills its in-memory
# posting pool to pickled temporary runs once it grows past `limitmb`, which is far slower
# than writing a segment and letting the merge policy combine segments later.
INDEX_COMMIT_STORIES = 3000
INDEX_DIRTY = "index_dirty"
HOME = "home_region"  # meta key: the code of the region the user set (see set_home_region)
# Meta key: the ANALYSIS_VERSION every stored file was read with (missing: an older reading).
ANALYSIS_KEY = "analysis_version"
# Below this many files, starting worker processes (each imports the analysis and loads jieba,
# about 1.5 s) costs more than it saves (measured: 100 files of 3k characters, 2 cores).
PARALLEL_MIN_FILES = 200


@dataclass
class ImportProgress:
    done: int  # files finished (imported, unchanged or skipped)
    total: int
    stories: int  # stories written so far
    path: str  # the file just finished


@dataclass
class ImportReport:
    files: int = 0  # page files found
    imported: int = 0  # new or changed files written
    replaced: int = 0  # of those, files that replaced an earlier version
    unchanged: int = 0  # content already in the archive
    stories: int = 0
    skipped: list[Rejection] = field(default_factory=list)
    cancelled: bool = False


@dataclass
class ReanalyseReport:
    files: int = 0  # files stored when the run began
    done: int = 0  # files read again
    stories_before: int = 0
    stories_after: int = 0
    cancelled: bool = False


@dataclass
class CheckReport:
    stories: int
    indexed: int
    missing: list[int]  # in the database, not in the index
    extra: list[int]  # in the index, not in the database
    stale: list[int]  # in both, but the index holds an older version
    interrupted: bool  # an index update was cut off before its commit

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale or self.interrupted)


class RegionError(ValueError):
    """A home region name that names no division, or several."""


def region_label(code: str) -> str:
    """A division with its ancestors, province first: 浙江省金华市义乌市."""
    div = divisions.load()
    path = [*reversed(div.ancestors(code)), code]
    return "".join(div.key(c)[0] for c in path)


ProgressFn = Callable[[ImportProgress], None]
CancelFn = Callable[[], bool]


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Archive:
    """One archive folder: `archive.db` plus the `index/` folder beside it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.store = Store(root)
        self._index: SearchIndex | None = None
        self._index_verified = False  # repair_index ran since this Archive opened

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex.open(self.root / INDEX_DIR)
        return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- import -----------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[Path],
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
        workers: int | None = None,
    ) -> ImportReport:
        """Import page files and folders. Each file is one transaction: an interruption leaves
        only whole files. Bad files are reported and skipped; the others still import."""
        self.repair_index()
        # Only an archive whose every file is read the current way may say so afterwards: new
        # files added to an old archive leave the old ones to `reanalyse`.
        current = not self.needs_reanalysis()
        report = ImportReport()
        given = list(paths)
        missing = [p for p in given if not p.exists()]
        for p in missing:
            report.skipped.append(Rejection(str(p), "missing", "文件或文件夹不存在"))
        files = find_page_files(p for p in given if p.exists())
        report.files = len(files)
        todo: list[str] = []
        for path in files:
            sha = _sha256(path)
            if sha is not None and self.store.has_content(sha):
                report.unchanged += 1
            else:
                todo.append(str(path.resolve()))
        done = report.unchanged
        uncommitted = 0
        try:
            for result in self._analyze(todo, workers, cancel):
                if isinstance(result, Rejection):
                    report.skipped.append(result)
                    self.store.record_error(result.path, result.code, result.message)
                else:
                    uncommitted += self._write(result, report)
                    if uncommitted >= INDEX_COMMIT_STORIES:
                        self.index.commit()
                        uncommitted = 0
                done += 1
                if progress:
                    progress(ImportProgress(done, report.files, report.stories, result.path))
            report.cancelled = bool(cancel and cancel() and done < report.files)
        finally:
            self._finish_writes()
            if current:
                self.store.set_meta(ANALYSIS_KEY, str(ANALYSIS_VERSION))
        return report

    def _analyze(
        self, todo: list[str], workers: int | None, cancel: CancelFn | None
    ) -> Iterator[AnalyzedPage | Rejection]:
        if workers is None:
            # One worker per core: the writer mostly waits for them (the analysis, including
            # jieba for the index, is about 70% of the work).
            workers = (os.cpu_count() or 1) if len(todo) >= PARALLEL_MIN_FILES else 0
        if workers <= 0:
            for path in todo:
                if cancel and cancel():
                    return
                yield analyze_and_prepare(path)
            return
        # spawn, not fork: the GUI process has threads, and fork would copy their locks.
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            pending = [pool.submit(analyze_and_prepare, path) for path in todo]
            try:
                for future in pending:
                    if cancel and cancel():
                        return
                    yield future.result()
            finally:
                for future in pending:
                    future.cancel()

    def _write(self, page: AnalyzedPage, report: ImportReport) -> int:
        """Store one page and queue its index documents; returns how many stories it added."""
        result = self._store_page(page)
        report.imported += 1
        report.replaced += bool(result.removed)
        report.stories += len(result.added)
        return len(result.added)

    def _store_page(self, page: AnalyzedPage, imported_at: str | None = None) -> WriteResult:
        """Store one page (replacing the file at its path) and queue the index changes. The
        index stays marked dirty until `_finish_writes` commits it."""
        if self.store.get_meta(INDEX_DIRTY) is None:
            self.store.set_meta(INDEX_DIRTY, "1")
        result = self.store.write_page(page.record, imported_at=imported_at)
        if result.removed:
            self.index.delete(result.removed)
        self.index.add(
            prepared.with_id(story_id)
            for story_id, prepared in zip(result.added, page.prepared, strict=True)
        )
        return result

    # -- reanalysis ---------------------------------------------------------------------------

    def needs_reanalysis(self) -> bool:
        """True when the archive holds files read by an older page reading than today's."""
        if self.store.file_count() == 0:
            return False
        stored = self.store.get_meta(ANALYSIS_KEY)
        try:
            return stored is None or int(stored) < ANALYSIS_VERSION
        except ValueError:
            return True

    def reanalyse(
        self, *, progress: ProgressFn | None = None, cancel: CancelFn | None = None
    ) -> ReanalyseReport:
        """Read every stored page again, from its stored text and metadata (the original files
        are not needed), and replace its stories, facts, places and index documents with what
        a fresh import would store. Each file is one transaction, so cancelling or an
        interruption leaves whole files; story ids change."""
        self.repair_index()
        paths = self.store.file_paths()
        report = ReanalyseReport(files=len(paths))
        report.stories_before = queries.story_count(self.store.db)
        written = uncommitted = 0
        try:
            for path in paths:
                if cancel and cancel():
                    report.cancelled = True
                    break
                row = self.store.stored_file(path)
                if row is None:  # gone since the list was read (cannot happen with one writer)
                    continue
                analysed = prepare_page(_stored_page(row), row["size"])
                added = len(self._store_page(analysed, row["imported_at"]).added)
                written += added
                uncommitted += added
                if uncommitted >= INDEX_COMMIT_STORIES:
                    self.index.commit()
                    uncommitted = 0
                report.done += 1
                if progress:
                    progress(ImportProgress(report.done, report.files, written, path))
        finally:
            self._finish_writes()
        report.stories_after = queries.story_count(self.store.db)
        if not report.cancelled:
            self.store.set_meta(ANALYSIS_KEY, str(ANALYSIS_VERSION))
        return report

    def _finish_writes(self) -> None:
        """Re-derive the place hierarchy and commit the index once for the whole batch."""
        if self.store.get_meta(INDEX_DIRTY) is None:
            return
        self.refresh_hierarchy()
        self.index.commit()
        self.store.set_meta(INDEX_DIRTY, None)

    def _docs(self, story_ids: Sequence[int] | None) -> Iterator[IndexDoc]:
        db = self.store.db
        names = queries.story_place_names(db, story_ids)
        for story_id, fields in queries.index_rows(db, story_ids):
            yield index_doc(story_id, fields, names.get(story_id, []))

    def refresh_hierarchy(self) -> None:
        """Choose every place's division and parent from the stored evidence (see
        `viewer.places.hierarchy.place_all`) and store them."""
        links = [
            PlaceLink(child=c, parent=p, weight=w, reason=r, code=code)
            for c, p, w, r, code in self.store.place_links()
        ]
        stories = self.store.stories_by_place()
        placement = place_all(self.store.place_keys(), links, stories, self.store.get_meta(HOME))
        self.store.set_placement(placement.parents, placement.codes, placement.levels)

    # -- home region ------------------------------------------------------------------------

    def home_region(self) -> tuple[str | None, bool]:
        """(code, set_by_user) of the region ambiguous place names are read in: the one set with
        `set_home_region`, else the prefecture the archive's stories name most (None if none)."""
        given = self.store.get_meta(HOME)
        if given is not None:
            return given, True
        links = [
            PlaceLink(child=c, parent=p, weight=w, reason=r, code=code)
            for c, p, w, r, code in self.store.place_links()
        ]
        stories = self.store.stories_by_place()
        return place_all(self.store.place_keys(), links, stories).home, False

    def set_home_region(self, name: str | None) -> str | None:
        """Set the home region by name (贵阳市, 贵阳, 义乌市) or code, or clear it (None), and
        re-derive the hierarchy. Returns the code set. Raises RegionError when the name is no
        division of level 1-3 or stands for several (their names are in the message)."""
        code = None
        if name is not None:
            found = divisions.load().resolve_region(name)
            if not found:
                raise RegionError(f"没有名为“{name}”的省、市、县级行政区")
            if len(found) > 1:
                raise RegionError(f"“{name}”有多个：" + "、".join(region_label(c) for c in found))
            code = found[0]
        self.store.set_meta(HOME, code)
        self.refresh_hierarchy()
        return code

    # -- index upkeep -----------------------------------------------------------------------

    def reindex(self) -> int:
        """Rebuild the search index from the database; returns the number of stories indexed."""
        self.store.set_meta(INDEX_DIRTY, "1")
        self.index.clear()
        count = 0
        batch: list[IndexDoc] = []
        for doc in self._docs(None):
            batch.append(doc)
            if len(batch) >= 1000:
                self.index.add(batch)
                count += len(batch)
                batch = []
        self.index.add(batch)
        count += len(batch)
        self.index.commit()
        self.store.set_meta(INDEX_DIRTY, None)
        return count

    def repair_index(self) -> bool:
        """Rebuild the index if an earlier update was interrupted, or if it was replaced (a new
        index format starts empty). Returns True if it did."""
        self._index_verified = True
        interrupted = self.store.get_meta(INDEX_DIRTY) is not None
        if not interrupted and self.index.count() == queries.story_count(self.store.db):
            return False
        self.refresh_hierarchy()
        self.reindex()
        return True

    def check(self) -> CheckReport:
        """Compare the database with the index, story by story."""
        interrupted = self.store.get_meta(INDEX_DIRTY) is not None
        expected = {doc.story_id: doc.rev for doc in self._docs(None)}
        actual = self.index.revisions()
        return CheckReport(
            stories=len(expected),
            indexed=len(actual),
            missing=sorted(set(expected) - set(actual)),
            extra=sorted(set(actual) - set(expected)),
            stale=sorted(i for i in expected.keys() & actual.keys() if expected[i] != actual[i]),
            interrupted=interrupted,
        )

    # -- reading ----------------------------------------------------------------------------

    def places_named(self, name: str) -> list[int]:
        """The places called `name`, or that `name` stands for (贵州 -> 贵州省, 宣武区 -> 西城区),
        else those whose name starts with it."""
        if not is_encodable(name):
            raise QueryError("地名里有无法识别的字符")
        named = self.store.places_named(name)
        if named and self.store.place_exists(name):
            return named  # a name from the tree: the gazetteer (~0.5 s to load) is not needed
        return self.store.places_named(name, divisions.load().keys_named(name))

    def place_ids(self, name: str) -> list[int]:
        """The places called `name` (see `places_named`) and everything under them."""
        return self.store.subtree(self.places_named(name))

    def stories(self, place: str | None = None) -> list[dict]:
        if place is None:
            return queries.story_summaries(self.store.db)
        ids = queries.story_ids_for_places(self.store.db, self.place_ids(place))
        return queries.story_summaries(self.store.db, ids)

    def story(self, story_id: int) -> dict | None:
        return queries.story_detail(self.store.db, story_id)

    def facts(
        self, *, story: int | None = None, place: str | None = None, kind: str | None = None
    ) -> list[dict]:
        ids: list[int] | None = None
        if story is not None:
            ids = [story]
        elif place is not None:
            ids = queries.story_ids_for_places(self.store.db, self.place_ids(place))
        return queries.facts(self.store.db, story_ids=ids, kind=kind)

    def tree(self) -> list[TreeNode]:
        return build_tree(self.store.parents(), self.store.stories_by_place())

    def search(
        self,
        text: str,
        *,
        place: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kind: str | None = None,
        limit: int = 50,
    ) -> list[dict]:
        """Search results best first. Dates are read as the query box reads them (2020, 2020-03,
        2020-03-05 ...), `limit` is 1..MAX_LIMIT, `kind` a STORY_KINDS key or its Chinese name;
        `snippet` marks hits with ** (the story's own `*` and `\\` escaped, see `mark`) and
        `snippet_hits` are [start, end) offsets into `snippet_text`. The keys:
        `{id, title, label, kind, places, date, score, snippet,
        snippet_text, snippet_hits}`. Raises search.QueryError for a query it cannot use."""
        if not self._index_verified:
            self.repair_index()
        parsed = parse_query(text)
        wanted_places = ([place] if place else []) + list(parsed.places)
        place_names = None
        if wanted_places:
            ids = [i for name in wanted_places for i in self.place_ids(name)]
            place_names = self.store.place_names(ids) or list(wanted_places)
        hits = self.index.search(
            parsed,
            limit=limit,
            place_names=place_names,
            date_from=date_from,
            date_to=date_to,
            kinds=[kind] if kind else None,
        )
        ids = [h.story_id for h in hits]
        summaries = {s["id"]: s for s in queries.story_summaries(self.store.db, ids)}
        bodies = queries.bodies(self.store.db, ids)
        results = []
        for hit in hits:
            summary = summaries.get(hit.story_id)
            if summary is None:  # index ahead of the database: `check` reports it
                continue
            text_, spans = make_snippet(bodies[hit.story_id], parsed.literals)
            results.append(
                {
                    "id": hit.story_id,
                    "title": summary["title"],
                    "label": summary["label"],
                    "kind": summary["kind"],
                    "places": summary["places"],
                    "date": summary["date"],
                    "score": round(hit.score, 4),
                    "snippet": mark(text_, spans),
                    "snippet_text": text_,
                    "snippet_hits": [list(s) for s in spans],
                }
            )
        return results


def mark(text: str, spans: Sequence[tuple[int, int]], before: str = "**", after: str = "**") -> str:
    """`text` with every span wrapped in markers (spans sorted, non-overlapping). Every `*` and
    `\\` of the text itself is escaped with a backslash (as in Markdown), so a `**` in a story
    can never be read as a marker: unescaped `**` are the markers and nothing else."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out += [_escape_marks(text[pos:start]), before, _escape_marks(text[start:end]), after]
        pos = end
    out.append(_escape_marks(text[pos:]))
    return "".join(out)


_MARK_ESCAPES = str.maketrans({"\\": "\\\\", "*": "\\*"})


def _escape_marks(text: str) -> str:
    return text.translate(_MARK_ESCAPES)


def _stored_page(row: dict) -> ParsedPage:
    """A stored file read again with today's page reading. Its stored date (from the sidecar,
    the file name or an older header reading) is the metadata date; the header line still wins,
    as on import."""
    meta = PageMeta(source=row["source"] or "", date=row["date"] or "", page=row["page"] or "")
    return page_from_text(
        row["path"], row["text"], sha256=row["sha256"], encoding=row["encoding"] or "", meta=meta
    )


def ensure_seeded(archive: Archive, seeds: Path) -> ImportReport | None:
    """Build the archive from the bundled sample pages if it holds no files yet."""
    if archive.store.file_count() > 0:
        return None
    return archive.import_paths([seeds])
