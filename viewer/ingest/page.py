"""Page files on disk: which files to import, and reading one into a ParsedPage.

This is the only module of the package that touches the file system (besides the sidecar read in
`meta.py`). Everything it raises for a file that cannot be imported is a `RejectedFile`, so the
archive can list skipped files with a reason and go on.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from viewer.batch_meta import BatchMeta
from viewer.calendar import find_years
from viewer.ingest.datelines import dateline_date
from viewer.ingest.decode import decode
from viewer.ingest.files import FileTooLarge, NotRegularFile, read_bounded
from viewer.ingest.meta import page_header_date, read_meta
from viewer.ingest.split import split_page
from viewer.model import MAX_BYTES, PageMeta, ParsedPage, ParsedStory

PAGE_SUFFIXES = (".txt", ".md")

_MESSAGES = {
    "unsupported": "不支持的文件类型，只能导入 .txt 和 .md 文件。",
    "unreadable": "无法读取这个文件。",
    "not_regular": "这不是普通文件（是命名管道、设备或套接字），没有读取。",
    "empty": "文件是空的，没有文字。",
    "too_large": "文件太大，超过了 {limit} MB 的上限。",
    "binary": "这是二进制文件，不是文本文件。",
    "undecodable": "无法识别文件的文字编码。",
}
# Said of a file that was imported, but not quite as it is on disk.
WARNING_MESSAGES = {
    "truncated": "文件在一个字的中间结束（可能不完整），已去掉末尾残缺的字后导入。",
}


class RejectedFile(Exception):
    """A file that must be skipped; `code` says why, `message` says it to the user in Chinese."""

    def __init__(self, path: str, code: str, message: str = "") -> None:
        # Passing every field to Exception keeps the error picklable across worker processes.
        message = message or _MESSAGES.get(code, code).format(limit=MAX_BYTES // (1024 * 1024))
        super().__init__(path, code, message)
        self.path = path
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def find_page_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, plus the .txt/.md files inside folders (recursively, sorted, no hidden ones).

    A file named explicitly is kept whatever its suffix, so the user hears why it was skipped.
    """
    found: list[Path] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            found.append(path)

    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in _walk(path):
                add(child)
        else:
            add(path)
    return found


def _walk(folder: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.lower().endswith(PAGE_SUFFIXES):
                out.append(Path(root, name))
    return sorted(out, key=lambda p: p.relative_to(folder).parts)


def read_page(
    path: Path, *, max_bytes: int = MAX_BYTES, batch: BatchMeta | None = None
) -> ParsedPage:
    """Read, decode and split one page file. Raises RejectedFile when it cannot be imported.
    `batch` is what the user said about the whole import (it fills gaps, see `read_meta`)."""
    path = Path(path)
    name = str(path)
    if path.suffix.lower() not in PAGE_SUFFIXES:
        raise RejectedFile(name, "unsupported")
    data = read_page_bytes(path, max_bytes=max_bytes)
    try:
        decoded = decode(data)
    except ValueError as error:
        raise RejectedFile(name, str(error)) from None
    page = page_from_text(
        name,
        decoded.text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=decoded.encoding,
        meta=read_meta(path, batch),
    )
    if decoded.truncated:
        page.warnings.append("truncated")
    return page


def read_page_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a page file, read only if it is a regular file within the cap (a pipe,
    device or socket named like a page is never opened for reading). Raises RejectedFile."""
    name = str(path)
    try:
        return read_bounded(path, max_bytes)
    except FileTooLarge:
        raise _too_large(name, max_bytes) from None
    except NotRegularFile:
        code = "unreadable" if path.is_dir() else "not_regular"
        raise RejectedFile(name, code) from None
    except OSError:
        raise RejectedFile(name, "unreadable") from None


def page_from_text(
    path: str,
    text: str,
    *,
    sha256: str,
    encoding: str,
    meta: PageMeta,
    date_by_hand: bool = False,
) -> ParsedPage:
    """Split decoded page text into stories and date them. A pure function of its arguments, so
    an archive can read a page again from what it stored, without the original file.

    `meta` is what the sidecar or file name said; it is not changed. `date_by_hand`: its date
    was set by the user (`Archive.set_file_meta`) and wins over the page's header line."""
    # The date printed in the page's header line (１９９８年１月１日　星期四) comes first; the
    # sidecar and the file name date pages that print none.
    if not date_by_hand:
        meta = replace(meta, date=page_header_date(text) or meta.date)
    stories = split_page(text)
    for story in stories:
        story.date = story_dateline_date(text, story, meta.date)
    return ParsedPage(
        path=path,
        sha256=sha256,
        encoding=encoding,
        text=text,
        meta=meta,
        years=find_years(text),
        stories=stories,
    )


# A dateline opens the story's text, after its headline lines and perhaps a byline line.
_DATELINE_LINES = 3


def story_dateline_date(text: str, story: ParsedStory, page_date: str) -> str:
    """The date the story's own dateline states (`新华社北京１月１日电` → that day, the year
    from `page_date`), "" when it has none. Only the first few lines under the headline count:
    a date further down is an event's date, not the dispatch's."""
    heading = {story.kicker, story.title, story.subtitle} - {""}
    lines = (line.strip() for line in text[story.source_start : story.source_end].split("\n"))
    body_lines = [line for line in lines if line and line not in heading]
    for line in body_lines[:_DATELINE_LINES]:
        date = dateline_date(line, page_date)
        if date:
            return date
    return ""


def _too_large(name: str, max_bytes: int) -> RejectedFile:
    limit = f"{max_bytes / (1024 * 1024):g}"
    return RejectedFile(name, "too_large", _MESSAGES["too_large"].format(limit=limit))
