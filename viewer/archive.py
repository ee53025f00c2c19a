"""Use cases over one archive folder: import, reanalyse, reindex, check, search, browse.

An `Archive` joins the store (SQLite, the source of truth), the search index (derived,
rebuildable) and the per-file analysis. It belongs to one thread. Progress and cancellation are
plain callables so the command line, the GUI and tests can all drive the same code.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from viewer.analysis import (
    ANALYSIS_VERSION,
    AnalyzedPage,
    FileWarning,
    Rejection,
    analyze_and_prepare,
    index_doc,
    prepare_page,
)
from viewer.model import PageMeta, ParsedPage
from viewer.places import TreeNode, build_tree, divisions, place_all
from viewer.search import (
    IndexDoc,
    ParsedQuery,
    QueryError,
    SearchIndex,
    make_snippet,
    parse_query,
)
from viewer.search.committed import open_committed
from viewer.search.index import remove_index
from viewer.search.snippet import find_all
from viewer.store import Store, queries
from viewer.store.store import WriteResult
from viewer.text import is_encodable, search_fold
from viewer.workers import run_in_workers
from viewer.writelock import ArchiveBusy, ArchiveReadOnly, Holder, WriteLock

INDEX_DIR = "index"
# Commit the index every this many stories during an import, or sooner when the batch holds
# enough postings (`SearchIndex.batch_is_full`): whoosh spills its in-memory posting pool to
# temporary runs once it grows past `limitmb`, far slower than writing a segment and letting
# the merge policy combine segments later.
# VIEWER_INDEX_COMMIT_STORIES overrides it (tests that kill an import inside its commits).
INDEX_COMMIT_STORIES = int(os.environ.get("VIEWER_INDEX_COMMIT_STORIES") or 3000)
INDEX_DIRTY = "index_dirty"
HOME = "home_region"  # meta key: the code of the region the user set (see set_home_region)
# Meta key: the ANALYSIS_VERSION every stored file was read with (missing: an older reading).
ANALYSIS_KEY = "analysis_version"
# Below this many files, starting worker processes (each imports the analysis and loads jieba,
# about 1.5 s) costs more than it saves (measured: 100 files of 3k characters, 2 cores).
PARALLEL_MIN_FILES = 200
# Stories handed to the index at a time while rebuilding or repairing it (one progress step).
INDEX_BATCH_STORIES = 200
# How long a writer waits for the write lock before saying who holds it: a reader holds it only
# for a moment (opening the index, checking it after a crash), a writer for the whole job.
LOCK_GRACE = 2.0


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
    unchanged: int = 0  # content already in the archive, or earlier in this run (duplicates)
    stories: int = 0
    skipped: list[Rejection] = field(default_factory=list)
    warnings: list[FileWarning] = field(default_factory=list)  # imported, with a caveat
    cancelled: bool = False
    # (file, the file found earlier in this run with the same bytes): stored once, not twice
    duplicates: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class RemoveReport:
    removed: list[tuple[str, int]] = field(default_factory=list)  # (stored path, its stories)
    missing: list[str] = field(default_factory=list)  # given paths the archive holds nothing of


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
    damage: list[str] = field(default_factory=list)  # the index's own files: one line each

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale or self.interrupted or self.damage)


class RegionError(ValueError):
    """A home region name that names no division, or several."""


def region_label(code: str) -> str:
    """A division with its ancestors, province first: 浙江省金华市义乌市."""
    div = divisions.load()
    path = [*reversed(div.ancestors(code)), code]
    return "".join(div.key(c)[0] for c in path)


ProgressFn = Callable[[ImportProgress], None]
CancelFn = Callable[[], bool]


def _writes(action: str) -> Callable:
    """Run the method holding the archive's write lock (see `Archive.writing`)."""

    def wrap(method: Callable) -> Callable:
        @functools.wraps(method)
        def locked(self: Archive, *args: object, **kwargs: object) -> object:
            with self.writing(action):
                return method(self, *args, **kwargs)

        return locked

    return wrap


def stored_path(path: Path) -> str:
    """How the archive records a page file's path: absolute, its folder's links resolved (the
    file itself may be a link, or gone)."""
    return str(path.absolute().parent.resolve() / path.name)


def _stored_under(given: Path, stored: list[str]) -> list[str]:
    """The stored paths `given` names: the file itself, or every file under a folder."""
    exact = {str(given), stored_path(given)}
    folder = str(given.absolute().resolve()) if given.is_dir() else None
    return [
        path
        for path in stored
        if path in exact or (folder is not None and path.startswith(folder.rstrip(os.sep) + os.sep))
    ]


