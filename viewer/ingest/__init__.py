"""Page files -> ParsedPage: decoding, metadata, splitting a page into stories, bylines, OCR repair.

Nothing here touches the archive; `read_page` is a pure function of one file, safe to run in
worker processes, and `page_from_text` the same reading of text already decoded.
"""

from viewer.calendar import find_years
from viewer.ingest.decode import decode
from viewer.ingest.meta import normalise_date, read_meta
from viewer.ingest.page import (
    MAX_BYTES,
    PAGE_SUFFIXES,
    RejectedFile,
    find_page_files,
    page_from_text,
    read_page,
)
from viewer.ingest.split import split_page

__all__ = [
    "MAX_BYTES",
    "PAGE_SUFFIXES",
    "RejectedFile",
    "decode",
    "find_page_files",
    "find_years",
    "normalise_date",
    "page_from_text",
    "read_meta",
    "read_page",
    "split_page",
]
