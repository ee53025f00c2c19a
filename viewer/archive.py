"""Use cases over one archive folder: import, reanalyse, reindex, check, search, browse.

An `Archive` joins the store (SQLite, the source of truth), the search index (derived,
rebuildable) and the per-file analysis. It belongs to one thread. Progress and cancellation are
plain callables so the command line, the GUI and tests can all drive the same code.

It is also the window's one door into the core (with `model` and `paths`): what the GUI needs
from other core modules is named in `__all__` below, so they can change shape behind it.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TypedDict, Unpack

from viewer.analysis import (
    ANALYSIS_VERSION,
    AnalyzedPage,
    FileWarning,
    Rejection,
    analyze_and_prepare,
    index_doc,
    prepare_page,
)
from viewer.archive_corrections import ArchiveCorrections
from viewer.archive_corrections import CorrectionError as CorrectionError  # for the GUI
from viewer.batch_meta import PATTERN_HELP as PATTERN_HELP  # the GUI reads these from here
from viewer.batch_meta import BatchMeta, parse_iso_date
from viewer.batch_meta import BatchMetaError as BatchMetaError
from viewer.batch_meta import NamePattern as NamePattern
from viewer.export import (
    CSV_ENCODING,
    citation,
    facts_csv,
    results_csv,
    story_markdown,
    story_text,
)
from viewer.model import PageMeta, ParsedPage, PlaceProfile
from viewer.places import TreeNode, build_tree, divisions, place_all
from viewer.profile import place_profile
from viewer.search import (
    IndexDoc,
    ParsedQuery,
    QueryError,
    SearchIndex,
    make_snippet,
    parse_query,
)
from viewer.search.committed import open_committed
from viewer.search.dates import period_bounds
from viewer.search.facets import FacetCounts, PlaceClosures
from viewer.search.facets import KindCount as KindCount  # the GUI reads these from here
from viewer.search.facets import PlaceCount as PlaceCount
from viewer.search.facets import YearCount as YearCount
from viewer.search.index import IndexUnavailable, remove_index
from viewer.search.snippet import find_all
from viewer.store import Store, annotating, issues, queries, saved
from viewer.store import corrections as stored_corrections
from viewer.store.annotating import AnnotatedStory, TagCount
from viewer.store.annotating import AnnotationError as AnnotationError  # for the GUI and CLI
from viewer.store.annotating import UnknownStory as UnknownStory
from viewer.store.corrections import Correction as Correction  # for the GUI
from viewer.store.corrections import PlaceReview as PlaceReview
from viewer.store.issues import IssueDay as IssueDay  # the GUI reads these from here
from viewer.store.issues import IssueMonth as IssueMonth
from viewer.store.issues import IssuePage as IssuePage
from viewer.store.issues import IssuePaper
from viewer.store.issues import IssueYear as IssueYear
from viewer.store.safety import (
    WRITES_KEY,
    BackupInfo,
    Diagnosis,
    Restored,
    backup_info,
    diagnose,
)
from viewer.store.saved import SavedSearch, SearchFilters
from viewer.store.saved import SavedSearchError as SavedSearchError
from viewer.store.store import WriteResult
from viewer.store.story_keys import StoryKey
from viewer.text import fold, is_encodable, neutralise_bidi, search_fold
from viewer.workers import run_in_workers
from viewer.writelock import ArchiveBusy, ArchiveReadOnly, Holder, WriteLock

__all__ = [
    "CSV_ENCODING",
    "Archive",
    "ArchiveBusy",
    "BackupInfo",
    "CancelFn",
    "CheckReport",
    "Diagnosis",
    "FacetCounts",
    "ImportProgress",
    "ImportReport",
    "IndexUnavailable",
    "PlaceProfile",
    "ProgressFn",
    "QueryError",
    "ReanalyseReport",
    "RemoveReport",
    "Restored",
    "SavedSearch",
    "SavedSearchError",
    "SearchFilters",
    "SearchHit",
    "SearchOptions",
    "SearchResults",
    "TreeNode",
    "backup_info",
    "citation",
    "diagnose",
    "ensure_seeded",
    "facts_csv",
    "fold",
    "neutralise_bidi",
    "restore_backup",
    "results_csv",
    "search_fold",
    "story_markdown",
    "story_text",
]

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
    # Files imported whose names do not fit the batch's file-name pattern (it told them nothing).
    unfit: list[str] = field(default_factory=list)


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


class SearchOptions(TypedDict, total=False):
    """The filters `Archive.search_results` takes besides the query text (the search bar's)."""

    place: str | None
    kind: str | None
    date_from: str | None
    date_to: str | None


class SearchArguments(SearchOptions, total=False):
    """Every keyword argument of `Archive.search_results`."""

    limit: int
    sort: str


class SearchHit(TypedDict):
    """One search result as `Archive.search` returns it (and `viewer search --json` prints)."""

    id: int
    title: str
    label: str
    kind: str
    places: list[str]
    date: str | None
    score: float
    snippet: str  # hits marked with ** (the story's own * and \\ escaped)
    snippet_text: str
    snippet_hits: list[list[int]]  # [start, end) offsets into snippet_text
    byline: str
    byline_hits: list[list[int]]  # offsets into byline


@dataclass
class SearchResults:
    """What the window shows for a search: the hits and what to highlight in the reader."""

    hits: list[SearchHit]
    terms: list[str]  # the query's literals and searched authors, as the reader marks them


@dataclass
class FileMetaChange:
    """A file's metadata after `Archive.set_file_meta`."""

    path: str
    paper: str
    date: str  # ISO, or "" for none
    page: str
    redated: int  # stories whose date changed with it


class FileNotStored(LookupError):
    """A path that names no file stored in the archive."""


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


class Archive(ArchiveCorrections):
    """One archive folder: `archive.db` plus the `index/` folder beside it. The archivist's
    corrections (`correct_title` ...) are in ArchiveCorrections."""

    def __init__(self, root: Path, *, read_only: bool | None = None) -> None:
        self.root = root
        # Read-only (a read-only mount or share, unless told): browsing and searching only.
        self.store = Store(root, read_only=read_only)
        self.read_only = self.store.read_only
        self._index: SearchIndex | None = None
        self._index_verified = False  # repair_index ran since this Archive opened
        self._lock = WriteLock(root)
        self._writing_depth = 0  # nesting of `writing` (an import repairs the index first)
        # (hierarchy stamp, the places whose filter finds each story): see `_place_closures`
        self._closures: tuple[tuple[str | None, str | None], PlaceClosures] | None = None

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
        batch: BatchMeta | None = None,
    ) -> ImportReport:
        """Import page files and folders. Each file is one transaction: an interruption leaves
        only whole files. Bad files are reported and skipped; the others still import.
        `batch`: the paper, date or file-name pattern the user gave for these files, filling
        what a page's own metadata leaves open (see `viewer.batch_meta`)."""
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
                if batch is not None and not batch.fits(path):
                    report.unfit.append(str(path))
        done = report.unchanged
        uncommitted = 0
        with self._batch_of_writes():
            for result in self._analyze(todo, workers, cancel, batch):
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
        if report.imported:
            self.secure_writes()
        return report

    def _analyze(
        self,
        todo: list[str],
        workers: int | None,
        cancel: CancelFn | None,
        batch: BatchMeta | None = None,
    ) -> Iterator[AnalyzedPage | Rejection]:
        analyse = functools.partial(analyze_and_prepare, batch=batch)
        if workers is None:
            # One worker per core: the writer mostly waits for them (the analysis, including
            # jieba for the index, is about 70% of the work).
            workers = (os.cpu_count() or 1) if len(todo) >= PARALLEL_MIN_FILES else 0
        if workers <= 0:
            for path in todo:
                if cancel and cancel():
                    return
                yield analyse(path)
            return
        # Finishing the import (also after a Ctrl-C) places the new places in the hierarchy,
        # which needs the gazetteer (about a second to load): load it while the workers start.
        yield from run_in_workers(analyse, todo, workers, cancel, while_starting=divisions.load)

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

    def _store_page(
        self, page: AnalyzedPage, imported_at: str | None = None, date_by_hand: bool = False
    ) -> WriteResult:
        """Store one page (replacing the file at its path) and queue the index changes. The
        index stays marked dirty until `_finish_writes` commits it."""
        if self.store.get_meta(INDEX_DIRTY) is None:
            self.store.set_meta(INDEX_DIRTY, "1")
        result = self.store.write_page(
            page.record, imported_at=imported_at, packed=page.packed, date_by_hand=date_by_hand
        )
        annotating.reattach(self.store.db, result.file_id, result.removed)
        # The archivist's corrections of this page's stories, applied to their new ids: those
        # stories are indexed as the database now holds them, not as the analysis read them.
        corrected = stored_corrections.apply_page(self.store.db, result.file_id)
        if result.removed:
            self.index.delete(result.removed)
        self.index.add(
            prepared.with_id(story_id)
            for story_id, prepared in zip(result.added, page.prepared, strict=True)
            if story_id not in corrected
        )
        if corrected:
            self.index.add(self._docs(sorted(corrected)))
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
        with self._batch_of_writes():
            for given in paths:
                matches = _stored_under(Path(given), stored)
                if not matches:
                    report.missing.append(str(given))
                for path in matches:
                    if self.store.get_meta(INDEX_DIRTY) is None:
                        self.store.set_meta(INDEX_DIRTY, "1")
                    removed = self.store.remove_file(path)
                    annotating.detach(self.store.db, removed)
                    self.index.delete(removed)
                    report.removed.append((path, len(removed)))
                    stored.remove(path)
        if report.removed:
            self.secure_writes()
        return report

    @_writes("修改文件信息")
    def set_file_meta(
        self,
        path: Path | str,
        *,
        paper: str | None = None,
        date: str | None = None,
        page: str | None = None,
    ) -> FileMetaChange:
        """Set a stored file's paper, date (YYYY-MM-DD, "" for none) or page label; None
        leaves a field as it is. Its stories dated by the page (not by a dateline of their
        own) take the new date, in the database and the index, ids unchanged. A date set here
        wins over the page's header line from now on, reanalysis included. Raises
        FileNotStored, or BatchMetaError for a bad date."""
        self.repair_index()
        row = self._stored_row(path)
        new_date = row["date"] or ""
        if date is not None:
            new_date = parse_iso_date(date) if date.strip() else ""
        meta = PageMeta(
            source=(row["source"] or "") if paper is None else paper.strip(),
            date=new_date,
            page=(row["page"] or "") if page is None else page.strip(),
        )
        by_hand = bool(row.get("date_by_hand")) or date is not None
        page_date, redated = self._story_dates(row, meta, by_hand)
        meta.date = page_date
        if self.store.get_meta(INDEX_DIRTY) is None:
            self.store.set_meta(INDEX_DIRTY, "1")
        self.store.set_file_meta(row["id"], meta, by_hand, redated)
        try:
            self._index_stories(sorted(redated), None, None)
        except BaseException:
            self._abandon_writes()
            raise
        self.index.commit()
        self.store.set_meta(INDEX_DIRTY, None)
        self.store.checkpoint()
        return FileMetaChange(row["path"], meta.source, meta.date, meta.page, len(redated))

    def _stored_row(self, path: Path | str) -> dict:
        for candidate in dict.fromkeys((str(path), stored_path(Path(path)))):
            row = self.store.stored_file(candidate)
            if row is not None:
                return row
        raise FileNotStored(f"档案中没有这个文件：{path}")

    def _story_dates(self, row: dict, meta: PageMeta, by_hand: bool) -> tuple[str, dict[int, str]]:
        """The page's date and (story id -> new date) for the stories whose date changes: the
        page read again with the new metadata, as `reanalyse` would read it (the header line
        still wins over a date not set by hand). Stories of a page stored by an older
        reading (split otherwise) follow the rule instead: those that had the page's date
        take the new one."""
        new = _stored_page({**row, **asdict(meta), "date_by_hand": by_hand})
        stored = self.store.file_stories(row["id"])
        cuts = [(s.seq, s.source_start, s.source_end) for s in new.stories]
        if cuts == [(seq, start, end) for _id, seq, start, end, _date in stored]:
            dates = [s.date or new.meta.date for s in new.stories]
        else:
            old = row["date"] or ""
            dates = [new.meta.date if d == old else d for *_rest, d in stored]
        return new.meta.date, {
            story_id: date
            for (story_id, *_rest, old_date), date in zip(stored, dates, strict=True)
            if date != old_date
        }

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
        with self._batch_of_writes():
            for path in paths:
                if cancel and cancel():
                    report.cancelled = True
                    break
                row = self.store.stored_file(path)
                if row is None:  # gone since the list was read (cannot happen with one writer)
                    continue
                analysed = prepare_page(_stored_page(row), row["size"])
                by_hand = bool(row.get("date_by_hand"))
                added = len(self._store_page(analysed, row["imported_at"], by_hand).added)
                written += added
                uncommitted += added
                if uncommitted >= INDEX_COMMIT_STORIES or self.index.batch_is_full:
                    self.index.commit()
                    uncommitted = 0
                report.done += 1
                if progress:
                    progress(ImportProgress(report.done, report.files, written, path))
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

    @contextmanager
    def _batch_of_writes(self) -> Iterator[None]:
        """A batch of page writes (an import, a removal, a reanalysis): on an error or an
        interruption the index's pending batch is dropped and the error goes on
        (`_abandon_writes`); else the hierarchy is re-derived and the index committed once
        (`_finish_writes`)."""
        try:
            yield
        except BaseException:
            self._abandon_writes()
            raise
        self._finish_writes()

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
        self._apply_place_corrections()

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
            annotating.heal(self.store.db)  # a page write cut off before its annotations moved
            self._reapply_stray_corrections()
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
        else those whose name starts with it; a name in traditional characters that finds none
        is looked up in simplified ones (鄭州 -> 郑州)."""
        if not is_encodable(name):
            raise QueryError("地名里有无法识别的字符")
        named = self.store.places_named(name)
        if named and self.store.place_exists(name):
            return named  # a name from the tree: the gazetteer (~0.5 s to load) is not needed
        found = self.store.places_named(name, divisions.load().keys_named(name))
        simplified = search_fold(name)
        if not found and simplified != fold(name):
            # 鄭州 for 郑州: the gazetteer and most pages write places in simplified characters.
            return self.places_named(simplified)
        return found

    def place_ids(self, name: str) -> list[int]:
        """The places called `name` (see `places_named`) and everything under them."""
        return self.store.subtree(self.places_named(name))

    def stories(
        self,
        place: str | None = None,
        *,
        paper: str | None = None,
        date: str | None = None,
        page: str | None = None,
    ) -> list[dict]:
        """Story summaries in source order: all, those linked to `place` (and the places under
        it), and/or those of one issue (see `issues`): `paper` ("" for files naming none),
        `date` the page date or a period of them (2020, 2020-10, 2020-10-15; "" for undated
        files), `page` the page label. None is any. Raises QueryError for a date it cannot
        read."""
        db = self.store.db
        if place is None and paper is None and date is None and page is None:
            return queries.story_summaries(db)
        ids: list[int] | None = None
        if place is not None:
            ids = queries.story_ids_for_places(db, self.place_ids(place))
        if paper is not None or date is not None or page is not None:
            first, last = period_bounds(date) if date else (None, None)
            in_issue = issues.story_ids_in_issue(
                db, paper=paper, date_from=first, date_to=last, undated=date == "", page=page
            )
            linked = set(ids or ())
            ids = in_issue if ids is None else [i for i in in_issue if i in linked]
        return queries.story_summaries(db, ids)

    def issues(self) -> list[IssuePaper]:
        """The archive by issue, from the files' metadata: paper -> year -> month -> day ->
        page with story counts (see `viewer.store.issues`); one grouped query."""
        return issues.issue_tree(self.store.db)

    def story(self, story_id: int) -> dict | None:
        """The story (see `queries.story_detail`) with its `tags`, `note` and `bookmarked`."""
        detail = queries.story_detail(self.store.db, story_id)
        if detail is not None:
            detail.update(self._annotation_fields(story_id))
        return detail

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

    def search(self, text: str, **options: Unpack[SearchArguments]) -> list[SearchHit]:
        """The hits of `search_results` (the command line's `search`)."""
        return self.search_results(text, **options).hits

    def search_results(
        self,
        text: str,
        *,
        place: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kind: str | None = None,
        limit: int = 50,
        sort: str = "relevance",
    ) -> SearchResults:
        """Search results best first. Dates are read as the query box reads them (2020, 2020-03,
        2020-03-05 ...), `limit` is 1..MAX_LIMIT, `kind` a STORY_KINDS key or its Chinese name;
        `snippet` marks hits with ** (the story's own `*` and `\\` escaped, see `mark`) and
        `snippet_hits` are [start, end) offsets into `snippet_text`; the snippet opens with the
        byline when an `author:` or nothing but the byline matched. `byline_hits` are the
        offsets of the searched names and literals in `byline`. The keys:
        `{id, title, label, kind, places, date, score, snippet, snippet_text, snippet_hits,
        byline, byline_hits}`. An empty `text` with filters lists the stories they select, newest
        first. `sort` "date": newest first, undated last (see `SearchIndex.search`). Raises
        search.QueryError for a query it cannot use."""
        if not self._index_verified:
            self._repair_if_no_writer()
        if not text.strip() and (place or date_from or date_to or kind):
            parsed = ParsedQuery()  # filters only: the keyword arguments below
        else:
            parsed = parse_query(text)
        annotated = self._annotated(parsed)
        if annotated is not None and not annotated:
            return SearchResults([], [*parsed.literals, *parsed.authors])
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
            sort=sort,
            story_ids=annotated,
        )
        ids = [h.story_id for h in hits]
        summaries = {s["id"]: s for s in queries.story_summaries(self.store.db, ids)}
        bodies = queries.bodies(self.store.db, ids)
        bylines = queries.bylines(self.store.db, ids)
        results: list[SearchHit] = []
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
        return SearchResults(results, [*parsed.literals, *parsed.authors])

    def place_profile(self, name: str) -> PlaceProfile | None:
        """What the archive says about one place (see `viewer.profile`), or None."""
        return place_profile(self, name)

    # -- facets and saved searches -----------------------------------------------------------

    def facets(
        self,
        text: str,
        *,
        place: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kind: str | None = None,
        place_limit: int | None = 200,
    ) -> FacetCounts:
        """How every hit of this search (the arguments of `search`) spreads over places, story
        kinds and years; each count is what choosing it as a filter finds (see
        `viewer.search.facets`). Filter-only queries too, and a blank `text` for every story
        (within the filters). Only the `place_limit` places of the most hits are listed (None:
        all; `place_count` says how many have hits). Raises QueryError as `search`."""
        parsed = self._counted_query(text)
        return self.index.facets(
            parsed,
            place_names=self._place_filter(parsed, place),
            date_from=date_from,
            date_to=date_to,
            kinds=[kind] if kind else None,
            closures=self._place_closures(),
            place_limit=place_limit,
            story_ids=self._annotated(parsed),
        )

    def hit_count(
        self,
        text: str,
        *,
        place: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kind: str | None = None,
    ) -> int:
        """How many stories this search finds (the arguments of `search`; a blank `text`: every
        story within the filters), none of them read."""
        parsed = self._counted_query(text)
        return self.index.hit_count(
            parsed,
            place_names=self._place_filter(parsed, place),
            date_from=date_from,
            date_to=date_to,
            kinds=[kind] if kind else None,
            story_ids=self._annotated(parsed),
        )

    def _annotated(self, parsed: ParsedQuery) -> set[int] | None:
        """The stories a query's tag:, note: and is: filters stand for (None: it has none)."""
        return annotating.matching_stories(
            self.store.db, parsed.tags, parsed.notes, parsed.bookmarked
        )

    def _counted_query(self, text: str) -> ParsedQuery:
        """The query of `facets` and `hit_count` (a blank one: every story), on an index checked
        once since this Archive opened, as `search` does."""
        if not self._index_verified:
            self._repair_if_no_writer()
        return parse_query(text) if text.strip() else ParsedQuery()

    def _place_filter(self, parsed: ParsedQuery, place: str | None) -> list[str] | None:
        """The place names a search's place filter and `place:` terms stand for (as `search`)."""
        wanted = ([place] if place else []) + list(parsed.places)
        if not wanted:
            return None
        ids = [i for name in wanted for i in self.place_ids(name)]
        return self.store.place_names(ids) or wanted

    def _place_closures(self) -> PlaceClosures:
        """For each story, the places whose filter finds it: those it is linked to, and every
        place above a place of the same name (a filter reads names). Kept until a page write
        or the home region changes the hierarchy; the same object while it holds, so the
        index keeps the per-document table it built for it."""
        stamp = (self.store.get_meta(WRITES_KEY), self.store.get_meta(HOME))
        if self._closures is None or self._closures[0] != stamp:
            parents = self.store.parents()
            above: dict[str, set[str]] = {}
            for key in parents:
                names = above.setdefault(key[0], set())
                seen: set[tuple[str, str]] = set()
                at: tuple[str, str] | None = key
                while at is not None and at not in seen:
                    seen.add(at)
                    names.add(at[0])
                    at = parents.get(at)
            numbers = {name: n for n, name in enumerate(above)}
            closure_of = {name: frozenset(numbers[a] for a in up) for name, up in above.items()}
            linked: dict[int, set[int]] = {}
            for story_id, name in queries.story_place_pairs(self.store.db):
                linked.setdefault(story_id, set()).update(closure_of.get(name, ()))
            by_story = {story_id: tuple(found) for story_id, found in linked.items()}
            self._closures = (stamp, PlaceClosures(list(above), by_story))
        return self._closures[1]

    def saved_searches(self) -> list[SavedSearch]:
        """The saved searches by name, each with how many stories it finds now (`hits`; None
        and `error` when its query no longer parses)."""
        found = saved.saved(self.store.db)
        for search in found:
            f = search.filters
            try:
                search.hits = self.hit_count(
                    search.query,
                    place=f.place,
                    date_from=f.date_from,
                    date_to=f.date_to,
                    kind=f.kind,
                )
            except QueryError as err:
                search.error = str(err)
        return found

    @_writes("保存检索")
    def save_search(
        self, name: str, query: str, filters: SearchFilters | None = None
    ) -> SavedSearch:
        """Save a search by name; raises SavedSearchError when the name is empty or taken,
        QueryError when the query or a filter cannot be searched."""
        filters = filters or SearchFilters()
        parse_query(query)  # what `search` cannot search is not saved
        self.hit_count(
            query,
            place=filters.place,
            date_from=filters.date_from,
            date_to=filters.date_to,
            kind=filters.kind,
        )
        return saved.save(self.store.db, name, query, filters)

    @_writes("重命名检索")
    def rename_search(self, old: str, new: str) -> None:
        """Raises SavedSearchError when `old` is not saved or `new` is empty or taken."""
        saved.rename(self.store.db, old, new)

    @_writes("删除检索")
    def delete_search(self, name: str) -> None:
        """Raises SavedSearchError when no search has that name."""
        saved.delete(self.store.db, name)

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

    # -- tags, notes and bookmarks (viewer.store.annotating) --------------------------------
    # Kept in the database with each story's key, so they outlive re-imports, reanalysis and
    # `reindex`. Unknown story ids raise annotating.UnknownStory; bad tags or notes
    # annotating.AnnotationError.

    @_writes("添加标签")
    def add_tag(self, story_ids: Sequence[int], tag: str) -> int:
        """Tag the stories; returns how many did not have the tag yet."""
        return annotating.add_tag(self.store.db, story_ids, tag)

    @_writes("删除标签")
    def remove_tag(self, story_ids: Sequence[int], tag: str) -> int:
        """Take the tag off the stories; returns how many had it."""
        return annotating.remove_tag(self.store.db, story_ids, tag)

    def tags(self) -> list[TagCount]:
        """Every tag in use, with its number of stories (and of orphans), most used first."""
        return annotating.tag_counts(self.store.db)

    def story_tags(self, story_id: int) -> list[str]:
        found = annotating.of_story(self.store.db, story_id)
        return found.tags if found else []

    @_writes("写笔记")
    def set_note(self, story_id: int, text: str | None) -> None:
        """Set the story's note (one per story); None or blank text clears it."""
        annotating.set_note(self.store.db, story_id, text)

    @_writes("设置书签")
    def set_bookmark(self, story_id: int, bookmarked: bool = True) -> None:
        annotating.set_bookmark(self.store.db, story_id, bookmarked)

    def bookmarks(self) -> list[AnnotatedStory]:
        """Bookmarked stories, most recently bookmarked first."""
        return annotating.bookmarks(self.store.db)

    def orphans(self) -> list[AnnotatedStory]:
        """Tags, notes and bookmarks whose story is gone (its page changed or was removed);
        they attach again if a page holding the story is imported."""
        return annotating.orphans(self.store.db)

    @_writes("删除失去稿件的标签和笔记")
    def forget_orphans(self, keys: Sequence[StoryKey] | None = None) -> int:
        """Delete orphans for good (those with these keys, or all); returns how many went."""
        return annotating.forget_orphans(self.store.db, keys)

    def _annotation_fields(self, story_id: int) -> dict:
        found = annotating.of_story(self.store.db, story_id)
        if found is None:
            return {"tags": [], "note": None, "bookmarked": False}
        return {"tags": found.tags, "note": found.note, "bookmarked": found.bookmarked}


def restore_backup(root: Path, backup: Path, index_progress: ProgressFn | None = None) -> Restored:
    """Put `backup` in place of the archive's database and rebuild its index (see
    `viewer.recovery.restore_archive`, which builds on Archive and so is imported here late)."""
    from viewer.recovery import restore_archive

    return restore_archive(root, backup, index_progress=index_progress)[0]


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
    as on import, unless the user set the date by hand (`Archive.set_file_meta`)."""
    # The page reading is imported where a page is read, not at the top: its patterns take
    # ~0.1 s to compile, which a command that only searches or lists would pay for nothing.
    from viewer.ingest import page_from_text

    meta = PageMeta(source=row["source"] or "", date=row["date"] or "", page=row["page"] or "")
    return page_from_text(
        row["path"],
        row["text"],
        sha256=row["sha256"],
        encoding=row["encoding"] or "",
        meta=meta,
        date_by_hand=bool(row.get("date_by_hand")),
    )


def ensure_seeded(archive: Archive, seeds: Path) -> ImportReport | None:
    """Build the archive from the bundled sample pages if it holds no files yet."""
    if archive.store.file_count() > 0:
        return None
    return archive.import_paths([seeds])