def _sha256(path: Path) -> str | None:
    """The file's hash, read in chunks; None for a file the analysis will reject and explain (a
    pipe or device, which is never opened for reading, or one over the size cap)."""
    from viewer.ingest import MAX_BYTES  # the page reading: see `_stored_page`
    from viewer.ingest.files import sha256_bounded

    try:
        return sha256_bounded(path, MAX_BYTES)
    except OSError:
        return None


class Archive:
    """One archive folder: `archive.db` plus the `index/` folder beside it."""

    def __init__(self, root: Path, *, read_only: bool | None = None) -> None:
        self.root = root
        # Read-only (a read-only mount or share, unless told): browsing and searching only.
        self.store = Store(root, read_only=read_only)
        self.read_only = self.store.read_only
        self._index: SearchIndex | None = None
        self._index_verified = False  # repair_index ran since this Archive opened
        self._lock = WriteLock(root)
        self._writing_depth = 0  # nesting of `writing` (an import repairs the index first)

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = self._open_index()
        return self._index

    def _open_index(self) -> SearchIndex:
        # Opening may create or replace the index (missing, or of an older format): a writer's
        # job. While another process writes, read what it has committed and change nothing.
        path = self.root / INDEX_DIR
        if self.read_only:
            return SearchIndex.open(path, read_only=True)
        if self._writing_depth:
            return SearchIndex.open(path)
        try:
            with self.writing("打开索引", timeout=0):
                return SearchIndex.open(path)
        except ArchiveBusy:
            return open_committed(path)
        except ArchiveReadOnly:  # the lock file cannot be made: change nothing here either
            return SearchIndex.open(path, read_only=True)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        self.store.close()
        self._lock.release()

    @contextmanager
    def writing(
        self,
        action: str = "写入",
        *,
        timeout: float | None = LOCK_GRACE,
        on_wait: Callable[[Holder | None], None] | None = None,
    ) -> Iterator[None]:
        """Hold the archive's write lock: one writer at a time, across processes (and across
        the Archives of one process). Waits up to `timeout` seconds (None: until it is free,
        calling `on_wait` once), then raises ArchiveBusy saying who holds it. Nests."""
        if self._writing_depth == 0:
            self.store.require_writable(action)  # a read-only archive says why, not a lock error
            self._lock.action = action
            self._lock.acquire(timeout, on_wait)
        self._writing_depth += 1
        try:
            yield
        finally:
            self._writing_depth -= 1
            if self._writing_depth == 0:
                self._lock.release()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- import -----------------------------------------------------------------------------

    @_writes("导入")
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
        if current:  # before any file is written: a killed import still leaves it true
            self.store.set_meta(ANALYSIS_KEY, str(ANALYSIS_VERSION))
        report = ImportReport()
        given = list(paths)
        missing = [p for p in given if not p.exists()]
        for p in missing:
            report.skipped.append(Rejection(str(p), "missing", "文件或文件夹不存在"))
        from viewer.ingest import find_page_files  # see `_stored_page`

        files = find_page_files(p for p in given if p.exists())
        report.files = len(files)
        todo: list[str] = []
        first_with: dict[str, str] = {}  # content hash -> the file of this run that has it
        for path in files:
            sha = _sha256(path)
            if sha is not None and sha in first_with:
                report.unchanged += 1
                report.duplicates.append((str(path), first_with[sha]))
            elif sha is not None and self.store.has_content(sha):
                report.unchanged += 1
            else:
                if sha is not None:
                    first_with[sha] = str(path)
                # The folder resolved, the file itself not: a link is read and reported by the
                # name the user gave it (zero.txt, not /dev/zero).
                todo.append(stored_path(path))
        done = report.unchanged
        uncommitted = 0
        try:
            for result in self._analyze(todo, workers, cancel):
                if isinstance(result, Rejection):
                    report.skipped.append(result)
                    self.store.record_error(result.path, result.code, result.message)
                else:
                    uncommitted += self._write(result, report)
                    if uncommitted >= INDEX_COMMIT_STORIES or self.index.batch_is_full:
                        self.index.commit()
                        uncommitted = 0
                done += 1
                if progress:
                    progress(ImportProgress(done, report.files, report.stories, result.path))
            report.cancelled = bool(cancel and cancel() and done < report.files)
        except BaseException:
            self._abandon_writes()
            raise
        self._finish_writes()
        if report.imported:
            self.secure_writes()
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
        # Finishing the import (also after a Ctrl-C) places the new places in the hierarchy,
        # which needs the gazetteer (about a second to load): load it while the workers start.
        yield from run_in_workers(
            analyze_and_prepare, todo, workers, cancel, while_starting=divisions.load
        )

    def _write(self, page: AnalyzedPage, report: ImportReport) -> int:
        """Store one page and queue its index documents; returns how many stories it added."""
        result = self._store_page(page)
        for warning in page.warnings():
            report.warnings.append(warning)
            self.store.record_error(warning.path, warning.code, warning.message)
        report.imported += 1
        report.replaced += bool(result.removed)
        report.stories += len(result.added)
        return len(result.added)

    def _store_page(self, page: AnalyzedPage, imported_at: str | None = None) -> WriteResult:
        """Store one page (replacing the file at its path) and queue the index changes. The
        index stays marked dirty until `_finish_writes` commits it."""
        if self.store.get_meta(INDEX_DIRTY) is None:
            self.store.set_meta(INDEX_DIRTY, "1")
        result = self.store.write_page(page.record, imported_at=imported_at, packed=page.packed)
        if result.removed:
            self.index.delete(result.removed)
        self.index.add(
            prepared.with_id(story_id)
            for story_id, prepared in zip(result.added, page.prepared, strict=True)
        )
        return result

    # -- stored files ------------------------------------------------------------------------

    def files(self) -> list[dict]:
        """The stored page files, in import order (see `Store.files`)."""
        return self.store.files()

    @_writes("删除文件")
    def remove_files(self, paths: Iterable[Path | str]) -> RemoveReport:
        """Remove page files from the archive: their stories, facts, places and index entries
        go, nothing else. A path is a file as imported (it need not exist any more) or a folder,
        which removes every stored file under it. Each file is one transaction."""
        self.repair_index()
        stored = self.store.file_paths()
        report = RemoveReport()
        try:
            for given in paths:
                matches = _stored_under(Path(given), stored)
                if not matches:
                    report.missing.append(str(given))
                for path in matches:
                    if self.store.get_meta(INDEX_DIRTY) is None:
                        self.store.set_meta(INDEX_DIRTY, "1")
                    removed = self.store.remove_file(path)
                    self.index.delete(removed)
                    report.removed.append((path, len(removed)))
                    stored.remove(path)
        except BaseException:
            self._abandon_writes()
            raise
        self._finish_writes()
        if report.removed:
            self.secure_writes()
        return report

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

    @_writes("重新分析")
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
                if uncommitted >= INDEX_COMMIT_STORIES or self.index.batch_is_full:
                    self.index.commit()
                    uncommitted = 0
                report.done += 1
                if progress:
                    progress(ImportProgress(report.done, report.files, written, path))
        except BaseException:
            self._abandon_writes()
            raise
        self._finish_writes()
        report.stories_after = queries.story_count(self.store.db)
        if not report.cancelled:
            self.store.set_meta(ANALYSIS_KEY, str(ANALYSIS_VERSION))
        if report.done:
            self.secure_writes()
        return report

    def secure_writes(self) -> None:
        """After an import or reanalysis changed the database: move the committed writes from
        the -wal into the database file (see Store.checkpoint) and take an automatic backup."""
        self.store.checkpoint()
        self.store.backup()

    def _finish_writes(self) -> None:
        """Re-derive the place hierarchy and commit the index once for the whole batch."""
        if self.store.get_meta(INDEX_DIRTY) is None:
            return
        self.refresh_hierarchy()
        self.index.commit()
        self.store.set_meta(INDEX_DIRTY, None)

    def _abandon_writes(self) -> None:
        """After an error or an interruption (Ctrl-C) mid-batch: drop the index's pending batch,
        which may hold half a document, and leave the interrupted flag set. The database keeps
        its whole files; the next writer's `repair_index` brings the index level with them."""
        if self._index is not None:
            self._index.cancel()

    def _docs(self, story_ids: Sequence[int] | None) -> Iterator[IndexDoc]:
        db = self.store.db
        names = queries.story_place_names(db, story_ids)
        for story_id, fields in queries.index_rows(db, story_ids):
            yield index_doc(story_id, fields, names.get(story_id, []))

    @_writes("整理地点层级")
    def refresh_hierarchy(self) -> None:
        """Choose every place's division and parent from the stored evidence (see
        `viewer.places.hierarchy.place_all`) and store them."""
        home = self.store.get_meta(HOME)
        # The stories per place only serve to infer a home region when none is set.
        stories = self.store.stories_by_place() if home is None else {}
        placement = place_all(self.store.place_keys(), self.store.place_links(), stories, home)
        self.store.set_placement(placement.parents, placement.codes, placement.levels)

    # -- home region ------------------------------------------------------------------------

    def home_region(self) -> tuple[str | None, bool]:
        """(code, set_by_user) of the region ambiguous place names are read in: the one set with
        `set_home_region`, else the prefecture the archive's stories name most (None if none)."""
        given = self.store.get_meta(HOME)
        if given is not None:
            return given, True
        stories = self.store.stories_by_place()
        return place_all(self.store.place_keys(), self.store.place_links(), stories).home, False

    @_writes("设定地区")
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

    @_writes("重建索引")
    def reindex(self, progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> int:
        """Build the search index afresh from the database; returns the number of stories
        indexed. The old index is deleted unread (it may be damaged). `progress` counts stories:
        `done` of `total`. Cancelled, it keeps what it indexed and stays marked interrupted."""
        self.store.set_meta(INDEX_DIRTY, "1")
        if self._index is not None:
            self._index.close()
            self._index = None
        try:
            remove_index(self.root / INDEX_DIR)
        except OSError:  # a file still open elsewhere (Windows): empty it through whoosh instead
            self.index.clear()
        count = self._index_stories(None, progress, cancel)
        self.index.commit()
        if not (cancel and cancel()):
            self.store.set_meta(INDEX_DIRTY, None)
        return count

    def _index_stories(
        self, story_ids: list[int] | None, progress: ProgressFn | None, cancel: CancelFn | None
    ) -> int:
        """Add (or replace) these stories' documents, committing as an import does; stops
        between batches when cancelled."""
        total = queries.story_count(self.store.db) if story_ids is None else len(story_ids)
        count = uncommitted = 0
        batch: list[IndexDoc] = []
        for doc in self._docs(story_ids):
            if not batch and cancel and cancel():
                return count
            batch.append(doc)
            if len(batch) >= INDEX_BATCH_STORIES:
                self.index.add(batch)
                count, uncommitted, batch = count + len(batch), uncommitted + len(batch), []
                if uncommitted >= INDEX_COMMIT_STORIES or self.index.batch_is_full:
                    self.index.commit()
                    uncommitted = 0
                if progress:
                    progress(ImportProgress(count, total, count, ""))
        if batch or not count:
            self.index.add(batch)
            count += len(batch)
            if progress:
                progress(ImportProgress(count, total, count, ""))
        return count

    def index_needs_repair(self) -> bool:
        """Cheap: an index update was interrupted, the index was found damaged when opened, or
        it holds another number of stories than the database."""
        return (
            self.store.get_meta(INDEX_DIRTY) is not None
            or bool(self.index.damage)
            or self.index.count() != queries.story_count(self.store.db)
        )

    def repair_index(
        self,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
        *,
        force: bool = False,
    ) -> bool:
        """Bring the index level with the database when `index_needs_repair` (or always, with
        `force`): add the stories it lacks, replace those it holds an older version of, delete
        those the database no longer has. An index whose records cannot be read is rebuilt.
        Returns True if it changed anything. The interrupted flag is set before the index is
        touched and cleared only after its commit, so a crash in between is repaired again."""
        self._index_verified = True
        if self.read_only:
            return False  # cannot be rebuilt here; `check` reports what is wrong
        with self.writing("修复索引"):
            if not force and not self.index_needs_repair():
                return False
            self.store.set_meta(INDEX_DIRTY, "1")
            self.refresh_hierarchy()
            try:
                actual = self.index.revisions()
            except Exception:  # unreadable records: nothing in this index can be trusted
                self.reindex(progress, cancel)
                return True
            expected = self._revisions()
            extra = sorted(actual.keys() - expected.keys())
            todo = sorted(i for i, rev in expected.items() if actual.get(i) != rev)
            if extra:
                self.index.delete(extra)
            self._index_stories(todo, progress, cancel)
            self.index.commit()
            if cancel and cancel():
                return True  # still marked interrupted: the next repair goes on from here
            if self.index.seal():  # a commit without a manifest, and its files cannot be read
                self.reindex(progress, cancel)
                return True
            self.index.damage = []
            self.store.set_meta(INDEX_DIRTY, None)
            return bool(extra or todo)

    def _revisions(self) -> dict[int, str]:
        return {doc.story_id: doc.rev for doc in self._docs(None)}

    def check(self) -> CheckReport:
        """Compare the database with the index, story by story, and check the index's own files
        (checksums of the last commit, or every record and posting read)."""
        interrupted = self.store.get_meta(INDEX_DIRTY) is not None
        expected = self._revisions()
        damage = [*self.index.damage, *self.index.verify()]
        try:
            actual = self.index.revisions()
        except Exception as err:  # reported as damage; `repair` rebuilds without reading it
            damage.append(f"无法读取索引中存储的记录：{type(err).__name__}: {err}")
            actual = {}
        return CheckReport(
            stories=len(expected),
            indexed=len(actual),
            missing=sorted(set(expected) - set(actual)),
            extra=sorted(set(actual) - set(expected)),
            stale=sorted(i for i in expected.keys() & actual.keys() if expected[i] != actual[i]),
            interrupted=interrupted,
            damage=damage,
        )

    def repair(self, report: CheckReport, progress: ProgressFn | None = None) -> None:
        """Fix what `check` found: a damaged index is rebuilt from the database without being
        read; any other disagreement is repaired story by story."""
        if report.damage:
            self.refresh_hierarchy()
            self.reindex(progress)
        elif not report.ok:
            self.repair_index(progress, force=True)

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

    def date_span(self) -> tuple[str, str] | None:
        """The earliest and latest story date (ISO "YYYY-MM-DD"), or None for an archive with no
        dated story: the date filter's default range. Undated stories do not count."""
        return queries.date_span(self.store.db)

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
        `snippet_hits` are [start, end) offsets into `snippet_text`; the snippet opens with the
        byline when an `author:` or nothing but the byline matched. `byline_hits` are the
        offsets of the searched names and literals in `byline`. The keys:
        `{id, title, label, kind, places, date, score, snippet, snippet_text, snippet_hits,
        byline, byline_hits}`. Raises search.QueryError for a query it cannot use."""
        if not self._index_verified:
            self._repair_if_no_writer()
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
        bylines = queries.bylines(self.store.db, ids)
        results = []
        for hit in hits:
            summary = summaries.get(hit.story_id)
            body = bodies.get(hit.story_id)
            # The index ahead of the database (`check` reports it), or a story another
            # process replaced between the two reads.
            if summary is None or body is None:
                continue
            text_, spans = make_snippet(body, parsed.literals)
            byline = bylines.get(hit.story_id, "")
            byline_spans = byline_hits(byline, parsed)
            if byline_spans and (parsed.authors or not spans):
                text_, spans = led_by_byline(byline, byline_spans, text_, spans)
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
                    "byline": byline,
                    "byline_hits": [list(s) for s in byline_spans],
                }
            )
        return results

    def _repair_if_no_writer(self) -> None:
        """Readers never write: the index is repaired (see `repair_index`) only when no one
        else is writing; while another process imports, search what it has committed."""
        if self.read_only:
            return  # nothing can be repaired here; `check` says what is wrong
        try:
            with self.writing("检查索引", timeout=0):
                self.repair_index()
        except (ArchiveBusy, ArchiveReadOnly):
            return


def byline_hits(byline: str, parsed: ParsedQuery) -> list[tuple[int, int]]:
    """Where the byline names the query's authors (王 芳 for 王芳 too) or holds its literals."""
    folded = search_fold(byline)
    spans = set(
        find_all(folded, [search_fold(piece) for text in parsed.literals for piece in text.split()])
    )
    for name in parsed.authors:
        spaced = r"\s*".join(map(re.escape, name))
        spans.update(m.span() for m in re.finditer(spaced, folded))
    return sorted(spans)


# Between the byline and the body's snippet when a snippet opens with the byline.
BYLINE_SEPARATOR = " ｜ "


def led_by_byline(
    byline: str,
    byline_spans: Sequence[tuple[int, int]],
    snippet: str,
    spans: Sequence[tuple[int, int]],
) -> tuple[str, list[tuple[int, int]]]:
    """The snippet with the byline (and its hits) before it, so a result found by its byline
    shows why. Line breaks of a multi-part byline are shown as spaces, as in snippets."""
    shift = len(byline) + len(BYLINE_SEPARATOR)
    text = byline.replace("\n", " ") + BYLINE_SEPARATOR + snippet
    return text, [*byline_spans, *((a + shift, b + shift) for a, b in spans)]


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
    # The page reading is imported where a page is read, not at the top: its patterns take
    # ~0.1 s to compile, which a command that only searches or lists would pay for nothing.
    from viewer.ingest import page_from_text

    meta = PageMeta(source=row["source"] or "", date=row["date"] or "", page=row["page"] or "")
    return page_from_text(
        row["path"], row["text"], sha256=row["sha256"], encoding=row["encoding"] or "", meta=meta
    )


def ensure_seeded(archive: Archive, seeds: Path) -> ImportReport | None:
    """Build the archive from the bundled sample pages if it holds no files yet."""
    if archive.store.file_count() > 0:
        return None
    return archive.import_paths([seeds])
